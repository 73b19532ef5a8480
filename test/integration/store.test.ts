import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, defaultTemplates } from '../../shared';
import { seed } from '../../plugin-server/src/seed';
import { createSqliteStore } from '../../plugin-server/src/store';
import { makeCase, makeTempDir, putChange } from './helpers';

const temps: Array<{ remove: () => void }> = [];
afterEach(() => {
  for (const temp of temps.splice(0)) temp.remove();
});
function databaseFile() {
  const temp = makeTempDir();
  temps.push(temp);
  return join(temp.dir, 'lingting.db');
}

describe('the SQLite store', () => {
  it('migrates on open, and opening the same file again keeps the data', async () => {
    const file = databaseFile();
    const first = await createSqliteStore({ file });
    const { credentials } = await seed(first);
    const agent = await first.users.findByUsername('agent');
    const c = makeCase();
    await first.sync.applyChanges(agent!.user.id, [putChange(c)], new Date());
    await first.close();

    const second = await createSqliteStore({ file });
    expect(await second.users.count()).toBe(credentials.length);
    expect((await second.cases.get(c.id))?.id).toBe(c.id);
    // A second seed finds the users and does nothing, printing no new passwords.
    expect(await seed(second)).toEqual({ firstRun: false, credentials: [] });
    await second.close();

    const raw = new BetterSqlite3(file, { readonly: true });
    const migrations = raw.prepare('select name from kysely_migration order by name').pluck().all();
    const journal = raw.pragma('journal_mode', { simple: true });
    raw.close();
    expect(migrations).toEqual(['001_initial', '002_search_reminders']);
    expect(journal).toBe('wal');
  });

  it('seeds the catalogue idempotently, leaving edited rows alone', async () => {
    const store = await createSqliteStore({ file: databaseFile() });
    await store.categories.seed(DEFAULT_CATEGORIES);
    await store.categories.seed(DEFAULT_CATEGORIES);
    const templates = defaultTemplates('2026-01-01T00:00:00.000Z');
    await store.templates.seed(templates);
    await store.templates.seed(defaultTemplates('2026-02-01T00:00:00.000Z'));
    expect(await store.categories.list()).toHaveLength(DEFAULT_CATEGORIES.length);
    const stored = await store.templates.list();
    expect(stored).toHaveLength(templates.length);
    expect(stored.every((t) => t.updatedAt === '2026-01-01T00:00:00.000Z')).toBe(true);
    await store.close();
  });

  it('creates the initial users only into an empty table', async () => {
    const store = await createSqliteStore({ file: databaseFile() });
    const user = (username: string) => ({
      user: { id: crypto.randomUUID(), username, displayName: username, role: 'agent' as const },
      passwordHash: 'not-a-real-hash',
      createdAt: new Date(),
    });
    expect(await store.users.createInitial([user('first')])).toBe(true);
    expect(await store.users.createInitial([user('second')])).toBe(false);
    expect(await store.users.findByUsername('second')).toBeUndefined();
    await store.close();
  });

  it('rolls back a change whose write fails, recording no result for it', async () => {
    const file = databaseFile();
    const store = await createSqliteStore({ file });
    const change = putChange(makeCase());
    // No such user: the foreign key on cases.agent_id fails the insert inside the transaction.
    await expect(store.sync.applyChanges(crypto.randomUUID(), [change], new Date())).rejects.toThrow();
    await store.close();

    const raw = new BetterSqlite3(file, { readonly: true });
    const counts = ['cases', 'sync_changes'].map((table) => raw.prepare(`select count(*) from ${table}`).pluck().get());
    raw.close();
    expect(counts).toEqual([0, 0]);
  });
});
