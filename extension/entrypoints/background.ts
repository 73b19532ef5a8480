import { defineBackground } from 'wxt/utils/define-background';
import { InsertResult, type Locale } from '../../shared';
import { openDb } from '../db/schema';
import { browser } from '../platform/browser';
import { broadcastContextChanged, listenInBackground, sendToContent } from '../platform/messaging';
import { createCaseService } from '../services/cases';
import { createBackgroundRouter } from '../services/router';
import { managedSettings, onPermissionsChanged, scriptRegistry, originsGranted } from '../platform/scripting';
import { createCrmSitesService } from '../services/crm-sites';
import { createServerApi, createSiteSource, signIn } from '../services/server-api';
import { createSettingsService } from '../services/settings';
import { createSyncService } from '../services/sync';
import { createTabCustomers } from '../services/tab-customers';

/** Retry period for the outbox while the server is unreachable. */
const SYNC_ALARM = { name: 'lingting-sync', periodInMinutes: 1 };

export default defineBackground({
  type: 'module',
  main() {
    const db = openDb();
    const now = () => new Date();
    const settings = createSettingsService(browser.storage.local, managedSettings);
    const crmSites = createCrmSitesService({ area: browser.storage.local, scripts: scriptRegistry(), granted: originsGranted });
    const sync = createSyncService({
      db,
      settings,
      now,
      api: (session) => createServerApi(session.serverUrl, session.token),
      refreshMore: (session) => crmSites.refresh(createSiteSource(session.serverUrl, session.token)),
    });
    const route = createBackgroundRouter({
      cases: createCaseService({ db, now, newId: () => crypto.randomUUID() }),
      sync,
      settings,
      tabCustomers: createTabCustomers(browser.storage.session),
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
      newId: () => crypto.randomUUID(),
      locale: () => uiLocale(navigator.language),
    });

    listenInBackground((message, sender) => route(message, { tabId: sender.tab?.id ?? null, url: sender.url ?? null }));

    // Content scripts for configured CRMs follow the cached sites and the agent's grants.
    const registerSites = () => void crmSites.register().catch((error: unknown) => console.warn('Lingting: registering CRM sites failed', error));
    onPermissionsChanged(registerSites);
    browser.storage.local.onChanged.addListener((changes) => {
      if ('crmSites' in changes) registerSites();
    });
    registerSites();

    // The outbox survives the service worker: whenever it wakes, it resumes.
    void browser.alarms.create(SYNC_ALARM.name, { periodInMinutes: SYNC_ALARM.periodInMinutes });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === SYNC_ALARM.name) void sync.sync();
    });
    void sync.sync();
  },
});

/** The template language for the browser's language. */
function uiLocale(language: string): Locale {
  if (/^zh-(TW|HK|MO|Hant)/i.test(language)) return 'zh-Hant';
  return language.startsWith('zh') ? 'zh-Hans' : 'en';
}
