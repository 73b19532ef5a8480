import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

type Work<T> = (trx: Transaction<Database>) => Promise<T>;
interface Job {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for a database with one writer (SQLite): units of work that arrive while a
 * transaction is running are run together in the next one, so concurrent pushes share one commit
 * (the commit, not the statements, is most of a small push's cost). Each unit still succeeds or
 * fails on its own: if any unit throws, the group rolls back and every unit is run again alone,
 * so only the failing one reports an error. Nothing is acknowledged before its commit.
 */
export function createGroupCommit(db: Kysely<Database>) {
  let queue: Job[] = [];
  let running = false;

  const runAlone = (job: Job) => db.transaction().execute(job.work).then(job.resolve, job.reject);

  async function drain(): Promise<void> {
    running = true;
    while (queue.length > 0) {
      const jobs = queue;
      queue = [];
      if (jobs.length === 1) {
        await runAlone(jobs[0]!);
        continue;
      }
      try {
        const results = await db.transaction().execute(async (trx) => {
          const out: unknown[] = [];
          for (const job of jobs) out.push(await job.work(trx));
          return out;
        });
        jobs.forEach((job, i) => job.resolve(results[i]));
      } catch {
        for (const job of jobs) await runAlone(job);
      }
    }
    running = false;
  }

  return {
    /** Runs `work` in a transaction, possibly shared with others queued at the same time. */
    run<T>(work: Work<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        // Started on the next turn, so the requests that arrived together queue up first.
        if (!running) {
          running = true;
          setImmediate(() => void drain());
        }
      });
    },
  };
}
