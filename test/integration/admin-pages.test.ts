import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, SessionResponse, TemplateResponse } from '../../shared';
import { createApp } from '../../plugin-server/src/app';
import { makeCase, putChange, startServer, type TestServer } from './helpers';

let server: TestServer;
const cookies = new Map<Role, string>();
beforeAll(async () => {
  server = await startServer();
  for (const role of ['agent', 'supervisor', 'trainer', 'admin'] as const) cookies.set(role, await cookieFor(role));
});
afterAll(() => server.close());

async function cookieFor(role: Role, app: { request: Hono['request'] } = server.app, path = '/api/auth/session') {
  const password = server.credentials.find((c) => c.role === role)!.password;
  const res = await app.request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost' },
    body: JSON.stringify({ username: role, password }),
  });
  SessionResponse.parse(await res.json());
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

function page(path: string, role: Role | null, language = 'zh-CN,zh;q=0.9,en;q=0.5') {
  const headers: Record<string, string> = { 'accept-language': language };
  if (role) headers.cookie = cookies.get(role)!;
  return server.app.request(path, { headers });
}

const HOSTILE_TITLE = '<script>alert("title")</script>';
const HOSTILE_BODY = '</textarea><img src=x onerror=alert(1)> & "quotes"';

describe('admin pages: who may open what', () => {
  it('sends anonymous visitors to the sign-in page, which anyone may open', async () => {
    for (const path of ['/admin/templates', '/admin/templates/new', '/admin/cases', `/admin/cases/${randomUUID()}`]) {
      const res = await page(path, null);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location'), path).toBe('/admin');
    }
    const signIn = await page('/admin', null);
    expect(signIn.status).toBe(200);
    const html = await signIn.text();
    expect(html).toContain('data-action="sign-in"');
    expect(html).toContain('<html lang="zh-Hans">');
  });

  it('gives supervisors the templates and cases, trainers the cases, and others a 403 page', async () => {
    expect((await page('/admin/templates', 'supervisor')).status).toBe(200);
    expect((await page('/admin/templates/new', 'supervisor')).status).toBe(200);
    expect((await page('/admin/cases', 'supervisor')).status).toBe(200);
    expect((await page('/admin/cases', 'trainer')).status).toBe(200);
    for (const [path, role] of [
      ['/admin/templates', 'trainer'],
      ['/admin/templates', 'agent'],
      ['/admin/cases', 'agent'],
      ['/admin/cases', 'admin'],
    ] as const) {
      const res = await page(path, role);
      expect(res.status, `${role} ${path}`).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toContain('无权访问');
    }
  });

  it('takes a signed-in supervisor or trainer from the sign-in page to their own pages', async () => {
    expect((await page('/admin', 'supervisor')).headers.get('location')).toBe('/admin/templates');
    expect((await page('/admin', 'trainer')).headers.get('location')).toBe('/admin/cases');
    // Roles without pages just see the sign-in page.
    expect((await page('/admin', 'agent')).status).toBe(200);
  });

  it('treats an ended session like none', async () => {
    const cookie = await cookieFor('supervisor');
    const { csrfToken } = SessionResponse.parse(await (await server.app.request('/api/auth/session', { headers: { cookie } })).json());
    const signOut = await server.app.request('/api/auth/session', {
      method: 'DELETE',
      headers: { cookie, origin: 'http://localhost', 'x-csrf-token': csrfToken },
    });
    expect(signOut.status).toBe(204);
    const res = await server.app.request('/admin/templates', { headers: { cookie } });
    expect(res.status).toBe(303);
  });

  it('answers unknown ids with a 404 page', async () => {
    expect((await page(`/admin/templates/${randomUUID()}`, 'supervisor')).status).toBe(404);
    expect((await page('/admin/templates/not-a-uuid', 'supervisor')).status).toBe(404);
    expect((await page(`/admin/cases/${randomUUID()}`, 'trainer')).status).toBe(404);
  });

  it('sends a strict CSP, inline nothing, and serves the script and stylesheet it names', async () => {
    const res = await page('/admin/templates', 'supervisor');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'");
    const html = await res.text();
    expect(html).not.toMatch(/<style|style=|<script(?![^>]*\bsrc=)|\son\w+=/);
    expect(html).toContain('src="/admin/assets/admin.js"');
    const js = await server.app.request('/admin/assets/admin.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await js.text()).toContain('x-csrf-token');
    const css = await server.app.request('/admin/assets/admin.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('follows Accept-Language: Simplified, Traditional, English', async () => {
    expect(await (await page('/admin', null, 'zh-CN')).text()).toContain('<h1>登录</h1>');
    expect(await (await page('/admin', null, 'zh-TW,zh;q=0.8')).text()).toContain('<html lang="zh-Hant">');
    expect(await (await page('/admin/cases', 'trainer', 'zh-Hant')).text()).toContain('已處理個案');
    expect(await (await page('/admin', null, 'en-GB,en;q=0.9')).text()).toContain('<h1>Sign in</h1>');
    expect(await (await page('/admin', null, 'fr-FR')).text()).toContain('<html lang="en">');
  });
});

describe('admin pages: text is text', () => {
  it('shows a hostile template title and body escaped, in the list and in the editor', async () => {
    const supervisor = await server.signIn('supervisor');
    const created = await server.call('/api/templates', supervisor, {
      json: { id: randomUUID(), step: 'vent', tone: 'empathy', categoryIds: [], moods: [], language: 'en', title: HOSTILE_TITLE, body: HOSTILE_BODY, shortcut: null },
    });
    expect(created.status).toBe(201);
    const { template } = TemplateResponse.parse(await created.json());

    for (const path of ['/admin/templates', `/admin/templates/${template.id}`]) {
      const html = await (await page(path, 'supervisor')).text();
      expect(html, path).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
      expect(html, path).not.toContain(HOSTILE_TITLE);
      expect(html, path).toContain('&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
      expect(html, path).not.toContain('<img');
    }
  });

  it('shows a case as logged, escaped, with the phone masked for trainers only', async () => {
    const agent = await server.signIn('agent');
    const logged = makeCase({
      customer: { name: '<b>王</b>', phone: '138 0013 8000', project: '翠湖花园', unit: '3栋1202', crmRecordId: 'C-1' },
      summary: '<script>steal()</script>',
      steps: [
        { kind: 'done', step: 'vent', at: '2026-03-02T08:31:00.000Z' },
        { kind: 'skipped', step: 'apologise', at: '2026-03-02T08:32:00.000Z', reason: 'customer hung up <i>' },
      ],
    });
    expect((await server.push(agent, [putChange(logged)])).status).toBe(200);

    const list = await (await page('/admin/cases', 'trainer')).text();
    expect(list).toContain(`/admin/cases/${logged.id}`);
    expect(list).toContain('&lt;b&gt;王&lt;/b&gt;');

    const trainerView = await (await page(`/admin/cases/${logged.id}`, 'trainer')).text();
    expect(trainerView).toContain('138****8000');
    expect(trainerView).not.toContain('138 0013 8000');
    expect(trainerView).toContain('&lt;script&gt;steal()&lt;/script&gt;');
    expect(trainerView).toContain('customer hung up &lt;i&gt;');
    expect(trainerView).toContain('地下和屋面防水');
    expect(trainerView).toContain('data-action="create-review"');

    // Once the trainer has reviewed it, the form edits that review instead of adding another.
    const trainer = await server.signIn('trainer');
    const review = { id: randomUUID(), scores: { listening: 4, apology: 2, solution: 3, follow_through: 5, attitude: 1 }, comment: '<u>ok</u>' };
    expect((await server.call(`/api/cases/${logged.id}/reviews`, trainer, { json: review })).status).toBe(201);
    const reviewed = await (await page(`/admin/cases/${logged.id}`, 'trainer')).text();
    expect(reviewed).toContain(`data-action="update-review" data-case-id="${logged.id}" data-review-id="${review.id}"`);
    expect(reviewed).toMatch(/name="apology" value="2" required="" checked=""/);
    expect(reviewed).toContain('&lt;u&gt;ok&lt;/u&gt;</textarea>');

    const supervisorView = await (await page(`/admin/cases/${logged.id}`, 'supervisor')).text();
    expect(supervisorView).toContain('138 0013 8000');
    // Reviews are the trainers' to write.
    expect(supervisorView).not.toContain('data-action="create-review"');
  });
});

describe('admin pages mounted under a prefix', () => {
  it('link to the prefixed API and assets, and redirect to the prefixed sign-in page', async () => {
    const host = new Hono().route('/lingting', createApp({ store: server.store, clock: server.clock.now }));
    const anonymous = await host.request('/lingting/admin/cases');
    expect(anonymous.headers.get('location')).toBe('/lingting/admin');
    const cookie = await cookieFor('trainer', host, '/lingting/api/auth/session');
    const html = await (await host.request('http://localhost/lingting/admin/cases', { headers: { cookie } })).text();
    expect(html).toContain('data-api="/lingting/api"');
    expect(html).toContain('href="/lingting/admin/assets/admin.css"');
  });
});
