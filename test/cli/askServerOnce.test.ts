import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { askServerOnce, ServerUnreachableError } from '../../src/cli/askServerOnce.js';
import { projectRoot } from '../../src/platform/projectRoot.js';

/** A server on a free loopback port that answers with `answer`, noting each request's headers and when its connection closed. */
async function serverAnswering(answer: (respond: import('node:http').ServerResponse, body: string) => void) {
  const seen: { headers: IncomingHttpHeaders; body: string; closed: Promise<void> }[] = [];
  const server: Server = createServer((request, response) => {
    const closed = new Promise<void>((resolve) => request.socket.once('close', () => resolve()));
    let body = '';
    request.on('data', (part: Buffer) => (body += part.toString()));
    request.on('end', () => {
      seen.push({ headers: request.headers, body, closed });
      answer(response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('a command asks the running server once (askServerOnce)', () => {
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
  });

  it('sends the body as JSON with the token and reads the answer, and the connection closes with the answer', async () => {
    const server = await serverAnswering((response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"rows":[1,2,3]}'));
    closing.push(server.close);
    const answer = await askServerOnce(`${server.url}/cli/stats`, 'the-token', { years: { first: 2020, last: 2021 } });
    expect(answer.status).toBe(200);
    expect(answer.ok).toBe(true);
    expect(await answer.json()).toEqual({ rows: [1, 2, 3] });
    const [request] = server.seen;
    expect(request!.headers.authorization).toBe('Bearer the-token');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request!.body)).toEqual({ years: { first: 2020, last: 2021 } });
    // Nothing keeps the connection for another request: the server's side of it closes without the server closing it,
    // so a command's process is not held open by an idle connection (with fetch's keep-alive this never resolves).
    expect(request!.headers.connection).toBe('close');
    const stillOpen = new Promise<string>((resolve) => setTimeout(() => resolve('still open after 10 s'), 10_000).unref());
    expect(await Promise.race([request!.closed.then(() => 'closed'), stillOpen])).toBe('closed');
  });

  it('gives a refusal with its status and words, and bytes and chunks as they come', async () => {
    const server = await serverAnswering((response, body) => {
      if (body.includes('refuse')) return response.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"--years must run from an earlier to a later year"}');
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      response.write('{"progress":1}\n');
      setTimeout(() => response.end('{"outcome":2}\n'), 20);
    });
    closing.push(server.close);
    const refused = await askServerOnce(server.url, 't', { refuse: true });
    expect([refused.status, refused.ok]).toEqual([400, false]);
    expect(await refused.text()).toContain('--years must run');

    const streamed = await askServerOnce(server.url, 't', {});
    const parts: string[] = [];
    for await (const part of streamed.chunks()) parts.push(Buffer.from(part).toString());
    expect(parts.join('')).toBe('{"progress":1}\n{"outcome":2}\n');
    expect(parts.length).toBe(2);
    await expect(streamed.text()).rejects.toThrow('read already');
    await expect(streamed.text()).rejects.not.toBeInstanceOf(ServerUnreachableError);

    const whole = await askServerOnce(server.url, 't', {});
    expect(Buffer.from(await whole.bytes()).toString()).toBe('{"progress":1}\n{"outcome":2}\n');
  });

  it('says the server did not answer when nothing listens, or when the answer breaks off', async () => {
    const server = await serverAnswering(() => undefined);
    await server.close();
    await expect(askServerOnce(server.url, 't', {})).rejects.toBeInstanceOf(ServerUnreachableError);

    const breaking = await serverAnswering((response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '1000' });
      response.write('the first part');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    closing.push(breaking.close);
    const answer = await askServerOnce(breaking.url, 't', {});
    await expect(answer.bytes()).rejects.toBeInstanceOf(ServerUnreachableError);
  });

  it('has cairn stats say the running Cairn did not answer, when the server holding the folder has gone quiet', async () => {
    const server = await serverAnswering(() => undefined);
    await server.close();
    const dir = mkdtempSync(join(tmpdir(), 'cairn-quiet-server-'));
    closing.push(async () => rmSync(dir, { recursive: true, force: true }));
    // This test's process holds the folder, and its handoff names an address where nothing listens.
    writeFileSync(join(dir, 'cairn.lock'), String(process.pid));
    writeFileSync(join(dir, 'cairn.cli.json'), JSON.stringify({ pid: process.pid, url: server.url, token: 't' }));
    const command = spawnSync(process.execPath, [join(projectRoot, 'bin', 'cairn.js'), 'stats', '--json'], {
      env: { ...process.env, CAIRN_DATA_DIR: dir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    expect(command.status).not.toBe(0);
    expect(command.stdout).toBe('');
    expect(command.stderr).toContain(`Cairn is running on this data folder (pid ${process.pid}): asking it.`);
    expect(command.stderr).toContain(`It did not answer at ${server.url}.`);
  });
});
