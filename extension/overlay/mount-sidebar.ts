import type { PageWords } from '../../shared/content-protocol';

/** Width of the open sidebar, in CSS pixels (never rem: the CRM may change its root font size). */
const SIDEBAR_WIDTH = 380;

// Inline `!important` declarations outrank every rule a host stylesheet can write, including
// `div, iframe { display: none !important }` and `* { all: unset !important }`.
const HOST_STYLE = [
  'all: initial !important',
  'position: fixed !important',
  'top: 0 !important',
  'right: 0 !important',
  'height: 100vh !important',
  'width: auto !important',
  'display: block !important',
  'visibility: visible !important',
  'opacity: 1 !important',
  'transform: none !important',
  'z-index: 2147483647 !important',
].join(';');

// Written compactly: this string ships in every CRM page.
const SHADOW_CSS =
  `:host{all:initial;}` +
  `.frame{display:block;border:0;width:${SIDEBAR_WIDTH}px;height:100vh;background:#fff;box-shadow:-2px 0 12px rgba(15,23,42,0.18);color-scheme:light;}` +
  `.collapsed .frame{display:none;}` +
  `.toggle{position:absolute;top:12px;left:-32px;width:32px;height:40px;border:0;border-radius:6px 0 0 6px;background:#0f766e;color:#fff;font:600 14px/1 system-ui,sans-serif;cursor:pointer;box-shadow:-2px 0 6px rgba(15,23,42,0.2);}` +
  `.collapsed .toggle{left:auto;right:0;border-radius:6px 0 0 6px;}` +
  `.toggle:focus-visible{outline:2px solid #f59e0b;outline-offset:1px;}`;

export interface MountedSidebar {
  /** The element attached to the page; the content script treats focus inside it as ours. */
  host: HTMLElement;
  setOpen(open: boolean): void;
  isOpen(): boolean;
  /** Opens the sidebar and moves the focus into it (it asks the agent for something). */
  reveal(): void;
  /** The words of its toggle and frame, in the agent's language (they come from the background). */
  setWords(words: Pick<PageWords, 'showSidebar' | 'hideSidebar' | 'sidebarFrame'>): void;
}

/**
 * Attaches the sidebar to the CRM page: an extension page in an iframe, inside a closed
 * shadow root on a host element attached to `<html>` (not `<body>`, whose transform would make
 * `position: fixed` scroll away). The page's CSS cannot reach in and its scripts cannot read
 * the sidebar. Removed when `signal` aborts.
 */
export function mountSidebar(doc: Document, sidebarUrl: string, signal: AbortSignal): MountedSidebar {
  const host = doc.createElement('lingting-sidebar');
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'closed' });

  const style = doc.createElement('style');
  style.textContent = SHADOW_CSS;
  const wrapper = doc.createElement('div');
  const toggle = doc.createElement('button');
  toggle.className = 'toggle';
  toggle.type = 'button';
  const frame = doc.createElement('iframe');
  frame.className = 'frame';
  frame.src = sidebarUrl;
  wrapper.append(toggle, frame);
  shadow.append(style, wrapper);

  let words: Parameters<MountedSidebar['setWords']>[0] | null = null;
  const setOpen = (open: boolean) => {
    wrapper.classList.toggle('collapsed', !open);
    // Until the words arrive, the button is named by its own text.
    toggle.textContent = open ? '›' : '聆';
    if (words) toggle.setAttribute('aria-label', open ? words.hideSidebar : words.showSidebar);
    toggle.setAttribute('aria-expanded', String(open));
  };
  const isOpen = () => !wrapper.classList.contains('collapsed');
  toggle.addEventListener('click', () => setOpen(wrapper.classList.contains('collapsed')));
  setOpen(true);

  doc.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return {
    host,
    setOpen,
    isOpen,
    reveal() {
      setOpen(true);
      frame.focus();
    },
    setWords(next) {
      words = next;
      frame.title = next.sidebarFrame;
      setOpen(isOpen());
    },
  };
}
