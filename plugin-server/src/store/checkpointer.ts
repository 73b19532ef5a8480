import type BetterSqlite3 from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

/** SQLite's own default: the writer checkpoints once the WAL holds this many pages. */
const WRITER_CHECKPOINT_PAGES = 1000;
/**
 * With the background checkpointer running, the writer checkpoints only past this many pages
 * (about 40 MB). Under a steady write load the background checkpoints rarely finish between two
 * commits, and only a finished one lets the writer start the WAL over; so the WAL grows to this
 * bound and the writer's own checkpoint resets it. By then the thread has copied nearly every
 * page, which leaves the writer little more than the fsync.
 */
const BACKSTOP_CHECKPOINT_PAGES = 10_000;

export interface Checkpointer {
  /** Stops the thread after its current checkpoint, if any; call before closing the database. */
  stop(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the event loop. With `synchronous = NORMAL` a commit only appends to
 * the WAL, but the checkpoint that the committing connection runs every 1,000 pages fsyncs the
 * database file, and under a steady write load that wait was the largest single cost of a sync
 * push (bench/http.bench.ts). A worker thread with its own connection checkpoints every
 * `intervalMs` instead; the writer keeps a checkpoint of its own only as a backstop. Should the
 * thread fail, the writer goes back to checkpointing by itself.
 */
export function startCheckpointer(sqlite: BetterSqlite3.Database, file: string, intervalMs = 100): Checkpointer {
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), { workerData: { file, intervalMs } });
  // A store left open must not keep the process alive for its checkpoints (an interrupted one is harmless).
  worker.unref();
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.once('error', (error) => {
    console.error('Lingting: the background WAL checkpointer stopped; the writer checkpoints by itself again.', error);
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`);
  });
  return {
    async stop() {
      // Held again while it finishes, so that closing the store waits for the thread's connection.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
