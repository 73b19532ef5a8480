import { browser } from './browser';

/** What a reminder's notification shows; `buttons` only where the browser has notification buttons. */
export interface NotificationContent {
  title: string;
  message: string;
  buttons: string[];
  /** Stays on screen until acted on, where the browser can (Chrome's requireInteraction; Firefox has none). */
  sticky?: boolean;
}

/**
 * Chrome shows up to two buttons on a notification; Firefox has none (no `onButtonClicked`, and
 * `buttons` in the options is an error there), so they are offered only where the event exists.
 */
export function notificationButtonsSupported(): boolean {
  return typeof browser.notifications.onButtonClicked?.addListener === 'function';
}

/** Shows (or replaces) the notification `id`. */
async function notify(id: string, content: NotificationContent): Promise<void> {
  // Buttons and requireInteraction are Chrome's: Firefox refuses options it does not know.
  const chrome = notificationButtonsSupported();
  const buttons = chrome ? content.buttons.slice(0, 2).map((title) => ({ title })) : [];
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon.png'),
    title: content.title,
    message: content.message,
    ...(buttons.length > 0 ? { buttons } : {}),
    ...(chrome && content.sticky ? { requireInteraction: true } : {}),
  });
}
const clearNotification = async (id: string) => void (await browser.notifications.clear(id));

/** The browser side of reminders: one alarm and one notification per reminder. */
export const reminderPlatform = {
  createAlarm: async (name: string, when: number) => void (await browser.alarms.create(name, { when })),
  clearAlarm: async (name: string) => void (await browser.alarms.clear(name)),
  notify,
  clearNotification,
};

/** The browser side of escalations: the feed's WebSocket, a notification per escalation, and the case's page in a tab. */
export const escalationPlatform = {
  openSocket: (url: string) => new WebSocket(url),
  notify,
  clearNotification,
  openTab: async (url: string) => void (await browser.tabs.create({ url })),
};

/**
 * The listeners given below, also reachable from the service worker's own global scope: a test
 * cannot click a system notification, so the end-to-end tests call these, the very functions
 * the browser calls. Only code running in the service worker itself can reach them.
 */
const heard = { clicked: [] as ((notificationId: string) => void)[], buttonClicked: [] as ((notificationId: string, buttonIndex: number) => void)[] };
(globalThis as { lingtingNotificationListeners?: typeof heard }).lingtingNotificationListeners = heard;

/** Hears clicks on a notification's body. */
export function onNotificationClicked(listener: (notificationId: string) => void): void {
  heard.clicked.push(listener);
  browser.notifications.onClicked.addListener(listener);
}

/** Hears clicks on a notification's buttons, where the browser has them. */
export function onNotificationButtonClicked(listener: (notificationId: string, buttonIndex: number) => void): void {
  if (!notificationButtonsSupported()) return;
  heard.buttonClicked.push(listener);
  browser.notifications.onButtonClicked.addListener(listener);
}
