import type { InsertResult } from '../../shared';
import { Expansion, PageSetup, type ContentWordingRule, type ShortcutPrefix } from '../../shared/content-protocol';
import { watchCustomer } from '../capture/watch';
import { findTarget } from '../capture/read';
import { isEditable } from '../insert/editable';
import { trackFocusedField } from '../insert/focus-tracker';
import type { InsertApi, InsertGlobal } from '../insert/insert-api';
import { expandShortcuts } from '../insert/shortcuts';
import { extensionUrl, listenInContent, loadExtensionScript, rememberDock, rememberedDock, sendFromContent } from '../platform/content-messaging';
import { mountSidebar } from './mount-sidebar';
import type { WordingHintsGlobal } from './wording-hints';

interface OverlayOptions {
  doc: Document;
  signal: AbortSignal;
  /** Subscribes to the page's client-side navigation. */
  onLocationChange: (listener: () => void) => void;
}

/**
 * Everything the content script does on a CRM page: mount the sidebar, report what the page
 * shows of the customer, insert text where the agent was typing, expand shortcuts and flag
 * wording. How to read this CRM comes from the background (configured sites, cached from the
 * server). Undone when `signal` aborts.
 */
export async function startCrmOverlay(options: OverlayOptions): Promise<void> {
  const { doc, signal } = options;
  // Painted first: the agent sees the sidebar while the background looks the site up.
  // As the agent left it on this CRM (a local read, a few milliseconds): the page does not jump.
  const crm = doc.location.host;
  const initial = await rememberedDock(crm);
  if (signal.aborted) return;
  const sidebar = mountSidebar(doc, extensionUrl('/sidebar.html'), signal, { initial, onChange: (preference) => rememberDock(crm, preference) });
  const isOwn = (element: Element) => element === sidebar.host || element.localName.startsWith('lingting-');
  const focus = trackFocusedField(doc, isOwn, signal);

  let wordingRules: readonly ContentWordingRule[] = [];
  const shortcuts = new Set<string>();
  let prefix: ShortcutPrefix = ';';
  /** Takes the background's answer to `page.site`, if it is one: its rules and shortcuts replace ours. */
  const applySetup = (raw: unknown): PageSetup | null => {
    const setup = PageSetup.safeParse(raw);
    if (!setup.success) return null;
    wordingRules = setup.data.wordingRules;
    shortcuts.clear();
    for (const shortcut of setup.data.shortcuts) shortcuts.add(shortcut);
    prefix = setup.data.prefix;
    sidebar.setWords(setup.data.words);
    return setup.data;
  };

  /** The insertion code, loaded the first time the agent inserts or expands a shortcut. */
  const insertion = async (): Promise<InsertApi> => {
    await loadExtensionScript('/insert.js');
    return (globalThis as InsertGlobal).lingtingInsert!;
  };

  const setup = applySetup(await sendFromContent({ type: 'page.site' }).catch(() => null));
  if (signal.aborted) return;
  const site = setup?.site ?? null;

  if (site) {
    watchCustomer({
      doc,
      site,
      onLocationChange: options.onLocationChange,
      onFrameDocument: focus.adopt,
      onCustomer: (captured) => void sendFromContent({ type: 'page.customer', captured }).catch(() => undefined),
      signal,
    });
  }

  expandShortcuts({
    doc,
    documents: focus.documents,
    shortcuts: () => shortcuts,
    prefix: () => prefix,
    expand: async (shortcut) => {
      const reply = Expansion.safeParse(await sendFromContent({ type: 'page.expand', shortcut }).catch(() => null));
      if (!reply.success) return null;
      // The sidebar asks for values the template lacks: show it, with the focus in its first field.
      if (reply.data.asking) sidebar.reveal();
      return reply.data.text;
    },
    replace: async (field, shortcut, text) => (await insertion()).replaceTypedShortcut(field, shortcut, text, null, prefix),
    isOwn,
    signal,
  });

  if (setup) {
    const { forbidden, unapprovedPromise, sayInstead } = setup.words;
    const labels = { forbidden, unapproved_promise: unapprovedPromise, instead: sayInstead };
    // The hints' code loads at the agent's first keystroke while there are rules to flag (most
    // page loads never need it); from then on it listens itself.
    let hints: 'waiting' | 'loading' | 'running' = 'waiting';
    const firstInput = () => {
      if (hints !== 'waiting' || wordingRules.length === 0) return;
      hints = 'loading';
      loadExtensionScript('/wording.js').then(
        () => {
          if (signal.aborted) return;
          const flag = (globalThis as WordingHintsGlobal).lingtingWording!;
          flag({ doc, documents: focus.documents, rules: () => wordingRules, isOwn, labels, signal }).check();
          hints = 'running';
        },
        () => (hints = 'waiting'),
      );
    };
    focus.documents((target) => target.addEventListener('input', firstInput, { capture: true, signal }));
  }

  const insert = async (text: string, replace: string | undefined): Promise<InsertResult> => {
    const { insertText, replaceTypedShortcut, copyToClipboard } = await insertion();
    const remembered = focus.field();
    if (remembered) {
      const landed = replace ? await replaceTypedShortcut(remembered, replace, text, focus.caret(), prefix) : await insertText(remembered, text, focus.caret());
      if (landed) return { ok: true, via: 'caret' };
    } else {
      // No field was focused yet: the site's reply box is where a reply goes.
      const replyBox = site?.replyBox ? findTarget(doc, site.replyBox.path) : null;
      if (isEditable(replyBox)) {
        focus.adopt(replyBox.ownerDocument); // a reply box inside a frame: hear its keys from now on
        if (await insertText(replyBox, text, 'end')) return { ok: true, via: 'reply_box' };
      }
    }
    // Nothing on the page took it, or it never showed there: the agent pastes it themself.
    if (await copyToClipboard(doc, text)) return { ok: true, via: 'clipboard' };
    return { ok: false, reason: remembered ? 'rejected' : 'no_field' };
  };
  listenInContent(async (message) => {
    if (message.type === 'content.insert') return insert(message.text, message.replace);
    if (message.type === 'content.toggle') return sidebar.setOpen(!sidebar.isOpen());
    if (message.type === 'content.reveal') {
      sidebar.setOpen(true);
      return { ok: true }; // the answer tells the background this tab is a CRM page
    }
    await loadExtensionScript('/picker.js');
    (globalThis as { lingtingPicker?: { start(field: string): void } }).lingtingPicker?.start(message.field);
    return { ok: true };
  }, signal);

  // Wording rules may change while the page is open (a supervisor edits them): refresh on focus.
  doc.defaultView?.addEventListener(
    'focus',
    () =>
      void sendFromContent({ type: 'page.site' })
        .then(applySetup)
        .catch(() => undefined),
    { signal },
  );
}
