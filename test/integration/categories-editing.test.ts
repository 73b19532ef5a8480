import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, CategoryList, CategoryResponse } from '../../shared';
import { makeCase, putChange, startServer, type TestServer } from './helpers';

let server: TestServer;
let supervisor: string;
beforeAll(async () => {
  server = await startServer();
  supervisor = await server.signIn('supervisor');
});
afterAll(() => server.close());

const names = (en: string) => ({ 'zh-Hans': en, 'zh-Hant': en, en });
const addCategory = (id: string, parentId: string | null) =>
  server.call('/api/categories', supervisor, { json: { id, parentId, names: names(id), sort: 0 } });
const patch = (id: string, json: unknown) => server.call(`/api/categories/${id}`, supervisor, { method: 'PATCH', json });
const remove = (id: string) => server.call(`/api/categories/${id}`, supervisor, { method: 'DELETE' });

describe('the category tree, edited by supervisors', () => {
  it('adds, renames and moves a category', async () => {
    expect((await addCategory('tree_a', null)).status).toBe(201);
    expect((await addCategory('tree_b', null)).status).toBe(201);
    expect((await addCategory('tree_a', null)).status).toBe(409);
    expect((await addCategory('tree_c', 'no_parent')).status).toBe(400);

    const renamed = await patch('tree_b', { names: names('Renamed') });
    expect(CategoryResponse.parse(await renamed.json()).category.names.en).toBe('Renamed');
    const moved = await patch('tree_b', { parentId: 'tree_a' });
    expect(moved.status).toBe(200);
    const { categories } = CategoryList.parse(await (await server.call('/api/categories', supervisor)).json());
    const ids = categories.map((c) => c.id);
    expect(categories.find((c) => c.id === 'tree_b')?.parentId).toBe('tree_a');
    expect(ids.indexOf('tree_a')).toBeLessThan(ids.indexOf('tree_b'));
    expect((await patch('nothing_here', { sort: 1 })).status).toBe(404);
    expect((await patch('tree_b', {})).status).toBe(400);
  });

  it('rejects a move that would make a cycle, directly or through descendants', async () => {
    await addCategory('cyc_root', null);
    await addCategory('cyc_mid', 'cyc_root');
    await addCategory('cyc_leaf', 'cyc_mid');
    for (const [id, parent] of [['cyc_root', 'cyc_leaf'], ['cyc_root', 'cyc_root'], ['cyc_mid', 'cyc_leaf']] as const) {
      const res = await patch(id, { parentId: parent });
      expect(res.status).toBe(409);
      expect(ApiError.parse(await res.json()).error.message).toMatch(/itself or one of its descendants/);
    }
    // Moving a leaf up is fine, and so is making a node a root again.
    expect((await patch('cyc_leaf', { parentId: 'cyc_root' })).status).toBe(200);
    expect((await patch('cyc_mid', { parentId: null })).status).toBe(200);
  });

  it('deletes only an unused category, and says what still uses one', async () => {
    await addCategory('del_parent', null);
    await addCategory('del_child', 'del_parent');
    await addCategory('del_used_by_case', null);
    const agent = await server.signIn('agent');
    await server.push(agent, [putChange(makeCase({ categoryIds: ['del_used_by_case'] }))]);

    const parent = await remove('del_parent');
    expect(parent.status).toBe(409);
    expect(ApiError.parse(await parent.json()).error.message).toBe('the category is still used by 1 subcategories, 0 templates and 0 cases');
    const used = await remove('del_used_by_case');
    expect(ApiError.parse(await used.json()).error.message).toMatch(/0 templates and 1 cases/);
    await addCategory('del_used_by_template', null);
    const template = {
      id: randomUUID(), step: 'vent', tone: 'empathy', categoryIds: ['del_used_by_template'], moods: [],
      language: 'en', title: 'Listening', body: 'I hear you.', shortcut: null,
    };
    expect((await server.call('/api/templates', supervisor, { json: template })).status).toBe(201);
    const byTemplate = await remove('del_used_by_template');
    expect(ApiError.parse(await byTemplate.json()).error.message).toMatch(/0 subcategories, 1 templates and 0 cases/);

    expect((await remove('del_child')).status).toBe(204);
    expect((await remove('del_parent')).status).toBe(204);
    expect((await remove('del_parent')).status).toBe(404);
  });

  it('treats `_` in an id literally when looking for uses', async () => {
    // `del_x` must not count a case tagged `delax` (LIKE would match `_` to any character).
    await addCategory('delax', null);
    await addCategory('del_x', null);
    const agent = await server.signIn('agent');
    await server.push(agent, [putChange(makeCase({ id: randomUUID(), categoryIds: ['delax'] }))]);
    expect((await remove('del_x')).status).toBe(204);
  });
});
