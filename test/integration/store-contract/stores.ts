import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Role, StoredCase } from '../../../shared';
import { createPostgresStore, createSqliteStore, type Store } from '../../../plugin-server/src/store';
import { createTestDatabase } from '../postgres';
import { makeTempDir } from '../helpers';

/** How the contract suites open a fresh, empty, migrated store of each kind. */
export interface StoreKind {
  name: 'sqlite' | 'postgres';
  open(): Promise<{ store: Store; close: () => Promise<void> }>;
}

export const STORE_KINDS: StoreKind[] = [
  {
    name: 'sqlite',
    async open() {
      const temp = makeTempDir();
      const store = await createSqliteStore({ file: join(temp.dir, 'lingting.db') });
      return {
        store,
        close: async () => {
          await store.close();
          temp.remove();
        },
      };
    },
  },
  {
    name: 'postgres',
    async open() {
      const store = await createPostgresStore({ connectionString: await createTestDatabase() });
      return { store, close: () => store.close() };
    },
  },
];

/** Adds a user with a placeholder hash (the contract is about storage, not passwords). */
export async function addUser(store: Store, role: Role = 'agent', username = `u-${randomUUID().slice(0, 8)}`) {
  const id = randomUUID();
  await store.users.create({
    user: { id, username, displayName: username, role },
    passwordHash: 'not-a-real-hash',
    createdAt: new Date('2026-03-01T00:00:00.000Z'),
  });
  return id;
}

/** The ids of every page of a list or search, following cursors. */
export async function allPages(fetch: (cursor?: string) => Promise<{ cases: StoredCase[]; nextCursor: string | null }>) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await fetch(cursor);
    ids.push(...page.cases.map((c) => c.id));
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('cursor never ended');
}
