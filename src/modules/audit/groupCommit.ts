/**
 * @module Group commit for audit events written on their own (not inside a caller's transaction, ADR 0049): the first
 * event is written at once; events that arrive while a batch is being written wait and go in the next batch, one
 * statement and one commit, so the chain head's lock (ADR 0041) and the commit's WAL flush are taken once per batch
 * instead of once per event. Each caller still waits until its own event is committed, so nothing is shown unaudited.
 */

interface Waiting<Item> {
  item: Item;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * @example const append = groupCommit((events) => repository.appendMany(db, events)); await append(event)
 */
export function groupCommit<Item>(write: (items: readonly Item[]) => Promise<void>, largestBatch = 200): (item: Item) => Promise<void> {
  const waiting: Waiting<Item>[] = [];
  let writing = false;

  const writeAll = async (): Promise<void> => {
    writing = true;
    try {
      while (waiting.length) {
        const batch = waiting.splice(0, largestBatch);
        try {
          await write(batch.map((entry) => entry.item));
          for (const entry of batch) entry.resolve();
        } catch (error) {
          // One event refused must not refuse the others written with it: each is tried again on its own.
          if (batch.length === 1) batch[0]!.reject(error);
          else for (const entry of batch) await write([entry.item]).then(entry.resolve, entry.reject);
        }
      }
    } finally {
      writing = false;
    }
  };

  return (item) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!writing) void writeAll();
    });
}
