// An escalation reaching a person, in real Chromium: an agent in one browser marks the caller's
// complaint major; the supervisor's extension, in a second browser signed in as a supervisor,
// shows a notification at once; its button takes the case, and the agent's sidebar shows who
// took it and when. Clicking the notification opens the case's page on the server; a stopped
// service worker reopens the feed where it stopped.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SidebarContext } from '../../shared';
import { makeCase, putChange } from '../integration/helpers';
import { type ExtensionBrowser, launchWithExtension, openDemoCrmSignedIn, screenshotPath, sendAs, signInThroughOptions, useServerAndExtension } from './harness';

/** The slice of the extension API these checks call inside `evaluate`. */
declare const chrome: {
  runtime: { sendMessage(message: object): Promise<unknown> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
};
/** What background.ts registered with the browser, as the browser calls it (platform/notifications.ts). */
declare const lingtingNotificationListeners: {
  clicked: ((notificationId: string) => void)[];
  buttonClicked: ((notificationId: string, buttonIndex: number) => void)[];
};

const running = useServerAndExtension();
let supervisor: ExtensionBrowser;
beforeAll(async () => {
  supervisor = await launchWithExtension();
});
afterAll(() => supervisor?.close());

const escalationNotifications = () =>
  supervisor.serviceWorker.evaluate(async () => Object.keys(await chrome.notifications.getAll()).filter((id) => id.startsWith('escalation:')));

test("a major complaint saved by an agent notifies the supervisor's extension; taking it shows on the agent's side", async () => {
  const { server } = running;
  await signInThroughOptions(supervisor, server, 'supervisor');
  const { page, sidebar } = await openDemoCrmSignedIn(running);
  const context = () => sidebar.evaluate(() => chrome.runtime.sendMessage({ type: 'sidebar.context' })) as Promise<SidebarContext>;
  expect(await escalationNotifications()).toEqual([]);

  await sidebar.selectOption('select[name="severity"]', 'major');
  await expect.poll(async () => (await context()).openCase?.severity, { timeout: 15_000 }).toBe('major');
  const caseId = (await context()).openCase!.id;

  // The supervisor's browser shows it, for this very case.
  await expect.poll(escalationNotifications, { timeout: 20_000 }).toEqual([expect.stringMatching(new RegExp(`^escalation:[0-9a-f-]{36}:${caseId}$`))]);
  const [notificationId] = await escalationNotifications();
  await expect.poll(() => sidebar.textContent('[data-testid="escalation-status"]'), { timeout: 20_000 }).toContain('等待主管接手');

  // Clicking it opens the case's page on the server: through the sign-in page, back to the case.
  await supervisor.serviceWorker.evaluate((id) => lingtingNotificationListeners.clicked.forEach((listener) => listener(id)), notificationId!);
  await expect.poll(() => supervisor.context.pages().some((tab) => tab.url().startsWith(`${server.url}/admin`)), { timeout: 10_000 }).toBe(true);
  const casePage = supervisor.context.pages().find((tab) => tab.url().startsWith(`${server.url}/admin`))!;
  await casePage.waitForSelector('body[data-ready="true"]');
  await casePage.fill('input[name="username"]', server.credentials.supervisor.username);
  await casePage.fill('input[name="password"]', server.credentials.supervisor.password);
  await casePage.click('button[type="submit"]');
  await casePage.waitForURL(`${server.url}/admin/cases/${caseId}`);
  expect(await casePage.textContent('[data-testid="escalations"]')).toContain('重大投诉');
  expect(await casePage.isVisible('button[data-action="take-escalation"]')).toBe(true);

  // Its button takes it: the notification closes, and the agent's sidebar says who took it.
  await supervisor.serviceWorker.evaluate((id) => lingtingNotificationListeners.buttonClicked.forEach((listener) => listener(id, 0)), notificationId!);
  await expect.poll(escalationNotifications, { timeout: 10_000 }).toEqual([]);
  const { escalations } = (await sendAs(server, 'supervisor', 'GET', '/api/escalations')) as { escalations: { caseId: string; acknowledgedBy: { displayName: string } | null }[] };
  const taken = escalations.filter((e) => e.caseId === caseId);
  expect(taken).toHaveLength(1);
  expect(taken[0]!.acknowledgedBy).not.toBeNull();
  await expect.poll(() => sidebar.textContent('[data-testid="escalation-status"]'), { timeout: 20_000 }).toContain(`${taken[0]!.acknowledgedBy!.displayName} 已于`);
  await page.screenshot({ path: screenshotPath('escalation-taken') });
  await casePage.reload();
  expect(await casePage.textContent('[data-testid="escalations"]')).toContain(`${taken[0]!.acknowledgedBy!.displayName} 已于`);
  expect(await casePage.isVisible('button[data-action="take-escalation"]')).toBe(false);
  await casePage.screenshot({ path: screenshotPath('escalation-case-page'), fullPage: true });

  // Now the agent declares an emergency on it: a second escalation, taken on the case's page;
  // the feed then closes the notification in the supervisor's extension.
  await sidebar.click('[data-testid="emergency"] summary');
  await sidebar.selectOption('select[name="emergency-plan"]', 'burst_pipe');
  await sidebar.click('[data-testid="emergency"] button.danger');
  await expect.poll(escalationNotifications, { timeout: 20_000 }).toHaveLength(1);
  await casePage.reload();
  await casePage.waitForSelector('body[data-ready="true"]');
  await casePage.click('[data-escalation-id] button[data-action="take-escalation"]');
  await expect.poll(escalationNotifications, { timeout: 10_000 }).toEqual([]);
  await casePage.waitForSelector('[data-testid="escalations"]:not(:has(button[data-action="take-escalation"]))');
  await expect.poll(() => sidebar.textContent('[data-testid="escalation-status"] [data-kind="emergency"]'), { timeout: 20_000 }).toContain('已于');
});

test("a supervisor's stopped service worker, started again, reopens the feed and shows only what is new", async () => {
  const { server } = running;
  // A session on an extension page sees the extension's worker; it only watches, never wakes it.
  const options = await supervisor.context.newPage();
  await options.goto(`chrome-extension://${supervisor.extensionId}/options.html`);
  const cdp = await supervisor.context.newCDPSession(options);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { runningStatus: string }[] }) => statuses.push(...versions.map((v) => v.runningStatus)));
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => statuses.includes('stopped'), { timeout: 10_000 }).toBe(true);
  const stoppedAt = Date.now();

  const raised = makeCase({ severity: 'major', summary: '电梯困人后业主投诉物业响应慢' });
  await sendAs(server, 'agent', 'POST', '/api/sync/push', { changes: [putChange(raised)] });
  // Started again (here within a second, by the browser under test; otherwise by any event or its
  // 30-second alarm), it opens the feed from the stored cursor: the taken escalation of the first
  // test is not shown again.
  await expect.poll(() => statuses.slice(statuses.lastIndexOf('stopped')).includes('running'), { timeout: 45_000, interval: 500 }).toBe(true);
  console.log(`the supervisor's worker started again ${Date.now() - stoppedAt} ms after it was stopped`);
  const shown = () =>
    supervisor.serviceWorker.evaluate(async () => Object.keys(await chrome.notifications.getAll()).filter((id) => id.startsWith('escalation:')));
  await expect.poll(shown, { timeout: 20_000, interval: 500 }).toEqual([expect.stringMatching(new RegExp(`:${raised.id}$`))]);
  await options.close();
});
