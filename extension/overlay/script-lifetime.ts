// How long the content script lives on a CRM page, and how it hears the page's own navigation.
// WXT wraps every content script in its ContentScriptContext; the content script's build swaps
// that class for an empty one (wxt.config.ts) and uses this instead: it does only what Lingting
// needs, in a fifth of the bytes, and says nothing to the page (WXT's announces every start to
// the page with window.postMessage, which the CRM's own scripts can read).

/** How often a page without the Navigation API is checked for a new address (WXT's own period). */
const POLL_MS = 1000;

/** Where this frame's running copy of the script leaves its stop (the extension's isolated world: the page never sees it). */
interface World {
  lingtingStop?: () => void;
}

export interface ScriptLifetime {
  /** Aborts when a newer copy of the script takes over this frame, or the extension is gone (updated, reloaded, removed). */
  signal: AbortSignal;
  /** Calls `listener` after each change of the page's address made by its own scripts (pushState, replaceState, hash). */
  onNavigate(listener: () => void): void;
}

/**
 * Starts this copy's lifetime in `view`: a copy that was running in the frame stops now (two
 * copies would insert every text twice). A copy outliving its extension stops too, at the first
 * check that finds the extension gone.
 */
export function startScriptLifetime(view: Window & typeof globalThis, extensionAlive: () => boolean): ScriptLifetime {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const world = view as unknown as World;
  world.lingtingStop?.();
  world.lingtingStop = () => lifetime.abort();

  const listeners: (() => void)[] = [];
  let href = view.location.href;
  const check = () => {
    if (!extensionAlive()) return lifetime.abort();
    if (view.location.href === href) return;
    href = view.location.href;
    for (const listener of listeners) listener();
  };
  // Chromium (102+) and Firefox (147+) tell every world of a navigation through the Navigation
  // API; elsewhere the address is compared every second.
  const navigation = (view as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('currententrychange', check, { signal });
  const timer = setInterval(navigation ? () => extensionAlive() || lifetime.abort() : check, POLL_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });

  return { signal, onNavigate: (listener) => void listeners.push(listener) };
}
