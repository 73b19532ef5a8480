import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, CategoryList, DEFAULT_CATEGORIES, LOCALES, TemplateList } from '../../shared';
import { makeCase, putChange, startServer, type TestServer } from './helpers';

let server: TestServer;
let agent: string;
let supervisor: string;
beforeAll(async () => {
  server = await startServer();
  agent = await server.signIn('agent');
  supervisor = await server.signIn('supervisor');
});
afterAll(() => server.close());

/** Adds a draft the way a supervisor's editor will (issue 3): straight into the store here. */
async function addDraft() {
  const [published] = await server.store.templates.list({ language: 'en' });
  await server.store.templates.seed([
    { ...published!, id: '0b8f4f8e-5a43-4f0e-9d59-000000000d1f', shortcut: ';draft', status: 'draft', title: 'Draft wording' },
  ]);
}

describe('categories', () => {
  it('lists the seeded tree, parents before children, for any signed-in role', async () => {
    const trainer = await server.signIn('trainer');
    const res = await server.call('/api/categories', trainer);
    expect(res.status).toBe(200);
    const { categories } = CategoryList.parse(await res.json());
    expect(categories).toHaveLength(DEFAULT_CATEGORIES.length);
    const seen = new Set<string>();
    for (const category of categories) {
      if (category.parentId) expect(seen).toContain(category.parentId);
      seen.add(category.id);
    }
  });

  it('needs a sign-in', async () => {
    expect((await server.call('/api/categories', null)).status).toBe(401);
  });
});

describe('templates', () => {
  it('are seeded, published, in all three languages', async () => {
    const res = await server.call('/api/templates', agent);
    expect(res.status).toBe(200);
    const { templates } = TemplateList.parse(await res.json());
    expect(new Set(templates.map((t) => t.language))).toEqual(new Set(LOCALES));
    expect(templates.every((t) => t.status === 'published')).toBe(true);
    // Every step has wording in every language.
    for (const language of LOCALES) {
      const steps = new Set(templates.filter((t) => t.language === language).map((t) => t.step));
      expect(steps.size).toBe(5);
    }
  });

  it('filter by language', async () => {
    const res = await server.call('/api/templates?language=zh-Hant', agent);
    const { templates } = TemplateList.parse(await res.json());
    expect(templates.length).toBeGreaterThan(0);
    expect(templates.every((t) => t.language === 'zh-Hant')).toBe(true);
  });

  it('never show drafts to an agent: asking is 403, not asking hides them', async () => {
    await addDraft();
    const asked = await server.call('/api/templates?status=draft', agent);
    expect(asked.status).toBe(403);
    expect(ApiError.parse(await asked.json()).error.code).toBe('forbidden');

    const all = TemplateList.parse(await (await server.call('/api/templates', agent)).json());
    expect(all.templates.some((t) => t.status === 'draft')).toBe(false);
  });

  it('show drafts to a supervisor who asks', async () => {
    await addDraft();
    const res = await server.call('/api/templates?status=draft', supervisor);
    expect(res.status).toBe(200);
    const { templates } = TemplateList.parse(await res.json());
    expect(templates.map((t) => t.title)).toEqual(['Draft wording']);
  });

  it('reject an unknown status with the failing parameter named', async () => {
    const res = await server.call('/api/templates?status=secret', supervisor);
    expect(res.status).toBe(400);
    const { error } = ApiError.parse(await res.json());
    expect(error.code).toBe('validation_failed');
    expect(error.issues?.map((i) => i.path)).toEqual(['status']);
  });
});

describe('the cached template lists', () => {
  const titles = async () => TemplateList.parse(await (await server.call('/api/templates?language=en', agent)).json()).templates.map((t) => t.title);

  it('show a write by this server at once', async () => {
    await titles(); // cached now
    const [first] = await server.store.templates.list({ language: 'en', status: 'published' });
    await server.store.templates.seed([{ ...first!, id: '0b8f4f8e-5a43-4f0e-9d59-000000000e01', shortcut: ';fresh', title: 'Fresh wording' }]);
    expect(await titles()).toContain('Fresh wording');
  });

  it('stay cached across sync pushes, which change no template', async () => {
    const before = await server.store.templates.fingerprint();
    expect((await server.push(agent, [putChange(makeCase())])).status).toBe(200);
    expect(await server.store.templates.fingerprint()).toBe(before);
  });

  it('show a write by another process on the same file within a second', async () => {
    await titles();
    const other = new BetterSqlite3(join(server.dir, 'lingting.db'));
    try {
      other.prepare("update templates set title = 'Edited in the shell', version = version + 1 where shortcut = ';fresh'").run();
    } finally {
      other.close();
    }
    await vi.waitFor(async () => expect(await titles()).toContain('Edited in the shell'), { timeout: 2_000, interval: 50 });
  });
});
