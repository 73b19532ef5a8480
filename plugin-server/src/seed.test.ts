import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, defaultTemplates, Role } from '../../shared';
import { verifyPassword } from './auth/passwords';
import { seed } from './seed';
import { createSqliteStore, type Store } from './store';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lingting-seed-'));
  store = await createSqliteStore({ file: join(dir, 'lingting.db') });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('seed', () => {
  it('creates one user per role, named after it, each with its own random password', async () => {
    const { firstRun, credentials } = await seed(store);
    expect(firstRun).toBe(true);
    expect(credentials.map((c) => [c.role, c.username])).toEqual(Role.options.map((role) => [role, role]));
    const passwords = credentials.map((c) => c.password);
    expect(new Set(passwords).size).toBe(passwords.length);
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);

    for (const { username, password } of credentials) {
      const record = await store.users.findByUsername(username);
      expect(record?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verifyPassword(record!.passwordHash, password)).toBe(true);
    }
  });

  it('gives different passwords on a different database', async () => {
    const first = await seed(store);
    const otherDir = mkdtempSync(join(tmpdir(), 'lingting-seed-'));
    const other = await createSqliteStore({ file: join(otherDir, 'lingting.db') });
    const second = await seed(other);
    await other.close();
    rmSync(otherDir, { recursive: true, force: true });
    const overlap = first.credentials.filter((c, i) => c.password === second.credentials[i]?.password);
    expect(overlap).toEqual([]);
  });

  it('inserts the default categories and published templates', async () => {
    await seed(store, { now: new Date('2026-01-05T00:00:00.000Z') });
    expect(await store.categories.list()).toHaveLength(DEFAULT_CATEGORIES.length);
    const templates = await store.templates.list({ status: 'published' });
    expect(templates).toHaveLength(defaultTemplates('').length);
    expect(templates.every((t) => t.updatedAt === '2026-01-05T00:00:00.000Z')).toBe(true);
  });

  it('does nothing once users exist, and reveals no password', async () => {
    await seed(store);
    expect(await seed(store)).toEqual({ firstRun: false, credentials: [] });
    expect(await store.users.count()).toBe(Role.options.length);
  });
});
