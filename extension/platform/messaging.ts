import { BackgroundToPage, CONTEXT_PARTS, type BackgroundToContent, type ContextPart, type PageToBackground, type ReplyTo } from '../../shared';
import { browser, type Runtime } from './browser';

/** Sends a request from an extension page to the background and returns its typed reply. */
export async function sendToBackground<M extends PageToBackground>(message: M): Promise<ReplyTo<M['type']>> {
  return (await browser.runtime.sendMessage(message)) as ReplyTo<M['type']>;
}

/** Sends a request to the top frame's content script of one tab. */
export async function sendToContent(tabId: number, message: BackgroundToContent): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 });
}

/** Who sent a message to the background, as the browser (not the message) says. */
export interface Sender {
  /** The sending extension's id: ours, or the message is not ours. */
  extensionId: string | undefined;
  /** The sending frame's URL: an extension page's own URL, or the web page a content script runs in. */
  url: string | undefined;
  tabId: number | null;
}

/** Our extension's id and the origin of its pages, as the sender check compares them. */
export function ownExtension(): { id: string; pagesOrigin: string } {
  return { id: browser.runtime.id, pagesOrigin: browser.runtime.getURL('/') };
}

/** Answers messages to the background with `handle`; an undefined answer leaves the message unanswered. */
export function listenInBackground(handle: (raw: unknown, sender: Sender) => Promise<unknown> | undefined): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) =>
    handle(raw, { extensionId: sender.id, url: sender.url, tabId: sender.tab?.id ?? null }),
  );
}

/** Sends a message to the extension's pages; resolves to the answer of the one that answers, if any. */
async function sendToPages(message: BackgroundToPage): Promise<unknown> {
  // With no page listening (or none answering) the browser rejects: that is "no answer".
  return browser.runtime.sendMessage(message).catch(() => undefined);
}

/** Tells open sidebars (of `tabId`; null: all) which parts of their context changed, every part unless named; none listening is fine. */
export async function broadcastContextChanged(tabId: number | null, parts: readonly ContextPart[] = CONTEXT_PARTS): Promise<void> {
  await sendToPages({ type: 'sidebar.changed', tabId, parts: [...parts] });
}

/** Asks the sidebar of `tabId` to expand a shortcut typed in its CRM page; its raw answer, or undefined. */
export function askSidebarToExpand(tabId: number, shortcut: string): Promise<unknown> {
  return sendToPages({ type: 'sidebar.expand', tabId, shortcut });
}

/**
 * Hears the background's messages to extension pages. `answer` returns a promise for the
 * messages this page answers, and undefined for the others, which stay for another page to answer.
 */
export function listenToBackground(answer: (message: BackgroundToPage) => Promise<unknown> | undefined): () => void {
  const listener = (raw: unknown) => {
    const parsed = BackgroundToPage.safeParse(raw);
    return parsed.success ? answer(parsed.data) : undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
