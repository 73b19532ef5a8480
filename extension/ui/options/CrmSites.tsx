import { useEffect, useState } from 'preact/hooks';
import type { Locale, SiteAccess } from '../../../shared';
import { requestOrigins } from '../../platform/permissions';
import { background } from '../background-client';

// Kept beside the component (not in ../i18n) while the section is new; three languages as everywhere.
const STRINGS: Record<Locale, { title: string; intro: string; grant: string; granted: string; builtIn: string; refused: string }> = {
  'zh-Hans': {
    title: 'CRM 站点',
    intro: '主管在服务器上配置的 CRM。每个站点需要您允许一次，侧边栏才会出现在该 CRM 上。',
    grant: '允许',
    granted: '已允许',
    builtIn: '内置演示',
    refused: '未获允许。',
  },
  'zh-Hant': {
    title: 'CRM 站點',
    intro: '主管在伺服器上設定的 CRM。每個站點需要您允許一次，側邊欄才會出現在該 CRM 上。',
    grant: '允許',
    granted: '已允許',
    builtIn: '內建示範',
    refused: '未獲允許。',
  },
  en: {
    title: 'CRM sites',
    intro: 'CRMs your supervisor configured on the server. Allow each one once and the sidebar appears on it.',
    grant: 'Allow',
    granted: 'Allowed',
    builtIn: 'Built-in demo',
    refused: 'Not allowed.',
  },
};

/** The configured CRM sites, each with a button that grants the extension its origin. */
export function CrmSites({ locale }: { locale: Locale }) {
  const t = STRINGS[locale];
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
