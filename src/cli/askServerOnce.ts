/**
 * @module One request from a `cairn` command to the running server, on Node's own HTTP client (ADR 0077). A command
 * asks once and exits: `fetch` would first load undici and compile its WebAssembly parser, which the process then
 * waits for as it exits (about 0.1 s of `cairn stats`'s 0.3 s through the server), and would keep the connection open
 * for a request that never comes. `node:http` parses in C++, and without an agent the connection closes with the answer.
 */
import { request } from 'node:http';

/** The server's answer: its status, and its body read once, whole or as it arrives. */
export interface ServerAnswer {
  status: number;
  ok: boolean;
  text(): Promise<string>;
  json<T>(): Promise<T>;
  bytes(): Promise<Uint8Array>;
  /** The body as it arrives (the import's progress, the audit export's lines). */
  chunks(): AsyncIterable<Uint8Array>;
}

/** The server did not answer at all: nothing listens at its address, or the connection broke before an answer. */
export class ServerUnreachableError extends Error {
  override name = 'ServerUnreachableError';
}

/**
 * POST `body` as JSON to `url` with the bearer `token`; resolves when the answer's status and headers have arrived.
 * @example const answer = await askServerOnce('http://127.0.0.1:3000/cli/stats', token, {}); await answer.json()
 */
export function askServerOnce(url: string, token: string, body: unknown): Promise<ServerAnswer> {
  const sent = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const asking = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json', 'content-length': sent.length },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let read = false;
        const once = () => {
          if (read) throw new Error('the answer has been read already');
          read = true;
          return response;
        };
        // A connection that breaks part way through the answer is the server's not answering too.
        async function* chunks(): AsyncGenerator<Uint8Array> {
          const body = once();
          try {
            for await (const part of body) yield part as Buffer;
          } catch (error) {
            throw new ServerUnreachableError(`the answer broke off: ${(error as Error).message}`, { cause: error });
          }
        }
        // The body whole, copied once (a backup through the server is the whole data folder).
        const whole = async () => {
          const parts: Uint8Array[] = [];
          for await (const part of chunks()) parts.push(part);
          return Buffer.concat(parts);
        };
        const text = async () => (await whole()).toString('utf8');
        resolve({
          status,
          ok: status >= 200 && status < 300,
          text,
          json: async <T>() => JSON.parse(await text()) as T,
          bytes: whole,
          chunks,
        });
      },
    );
    asking.on('error', (error) => reject(new ServerUnreachableError(error.message, { cause: error })));
    asking.end(sent);
  });
}
