// Messaging for the content script. It uses the browser's own `chrome`/`browser` global (through
// WXT's two-line alias) rather than webextension-polyfill, and parses with zod/mini schemas from
// shared/content-protocol: it is injected into every CRM page, so every kilobyte counts.
import { browser } from 'wxt/browser';
import { DockPreference, parseBackgroundToContent, type BackgroundToContent } from '../../shared/content-protocol';
import type { ContentToBackground } from '../../shared';

/** Whether the extension that injected this script still runs: an updated or removed one leaves its scripts without a runtime id. */
export const extensionAlive = (): boolean => browser.runtime?.id !== undefined;

/** Sends a request to the background from a content script; its reply is parsed by the caller. */
export function sendFromContent(message: ContentToBackground): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

/**
 * Answers the background's requests until `signal` aborts. Requests that fail the schema are
 * not ours and get no answer.
 */
export function listenInContent(handle: (message: BackgroundToContent) => Promise<unknown>, signal: AbortSignal): void {
  const listener = (raw: unknown, _sender: unknown, respond: (reply: unknown) => void) => {
    const message = parseBackgroundToContent(raw);
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
 * Loads one of the extension's scripts into this content script's world, where it exposes what
 * it offers on `globalThis`: code most page loads never need stays out of the content script
 * (the picker, `lingtingPicker`; the wording hints, `lingtingWording`; insertion, `lingtingInsert`).
 */
export async function loadExtensionScript(path: '/picker.js' | '/wording.js' | '/insert.js'): Promise<void> {
  await import(/* @vite-ignore */ extensionUrl(path));
}

/** Where the sidebar's width and state are kept for one CRM (its host name and port). */
const dockKey = (crm: string) => `dock:${crm}`;

/** How the agent left the sidebar on this CRM, or null the first time. */
export async function rememberedDock(crm: string): Promise<DockPreference | null> {
  const stored: Record<string, unknown> = await browser.storage.local.get(dockKey(crm)).catch(() => ({}));
  const parsed = DockPreference.safeParse(stored[dockKey(crm)]);
  return parsed.success ? parsed.data : null;
}

/** Remembers how the agent left the sidebar on this CRM. */
export function rememberDock(crm: string, preference: DockPreference): void {
  void browser.storage.local.set({ [dockKey(crm)]: preference }).catch(() => undefined);
}
