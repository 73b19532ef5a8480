import type { CaseFocusPlatform, FocusTab } from '../services/case-focus';
import { browser } from './browser';
import { sendToContent } from './messaging';

/** The browser side of bringing a case up: find, focus or open a tab, and show its sidebar. */
export const caseFocusPlatform: CaseFocusPlatform = {
  async tabs(): Promise<FocusTab[]> {
    const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    const all = (await browser.tabs.query({}))
      .filter((tab) => tab.id !== undefined)
      .map((tab) => ({ id: tab.id!, windowId: tab.windowId ?? -1, active: tab.active, ...(tab.url ? { url: tab.url } : {}) }));
    // The tab the agent is looking at is the first a case is shown in.
    return all.sort((a, b) => Number(b.id === active?.id) - Number(a.id === active?.id));
  },
  async focusTab(tab) {
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId >= 0) await browser.windows.update(tab.windowId, { focused: true });
  },
  async openTab(url) {
    const tab = await browser.tabs.create({ url, active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
    return tab.id!;
  },
  revealSidebar: async (tabId) => (await sendToContent(tabId, { type: 'content.reveal' }).catch(() => undefined)) !== undefined,
  async openCasePage(caseId) {
    await browser.tabs.create({ url: browser.runtime.getURL(`/sidebar.html?case=${caseId}`) });
  },
};
