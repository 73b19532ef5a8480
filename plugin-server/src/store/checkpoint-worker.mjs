// The background checkpointer's thread (see checkpointer.ts): its own connection to the database
// copies committed WAL frames into the database file, so the fsync that this needs never blocks
// the event loop that serves requests. Plain JavaScript, so that it runs as a worker under tsx,
// vitest and plain Node alike.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const { file, intervalMs } = workerData;
const db = new Database(file, { fileMustExist: true });
// The same durability as the serving connection: a checkpoint syncs the WAL, then the database.
db.pragma('synchronous = NORMAL');

// PASSIVE never waits for, nor blocks, readers or the writer: it copies what it can and stops.
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)');
const timer = setInterval(checkpoint, intervalMs);

parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
