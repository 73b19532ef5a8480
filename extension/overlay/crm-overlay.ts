import type { CrmSite, InsertResult } from '../../shared';
import { watchCustomer } from '../capture/watch';
import { findTarget } from '../capture/read';
import { isEditable } from '../insert/editable';
import { trackFocusedField } from '../insert/focus-tracker';
import { insertText } from '../insert/insert-text';
import { browser } from '../platform/browser';
import { listenInContent, sendToBackground } from '../platform/messaging';
import { mountSidebar } from './mount-sidebar';

/**
 * Everything the content script does on a CRM page: mount the sidebar, report the customer
 * the page shows, and insert text where the agent was typing. Undone when `signal` aborts.
 */
export function startCrmOverlay(options: { doc: Document; site: CrmSite; signal: AbortSignal }): void {
  const { doc, site, signal } = options;
  const sidebar = mountSidebar(doc, browser.runtime.getURL('/sidebar.html'), signal);
  const focus = trackFocusedField(doc, (element) => element === sidebar.host, signal);

  watchCustomer(doc, site, (customer) => void sendToBackground({ type: 'page.customer', customer }).catch(() => undefined), signal);

  const insert = (text: string): InsertResult => {
    const remembered = focus.field();
    if (remembered) return insertText(remembered, text, focus.caret()) ? { ok: true, via: 'caret' } : { ok: false, reason: 'rejected' };
    // No field was focused yet: the site's reply box is where a reply goes.
    const replyBox = site.replyBox ? findTarget(doc, site.replyBox.path) : null;
    if (!isEditable(replyBox)) return { ok: false, reason: 'no_field' };
    return insertText(replyBox, text, 'end') ? { ok: true, via: 'reply_box' } : { ok: false, reason: 'rejected' };
  };

  listenInContent(async (message) => {
    if (message.type === 'content.toggle') return sidebar.setOpen(!sidebar.isOpen());
    return insert(message.text);
  }, signal);
}
