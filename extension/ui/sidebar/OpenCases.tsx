import { useEffect, useState } from 'preact/hooks';
import { nextDue, type Case, type Catalogue, type Locale, type SidebarLife } from '../../../shared';
import { background } from '../background-client';
import { formatWhen } from './when';

/**
 * The agent's own cases not yet closed, with what falls due next on each, soonest first; opening
 * one brings up its CRM record with the sidebar on that case. Fetched when unfolded, and again
 * whenever the sidebar's context changes (`version`).
 */
export function OpenCases(props: { life: SidebarLife; locale: Locale; t: Catalogue; version: unknown; currentId: string | null; onOpen: (caseId: string) => void }) {
  const { life, locale } = props;
  const t = props.t.life.openCases;
  const [open, setOpen] = useState(false);
  const [cases, setCases] = useState<Case[] | null>(null);
  useEffect(() => {
    if (open) void background.openCases().then(setCases);
  }, [open, props.version]);

  const rows = (cases ?? [])
    .filter((c) => c.id !== props.currentId)
    .map((c) => ({ record: c, due: nextDue(c, life.calendar, life.timeLimits) }))
    .sort((a, b) => (a.due?.dueAt.getTime() ?? Infinity) - (b.due?.dueAt.getTime() ?? Infinity));
  return (
    <details class="card open-cases" data-testid="open-cases" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t.title}</summary>
      {cases !== null && rows.length === 0 && <p class="muted">{t.none}</p>}
      <ul class="plain">
        {rows.map(({ record, due }) => (
          <li key={record.id} data-case={record.id}>
            <button type="button" class="link" onClick={() => props.onOpen(record.id)}>
              {t.open(record.customer.name || record.customer.phone)}
            </button>
            <span class="muted">
              {' '}
              {props.t.domain.caseStatuses[record.status]}
              {due && ` · ${props.t.life.deadline.kinds[due.kind]} · ${t.nextDue(formatWhen(due.dueAt, locale, life.calendar.timeZone))}`}
              {record.summary && ` · ${record.summary}`}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
