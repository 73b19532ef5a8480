// Opening a case brings its CRM record up with that case in the sidebar: the record's tab found
// (by its normalised address) or opened; without an address, the active CRM tab; the case's own
// page only when no CRM tab answers at all.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import type { Case } from '../../shared';
import { newCase } from '../ui/case-draft';
import { createCaseFocus, normalisedPageUrl, type CaseFocusPlatform, type FocusTab } from './case-focus';
import { memoryStorageArea } from './storage-area';

const recordUrl = 'https://crm.example.com/records/C-1024';
const customer = { name: '王秀英', phone: '138 0013 8000', project: '翠湖花园', unit: '3栋1202', crmRecordId: 'C-1024', recordUrl };

function setup(tabs: FocusTab[], crmTabs: number[], reported = new Map<number, string>()) {
  const calls: string[] = [];
  const platform: CaseFocusPlatform = {
    tabs: async () => tabs,
    focusTab: async (tab) => void calls.push(`focus ${tab.id} in window ${tab.windowId}`),
    openTab: async (url) => (calls.push(`open ${url}`), 99),
    revealSidebar: async (tabId) => (calls.push(`reveal ${tabId}`), crmTabs.includes(tabId)),
    openCasePage: async (caseId) => void calls.push(`page ${caseId}`),
  };
  const stored = new Map<string, Case>();
  const notified: number[] = [];
  const focus = createCaseFocus({
    area: memoryStorageArea(),
    getCase: async (id) => stored.get(id),
    platform,
    reportedUrl: async (tabId) => reported.get(tabId),
    notifySidebars: async (tabId) => void notified.push(tabId),
  });
  const add = (record: Case) => (stored.set(record.id, record), record);
  return { calls, notified, focus, add };
}

test('the same page whatever its fragment or trailing slash, and nothing for what is not a URL', () => {
  expect(normalisedPageUrl('https://CRM.example.com/records/C-1024/#notes')).toBe(normalisedPageUrl(recordUrl));
  expect(normalisedPageUrl('https://crm.example.com/records/C-1024?tab=2')).not.toBe(normalisedPageUrl(recordUrl));
  expect(normalisedPageUrl('not a url')).toBeNull();
});

test('a tab already showing the record is focused, tab and window, and its sidebar shows that case', async () => {
  const tabs = [
    { id: 1, windowId: 10, url: 'https://mail.example.com/', active: true },
    { id: 2, windowId: 20, url: `${recordUrl}#history`, active: false },
  ];
  const { calls, notified, focus, add } = setup(tabs, [2]);
  const older = add(newCase(customer, 'zh-Hans', new Date('2026-03-01T08:00:00Z'), randomUUID()));
  add(newCase(customer, 'zh-Hans', new Date('2026-03-02T08:00:00Z'), randomUUID())); // the customer's newest

  expect(await focus.openCase(older.id)).toEqual({ ok: true, shownIn: 'tab', tabId: 2 });
  expect(calls).toEqual(['focus 2 in window 20', 'reveal 2']);
  expect(notified).toEqual([2]);
  expect((await focus.focusedCaseFor(2, customer))?.id).toBe(older.id);
  // Another customer on that tab later: the focused case no longer applies there.
  expect(await focus.focusedCaseFor(2, { ...customer, name: '李', phone: '139', crmRecordId: 'C-2048' })).toBeNull();
});

test("a tab whose URL the browser withholds is known by the address its content script reported", async () => {
  const { calls, focus, add } = setup([{ id: 4, windowId: 10, active: false }], [4], new Map([[4, recordUrl]]));
  const record = add(newCase(customer, 'zh-Hans', new Date('2026-03-01T08:00:00Z'), randomUUID()));
  expect(await focus.openCase(record.id)).toEqual({ ok: true, shownIn: 'tab', tabId: 4 });
  expect(calls).toEqual(['focus 4 in window 10', 'reveal 4']);
});

test('with no tab on the record, the record opens in a new tab whose sidebar will show the case', async () => {
  const { calls, focus, add } = setup([{ id: 1, windowId: 10, url: 'https://crm.example.com/records/C-9', active: true }], [1]);
  const record = add(newCase(customer, 'zh-Hans', new Date('2026-03-01T08:00:00Z'), randomUUID()));
  expect(await focus.openCase(record.id)).toEqual({ ok: true, shownIn: 'tab', tabId: 99 });
  expect(calls).toEqual([`open ${recordUrl}`]);
  expect(await focus.focusedCaseId(99)).toBe(record.id);
});

test('without a record address: the active CRM tab, else another CRM tab, and the case page only with none', async () => {
  const { recordUrl: _none, ...noAddress } = customer;
  const tabs = [
    { id: 1, windowId: 10, url: 'https://mail.example.com/', active: true },
    { id: 3, windowId: 10, active: false },
  ];
  const withCrm = setup(tabs, [3]);
  const record = withCrm.add(newCase(noAddress, 'zh-Hans', new Date('2026-03-01T08:00:00Z'), randomUUID()));
  expect(await withCrm.focus.openCase(record.id)).toEqual({ ok: true, shownIn: 'tab', tabId: 3 });
  expect(withCrm.calls).toEqual(['reveal 1', 'reveal 3', 'focus 3 in window 10']);
  expect(await withCrm.focus.focusedCaseId(3)).toBe(record.id);

  const noCrm = setup(tabs, []);
  noCrm.add(record);
  expect(await noCrm.focus.openCase(record.id)).toEqual({ ok: true, shownIn: 'page' });
  expect(noCrm.calls.at(-1)).toBe(`page ${record.id}`);

  expect(await noCrm.focus.openCase(randomUUID())).toEqual({ ok: false });
});
