import { defineBackground } from 'wxt/utils/define-background';
import { detectLocale, InsertResult, newRecordId, wordsFor } from '../../shared';
import { openDb } from '../db/schema';
import { browser } from '../platform/browser';
import { askSidebarToExpand, broadcastContextChanged, listenInBackground, ownExtension, sendToContent } from '../platform/messaging';
import { escalationPlatform, onNotificationButtonClicked, onNotificationClicked, reminderPlatform } from '../platform/notifications';
import { preferredLanguages } from '../platform/pages';
import { managedSettings, onPermissionsChanged, scriptRegistry, originsGranted } from '../platform/scripting';
import { caseFocusPlatform } from '../platform/tabs';
import { createAuthService } from '../services/auth';
import { createCaseFocus } from '../services/case-focus';
import { createCaseService } from '../services/cases';
import { createCrmSitesService } from '../services/crm-sites';
import { createEscalationWatch } from '../services/escalation-watch';
import { createInFlight } from '../services/outbox';
import { createPageSetup } from '../services/page-setup';
import { createPickingService } from '../services/picking';
import { createReminderService, reminderNotice } from '../services/reminders';
import { admitMessage, createBackgroundRouter } from '../services/router';
import { createServerApi, createSiteSource, signIn } from '../services/server-api';
import { createServerLookups } from '../services/server-lookups';
import { createSettingsService } from '../services/settings';
import { createSidebarContext } from '../services/sidebar-context';
import { createSyncService } from '../services/sync';
import { createTabCustomers } from '../services/tab-customers';

/** Retry period for the outbox while the server is unreachable. */
const SYNC_ALARM = { name: 'lingting-sync', periodInMinutes: 1 };
/**
 * Reopens a supervisor's escalation feed after the service worker was stopped (an open feed keeps
 * it alive; a lost one is retried sooner by the watch itself). Chrome's shortest alarm period.
 */
const ESCALATION_ALARM = { name: 'lingting-escalations', periodInMinutes: 0.5 };
/**
 * Creates a periodic alarm unless it is already there: created again at every wake-up, it would
 * start its period over each time, and a worker woken often would put it off.
 */
async function keepAlarm({ name, periodInMinutes }: { name: string; periodInMinutes: number }) {
  const existing = await browser.alarms.get(name);
  if (existing?.periodInMinutes !== periodInMinutes) await browser.alarms.create(name, { periodInMinutes });
}

/** The manifest command that opens and closes the sidebar. */
const TOGGLE_COMMAND = 'toggle-sidebar';

export default defineBackground({
  type: 'module',
  main() {
    const db = openDb({ legacy: browser.storage.local });
    const now = () => new Date();
    const locale = () => detectLocale(preferredLanguages());
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
      catalogueChanged: () => broadcastContextChanged(null, ['catalogue']),
      // Reminders set on another device get their alarms here too (called during a sync, after setup).
      remindersPulled: () => reminders.restore(),
    });
    const currentUserId = async () => (await settings.session())?.user.id;
    const cases = createCaseService({
      db,
      now,
      newId: newRecordId,
      inFlight,
      currentUserId,
      // A pending commitment gets its reminder; a judged one has it done.
      saved: (record) => reminders.followCommitments(record),
    });
    const tabCustomers = createTabCustomers(browser.storage.session);
    const reminders = createReminderService({
      db,
      now,
      newId: newRecordId,
      inFlight,
      currentUserId,
      platform: reminderPlatform,
      describe: async (reminder) => reminderNotice(reminder, await cases.get(reminder.caseId), wordsFor(locale())),
    });
    const caseFocus = createCaseFocus({
      area: browser.storage.session,
      getCase: (id) => cases.get(id),
      platform: caseFocusPlatform,
      reportedUrl: async (tabId) => (await tabCustomers.get(tabId))?.recordUrl,
      notifySidebars: broadcastContextChanged,
    });
    const route = createBackgroundRouter({
      auth: createAuthService({ settings, signIn: (serverUrl, body) => signIn(serverUrl, body) }),
      cases,
      crmSites,
      picking: createPickingService({
        settings,
        crmSites,
        siteSource: (session) => createSiteSource(session.serverUrl, session.token),
        startPicker: async (tabId, field) => void (await sendToContent(tabId, { type: 'content.pick', field })),
        newId: newRecordId,
      }),
      reminders,
      settings,
      sync,
      tabCustomers,
      caseFocus,
      sidebarContext: createSidebarContext({ db, cases, reminders, settings, sync, tabCustomers, caseFocus }),
      pageSetup: createPageSetup({ crmSites, cached: () => sync.cached(), locale, prefix: () => settings.shortcutPrefix() }),
      lookups: createServerLookups({ settings, api: (session) => createServerApi(session.serverUrl, session.token) }),
      insertInTab: async (tabId, text, replace) => {
        const reply = await sendToContent(tabId, { type: 'content.insert', text, ...(replace ? { replace } : {}) }).catch(() => null);
        const parsed = InsertResult.safeParse(reply);
        return parsed.success ? parsed.data : { ok: false, reason: 'no_page' };
      },
      askSidebarToExpand,
      notifySidebars: broadcastContextChanged,
    });

    const escalations = createEscalationWatch({
      settings,
      area: browser.storage.local,
      platform: escalationPlatform,
      words: () => wordsFor(locale()),
      api: (session) => createServerApi(session.serverUrl, session.token),
    });

    const own = ownExtension();
    listenInBackground((raw, sender) => {
      const admitted = admitMessage(raw, sender, own);
      if (!admitted) return undefined; // not ours, or malformed: no handler ever sees it
      if ('refused' in admitted) console.warn(`Lingting: a content script sent ${admitted.refused}, which only extension pages may send`);
      return route(admitted, { tabId: sender.tabId, url: sender.url ?? null });
    });

    // Content scripts for configured CRMs follow the agent's grants here; the cached sites' own
    // changes (the sync's catalogue refresh and saveRule, their only writers) register them as they store them.
    onPermissionsChanged(() => void crmSites.registerOrWarn());
    void crmSites.registerOrWarn();

    // The outbox survives the service worker: whenever it wakes, it resumes.
    void keepAlarm(SYNC_ALARM);
    void keepAlarm(ESCALATION_ALARM);
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === SYNC_ALARM.name) void sync.sync();
      else if (alarm.name === ESCALATION_ALARM.name) void escalations.ensureConnected();
      else void reminders.onAlarm(alarm.name).then(() => broadcastContextChanged(null, ['reminders']));
    });
    // Signing in or out (here or in another window of this profile) opens or closes the feed.
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && 'session' in changes) void escalations.sessionChanged();
    });
    // An escalation's notification opens the case's page on the server; its button takes it.
    // A reminder's brings its case's CRM record up; its buttons snooze it or mark it done.
    onNotificationClicked((notificationId) => {
      void escalations.clicked(notificationId).then(async (handled) => {
        if (handled) return;
        const caseId = await reminders.caseOfNotification(notificationId);
        if (caseId) await caseFocus.openCase(caseId);
      });
    });
    onNotificationButtonClicked((notificationId, buttonIndex) => {
      void (async () => {
        if (await escalations.buttonClicked(notificationId)) return;
        if (await reminders.onNotificationButton(notificationId, buttonIndex)) {
          void sync.sync();
          void broadcastContextChanged(null, ['reminders']);
        }
      })();
    });
    browser.tabs.onRemoved.addListener((tabId) => void caseFocus.forget(tabId));
    browser.commands.onCommand.addListener((command) => {
      if (command !== TOGGLE_COMMAND) return;
      void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
        if (tab?.id !== undefined) return sendToContent(tab.id, { type: 'content.toggle' }).catch(() => undefined);
      });
    });
    void reminders.restore();
    void sync.sync();
    void escalations.ensureConnected();
  },
});
