// Messaging for the content script. It uses the browser's own `chrome`/`browser` global (through
// WXT's two-line alias) rather than webextension-polyfill, and parses with zod/mini schemas from
// shared/content-protocol: it is injected into every CRM page, so every kilobyte counts.
import { browser } from 'wxt/browser';
import { parseToContent, type ToContent } from '../../shared/content-protocol';
import type { ToBackground, ReplyTo } from '../../shared';

/** Sends a request to the background from a content script; its reply is parsed by the caller. */
export async function sendFromContent<M extends ToBackground>(message: M): Promise<unknown> {
  return (await browser.runtime.sendMessage(message)) as ReplyTo<M['type']>;
}

/**
 * Answers the background's requests until `signal` aborts. Requests that fail the schema are
 * not ours and get no answer.
 */
export function listenInContent(handle: (message: ToContent) => Promise<unknown>, signal: AbortSignal): void {
  const listener = (raw: unknown, _sender: unknown, respond: (reply: unknown) => void) => {
    const message = parseToContent(raw);
    if (!message) return false;
    void handle(message).then(respond, (error: unknown) => respond({ ok: false, reason: 'rejected', error: String(error) }));
    return true; // the reply is sent asynchronously
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/** The extension page's URL as a content script embeds it. */
export function extensionUrl(path: `/${string}`): string {
  // WXT types getURL against generated paths this project's tsconfig does not include.
  return (browser.runtime as unknown as { getURL(path: string): string }).getURL(path);
}

/**
 * Loads the picker (a separate script, so agents never download it) into this content script's
 * world; it exposes `globalThis.lingtingPicker`.
 */
export async function loadPicker(): Promise<void> {
  await import(/* @vite-ignore */ extensionUrl('/picker.js'));
}
