import { ToBackground, ToSidebar, type ReplyTo, type ToContent } from '../../shared';
import { browser, type Runtime } from './browser';

/** Sends a request to the background and returns its typed reply. */
export async function sendToBackground<M extends ToBackground>(message: M): Promise<ReplyTo<M['type']>> {
  return (await browser.runtime.sendMessage(message)) as ReplyTo<M['type']>;
}

/** Sends a request to the top frame's content script of one tab. */
export async function sendToContent(tabId: number, message: ToContent): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 });
}

/**
 * Answers background requests with `handle`. Requests that fail the schema are ignored (they
 * are not ours), so a malformed message can never reach a handler.
 */
export function listenInBackground(
  handle: (message: ToBackground, sender: Runtime.MessageSender) => Promise<unknown>,
): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    const parsed = ToBackground.safeParse(raw);
    if (!parsed.success) return undefined;
    return handle(parsed.data, sender);
  });
}

/** Tells open sidebars that their context changed; none listening is fine. */
export async function broadcastContextChanged(tabId: number | null): Promise<void> {
  const notice: ToSidebar = { type: 'sidebar.changed', tabId };
  await browser.runtime.sendMessage(notice).catch(() => undefined);
}

/** Calls `onChange` when the background says the context of `tabId` (or of every tab) changed. */
export function onContextChanged(onChange: (tabId: number | null) => void): () => void {
  const listener = (raw: unknown) => {
    const parsed = ToSidebar.safeParse(raw);
    if (parsed.success) onChange(parsed.data.tabId);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
