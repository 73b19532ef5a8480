import { defineBackground } from 'wxt/utils/define-background';
import { detectLocale, InsertResult, newRecordId } from '../../shared';
import { openDb } from '../db/schema';
import { browser } from '../platform/browser';
import { broadcastContextChanged, listenInBackground, sendToContent } from '../platform/messaging';
import { createCaseService } from '../services/cases';
import { createInFlight } from '../services/outbox';
import { createReminderService } from '../services/reminders';
import { createBackgroundRouter } from '../services/router';
import { managedSettings, onPermissionsChanged, scriptRegistry, originsGranted } from '../platform/scripting';
import { createCrmSitesService } from '../services/crm-sites';
import { createServerApi, createSiteSource, signIn } from '../services/server-api';
import { createSettingsService } from '../services/settings';
import { createSyncService } from '../services/sync';
import { createTabCustomers } from '../services/tab-customers';

/** Retry period for the outbox while the server is unreachable. */
const SYNC_ALARM = { name: 'lingting-sync', periodInMinutes: 1 };
/** The manifest command that opens and closes the sidebar. */
const TOGGLE_COMMAND = 'toggle-sidebar';

export default defineBackground({
  type: 'module',
  main() {
    const db = openDb({ legacy: browser.storage.local });
    const now = () => new Date();
    const inFlight = createInFlight();
    const settings = createSettingsService(browser.storage.local, managedSettings);
    const crmSites = createCrmSitesService({ db, scripts: scriptRegistry(), granted: originsGranted, now });
    const sync = createSyncService({
      db,
      settings,
      now,
      inFlight,
      api: (session) => createServerApi(session.serverUrl, session.token),
      sitesChanged: crmSites.registerOrWarn,
      // Reminders set on another device get their alarms here too (called during a sync, after setup).
      remindersPulled: () => reminders.restore(),
    });
    const currentUserId = async () => (await settings.session())?.user.id;
    const cases = createCaseService({ db, now, newId: newRecordId, inFlight, currentUserId });
    const tabCustomers = createTabCustomers(browser.storage.session);
    const reminders = createReminderService({
      db,
      now,
      newId: newRecordId,
      inFlight,
      currentUserId,
      platform: {
        createAlarm: (name, when) => browser.alarms.create(name, { when }) as Promise<void>,
        clearAlarm: async (name) => void (await browser.alarms.clear(name)),
        notify: async (id, title, message) => {
          await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon.png'), title, message });
        },
      },
      describe: async (reminder) => {
        const record = await cases.get(reminder.caseId);
        const who = record ? `${record.customer.name} ${record.customer.phone}` : '';
        return { title: `聆聽 · ${who}`.trim(), message: reminder.note || record?.summary || '—' };
      },
    });
    const route = createBackgroundRouter({
      cases,
      reminders,
      sync,
      settings,
      tabCustomers,
      rejected: async () =>
        (await db.rejected.toArray()).map((r) => ({
          changeId: r.changeId,
          reason: r.reason,
          at: r.at,
          what: r.change.kind === 'case.put' ? r.change.case.customer.name : r.change.reminder.note,
        })),
      caseHistory: async (phone) => {
        const session = await settings.session();
        if (!session) throw new Error('signed out');
        return createServerApi(session.serverUrl, session.token).caseHistory(phone);
      },
      signIn: (serverUrl, body) => signIn(serverUrl, body),
      insertInTab: async (tabId, text) => {
        const reply = await sendToContent(tabId, { type: 'content.insert', text }).catch(() => null);
        const parsed = InsertResult.safeParse(reply);
        return parsed.success ? parsed.data : { ok: false, reason: 'no_page' };
      },
      notifySidebars: broadcastContextChanged,
      crmSites,
      startPicker: async (tabId, field) => void (await sendToContent(tabId, { type: 'content.pick', field })),
      siteSource: (session) => createSiteSource(session.serverUrl, session.token),
      newId: newRecordId,
      locale: () => detectLocale([navigator.language]),
    });

    listenInBackground((message, sender) => route(message, { tabId: sender.tab?.id ?? null, url: sender.url ?? null }));

    // Content scripts for configured CRMs follow the agent's grants here; the cached sites' own
    // changes (the sync's catalogue refresh and saveRule, their only writers) register them as they store them.
    const registerSites = () => void crmSites.register().catch((error: unknown) => console.warn('Lingting: registering CRM sites failed', error));
    onPermissionsChanged(registerSites);
    registerSites();

    // The outbox survives the service worker: whenever it wakes, it resumes.
    void browser.alarms.create(SYNC_ALARM.name, { periodInMinutes: SYNC_ALARM.periodInMinutes });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === SYNC_ALARM.name) void sync.sync();
      else void reminders.onAlarm(alarm.name).then(() => broadcastContextChanged(null));
    });
    browser.notifications.onClicked.addListener((notificationId) => {
      void reminders.caseOfNotification(notificationId).then(async (caseId) => {
        if (caseId) await browser.tabs.create({ url: browser.runtime.getURL(`/sidebar.html?case=${caseId}`) });
      });
    });
    browser.commands.onCommand.addListener((command) => {
      if (command !== TOGGLE_COMMAND) return;
      void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
        if (tab?.id !== undefined) return sendToContent(tab.id, { type: 'content.toggle' }).catch(() => undefined);
      });
    });
    void reminders.restore();
    void sync.sync();
  },
});
