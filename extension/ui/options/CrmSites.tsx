import { useEffect, useState } from 'preact/hooks';
import type { Catalogue, SiteAccess } from '../../../shared';
import { requestOrigins } from '../../platform/permissions';
import { background } from '../background-client';

/** The configured CRM sites, each with a button that grants the extension its origin. */
export function CrmSites({ t }: { t: Catalogue['options']['sites'] }) {
  const [sites, setSites] = useState<SiteAccess[] | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => void background.crmSites().then((reply) => setSites(reply.sites)), []);

  // The permission prompt needs the click's user gesture: it is requested here, in the page,
  // and the background registers the content script once it is granted.
  const grant = async (site: SiteAccess) => {
    setRefused(null);
    const ok = await requestOrigins(site.origins).catch(() => false);
    if (!ok) setRefused(site.id);
    setSites((await background.registerCrmSites()).sites);
  };

  if (!sites) return null;
  return (
    <section class="card" data-testid="crm-sites">
      <h2>{t.title}</h2>
      <p class="muted">{t.intro}</p>
      <ul class="sites">
        {sites.map((site) => (
          <li key={site.id} data-site-id={site.id}>
            <strong>{site.name}</strong> <code>{site.urlPattern}</code>{' '}
            {site.builtIn ? (
              <span class="muted">{t.builtIn}</span>
            ) : site.granted ? (
              <span class="muted">✓ {t.granted}</span>
            ) : (
              <button type="button" onClick={() => void grant(site)}>
                {t.grant}
              </button>
            )}
            {refused === site.id && <span class="notice error"> {t.refused}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
