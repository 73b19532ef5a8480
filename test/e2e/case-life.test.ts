// An engineering-repair complaint lived through from intake to close in the real sidebar: a
// promise counted on the server's working-day calendar, a dispatch, the promise's reminder fired,
// snoozed, fired again and done, the revisit, the close; then the customer's next case starts clean.
import { expect, test } from 'vitest';
import { z } from 'zod';
import { Reminder, StoredCase } from '../../shared';
import { apiAs, openDemoCrmSignedIn, screenshotPath, sendAs, useServerAndExtension } from './harness';

/** The slice of the service worker's `chrome` API these checks call inside `evaluate`. */
declare const chrome: {
  alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]>; create(name: string, info: { when: number }): Promise<void> };
  notifications: { getAll(): Promise<Record<string, boolean>>; clear(id: string): Promise<boolean> };
};

/** The service worker's notification listeners, as platform/notifications.ts exposes them to tests. */
declare const lingtingNotificationListeners: { buttonClicked: ((notificationId: string, buttonIndex: number) => void)[] };

const running = useServerAndExtension();

test('an engineering repair: promise on working days, dispatch, reminder snoozed and done, revisit, close, next case', async () => {
  const { server, browser } = running;
  // New Year's Day 2027 is a holiday and Saturday 2 January a make-up working day (调休).
  await sendAs(server, 'supervisor', 'PUT', '/api/work-calendar', { timeZone: 'Asia/Shanghai', holidays: ['2027-01-01'], makeUpWorkdays: ['2027-01-02'], workdayStart: '09:00', workdayEnd: '18:00' });
  // The call comes in on Thursday 31 December 2026, 10:00 in Shanghai, in every page's clock.
  await browser.context.clock.setFixedTime(new Date('2026-12-31T02:00:00Z'));
  const { page, sidebar } = await openDemoCrmSignedIn(running);
  const shot = (name: string) => page.screenshot({ path: screenshotPath(name) });

  const effort = { clicks: 0, keys: 0 };
  const click = async (selector: string) => {
    effort.clicks++;
    await sidebar.click(selector);
  };
  const type = async (selector: string, text: string) => {
    effort.clicks++;
    effort.keys += text.length;
    await sidebar.fill(selector, text);
  };
  const choose = async (selector: string, value: string) => {
    effort.clicks += 2;
    await sidebar.selectOption(selector, value);
  };

  // The phone call: tag, listen, apologise and restate, plan with a promise.
  await click('[data-category="engineering_repair"]');
  await click('[data-step="vent"] button.tick');
  await type('input[name="restatement-what"]', '卫生间漏水');
  await click('[data-step="apologise"] button.tick');
  await type('[data-step="propose"] textarea[name="plan"]', '工程部上门检查维修');
  await type('input[name="commitment-what"]', '上门查看');
  await type('input[name="commitment-due"]', '3个工作日内');
  // Friday is the holiday, Saturday counts, Sunday does not: the third working day is Tuesday 5 January.
  await expect.poll(() => sidebar.textContent('[data-testid="commitment-due-reading"]')).toContain('1月5日');
  await type('input[name="commitment-responsible"]', '工程部');
  await click('[data-testid="promises"] button.small');
  await click('[data-step="propose"] button.tick');
  await click('[data-step="agree"] button.tick');
  await shot('case-life-1-promise-zh-Hans');

  // Dispatch: the engineering department is the category's own.
  expect(await sidebar.inputValue('select[name="dispatch-department"]')).toBe('engineering');
  await type('input[name="dispatch-due"]', '1个工作日内');
  await click('[data-testid="dispatch"] button.small');
  await expect.poll(() => sidebar.getAttribute('[data-testid="case-status"]', 'class')).toContain('in_handling');

  const api = await apiAs(server, 'supervisor');
  const stored = async () => z.object({ cases: z.array(StoredCase) }).parse((await api('/api/cases')).body).cases[0];
  await expect.poll(async () => (await stored())?.dispatches.length, { timeout: 20_000 }).toBe(1);
  expect((await stored())!.commitments[0]).toMatchObject({ what: '上门查看', dueText: '3个工作日内', dueAt: '2027-01-05T10:00:00.000Z', responsible: '工程部' });
  expect((await stored())!.dispatches[0]).toMatchObject({ departmentId: 'engineering', dueAt: '2027-01-02T10:00:00.000Z' });

  // The promise's reminder: brought forward, it fires; snoozed from the notification, it fires again; then done.
  const fireSoon = () =>
    browser.serviceWorker.evaluate(async () => {
      const alarm = (await chrome.alarms.getAll()).find((a) => a.name.startsWith('reminder:'))!;
      await chrome.alarms.create(alarm.name, { when: Date.now() + 1000 });
      return alarm.name;
    });
  const notified = (id: string) => expect.poll(() => browser.serviceWorker.evaluate(async () => Object.keys(await chrome.notifications.getAll())), { timeout: 30_000 }).toContain(id);
  const reminderAlarm = await fireSoon();
  await notified(reminderAlarm);
  const pressButton = (id: string, index: number) =>
    browser.serviceWorker.evaluate(([n, i]) => lingtingNotificationListeners.buttonClicked.forEach((listener) => listener(n, i)), [id, index] as const);
  await pressButton(reminderAlarm, 0); // snooze 10 minutes
  await expect.poll(() => browser.serviceWorker.evaluate(async () => (await chrome.alarms.getAll()).some((a) => a.name.startsWith('reminder:')))).toBe(true);
  await fireSoon();
  await notified(reminderAlarm);
  await pressButton(reminderAlarm, 1); // done
  const agentApi = await apiAs(server, 'agent');
  await expect
    .poll(async () => z.object({ reminders: z.array(Reminder) }).parse((await agentApi('/api/reminders')).body).reminders.map((r) => r.status), { timeout: 20_000 })
    .toEqual(['done']);

  // The department reports back; the revisit reaches the customer, who gives 4; the promise was kept.
  await click('[data-testid="dispatch"] [role="group"] button');
  await expect.poll(() => sidebar.getAttribute('[data-testid="case-status"]', 'class')).toContain('awaiting_revisit');
  await choose('select[name="commitment-outcome"]', 'kept');
  await choose('select[name="score"]', '4');
  await type('input[name="revisit-comment"]', '已修好');
  await click('[data-testid="life"] fieldset.revisit button');
  await click('[data-step="follow_up"] button.tick');
  await click('[data-testid="life"] .row button:not(.link)');
  await expect.poll(() => sidebar.getAttribute('[data-testid="case-status"]', 'class')).toContain('closed');
  await shot('case-life-2-closed-zh-Hans');

  await expect.poll(async () => (await stored())?.status, { timeout: 20_000 }).toBe('closed');
  const closed = (await stored())!;
  expect(closed.lifecycle.map((e) => e.to)).toEqual(['in_handling', 'awaiting_revisit', 'closed']);
  expect(closed.revisits).toMatchObject([{ reached: true, score: 4, comment: '已修好' }]);
  expect(closed.commitments[0]!.outcome).toBe('kept');
  console.log(`complaint from intake to close: ${effort.clicks} clicks and ${effort.keys} keys`);

  // The customer's next complaint starts clean; the closed one stays as it was.
  await sidebar.click('[data-testid="life"] button.link');
  await expect.poll(() => sidebar.getAttribute('[data-testid="case-status"]', 'class')).toContain('open');
  expect(await sidebar.locator('[data-step="vent"] button.tick').count()).toBe(1);
  expect(await sidebar.locator('[data-testid="promises"] li').count()).toBe(0);
  expect(await sidebar.locator('[data-testid="dispatch-item"]').count()).toBe(0);
});
