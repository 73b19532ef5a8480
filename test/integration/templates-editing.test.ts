import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, TemplateConflict, TemplateList, TemplateResponse, TemplateVersionList, type TemplateCreateRequest } from '../../shared';
import { startServer, type TestServer } from './helpers';

let server: TestServer;
let supervisor: string;
let agent: string;
let trainer: string;
beforeAll(async () => {
  server = await startServer();
  supervisor = await server.signIn('supervisor');
  agent = await server.signIn('agent');
  trainer = await server.signIn('trainer');
});
afterAll(() => server.close());

function draft(overrides: Partial<TemplateCreateRequest> = {}): TemplateCreateRequest {
  return {
    id: randomUUID(),
    step: 'apologise',
    tone: 'apology',
    categoryIds: ['waterproofing'],
    moods: ['upset'],
    language: 'en',
    title: 'Sorry about the leak',
    body: 'Dear {{customerName}}, we are sorry about the water in your bathroom.',
    shortcut: `;t${randomUUID().slice(0, 8).replace(/-/g, '')}`,
    ...overrides,
  };
}

async function create(body: TemplateCreateRequest) {
  const res = await server.call('/api/templates', supervisor, { json: body });
  expect(res.status).toBe(201);
  return TemplateResponse.parse(await res.json()).template;
}

const edit = (id: string, json: unknown, token = supervisor) => server.call(`/api/templates/${id}`, token, { method: 'PUT', json });
const setStatus = (id: string, status: string, version: number) =>
  server.call(`/api/templates/${id}/status`, supervisor, { json: { status, version } });
const fieldsOf = ({ id: _id, ...fields }: TemplateCreateRequest) => fields;

describe('template editing', () => {
  it('creates a draft at version 1 that agents cannot see', async () => {
    const body = draft();
    const template = await create(body);
    expect(template).toMatchObject({ id: body.id, status: 'draft', version: 1, title: body.title });
    expect((await server.call(`/api/templates/${body.id}`, agent)).status).toBe(404);
    const listed = TemplateList.parse(await (await server.call('/api/templates', agent)).json());
    expect(listed.templates.some((t) => t.id === body.id)).toBe(false);
  });

  it('edits a draft at the version read and bumps the version', async () => {
    const body = draft();
    await create(body);
    const res = await edit(body.id, { ...fieldsOf(body), title: 'Our apologies', version: 1 });
    expect(res.status).toBe(200);
    expect(TemplateResponse.parse(await res.json()).template).toMatchObject({ title: 'Our apologies', version: 2 });
  });

  it('answers a stale version with 409 conflict and the current template, changing nothing', async () => {
    const body = draft();
    await create(body);
    await edit(body.id, { ...fieldsOf(body), title: 'First editor', version: 1 });
    const res = await edit(body.id, { ...fieldsOf(body), title: 'Second editor', version: 1 });
    expect(res.status).toBe(409);
    const conflict = TemplateConflict.parse(await res.json());
    expect(conflict.error.code).toBe('conflict');
    expect(conflict.current).toMatchObject({ title: 'First editor', version: 2 });
  });

  it('lets exactly one of two concurrent editors of the same version win: no lost update', async () => {
    const body = draft();
    await create(body);
    const [a, b] = await Promise.all([
      edit(body.id, { ...fieldsOf(body), title: 'Editor A', version: 1 }),
      edit(body.id, { ...fieldsOf(body), title: 'Editor B', version: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    const won = TemplateResponse.parse(await winner.json()).template;
    const lost = TemplateConflict.parse(await loser.json());
    // The loser sees the winner's text, so it can merge instead of overwriting it.
    expect(lost.current).toEqual(won);
    const stored = TemplateResponse.parse(await (await server.call(`/api/templates/${body.id}`, supervisor)).json()).template;
    expect(stored).toEqual(won);
  });

  it('refuses a shortcut already used in the same language with 409, but allows it in another language', async () => {
    const first = draft({ shortcut: ';clash1' });
    await create(first);
    const res = await server.call('/api/templates', supervisor, { json: draft({ shortcut: ';clash1' }) });
    expect(res.status).toBe(409);
    expect(ApiError.parse(await res.json()).error.message).toMatch(/shortcut/);
    await create(draft({ shortcut: ';clash1', language: 'zh-Hans' }));

    const other = draft({ shortcut: ';clash2' });
    await create(other);
    const renamed = await edit(other.id, { ...fieldsOf(other), shortcut: ';clash1', version: 1 });
    expect(renamed.status).toBe(409);
    expect(server.errors).toEqual([]);
  });

  it('publishes with an immutable version row, archives, and refuses edits of non-drafts', async () => {
    const body = draft();
    await create(body);
    const published = await setStatus(body.id, 'published', 1);
    expect(published.status).toBe(200);
    expect(TemplateResponse.parse(await published.json()).template).toMatchObject({ status: 'published', version: 2 });
    expect((await server.call(`/api/templates/${body.id}`, agent)).status).toBe(200);

    const notDraft = await edit(body.id, { ...fieldsOf(body), title: 'Sneaky live edit', version: 2 });
    expect(notDraft.status).toBe(409);
    expect(TemplateConflict.parse(await notDraft.json()).current.status).toBe('published');

    // Rework: back to draft, edit, publish again: two version rows, each as published.
    expect((await setStatus(body.id, 'draft', 2)).status).toBe(200);
    expect((await edit(body.id, { ...fieldsOf(body), title: 'Reworded', version: 3 })).status).toBe(200);
    expect((await setStatus(body.id, 'published', 4)).status).toBe(200);
    expect((await setStatus(body.id, 'archived', 5)).status).toBe(200);
    expect((await server.call(`/api/templates/${body.id}`, agent)).status).toBe(404);

    const res = await server.call(`/api/templates/${body.id}/versions`, trainer);
    expect(res.status).toBe(200);
    const { versions } = TemplateVersionList.parse(await res.json());
    expect(versions.map((v) => [v.version, v.template.title, v.template.status])).toEqual([
      [2, body.title, 'published'],
      [5, 'Reworded', 'published'],
    ]);
    expect((await server.call(`/api/templates/${body.id}/versions`, agent)).status).toBe(403);
  });

  it('refuses a transition the lifecycle does not have, with the current template', async () => {
    const body = draft();
    await create(body);
    const res = await setStatus(body.id, 'archived', 1);
    expect(res.status).toBe(409);
    expect(TemplateConflict.parse(await res.json()).current.status).toBe('draft');
  });

  it('validates input: unknown category 400, missing template 404, agent writes 403', async () => {
    const unknown = await server.call('/api/templates', supervisor, { json: draft({ categoryIds: ['no_such_thing'] }) });
    expect(unknown.status).toBe(400);
    expect(ApiError.parse(await unknown.json()).error.issues?.[0]?.path).toBe('categoryIds.0');
    expect((await edit(randomUUID(), { ...fieldsOf(draft()), version: 1 })).status).toBe(404);
    expect((await server.call('/api/templates', agent, { json: draft() })).status).toBe(403);
    const bad = await server.call('/api/templates', supervisor, { json: { ...draft(), shortcut: 'no-semicolon' } });
    expect(bad.status).toBe(400);
  });

  it('searches title, body and shortcut case-insensitively, with LIKE wildcards taken literally', async () => {
    const body = draft({ title: 'Gutter_Repair 100% promise', body: 'We will clear the GUTTER.', shortcut: ';gutterx' });
    await create(body);
    const search = async (q: string) =>
      TemplateList.parse(await (await server.call(`/api/templates?q=${encodeURIComponent(q)}`, supervisor)).json()).templates.map((t) => t.id);
    expect(await search('gutter_repair')).toEqual([body.id]);
    expect(await search('100%')).toEqual([body.id]);
    expect(await search('clear the gutter')).toEqual([body.id]);
    expect(await search(';gutterx')).toEqual([body.id]);
    expect(await search('gutter%repair')).toEqual([]);
    expect(await search('r_pair')).toEqual([]);
  });
});
