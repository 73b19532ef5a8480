// What one autosave costs the open sidebars: after a save, every sidebar hears which parts of its
// context changed and fetches those alone. Measured in real Chromium with the built extension,
// signed in to a real plugin server publishing 400 templates, two demo CRM tabs open, against the
// same run's baseline: each sidebar fetching its whole context, as every save made them do before.
import { defaultTemplates } from '../shared';
import { launchWithExtension, signInThroughOptions, sidebarFrame, startServer, type RunningServer } from '../test/e2e/harness';
import type { Frame } from 'playwright-core';

const SAVES = 12;
const TEMPLATES = 400;
interface Fetched {
  bytes: number;
  ms: number;
}
type Meter = Window & { lingtingMeter: Fetched[] };
declare const chrome: { runtime: { sendMessage: (...args: unknown[]) => unknown } };

/** A supervisor publishes `TEMPLATES` templates: the default ones, varied. */
async function publishTemplates(server: RunningServer): Promise<void> {
  const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(server.credentials.supervisor),
  });
  const { token } = (await signIn.json()) as { token: string };
  const send = async (path: string, body: unknown) => {
    const reply = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!reply.ok) throw new Error(`${path}: ${reply.status} ${await reply.text()}`);
    return (await reply.json()) as { template: { id: string; version: number } };
  };
  const base = defaultTemplates('2026-03-02T08:30:00.000Z');
  for (let i = 0; i < TEMPLATES; i++) {
    const { step, tone, categoryIds, moods, language, title, body } = base[i % base.length]!;
    const id = `00000000-0000-4000-9000-${i.toString(16).padStart(12, '0')}`;
    const { template } = await send('/api/templates', { id, step, tone, categoryIds, moods, language, title: `${title} ${i}`, body: `${body}（第${i}版）`, shortcut: null });
    await send(`/api/templates/${id}/status`, { status: 'published', version: template.version });
  }
}

/** Counts every `sidebar.context` answer a sidebar gets: its UTF-8 bytes and its round trip. */
async function installMeter(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const meter = window as unknown as Meter;
    meter.lingtingMeter = [];
    const send = chrome.runtime.sendMessage.bind(chrome.runtime);
    chrome.runtime.sendMessage = (message: unknown, ...rest: unknown[]) => {
      if ((message as { type?: string }).type !== 'sidebar.context') return send(message, ...rest);
      const start = performance.now();
      const done = rest.at(-1) as (reply: unknown) => void;
      return send(message, ...rest.slice(0, -1), (reply: unknown) => {
        meter.lingtingMeter.push({ bytes: new TextEncoder().encode(JSON.stringify(reply)).length, ms: performance.now() - start });
        done(reply);
      });
    };
  });
}

const takeMeter = (frame: Frame) =>
  frame.evaluate(() => {
    const meter = window as unknown as Meter;
    const taken = meter.lingtingMeter;
    meter.lingtingMeter = [];
    return taken;
  });

/** Waits until every frame has had at least one answer since its meter was last read. */
async function fetchedBy(frames: Frame[]): Promise<Fetched[]> {
  const got: Fetched[][] = frames.map(() => []);
  const deadline = Date.now() + 10_000;
  while (got.some((list) => list.length === 0)) {
    if (Date.now() > deadline) throw new Error('a sidebar never fetched its context after the save');
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const [i, frame] of frames.entries()) got[i]!.push(...(await takeMeter(frame)));
  }
  // Late answers for the same save (a second notice) count too.
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const [i, frame] of frames.entries()) got[i]!.push(...(await takeMeter(frame)));
  return got.flat();
}

const sum = (list: Fetched[], key: keyof Fetched) => list.reduce((total, item) => total + item[key], 0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export default async function autosaveBench(): Promise<void> {
  const server = await startServer();
  const browser = await launchWithExtension('zh-CN');
  try {
    await publishTemplates(server);
    await signInThroughOptions(browser, server); // its first sync brings the catalogue
    const pages = [await browser.context.newPage(), await browser.context.newPage()];
    await pages[0]!.goto(`${server.url}/demo/crm?record=C-1024`);
    await pages[1]!.goto(`${server.url}/demo/crm?record=C-2048`);
    const frames = [await sidebarFrame(pages[0]!), await sidebarFrame(pages[1]!)];
    for (const frame of frames) await frame.waitForSelector('select[name="mood"]');
    const cached = await frames[0]!.evaluate(() => new Promise<number>((resolve) => void chrome.runtime.sendMessage({ type: 'sidebar.context' }, (reply: { templates: unknown[] }) => resolve(reply.templates.length))));
    for (const frame of frames) await installMeter(frame);

    const delta = { bytes: [] as number[], ms: [] as number[], fetches: [] as number[] };
    const whole = { bytes: [] as number[], ms: [] as number[] };
    const moods = ['angry', 'calm'];
    for (let save = 0; save < SAVES; save++) {
      await frames[0]!.selectOption('select[name="mood"]', moods[save % moods.length]!);
      const fetched = await fetchedBy(frames);
      delta.bytes.push(sum(fetched, 'bytes'));
      delta.ms.push(sum(fetched, 'ms'));
      delta.fetches.push(fetched.length);
      // The baseline: both sidebars fetch their whole context, as each notice made them before.
      for (const frame of frames) await frame.evaluate(() => void chrome.runtime.sendMessage({ type: 'sidebar.context' }, () => undefined));
      const before = await fetchedBy(frames);
      whole.bytes.push(sum(before, 'bytes'));
      whole.ms.push(sum(before, 'ms'));
    }
    const [bytes, ms, wholeBytes, wholeMs] = [median(delta.bytes), median(delta.ms), median(whole.bytes), median(whole.ms)];
    console.log(
      `autosave, two sidebars open, ${cached} templates cached (median of ${SAVES} saves): the sidebars fetched ${bytes.toLocaleString('en')} bytes ` +
        `in ${median(delta.fetches)} answers, ${ms.toFixed(1)} ms of round trips; baseline, each fetching its whole context as before: ` +
        `${wholeBytes.toLocaleString('en')} bytes, ${wholeMs.toFixed(1)} ms (${(bytes / wholeBytes).toFixed(3)}× the bytes, ${(ms / wholeMs).toFixed(2)}× the time)`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}
