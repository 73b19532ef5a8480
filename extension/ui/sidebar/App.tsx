import { useEffect, useRef, useState } from 'preact/hooks';
import {
  currentStep,
  flagWording,
  isLaterInstant,
  newRecordId,
  renderTemplate,
  templateValues,
  wordsFor,
  type Case,
  type InsertionPath,
  type ShortcutAnswer,
  type CustomerSnapshot,
  type Locale,
  type StepId,
  type Template,
} from '../../../shared';
import { background } from '../background-client';
import { edited, newCase, recordTemplateUse, restate, skipCaseStep, templateForShortcut, tickStep, toggleCategory } from '../case-draft';
import { CaseHistory } from './CaseHistory';
import { CategoryPicker } from './CategoryPicker';
import { ComposeTray, type TrayItem } from './ComposeTray';
import { CustomerCard } from './CustomerCard';
import { DispatchCard } from './DispatchCard';
import { EmergencyCard } from './EmergencyCard';
import { EscalationStatus } from './EscalationStatus';
import { ReminderList } from './ReminderList';
import { GroupCard } from './GroupCard';
import { IntakeCard } from './IntakeCard';
import { LifeCard } from './LifeCard';
import { OpenCases } from './OpenCases';
import { PickFromPage } from './PickFromPage';
import { PromisesCard } from './PromisesCard';
import { PromptCard } from './PromptCard';
import { StepList } from './StepList';
import { SyncBadge } from './SyncBadge';
import { SIDEBAR_READY_MARK } from './ready-mark';
import { TemplateSearch } from './TemplateSearch';
import { useSidebarContext } from './use-sidebar-context';

/** Which customer a draft belongs to: a new customer on the page starts (or restores) their own case. */
const customerKey = (customer: CustomerSnapshot | null) =>
  customer ? `${customer.crmRecordId}|${customer.phone}|${customer.name}` : '';

/** Autosave delay: short enough that nothing typed is lost, long enough to batch keystrokes. */
const AUTOSAVE_MS = 250;

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** A template shown to the agent before it goes in; `shortcut` when it was typed in the CRM and waits for values. */
type Picked = { template: Template; shortcut?: string };

/** One template's part of an insertion: it is logged with the text it contributed. */
type Use = { template: Template; text: string };

/**
 * Drafts read back from the database as they are stored: saving one again would only push a
 * copy the server already has (or, after another user signed in on this browser, one it refuses).
 */
const asStored = new WeakSet<Case>();

/** Writes the draft locally shortly after every change; `flush` writes a pending one at once. */
function useAutosave(draft: Case | null) {
  const pending = useRef<{ record: Case; timer: ReturnType<typeof setTimeout> } | null>(null);
  const flush = () => {
    const job = pending.current;
    if (!job) return Promise.resolve();
    clearTimeout(job.timer);
    pending.current = null;
    return background.saveCase(job.record).then(() => undefined);
  };
  useEffect(() => {
    // An untouched new case is not worth a record; the first edit moves updatedAt.
    if (!draft || draft.updatedAt === draft.createdAt || asStored.has(draft)) return;
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = { record: draft, timer: setTimeout(() => void flush(), AUTOSAVE_MS) };
  }, [draft]);
  useEffect(() => {
    const onHide = () => void flush();
    addEventListener('pagehide', onHide);
    return () => removeEventListener('pagehide', onHide);
  }, []);
  return flush;
}

/** The complaint sidebar beside the CRM page; with `caseId`, one stored case on its own (from a reminder). */
export function App({ locale, openSettings, caseId }: { locale: Locale; openSettings: () => void; caseId?: string }) {
  const t = wordsFor(locale);
  const context = useSidebarContext();
  const [draft, setDraft] = useState<Case | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [tray, setTray] = useState<TrayItem[]>([]);
  const [picked, setPicked] = useState<Picked | null>(null);
  const flush = useAutosave(draft);
  // Read by the shortcut listener, which outlives renders.
  const latest = useRef({ draft, context });
  latest.current = { draft, context };

  // A shortcut typed in this tab's CRM page is rendered here, where the case and its values are:
  // the same renderer and values as Insert, logged the same way; missing values are asked for.
  useEffect(() => {
    if (caseId) return;
    const expand = (shortcut: string): ShortcutAnswer => {
      const { draft: record, context: current } = latest.current;
      const language = record?.language ?? locale;
      const template = current ? templateForShortcut(current.templates, shortcut, language) : undefined;
      if (!current || !template) return { kind: 'none' };
      const agentName = current.user?.displayName;
      // With no customer on the page there is no case: wording that needs none still expands.
      const values = record ? templateValues(record, agentName) : agentName ? { agentName } : {};
      const rendered = renderTemplate(template.body, values, language);
      if (!record) return rendered.missing.length > 0 ? { kind: 'none' } : { kind: 'text', text: rendered.text };
      if (rendered.missing.length > 0) {
        setPicked({ template, shortcut });
        return { kind: 'asking' };
      }
      setDraft(recordTemplateUse(record, template, { text: rendered.text, via: 'shortcut' }, new Date()));
      return { kind: 'text', text: rendered.text };
    };
    return background.onShortcut(() => latest.current.context?.tabId ?? null, expand);
  }, [caseId]);

  const customer = caseId ? (draft?.customer ?? null) : (context?.customer ?? null);
  const pageKey = customerKey(context?.customer ?? null);
  useEffect(() => {
    if (caseId) {
      void background.getCase(caseId).then((record) => {
        if (record) asStored.add(record);
        setDraft(record);
      });
      return;
    }
    if (!context) return;
    // Whatever the previous customer's draft still had pending is written before switching.
    void flush();
    const pageCustomer = context.customer;
    setTray([]);
    setPicked(null);
    setDraft((current) => {
      if (!pageCustomer) return null;
      if (current && customerKey(current.customer) === pageKey) return current;
      const restored = context.openCase;
      if (restored && customerKey(restored.customer) === pageKey) {
        asStored.add(restored);
        return restored;
      }
      return newCase(pageCustomer, locale, new Date(), newRecordId());
    });
  }, [pageKey, context === null, caseId]);

  // Asked to show one case of this customer (from a reminder or the open-cases list): it replaces
  // the draft once, when asked; a new complaint started afterwards is not pulled back.
  const focusedId = caseId ? null : (context?.focusedCaseId ?? null);
  useEffect(() => {
    const focused = context?.openCase;
    if (!focusedId || focused?.id !== focusedId) return;
    void flush();
    setDraft((current) => {
      if (current?.id === focusedId) return current;
      asStored.add(focused);
      return focused;
    });
  }, [focusedId]);

  // A newer version of this very case, pulled from the agent's other browser, replaces the draft.
  // An edit made here since then is newer (every edit stamps its time) and stays.
  const pulled = caseId ? null : (context?.openCase ?? null);
  useEffect(() => {
    if (!pulled) return;
    setDraft((current) => {
      if (!current || current.id !== pulled.id || !isLaterInstant(pulled.updatedAt, current.updatedAt)) return current;
      asStored.add(pulled);
      return pulled;
    });
  }, [pulled?.id, pulled?.updatedAt]);

  // The first render with the agent's data, marked for `npm run bench` and anyone profiling:
  // effects run once the frame has painted.
  const ready = context !== null;
  useEffect(() => {
    if (ready) performance.mark(SIDEBAR_READY_MARK);
  }, [ready]);

  if (!context) return <div class="sidebar loading" aria-busy="true" />;

  const update = (next: Case) => setDraft(next);
  const change = (changes: Partial<Case>) => draft && update(edited(draft, changes, new Date()));
  const values = draft ? templateValues(draft, context.user?.displayName) : {};

  /** Inserts into the CRM and logs each template used, with how and what went in. */
  const insertText = async (text: string, uses: Use[], via: InsertionPath = 'sidebar', replace?: string) => {
    const result = await background.insert(text, replace);
    if (result.ok && draft) update(uses.reduce((record, use) => recordTemplateUse(record, use.template, { text: use.text, via }, new Date()), draft));
    setNotice(result.ok ? { kind: 'ok', text: t.sidebar.inserted } : { kind: 'error', text: t.sidebar.insertFailed });
    return result.ok;
  };
  /** The customer's next complaint: what the current case had pending is written, and it stays as it is. */
  const startNextCase = async () => {
    if (!draft) return;
    await flush();
    setTray([]);
    setPicked(null);
    setNotice(null);
    setDraft(newCase(context.customer ?? draft.customer, locale, new Date(), newRecordId()));
  };
  const onQueue = (template: Template, text: string) =>
    setTray((items) => [...items, { key: newRecordId(), templateId: template.id, text }]);
  const trayText = tray.map((item) => item.text).join(draft?.language === 'en' ? ' ' : '');
  const trayFlags = draft ? flagWording(trayText, context.rules.filter((r) => r.language === draft.language)) : [];
  const onInsertTray = async () => {
    const uses = tray.flatMap((item) => {
      const template = context.templates.find((x) => x.id === item.templateId);
      return template ? [{ template, text: item.text }] : [];
    });
    if (await insertText(trayText, uses)) setTray([]);
  };
  const onPick = (template: Template) => {
    if (!draft) return;
    const rendered = renderTemplate(template.body, values, draft.language);
    // Only a clean rendering goes straight in; anything to fill or to check is shown first.
    if (rendered.missing.length === 0 && flagWording(rendered.text, context.rules).length === 0) void insertText(rendered.text, [{ template, text: rendered.text }]);
    else setPicked({ template });
  };
  const onReminder = async (dueAt: Date, note: string) => {
    if (!draft) return;
    // The case goes first, so the reminder never points at a case the database lacks.
    const record = draft.updatedAt === draft.createdAt ? edited(draft, {}, new Date()) : draft;
    if (record !== draft) update(record);
    await background.saveCase(record);
    const now = new Date().toISOString();
    await background.saveReminder({ id: newRecordId(), caseId: record.id, dueAt: dueAt.toISOString(), note, status: 'pending', createdAt: now, updatedAt: now });
    const when = dueAt.toLocaleString(locale, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    setNotice({ kind: 'ok', text: t.sidebar.reminderSet(when) });
  };

  const promises = draft && (
    <PromisesCard record={draft} life={context.life} locale={locale} t={t} onChange={(next) => update(edited(next, {}, new Date()))} />
  );
  // Made in the plan steps; outside them the promises stay in sight, to be judged at the revisit.
  const planning = draft !== null && ['propose', 'agree'].includes(currentStep(draft.steps) ?? '');

  return (
    <div class="sidebar">
      <header class="topbar">
        <span class="brand">{t.sidebar.appName}</span>
        <SyncBadge sync={context.sync} t={t} />
        <button type="button" class="link" onClick={openSettings}>
          {t.sidebar.openSettings}
        </button>
      </header>
      {!context.user && <p class="banner">{t.sidebar.signedOut}</p>}
      {context.rejected.length > 0 && (
        <section class="card rejected" role="alert" aria-label={t.sidebar.rejectedTitle} data-testid="rejected">
          <h2>{t.sidebar.rejectedTitle}</h2>
          <ul>
            {context.rejected.map((r) => (
              <li key={r.changeId}>
                {r.what} — {Object.hasOwn(t.rejections, r.reason) ? t.rejections[r.reason as keyof typeof t.rejections] : r.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ReminderList reminders={context.reminders} locale={locale} t={t} currentCaseId={draft?.id ?? null} />
      {!caseId && <OpenCases life={context.life} locale={locale} t={t} version={context} currentId={draft?.id ?? null} onOpen={(id) => void background.openCase(id)} />}
      <CustomerCard customer={customer} t={t} />
      {/* Only supervisors configure CRM sites (the background refuses anyone else too). */}
      {context.user?.role === 'supervisor' && !caseId && <PickFromPage t={t} />}
      {draft && (
        <>
          {draft.customer.phone && (
            <CaseHistory phone={draft.customer.phone} currentId={draft.id} categories={context.categories} locale={locale} t={t} />
          )}
          <IntakeCard
            record={draft}
            life={context.life}
            locale={locale}
            t={t}
            escalation={<EscalationStatus record={draft} locale={locale} timeZone={context.life.calendar.timeZone} t={t} />}
            onChange={change}
          />
          <GroupCard record={draft} t={t} onChange={(next) => update(edited(next, {}, new Date()))} />
          <EmergencyCard record={draft} life={context.life} locale={locale} t={t} onChange={(next) => update(edited(next, {}, new Date()))} />
          <CategoryPicker
            categories={context.categories}
            selected={draft.categoryIds}
            locale={locale}
            t={t}
            onToggle={(id) => update(toggleCategory(draft, id, new Date()))}
          />
          <TemplateSearch
            templates={context.templates}
            values={values}
            step={currentStep(draft.steps)}
            categoryIds={draft.categoryIds}
            locale={draft.language}
            t={t}
            onPick={onPick}
          />
          {picked && (
            <PromptCard
              key={`${picked.template.id}|${picked.shortcut ?? ''}`}
              template={picked.template}
              shortcut={picked.shortcut}
              values={values}
              rules={context.rules}
              locale={draft.language}
              t={t}
              onInsert={(template, text) =>
                void insertText(text, [{ template, text }], picked.shortcut ? 'shortcut' : 'sidebar', picked.shortcut).then((ok) => ok && setPicked(null))
              }
              onQueue={(template, text) => {
                onQueue(template, text);
                setPicked(null);
              }}
            />
          )}
          <StepList
            record={draft}
            templates={context.templates}
            rules={context.rules}
            reminders={context.reminders}
            values={values}
            locale={locale}
            t={t}
            onTick={(step: StepId) => {
              const result = tickStep(draft, step, new Date());
              if (result.ok) update(result.record);
            }}
            onSkip={(step, reason) => {
              const result = skipCaseStep(draft, step, reason, new Date());
              if (result.ok) update(result.record);
            }}
            onRestate={(restatement) => update(restate(draft, restatement, new Date()))}
            onPlan={(plan) => change({ plan })}
            onInsert={(template, text) => void insertText(text, [{ template, text }])}
            onQueue={onQueue}
            onReminder={(dueAt, note) => void onReminder(dueAt, note)}
            planExtras={promises}
          />
          {!planning && draft.commitments.length > 0 && promises}
          <DispatchCard record={draft} life={context.life} categories={context.categories} locale={locale} t={t} onChange={(next) => update(edited(next, {}, new Date()))} />
          <LifeCard
            key={draft.id}
            record={draft}
            t={t}
            onChange={(next) => update(edited(next, {}, new Date()))}
            onNewCase={() => void startNextCase()}
          />
          <ComposeTray
            items={tray}
            flags={trayFlags}
            text={trayText}
            t={t}
            onRemove={(key) => setTray((items) => items.filter((item) => item.key !== key))}
            onInsert={() => void onInsertTray()}
            onClear={() => setTray([])}
          />
          <footer class="actions">
            {notice && (
              <p class={`notice ${notice.kind}`} role="status" data-testid="notice">
                {notice.text}
              </p>
            )}
            <span class="muted" data-testid="autosave">{draft.updatedAt !== draft.createdAt ? t.sidebar.autosaved : ''}</span>
            <button type="button" class="primary" onClick={() => void flush().then(() => background.syncNow())}>
              {t.sidebar.save}
            </button>
          </footer>
        </>
      )}
    </div>
  );
}
