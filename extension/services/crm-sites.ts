import {
  CrmSite,
  DEMO_CRM_PATTERN,
  DEMO_CRM_SITE,
  matchesPattern,
  originPattern,
  patternCovers,
  type ContentSite,
  type SiteAccess,
} from '../../shared';
import type { LingtingDb } from '../db/schema';

/** Registered content scripts carry this prefix, so ours are told apart from any other. */
const SCRIPT_PREFIX = 'crm-site-';
/** The built content script (WXT's output path for entrypoints/crm.content). */
export const CRM_CONTENT_SCRIPT = 'content-scripts/crm.js';

/** The part of `browser.scripting` this service uses; the background passes the real one. */
export interface ScriptRegistry {
  registeredIds(): Promise<string[]>;
  register(scripts: { id: string; matches: string[] }[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
}

/** Whether the agent granted the extension these origins (optional host permissions). */
export type OriginsGranted = (origins: string[]) => Promise<boolean>;

/** Where a picked rule is saved: the plugin server. (Sites come down with the sync's catalogue.) */
export interface SiteSource {
  saveSite(site: CrmSite, isNew: boolean): Promise<CrmSite>;
}

interface CrmSitesDeps {
  db: LingtingDb;
  scripts: ScriptRegistry;
  granted: OriginsGranted;
  now: () => Date;
}

/**
 * Where the manifest already runs the content script. A site inside it gets no second
 * registration: a second copy on the page would stop the first (overlay/script-lifetime.ts) only
 * to do the same work again.
 */
const inManifest = (urlPattern: string) => patternCovers(DEMO_CRM_PATTERN, urlPattern);

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
 * The CRMs Lingting runs on: the sites configured on the server, which the sync keeps in the
 * catalogue cache (so they work offline and survive the service worker), and the built-in demo.
 * Content scripts are registered at run time for each configured site whose origin the agent
 * granted, so adding a CRM on the server needs no new build of the extension.
 */
export function createCrmSitesService(deps: CrmSitesDeps) {
  const { db } = deps;

  async function configured(): Promise<CrmSite[]> {
    const entry = await db.cache.get('crmSites');
    return entry?.key === 'crmSites' ? entry.value : [];
  }

  /**
   * Every site, once, the demo last: the server seeds the demo under the built-in one's id, and
   * its copy (which a supervisor may have edited) stands for it. Configured sites come first, so
   * between equally long patterns they win.
   */
  async function sites(): Promise<CrmSite[]> {
    const cached = await configured();
    const demo = cached.find((site) => site.id === DEMO_CRM_SITE.id) ?? DEMO_CRM_SITE;
    return [...cached.filter((site) => site !== demo), demo];
  }

  async function access(): Promise<SiteAccess[]> {
    return Promise.all(
      (await sites()).map(async (site): Promise<SiteAccess> => {
        const { id, name, urlPattern } = site;
        // The demo needs no grant while the manifest runs the script wherever it lives.
        if (id === DEMO_CRM_SITE.id && inManifest(urlPattern)) return { id, name, urlPattern, origins: [], granted: true, builtIn: true };
        // Granting asks for the whole origin; running needs only the site's own pattern, which
        // may already be covered (e.g. by the demo CRM's manifest entry).
        const origins = [originPattern(urlPattern)].filter((o): o is string => o !== null);
        const granted = await deps.granted([urlPattern]).catch(() => false);
        return { id, name, urlPattern, origins, granted, builtIn: false };
      }),
    );
  }

  /** Makes the registered content scripts exactly the configured sites with granted origins. */
  async function register(): Promise<SiteAccess[]> {
    const rows = await access();
    const needsScript = (row: SiteAccess) => row.granted && !inManifest(row.urlPattern);
    const wanted = new Map(rows.filter(needsScript).map((row) => [SCRIPT_PREFIX + row.id, row.urlPattern]));
    const current = (await deps.scripts.registeredIds()).filter((id) => id.startsWith(SCRIPT_PREFIX));
    // Re-registering every time keeps a changed URL pattern right; the lists are short.
    if (current.length) await deps.scripts.unregister(current);
    if (wanted.size) await deps.scripts.register([...wanted].map(([id, pattern]) => ({ id, matches: [pattern] })));
    return rows;
  }

  /** `register` for callers nobody waits on: a failure is logged, and the next change or start tries again. */
  async function registerOrWarn(): Promise<void> {
    await register().catch((error: unknown) => console.warn('Lingting: registering CRM sites failed', error));
  }

  return {
    access,
    register,
    registerOrWarn,
    /** How a content script at `url` reads its page, or null when no site matches it. */
    async forUrl(url: string | null): Promise<ContentSite | null> {
      if (!url) return null;
      const site = siteFor(await sites(), url);
      return site ? forContent(site) : null;
    },
    /**
     * Saves a picked rule into the configured site for `url` (a new site for its origin when none
     * matches), on the server first, then in the cached catalogue.
     */
    async saveRule(
      url: string,
      field: keyof CrmSite['fields'] | 'replyBox',
      rule: CrmSite['replyBox'] & object,
      source: SiteSource,
      newId: () => string,
    ): Promise<CrmSite> {
      const existing = siteFor(await configured(), url);
      const { protocol, hostname } = new URL(url);
      const base: CrmSite = existing ?? { id: newId(), name: hostname, urlPattern: `${protocol}//${hostname}/*`, fields: {}, replyBox: null };
      const next: CrmSite = field === 'replyBox' ? { ...base, replyBox: rule } : { ...base, fields: { ...base.fields, [field]: rule } };
      const saved = await source.saveSite(CrmSite.parse(next), !existing);
      // Read again in the write's transaction: a sync may have refreshed the list meanwhile.
      await db.transaction('rw', db.cache, async () => {
        const cached = await configured();
        const value = cached.some((s) => s.id === saved.id) ? cached.map((s) => (s.id === saved.id ? saved : s)) : [...cached, saved];
        await db.cache.put({ key: 'crmSites', value, fetchedAt: deps.now().toISOString() });
      });
      // The rule is saved either way; a new site's script follows on the next registration.
      await registerOrWarn();
      return saved;
    },
  };
}
export type CrmSitesService = ReturnType<typeof createCrmSitesService>;
