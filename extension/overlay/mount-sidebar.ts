import type { DockPreference, PageWords } from '../../shared/content-protocol';
import { dockPage } from './dock';

// Sizes in CSS pixels (never rem: the CRM may change its root font size).
/** The rail along the sidebar's left edge: its toggle, and its resize grip while open. */
const RAIL_WIDTH = 28;
export const DEFAULT_DOCK: DockPreference = { open: true, width: 380 };
const MIN_WIDTH = 300;
/** The page keeps at least this share of the window. */
const MAX_SHARE = 0.6;
const KEY_STEP = 20;

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
  `:host{all:initial}` +
  `.dock{display:flex;height:100vh;box-shadow:-2px 0 12px rgba(15,23,42,.18)}` +
  `.rail{display:flex;flex-direction:column;width:${RAIL_WIDTH}px;background:#0f766e}` +
  `.toggle{width:${RAIL_WIDTH}px;height:40px;border:0;padding:0;background:none;color:#fff;font:600 14px/1 system-ui,sans-serif;cursor:pointer}` +
  `.grip{flex:1;cursor:col-resize;touch-action:none}` +
  `.grip:hover,.grip:focus-visible{background:#115e59}` +
  `.toggle:focus-visible,.grip:focus-visible{outline:2px solid #f59e0b;outline-offset:-2px}` +
  `.frame{display:block;border:0;height:100vh;background:#fff;color-scheme:light}` +
  `.collapsed .frame,.collapsed .grip{display:none}`;

export interface MountedSidebar {
  /** The element attached to the page; the content script treats focus inside it as ours. */
  host: HTMLElement;
  setOpen(open: boolean): void;
  isOpen(): boolean;
  /** Opens the sidebar and moves the focus into it (it asks the agent for something). */
  reveal(): void;
  /** The words of its toggle, grip and frame, in the agent's language (they come from the background). */
  setWords(words: Pick<PageWords, 'showSidebar' | 'hideSidebar' | 'resizeSidebar' | 'sidebarFrame'>): void;
}

/**
 * Attaches the sidebar to the CRM page: an extension page in an iframe, inside a closed shadow
 * root on a host element attached to `<html>` (not `<body>`, whose transform would make
 * `position: fixed` scroll away). The page's CSS cannot reach in and its scripts cannot read the
 * sidebar. The page is docked beside it, never under it: open, or collapsed to its rail. The
 * agent resizes it by its grip (pointer or arrow keys); it starts as `initial` (as the agent
 * left it on this CRM) and `onChange` hears each choice the agent makes, to remember it.
 * Removed when `signal` aborts.
 */
export function mountSidebar(
  doc: Document,
  sidebarUrl: string,
  signal: AbortSignal,
  { initial = DEFAULT_DOCK, onChange = () => {} }: { initial?: DockPreference | null; onChange?: (preference: DockPreference) => void } = {},
): MountedSidebar {
  const view = doc.defaultView!;
  const host = doc.createElement('lingting-sidebar');
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'closed' });
  const isOwn = (element: Element) => element === host;
  const page = dockPage(doc, isOwn, signal);

  const style = doc.createElement('style');
  style.textContent = SHADOW_CSS;
  const wrapper = doc.createElement('div');
  wrapper.className = 'dock';
  const rail = doc.createElement('div');
  rail.className = 'rail';
  const toggle = doc.createElement('button');
  toggle.className = 'toggle';
  toggle.type = 'button';
  const grip = doc.createElement('div');
  grip.className = 'grip';
  grip.tabIndex = 0;
  grip.setAttribute('role', 'separator');
  grip.setAttribute('aria-orientation', 'vertical');
  const frame = doc.createElement('iframe');
  frame.className = 'frame';
  frame.src = sidebarUrl;
  rail.append(toggle, grip);
  wrapper.append(rail, frame);
  shadow.append(style, wrapper);

  let words: Parameters<MountedSidebar['setWords']>[0] | null = null;
  let state: DockPreference = initial ?? DEFAULT_DOCK;
  const widest = () => Math.max(MIN_WIDTH, Math.floor(view.innerWidth * MAX_SHARE) - RAIL_WIDTH);
  const show = (next: DockPreference) => {
    state = { open: next.open, width: Math.min(Math.max(Math.round(next.width), MIN_WIDTH), widest()) };
    wrapper.classList.toggle('collapsed', !state.open);
    frame.style.width = `${state.width}px`;
    // Until the words arrive, the button is named by its own text.
    toggle.textContent = state.open ? '›' : '聆';
    if (words) toggle.setAttribute('aria-label', state.open ? words.hideSidebar : words.showSidebar);
    toggle.setAttribute('aria-expanded', String(state.open));
    grip.setAttribute('aria-valuenow', String(state.width));
    grip.setAttribute('aria-valuemin', String(MIN_WIDTH));
    grip.setAttribute('aria-valuemax', String(widest()));
    page.reserve(RAIL_WIDTH + (state.open ? state.width : 0));
  };
  /** A change the agent made: shown, and remembered. */
  const choose = (next: DockPreference) => {
    show(next);
    onChange(state);
  };
  const setOpen = (open: boolean) => choose({ ...state, open });
  toggle.addEventListener('click', () => setOpen(!state.open));

  grip.addEventListener('keydown', (event) => {
    const step = { ArrowLeft: KEY_STEP, ArrowRight: -KEY_STEP }[event.key];
    if (!step) return;
    event.preventDefault();
    choose({ ...state, width: state.width + step });
  });
  grip.addEventListener('pointerdown', (event) => {
    grip.setPointerCapture(event.pointerId);
    const follow = (move: PointerEvent) => show({ ...state, width: view.innerWidth - move.clientX - RAIL_WIDTH / 2 });
    grip.addEventListener('pointermove', follow);
    grip.addEventListener('pointerup', () => (grip.removeEventListener('pointermove', follow), onChange(state)), { once: true });
  });

  show(state);
  doc.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return {
    host,
    setOpen,
    isOpen: () => state.open,
    reveal() {
      if (!state.open) setOpen(true);
      frame.focus();
    },
    setWords(next) {
      words = next;
      frame.title = next.sidebarFrame;
      grip.setAttribute('aria-label', next.resizeSidebar);
      show(state);
    },
  };
}
