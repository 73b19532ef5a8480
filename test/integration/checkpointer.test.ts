// The background checkpointer (plugin-server/src/store/checkpointer.ts): committed writes reach
// the database file itself while the serving connection only appends to the WAL.
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createSqliteStore, type Store } from '../../plugin-server/src/store';
import { makeCase, makeTempDir, putChange } from './helpers';
import { addUser } from './store-contract/stores';

let temp: ReturnType<typeof makeTempDir>;
let store: Store;
beforeEach(async () => {
  temp = makeTempDir();
  store = await createSqliteStore({ file: join(temp.dir, 'lingting.db') });
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

/** Cases in the database file alone, as a copy without its WAL shows them: only checkpointed pages. */
function casesInDatabaseFile(): number {
  const copy = join(temp.dir, 'copy.db');
  copyFileSync(join(temp.dir, 'lingting.db'), copy);
  const db = new BetterSqlite3(copy, { readonly: true });
  try {
    return db.prepare<[], number>('select count(*) from cases').pluck().get()!;
  } finally {
    db.close();
  }
}

it('copies committed pages into the database file in the background, well before the writer would', async () => {
  const agent = await addUser(store);
  // A few hundred pages: far below the writer's backstop of 10,000, so only the thread checkpoints.
  for (let i = 0; i < 10; i++) {
    await store.sync.applyChanges(agent, Array.from({ length: 50 }, () => putChange(makeCase())), new Date());
  }
  await vi.waitFor(() => expect(casesInDatabaseFile()).toBe(500), { timeout: 5_000, interval: 50 });
});

it('stops with the store, which then leaves a database that needs no WAL', async () => {
  const agent = await addUser(store);
  await store.sync.applyChanges(agent, [putChange(makeCase())], new Date());
  await store.close();
  // The last connection to close checkpoints and removes the WAL: the thread's connection is gone.
  expect(existsSync(join(temp.dir, 'lingting.db-wal'))).toBe(false);
  expect(casesInDatabaseFile()).toBe(1);
  store = await createSqliteStore({ file: join(temp.dir, 'lingting.db') });
});
