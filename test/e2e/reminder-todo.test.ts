// Reminders as a to-do in real Chromium: a reminder fires once however many CRM tabs are open,
// is snoozed from its notification's button, fires again, is done from the other button; and
// clicking its notification brings up the tab that shows its case's CRM record.
import { expect, test } from 'vitest';
import type { Reminder, SidebarContext } from '../../shared';
import { openDemoCrmSignedIn, sidebarFrame, useServerAndExtension } from './harness';

/** The slice of the extension API these checks call inside `evaluate`. */
declare const chrome: {
  runtime: { sendMessage(message: object): Promise<unknown> };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined>; create(name: string, info: { when: number }): Promise<void> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  tabs: { query(info: object): Promise<{ id?: number }[]>; update(tabId: number, info: object): Promise<unknown> };
};
/** What background.ts registered with the browser, as the browser calls it (platform/notifications.ts). */
declare const lingtingNotificationListeners: {
  clicked: ((notificationId: string) => void)[];
  buttonClicked: ((notificationId: string, buttonIndex: number) => void)[];
};

const running = useServerAndExtension();

test('a reminder fires once with two CRM tabs, is snoozed and done from its buttons; its notification focuses the record tab', async () => {
  const { browser, server } = running;
  const { page: recordTab, sidebar } = await openDemoCrmSignedIn(running);
  const context = () => sidebar.evaluate(() => chrome.runtime.sendMessage({ type: 'sidebar.context' })) as Promise<SidebarContext>;
  const { tabId: recordTabId } = await context();

  // A case for this customer, captured on this tab: its CRM record is this page.
  await sidebar.selectOption('select[name="severity"]', 'major');
  await expect.poll(async () => (await context()).openCase?.customer.recordUrl, { timeout: 15_000 }).toBe(`${server.url}/demo/crm`);
  const caseId = (await context()).openCase!.id;

  // A second CRM tab, on another address, in front.
  const otherTab = await browser.context.newPage();
  await otherTab.goto(`${server.url}/demo/crm?view=second`);
  await sidebarFrame(otherTab);
  await otherTab.bringToFront();

  const now = new Date().toISOString();
  const reminder: Reminder = { id: crypto.randomUUID(), caseId, dueAt: new Date(Date.now() + 3_600_000).toISOString(), note: '回电确认上门时间', status: 'pending', createdAt: now, updatedAt: now };
  expect(await sidebar.evaluate((r) => chrome.runtime.sendMessage({ type: 'reminder.save', reminder: r }), reminder)).toEqual({ ok: true });
  const notificationId = `reminder:${reminder.id}`;

  const fireSoon = () =>
    browser.serviceWorker.evaluate(async (name) => {
      await chrome.alarms.create(name, { when: Date.now() + 1000 });
    }, notificationId);
  const notifications = () => browser.serviceWorker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
  const stored = async () => (await context()).reminders.find((r) => r.id === reminder.id);

  await fireSoon();
  await expect.poll(notifications, { timeout: 20_000 }).toEqual([notificationId]);
  await expect.poll(async () => (await stored())?.status, { timeout: 10_000 }).toBe('fired');

  // "Snooze 10 min": the very listener the browser calls for the first button.
  const before = Date.now();
  await browser.serviceWorker.evaluate((id) => lingtingNotificationListeners.buttonClicked.forEach((listener) => listener(id, 0)), notificationId);
  await expect.poll(async () => (await stored())?.status).toBe('pending');
  const snoozedTo = Date.parse((await stored())!.dueAt);
  expect(snoozedTo - before).toBeGreaterThanOrEqual(10 * 60_000 - 1000);
  expect(snoozedTo - before).toBeLessThan(11 * 60_000);
  expect(await browser.serviceWorker.evaluate((name) => chrome.alarms.get(name).then((a) => a?.scheduledTime), notificationId)).toBe(snoozedTo);
  await expect.poll(notifications).toEqual([]);

  // Due again: it fires again, still one notification for the two tabs.
  await fireSoon();
  await expect.poll(notifications, { timeout: 20_000 }).toEqual([notificationId]);
  await expect.poll(async () => (await stored())?.status, { timeout: 10_000 }).toBe('fired');

  // Clicking the notification brings up the tab with the record, and its sidebar shows that case.
  const activeTab = () => browser.serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  expect(await activeTab()).not.toBe(recordTabId);
  await browser.serviceWorker.evaluate((id) => lingtingNotificationListeners.clicked.forEach((listener) => listener(id)), notificationId);
  await expect.poll(activeTab).toBe(recordTabId);
  expect((await context()).openCase?.id).toBe(caseId);
  expect(browser.context.pages().filter((p) => p.url().includes('sidebar.html?case='))).toEqual([]);

  // "Done": gone from the to-do and from the notifications.
  await browser.serviceWorker.evaluate((id) => lingtingNotificationListeners.buttonClicked.forEach((listener) => listener(id, 1)), notificationId);
  await expect.poll(async () => (await stored()) ?? null).toBeNull();
  await expect.poll(notifications).toEqual([]);
  await recordTab.close();
  await otherTab.close();
});
