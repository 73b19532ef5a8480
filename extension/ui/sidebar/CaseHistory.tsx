import { useEffect, useState } from 'preact/hooks';
import type { CaseHistoryItem, Category, Locale } from '../../../shared';
import { background } from '../background-client';
import type { Catalogue } from '../../../shared';

/** The customer's earlier complaints, one line each; fetched from the server when reachable. */
export function CaseHistory(props: { phone: string; currentId: string; categories: Category[]; locale: Locale; t: Catalogue }) {
  const { t, locale } = props;
  const [state, setState] = useState<{ cases: CaseHistoryItem[] } | 'unavailable' | null>(null);
  useEffect(() => {
    let alive = true;
    void background
      .caseHistory(props.phone)
      .then((reply) => alive && setState(reply.ok ? { cases: reply.cases } : 'unavailable'))
      .catch(() => alive && setState('unavailable'));
    return () => {
      alive = false;
    };
  }, [props.phone]);
  if (state === null) return null;
  const name = (id: string) => props.categories.find((c) => c.id === id)?.names[locale] ?? id;
  const earlier = state === 'unavailable' ? [] : state.cases.filter((c) => c.id !== props.currentId);
  return (
    <details class="card history" data-testid="history">
      <summary>
        {t.sidebar.history} {state !== 'unavailable' && `(${earlier.length})`}
      </summary>
      {state === 'unavailable' ? (
        <p class="muted">{t.sidebar.historyUnavailable}</p>
      ) : earlier.length === 0 ? (
        <p class="muted">{t.sidebar.noHistory}</p>
      ) : (
        <ul>
          {earlier.map((c) => (
            <li key={c.id}>
              {/* Parts the earlier case lacks (no category, no summary) are left out, not shown as "· ·". */}
              {[new Date(c.receivedAt).toLocaleDateString(locale), c.categoryIds.map(name).join('、'), c.summary].filter(Boolean).join(' · ')}
              {c.severity === 'major' && ' ⚠'}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
