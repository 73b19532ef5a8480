import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/** Applies a batch of items in one transaction, giving one output per item, in order. */
export type ApplyBatch<I, O> = (trx: Transaction<Database>, items: readonly I[]) => Promise<O[]>;

interface Queued<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/** Items applied together at most; the rest wait for the next transaction, which follows at once. */
const MAX_BATCH = 64;

/**
 * Group commit for a database with one writer (SQLite): items that arrive while a transaction is
 * running are applied together, as one batch, in the next one. Concurrent pushes then share a
 * commit and the statements of the batch (one read of known ids, one insert of results, ...)
 * instead of each paying for its own. Each item still succeeds or fails on its own: if the batch
 * throws, it rolls back and every item is applied again alone, so only the failing one reports
 * an error. Nothing is acknowledged before its commit.
 */
export function createGroupCommit<I, O>(db: Kysely<Database>, apply: ApplyBatch<I, O>) {
  const queue: Queued<I, O>[] = [];
  let running = false;

  const applyAlone = (queued: Queued<I, O>) =>
    db
      .transaction()
      .execute((trx) => apply(trx, [queued.item]))
      .then(([output]) => queued.resolve(output!), queued.reject);

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      if (batch.length === 1) {
        await applyAlone(batch[0]!);
        continue;
      }
      try {
        const outputs = await db.transaction().execute((trx) => apply(trx, batch.map((queued) => queued.item)));
        batch.forEach((queued, i) => queued.resolve(outputs[i]!));
      } catch {
        for (const queued of batch) await applyAlone(queued);
      }
    }
    running = false;
  }

  return {
    /** Applies `item`, possibly in one batch and transaction with others queued at the same time. */
    run(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // Started on the next turn, so the requests that arrived together queue up first.
        if (!running) {
          running = true;
          setImmediate(() => void drain());
        }
      });
    },
  };
}
