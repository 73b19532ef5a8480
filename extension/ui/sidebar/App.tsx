import { useEffect, useState } from 'preact/hooks';
import type { Case, CustomerSnapshot, Locale, StepId, Template } from '../../../shared';
import { background } from '../background-client';
import { edited, newCase, recordTemplateUse, tickStep, toggleCategory, variableValues } from '../case-draft';
import { STRINGS } from '../i18n';
import { CategoryPicker } from './CategoryPicker';
import { CustomerCard } from './CustomerCard';
import { StepList } from './StepList';
import { SyncBadge } from './SyncBadge';
import { useSidebarContext } from './use-sidebar-context';

/** Which customer a draft belongs to: a new customer on the page starts a new case. */
const customerKey = (customer: CustomerSnapshot | null) =>
  customer ? `${customer.crmRecordId}|${customer.phone}|${customer.name}` : '';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** The complaint sidebar beside the CRM page. */
export function App({ locale, openSettings }: { locale: Locale; openSettings: () => void }) {
  const t = STRINGS[locale];
  const context = useSidebarContext();
  const [draft, setDraft] = useState<Case | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const customer = context?.customer ?? null;
  useEffect(() => {
    setDraft((current) =>
      !customer
        ? null
        : current && customerKey(current.customer) === customerKey(customer)
          ? current
          : newCase(customer, locale, new Date(), crypto.randomUUID()),
    );
  }, [customerKey(customer)]);

  if (!context) return <div class="sidebar loading" aria-busy="true" />;

  const update = (next: Case) => setDraft(next);
  const onTick = (step: StepId) => {
    if (!draft) return;
    const result = tickStep(draft, step, new Date());
    if (result.ok) update(result.record);
  };
  const onInsert = async (template: Template, text: string) => {
    const result = await background.insert(text);
    if (result.ok && draft) update(recordTemplateUse(draft, template, new Date()));
    setNotice(result.ok ? { kind: 'ok', text: t.inserted } : { kind: 'error', text: t.insertFailed });
  };
  const onSave = async () => {
    if (!draft) return;
    await background.saveCase(draft);
    setNotice({ kind: 'ok', text: t.saved });
  };

  return (
    <div class="sidebar">
      <header class="topbar">
        <span class="brand">{t.appName}</span>
        <SyncBadge sync={context.sync} t={t} />
        <button type="button" class="link" onClick={openSettings}>
          {t.openSettings}
        </button>
      </header>
      {!context.user && <p class="banner">{t.signedOut}</p>}
      <CustomerCard customer={customer} t={t} />
      {draft && (
        <>
          <CategoryPicker
            categories={context.categories}
            selected={draft.categoryIds}
            locale={locale}
            t={t}
            onToggle={(id) => update(toggleCategory(draft, id, new Date()))}
          />
          <StepList
            record={draft}
            templates={context.templates}
            values={variableValues(draft, context.user?.displayName)}
            locale={locale}
            t={t}
            onTick={onTick}
            onSummary={(summary) => update(edited(draft, { summary }, new Date()))}
            onInsert={onInsert}
          />
          <footer class="actions">
            {notice && (
              <p class={`notice ${notice.kind}`} role="status" data-testid="notice">
                {notice.text}
              </p>
            )}
            <button type="button" class="primary" onClick={onSave}>
              {t.save}
            </button>
          </footer>
        </>
      )}
    </div>
  );
}
