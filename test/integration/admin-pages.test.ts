import { randomUUID } from 'node:crypto';
import { Window } from 'happy-dom';
import { Hono } from 'hono';
import * as OpenCC from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Case,
  LOCALES,
  type Locale,
  Mood,
  type Role,
  RubricItem,
  SessionResponse,
  STEP_ORDER,
  TEMPLATE_TRANSITIONS,
  TemplateResponse,
  TemplateStatus,
  Tone,
  wordsFor,
} from '../../shared';
import { createApp } from '../../plugin-server/src/app';
import { makeCase, putChange, startServer, type TestServer } from './helpers';

let server: TestServer;
const cookies = new Map<Role, string>();
beforeAll(async () => {
  server = await startServer();
  await signInAll(server, cookies);
});
afterAll(() => server.close());

async function cookieFor(role: Role, app: { request: Hono['request'] } = server.app, path = '/api/auth/session', credentials = server.credentials) {
  const password = credentials.find((c) => c.role === role)!.password;
  const res = await app.request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost' },
    body: JSON.stringify({ username: role, password }),
  });
  SessionResponse.parse(await res.json());
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** A session cookie for every seeded role of `on`. */
async function signInAll(on: TestServer, into: Map<Role, string>) {
  for (const role of ['agent', 'supervisor', 'trainer', 'admin'] as const) into.set(role, await cookieFor(role, on.app, undefined, on.credentials));
}

/** A page as `role` (null: signed out) sees it in `language`, from the shared server unless told otherwise. */
function page(path: string, role: Role | null, language = 'zh-CN,zh;q=0.9,en;q=0.5', on = { server, cookies }) {
  const headers: Record<string, string> = { 'accept-language': language };
  if (role) headers.cookie = on.cookies.get(role)!;
  return on.server.app.request(path, { headers });
}

const HOSTILE_TITLE = '<script>alert("title")</script>';
const HOSTILE_BODY = '</textarea><img src=x onerror=alert(1)> & "quotes"';

describe('admin pages: who may open what', () => {
  it('sends anonymous visitors to the sign-in page, which anyone may open', async () => {
    for (const path of ['/admin/templates', '/admin/templates/new', '/admin/cases', `/admin/cases/${randomUUID()}`]) {
      const res = await page(path, null);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location'), path).toBe(`/admin?next=${encodeURIComponent(path)}`);
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

  it('returns to the page a visitor was sent away from, and only to one of its own pages', async () => {
    const casePage = `/admin/cases/${randomUUID()}`;
    expect((await page(`/admin?next=${encodeURIComponent(casePage)}`, 'supervisor')).headers.get('location')).toBe(casePage);
    expect(await (await page(`/admin?next=${encodeURIComponent(casePage)}`, null)).text()).toContain(`data-next="${casePage}"`);
    for (const hostile of ['https://evil.example/admin/cases', '//evil.example/admin/cases', '/admin/../api/users', '/admin/cases/x?y', '/admin/cases\\evil', '/demo/crm']) {
      expect(await (await page(`/admin?next=${encodeURIComponent(hostile)}`, null)).text(), hostile).toContain('data-next=""');
      expect((await page(`/admin?next=${encodeURIComponent(hostile)}`, 'trainer')).headers.get('location'), hostile).toBe('/admin/cases');
    }
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

  it('reads Accept-Language by preference: q-values first, tags we do not speak skipped, English when none fits', async () => {
    const langOf = async (acceptLanguage: string, path = '/admin') => /<html lang="([^"]+)">/.exec(await (await page(path, null, acceptLanguage)).text())?.[1];
    expect(await langOf('fr, zh;q=0.5')).toBe('zh-Hans');
    expect(await langOf('fr-CA, de;q=0.9, zh-HK;q=0.8, en;q=0.7')).toBe('zh-Hant');
    expect(await langOf('zh-MO')).toBe('zh-Hant');
    expect(await langOf('zh-Hant-TW')).toBe('zh-Hant');
    expect(await langOf('zh-SG')).toBe('zh-Hans');
    expect(await langOf('en;q=0.2, zh-TW;q=0.9')).toBe('zh-Hant');
    expect(await langOf('zh;q=0, en-US')).toBe('en');
    expect(await langOf('*')).toBe('en');
    expect(await langOf('')).toBe('en');
    // Only the header decides: no language from the query or a cookie, and none is remembered.
    expect(await langOf('zh-CN', '/admin?lang=en')).toBe('zh-Hans');
    const withCookie = await server.app.request('/admin', { headers: { 'accept-language': 'zh-CN', cookie: 'language=en' } });
    expect(await withCookie.text()).toContain('<html lang="zh-Hans">');
    expect(withCookie.headers.get('set-cookie')).toBeNull();
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

  it('masks phone numbers written in the summary, plan and skip reasons for trainers', async () => {
    const agent = await server.signIn('agent');
    const logged = makeCase({
      summary: '业主留电话139-0000-5678',
      plan: '周五前回电13900005678',
      steps: [{ kind: 'skipped', step: 'vent', at: '2026-03-02T08:31:00.000Z', reason: '改打+86 186 0000 1234' }],
    });
    expect((await server.push(agent, [putChange(logged)])).status).toBe(200);
    const trainerView = await (await page(`/admin/cases/${logged.id}`, 'trainer')).text();
    expect(trainerView).toContain('业主留电话139****5678');
    expect(trainerView).toContain('周五前回电139****5678');
    expect(trainerView).toContain('861****1234');
    expect(trainerView).not.toMatch(/139-0000|13900005678|186 0000/);
    const supervisorView = await (await page(`/admin/cases/${logged.id}`, 'supervisor')).text();
    expect(supervisorView).toContain('业主留电话139-0000-5678');
  });
});

describe('admin pages mounted under a prefix', () => {
  it('link to the prefixed API and assets, and redirect to the prefixed sign-in page', async () => {
    const host = new Hono().route('/lingting', createApp({ store: server.store, clock: server.clock.now }));
    const anonymous = await host.request('/lingting/admin/cases');
    expect(anonymous.headers.get('location')).toBe('/lingting/admin?next=%2Flingting%2Fadmin%2Fcases');
    const cookie = await cookieFor('trainer', host, '/lingting/api/auth/session');
    const html = await (await host.request('http://localhost/lingting/admin/cases', { headers: { cookie } })).text();
    expect(html).toContain('data-root="/lingting"');
    expect(html).toContain('href="/lingting/admin/assets/admin.css"');
  });
});

describe('admin pages: the words are the catalogue\'s', () => {
  /** The Accept-Language that reads each locale. */
  const ACCEPT: Record<Locale, string> = { 'zh-Hans': 'zh-CN,zh;q=0.9', 'zh-Hant': 'zh-TW,zh;q=0.9', en: 'en-GB,en;q=0.9' };
  const window = new Window();
  const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html');
  const texts = (nodes: Iterable<{ textContent: string | null }>) => Array.from(nodes, (node) => (node.textContent ?? '').trim());
  const numbered = (w: ReturnType<typeof wordsFor>) => STEP_ORDER.map((step, index) => w.domain.numberedStep(index + 1, w.domain.steps[step]));

  // A server of its own, whose records are written in script-neutral text (the same in Simplified
  // and Traditional), so that only the pages' own words are checked.
  let ownServer: TestServer;
  const ownCookies = new Map<Role, string>();
  const ownPage = (path: string, role: Role | null, language: string) => page(path, role, language, { server: ownServer, cookies: ownCookies });
  let loggedCase: Case;
  let publishedId: string;
  beforeAll(async () => {
    ownServer = await startServer();
    await signInAll(ownServer, ownCookies);
    const server = ownServer;
    const agent = await server.signIn('agent');
    loggedCase = makeCase({
      customer: { name: '王明', phone: '138 0013 8000', project: '天台', unit: '3座1202', crmRecordId: 'C-8' },
      channel: 'property_relay',
      categoryIds: ['housing_quality', 'waterproofing'],
      severity: 'major',
      mood: 'angry',
      status: 'awaiting_revisit',
      summary: '漏水',
      plan: '明天上午',
      steps: [
        { kind: 'done', step: 'vent', at: '2026-03-02T08:31:00.000Z' },
        { kind: 'skipped', step: 'apologise', at: '2026-03-02T08:32:00.000Z', reason: '明天再打' },
        { kind: 'done', step: 'follow_up', at: '2026-03-02T08:33:00.000Z' },
      ],
    });
    const supervisor = await server.signIn('supervisor');
    const fields = { step: 'propose', tone: 'options', categoryIds: [], moods: [], language: 'zh-Hant', title: '天台漏水', body: '漏水', shortcut: null };
    const created = TemplateResponse.parse(await (await server.call('/api/templates', supervisor, { json: { id: randomUUID(), ...fields } })).json());
    publishedId = created.template.id;
    expect((await server.call(`/api/templates/${publishedId}/status`, supervisor, { json: { status: 'published', version: 1 } })).status).toBe(200);
    loggedCase.templateUses = [{ templateId: publishedId, version: 2, step: 'propose', at: '2026-03-02T08:34:00.000Z' }];
    expect((await server.push(agent, [putChange(loggedCase)])).status).toBe(200);
    const trainer = await server.signIn('trainer');
    const review = { id: randomUUID(), scores: { listening: 4, apology: 2, solution: 3, follow_through: 5, attitude: 1 }, comment: '明天' };
    expect((await server.call(`/api/cases/${loggedCase.id}/reviews`, trainer, { json: review })).status).toBe(201);
  });
  afterAll(() => ownServer.close());

  it.each(LOCALES)('%s: the template pages show the catalogue\'s steps, tones, languages, moods and statuses', async (locale) => {
    const w = wordsFor(locale);
    const form = parse(await (await ownPage('/admin/templates/new', 'supervisor', ACCEPT[locale])).text());
    expect(form.documentElement.lang).toBe(locale);
    expect(texts(form.querySelectorAll('select[name="step"] option'))).toEqual(numbered(w));
    expect(texts(form.querySelectorAll('select[name="tone"] option'))).toEqual(Tone.options.map((tone) => w.domain.tones[tone]));
    expect(texts(form.querySelectorAll('select[name="language"] option'))).toEqual(LOCALES.map((language) => w.domain.languages[language]));
    expect(texts(form.querySelectorAll('fieldset.choices label.choice:has(input[name="moods"])'))).toEqual(Mood.options.map((mood) => w.domain.moods[mood]));

    const list = parse(await (await ownPage('/admin/templates', 'supervisor', ACCEPT[locale])).text());
    expect(texts(list.querySelectorAll('select[name="status"] option')).slice(1)).toEqual(TemplateStatus.options.map((status) => w.domain.templateStatuses[status]));
    expect(texts(list.querySelectorAll(`tr[data-template-id="${publishedId}"] td`)).slice(1, 3)).toEqual([
      numbered(w)[STEP_ORDER.indexOf('propose')],
      w.domain.languages['zh-Hant'],
    ]);

    // A published template: its status, and only the moves the shared transitions allow from there.
    const edit = parse(await (await ownPage(`/admin/templates/${publishedId}`, 'supervisor', ACCEPT[locale])).text());
    expect(edit.querySelector('[data-testid="template-status"]')?.textContent).toBe(w.domain.templateStatuses.published);
    const shown = Array.from(edit.querySelectorAll('button[data-action="set-status"]')).filter((button) => !button.hasAttribute('hidden'));
    expect(shown.map((button) => button.getAttribute('data-status')).sort()).toEqual([...TEMPLATE_TRANSITIONS.published].sort());
    expect(texts(shown)).toEqual([w.admin.archive, w.admin.backToDraft]);
  });

  it.each(LOCALES)('%s: the case pages show the catalogue\'s steps, channel, severity, mood, status and rubric', async (locale) => {
    const w = wordsFor(locale);
    const list = parse(await (await ownPage('/admin/cases', 'trainer', ACCEPT[locale])).text());
    expect(texts(list.querySelectorAll(`tr[data-case-id="${loggedCase.id}"] td`))[4]).toBe(w.domain.caseStatuses.awaiting_revisit);

    const html = parse(await (await ownPage(`/admin/cases/${loggedCase.id}`, 'trainer', ACCEPT[locale])).text());
    const steps = numbered(w);
    expect(texts(html.querySelectorAll('[data-testid="step-log"] .step-name'))).toEqual([steps[0], steps[1], steps[4]]);
    expect(texts(html.querySelectorAll('[data-testid="step-log"] .badge'))).toEqual([w.admin.done, w.admin.skipped, w.admin.done]);
    expect(html.querySelector('[data-testid="template-uses"] li')?.textContent).toMatch(new RegExp(`^${steps[2]} · 天台漏水`));
    const facts = new Map(Array.from(html.querySelectorAll('dl.facts dt'), (term) => [term.textContent, term.nextElementSibling?.textContent]));
    expect(facts.get(w.domain.fields.project)).toBe('天台');
    expect(facts.get(w.admin.channel)).toBe(w.domain.channels.property_relay);
    expect(facts.get(w.admin.severity)).toBe(w.domain.severities.major);
    expect(facts.get(w.admin.mood)).toBe(w.domain.moods.angry);
    expect(facts.get(w.admin.caseStatus)).toBe(w.domain.caseStatuses.awaiting_revisit);
    const categories = new Map((await ownServer.store.categories.list()).map((category) => [category.id, category.names[locale]]));
    expect(facts.get(w.admin.categories)).toBe(loggedCase.categoryIds.map((id) => categories.get(id)).join(w.admin.listSeparator));
    expect(html.querySelector('[data-testid="step-log"] .reason')?.textContent).toBe(w.admin.skippedBecause('明天再打'));
    const rubric = RubricItem.options.map((item) => w.domain.rubric[item]);
    expect(texts(html.querySelectorAll('#review-form legend'))).toEqual(rubric);
    expect(Array.from(html.querySelectorAll('[data-testid="reviews"] .score'), (score) => score.firstChild?.textContent?.trim())).toEqual(rubric);
  });

  it('writes the zh-Hant pages in Traditional characters only', async () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    // Names from the store (people, the supervisors' category tree) are data, not the pages' words,
    // and are taken out before checking; Simplified Chinese's own name is written in Simplified.
    const people = (await ownServer.store.accounts.list()).map((account) => account.displayName);
    const categories = (await ownServer.store.categories.list()).map((category) => category.names['zh-Hant']);
    const data = [...people, ...categories, wordsFor('zh-Hant').domain.languages['zh-Hans']];
    const pageWords = (text: string) => data.reduce((rest, name) => rest.replaceAll(name, ''), text).trim();
    const pages: [string, Role | null][] = [
      ['/admin', null],
      // The seeded templates are Simplified text of their own: the list shows the Traditional ones.
      ['/admin/templates?language=zh-Hant', 'supervisor'],
      ['/admin/templates/new', 'supervisor'],
      [`/admin/templates/${publishedId}`, 'supervisor'],
      ['/admin/cases', 'trainer'],
      [`/admin/cases/${loggedCase.id}`, 'trainer'],
      ['/admin/cases', 'agent'],
      [`/admin/cases/${randomUUID()}`, 'trainer'],
    ];
    for (const [path, role] of pages) {
      const html = parse(await (await ownPage(path, role, ACCEPT['zh-Hant'])).text());
      expect(html.documentElement.lang, path).toBe('zh-Hant');
      const walker = html.createTreeWalker(html, 4 /* text nodes */);
      const words: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) words.push(node.textContent ?? '');
      for (const element of html.querySelectorAll('[placeholder], [aria-label], [title]')) {
        words.push(...['placeholder', 'aria-label', 'title'].map((name) => element.getAttribute(name) ?? ''));
      }
      const simplified = words.map(pageWords).filter((text) => toTraditional(text) !== text);
      expect(simplified, path).toEqual([]);
    }
  });
});
