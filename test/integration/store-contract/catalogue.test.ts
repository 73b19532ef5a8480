import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, defaultTemplates, type Template } from '../../../shared';
import type { Store } from '../../../plugin-server/src/store';
import { addUser, STORE_KINDS } from './stores';

describe.each(STORE_KINDS)('store contract on $name: users, tokens, categories, templates', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await kind.open());
  });
  afterEach(() => close());

  it('creates users, finds them by name and id, and refuses a taken username', async () => {
    const id = await addUser(store, 'agent', 'mei');
    expect((await store.users.findByUsername('mei'))?.user).toEqual({ id, username: 'mei', displayName: 'mei', role: 'agent' });
    expect(await store.users.findById(id)).toMatchObject({ username: 'mei' });
    expect(await store.users.findByUsername('nobody')).toBeUndefined();
    await expect(addUser(store, 'agent', 'mei')).rejects.toThrow();
    expect(await store.users.count()).toBe(1);
  });

  it('seeds the first users only once', async () => {
    const user = (username: string) => ({
      user: { id: crypto.randomUUID(), username, displayName: username, role: 'agent' as const },
      passwordHash: 'h',
      createdAt: new Date(),
    });
    expect(await store.users.createInitial([user('a'), user('b')])).toBe(true);
    expect(await store.users.createInitial([user('c')])).toBe(false);
    expect(await store.users.count()).toBe(2);
  });

  it('accepts a token until it expires or is revoked; revoking twice keeps it revoked', async () => {
    const userId = await addUser(store);
    const createdAt = new Date('2026-03-01T00:00:00.000Z');
    await store.tokens.create({ tokenHash: 'h1', userId, createdAt, expiresAt: new Date('2026-03-02T00:00:00.000Z') });
    expect(await store.tokens.findUserByValidToken('h1', new Date('2026-03-01T12:00:00.000Z'))).toMatchObject({ id: userId });
    expect(await store.tokens.findUserByValidToken('h1', new Date('2026-03-02T00:00:00.000Z'))).toBeUndefined();
    await store.tokens.revoke('h1', new Date('2026-03-01T13:00:00.000Z'));
    await store.tokens.revoke('h1', new Date('2026-03-01T14:00:00.000Z'));
    expect(await store.tokens.findUserByValidToken('h1', new Date('2026-03-01T12:30:00.000Z'))).toBeUndefined();
    expect(await store.tokens.findUserByValidToken('unknown', createdAt)).toBeUndefined();
  });

  it('seeds categories without overwriting and lists them as a tree', async () => {
    await store.categories.seed(DEFAULT_CATEGORIES);
    const edited = { ...DEFAULT_CATEGORIES[0]!, names: { ...DEFAULT_CATEGORIES[0]!.names, en: 'Edited' } };
    await store.categories.seed([edited]);
    const listed = await store.categories.list();
    expect(listed).toHaveLength(DEFAULT_CATEGORIES.length);
    expect(listed.find((c) => c.id === edited.id)?.names.en).toBe(DEFAULT_CATEGORIES[0]!.names.en);
    // Parents come before their children.
    const position = new Map(listed.map((c, i) => [c.id, i]));
    for (const c of listed) if (c.parentId !== null) expect(position.get(c.parentId)!).toBeLessThan(position.get(c.id)!);
  });

  it('seeds templates once, filters them by status and language, and keeps a taken shortcut', async () => {
    const templates = defaultTemplates('2026-03-01T00:00:00.000Z');
    await store.templates.seed(templates);
    await store.templates.seed(templates);
    expect(await store.templates.list()).toHaveLength(templates.length);
    const zh = await store.templates.list({ language: 'zh-Hans' });
    expect(zh.length).toBeGreaterThan(0);
    expect(zh.every((t) => t.language === 'zh-Hans')).toBe(true);
    const withShortcut = templates.find((t) => t.shortcut !== null) as Template;
    await store.templates.seed([{ ...withShortcut, id: crypto.randomUUID(), title: 'duplicate shortcut' }]);
    expect((await store.templates.list()).some((t) => t.title === 'duplicate shortcut')).toBe(false);
  });
});
