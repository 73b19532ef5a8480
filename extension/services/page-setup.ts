import { wordsFor, type Locale, type PageSetup, type ShortcutPrefix, type Template, type WordingRule } from '../../shared';
import type { CrmSitesService } from './crm-sites';

/**
 * What a content script needs to know of its page: how to read it (the configured site), the
 * wording rules to flag, the shortcuts to claim, and its few words in the agent's language (the
 * content script carries no catalogue: it runs in every CRM page).
 */
export function createPageSetup(deps: {
  crmSites: Pick<CrmSitesService, 'forUrl'>;
  cached: () => Promise<{ templates: Template[]; rules: WordingRule[] }>;
  locale: () => Locale;
  prefix: () => Promise<ShortcutPrefix>;
}) {
  return async (url: string | null): Promise<PageSetup> => {
    const [site, cached, prefix] = await Promise.all([deps.crmSites.forUrl(url), deps.cached(), deps.prefix()]);
    const wordingRules = cached.rules.map(({ phrase, alternative, kind }) => ({ phrase, alternative, kind }));
    const shortcuts = [...new Set(cached.templates.flatMap((t) => (t.shortcut ? [t.shortcut] : [])))];
    return { site, wordingRules, shortcuts, prefix, words: wordsFor(deps.locale()).page };
  };
}
