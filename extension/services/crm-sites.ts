import { z } from 'zod';
import {
  CrmSite,
  DEMO_CRM_SITE,
  DEMO_CRM_PATTERNS,
  matchesPattern,
  originPattern,
  patternCovers,
  type ContentSite,
  type SiteAccess,
} from '../../shared';
import type { StorageArea } from './storage-area';

const SITES_KEY = 'crmSites';
/** Registered content scripts carry this prefix, so ours are told apart from any other. */
const SCRIPT_PREFIX = 'crm-site-';
/** The built content script (WXT's output path for entrypoints/crm.content). */
export const CRM_CONTENT_SCRIPT = 'content-scripts/crm.js';
/**
 * Where the manifest already runs that script. A site inside these gets no second registration:
 * two copies of the script on one page would each announce themselves and stop the other.
 */
const MANIFEST_CRM_PATTERNS = DEMO_CRM_PATTERNS;

/** The part of `browser.scripting` this service uses; the background passes the real one. */
export interface ScriptRegistry {
  registeredIds(): Promise<string[]>;
  register(scripts: { id: string; matches: string[] }[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
}

/** Whether the agent granted the extension these origins (optional host permissions). */
export type OriginsGranted = (origins: string[]) => Promise<boolean>;

/** Where configured sites come from: the plugin server. (Wording rules travel with the sync cache.) */
export interface SiteSource {
  sites(): Promise<CrmSite[]>;
  saveSite?(site: CrmSite, isNew: boolean): Promise<CrmSite>;
}

interface CrmSitesDeps {
  area: StorageArea;
  scripts: ScriptRegistry;
  granted: OriginsGranted;
}

/** The site as a content script needs it: rules only. */
function forContent(site: CrmSite): ContentSite {
  return { fields: site.fields, replyBox: site.replyBox };
}

/**
 * The site for `url`: the most specific (longest) matching pattern wins, a sub-application's own
 * rules over its whole CRM's; between equally long ones, the first.
 */
function siteFor(sites: readonly CrmSite[], url: string): CrmSite | undefined {
  let site: CrmSite | undefined;
  for (const candidate of sites) {
    if (matchesPattern(candidate.urlPattern, url) && (!site || candidate.urlPattern.length > site.urlPattern.length)) site = candidate;
  }
  return site;
}

/**
 * The CRMs Lingting runs on: the built-in demo plus the sites configured on the server, cached
 * in `storage.local` so they work offline and survive the service worker. Content scripts are
 * registered at run time for each configured site whose origin the agent granted, so adding a
 * CRM on the server needs no new build of the extension.
 */
export function createCrmSitesService(deps: CrmSitesDeps) {
  const { area } = deps;

  async function configured(): Promise<CrmSite[]> {
    const parsed = z.array(CrmSite).safeParse((await area.get(SITES_KEY))[SITES_KEY]);
    return parsed.success ? parsed.data : [];
  }

  /** Every site, configured first: a configured site may replace the demo's rules on the demo's URLs. */
  async function all(): Promise<CrmSite[]> {
    return [...(await configured()), DEMO_CRM_SITE];
  }

  async function access(): Promise<SiteAccess[]> {
    const sites = await configured();
    const rows = await Promise.all(
      sites.map(async (site): Promise<SiteAccess> => {
        // Granting asks for the whole origin; running needs only the site's own pattern, which
        // may already be covered (e.g. by the demo CRM's manifest entry).
        const origins = [originPattern(site.urlPattern)].filter((o): o is string => o !== null);
        const granted = await deps.granted([site.urlPattern]).catch(() => false);
        return { id: site.id, name: site.name, urlPattern: site.urlPattern, origins, granted, builtIn: false };
      }),
    );
    const demo = DEMO_CRM_SITE;
    return [...rows, { id: demo.id, name: demo.name, urlPattern: demo.urlPattern, origins: [], granted: true, builtIn: true }];
  }

  /** Makes the registered content scripts exactly the configured sites with granted origins. */
  async function register(): Promise<SiteAccess[]> {
    const rows = await access();
    const needsScript = (row: SiteAccess) =>
      !row.builtIn && row.granted && !MANIFEST_CRM_PATTERNS.some((pattern) => patternCovers(pattern, row.urlPattern));
    const wanted = new Map(rows.filter(needsScript).map((row) => [SCRIPT_PREFIX + row.id, row.urlPattern]));
    const current = (await deps.scripts.registeredIds()).filter((id) => id.startsWith(SCRIPT_PREFIX));
    // Re-registering every time keeps a changed URL pattern right; the lists are short.
    if (current.length) await deps.scripts.unregister(current);
    if (wanted.size) await deps.scripts.register([...wanted].map(([id, pattern]) => ({ id, matches: [pattern] })));
    return rows;
  }

  return {
    all,
    access,
    register,
    /** How a content script at `url` reads its page, or null when no site matches it. */
    async forUrl(url: string | null): Promise<ContentSite | null> {
      if (!url) return null;
      // Between equally long patterns, configured sites come before the built-in demo.
      const site = siteFor(await all(), url);
      return site ? forContent(site) : null;
    },
    /**
     * Saves a picked rule into the configured site for `url` (a new site for its origin when none
     * matches), on the server first, then in the cache.
     */
    async saveRule(
      url: string,
      field: keyof CrmSite['fields'] | 'replyBox',
      rule: CrmSite['replyBox'] & object,
      source: Required<SiteSource>,
      newId: () => string,
    ): Promise<CrmSite> {
      const sites = await configured();
      const existing = siteFor(sites, url);
      const { protocol, hostname } = new URL(url);
      const base: CrmSite = existing ?? { id: newId(), name: hostname, urlPattern: `${protocol}//${hostname}/*`, fields: {}, replyBox: null };
      const next: CrmSite = field === 'replyBox' ? { ...base, replyBox: rule } : { ...base, fields: { ...base.fields, [field]: rule } };
      const saved = await source.saveSite(CrmSite.parse(next), !existing);
      await area.set({ [SITES_KEY]: existing ? sites.map((s) => (s.id === saved.id ? saved : s)) : [...sites, saved] });
      // The rule is saved either way; a new site's script follows on the next registration.
      await register().catch((error: unknown) => console.warn('Lingting: registering CRM sites failed', error));
      return saved;
    },
    /**
     * Fetches the sites from the server, keeps them, and re-registers scripts; a failure keeps the
     * last copy. An unchanged list (the usual case: a sync refreshes it about once a minute) is
     * neither written again nor re-registered.
     */
    async refresh(source: SiteSource): Promise<void> {
      const sites = await source.sites();
      if (JSON.stringify(sites) === JSON.stringify((await area.get(SITES_KEY))[SITES_KEY])) return;
      await area.set({ [SITES_KEY]: sites });
      await register();
    },
  };
}
export type CrmSitesService = ReturnType<typeof createCrmSitesService>;
