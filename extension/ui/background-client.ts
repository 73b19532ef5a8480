import type {
  Case,
  ContextPart,
  InsertResult,
  PageToBackground,
  Reminder,
  ReplyTo,
  ShortcutAnswer,
  ShortcutPrefix,
  SidebarContext,
  SidebarContextParts,
  SnoozePreset,
} from '../../shared';
import { listenToBackground, sendToBackground } from '../platform/messaging';

type SignIn = Omit<Extract<PageToBackground, { type: 'auth.signIn' }>, 'type'>;
type PickField = Extract<PageToBackground, { type: 'pick.start' }>['field'];

/** The one way the UIs reach the background: a typed method per request. */
export const background = {
  /** Every part of this tab's sidebar context. */
  context: () => sendToBackground({ type: 'sidebar.context' }) as Promise<SidebarContext>,
  /** Only these parts of it (a change notice named them). */
  contextParts: (parts: ContextPart[]): Promise<SidebarContextParts> => sendToBackground({ type: 'sidebar.context', parts }),
  saveCase: (record: Case) => sendToBackground({ type: 'case.save', case: record }),
  /** Text for the CRM field the agent was typing in; with `replace`, in place of that shortcut before the caret. */
  insert: (text: string, replace?: string): Promise<InsertResult> =>
    sendToBackground({ type: 'text.insert', text, ...(replace ? { replace } : {}) }),
  settings: () => sendToBackground({ type: 'settings.get' }),
  setShortcutPrefix: (prefix: ShortcutPrefix) => sendToBackground({ type: 'settings.shortcutPrefix', prefix }),
  signIn: (request: SignIn): Promise<ReplyTo<'auth.signIn'>> => sendToBackground({ type: 'auth.signIn', ...request }),
  signOut: () => sendToBackground({ type: 'auth.signOut' }),
  syncNow: () => sendToBackground({ type: 'sync.now' }),
  crmSites: () => sendToBackground({ type: 'sites.list' }),
  registerCrmSites: () => sendToBackground({ type: 'sites.register' }),
  /** Supervisors: start "pick from page" for one field in this tab's CRM page. */
  pickFromPage: (field: PickField) => sendToBackground({ type: 'pick.start', field }),
  getCase: (id: string) => sendToBackground({ type: 'case.get', id }),
  saveReminder: (reminder: Reminder) => sendToBackground({ type: 'reminder.save', reminder }),
  caseHistory: (phone: string) => sendToBackground({ type: 'case.history', phone }),
  openCases: () => sendToBackground({ type: 'case.listOpen' }),
  caseGroups: (project: string, building: string) => sendToBackground({ type: 'group.lookup', project, building }),
  caseEscalations: (caseId: string) => sendToBackground({ type: 'escalation.lookup', caseId }),
  snoozeReminder: (id: string, preset: SnoozePreset) => sendToBackground({ type: 'reminder.snooze', id, preset }),
  /** Marks a reminder done, with what came of it (empty: nothing to say). */
  finishReminder: (id: string, outcome: string) => sendToBackground({ type: 'reminder.done', id, ...(outcome.trim() ? { outcome: outcome.trim() } : {}) }),
  rescheduleReminder: (id: string, dueAt: Date) => sendToBackground({ type: 'reminder.reschedule', id, dueAt: dueAt.toISOString() }),
  /** Brings a case's CRM record up with the case in its sidebar. */
  openCase: (caseId: string) => sendToBackground({ type: 'case.open', caseId }),

  /** Calls `onChange` when the background says these parts of the context of `tabId` (or of every tab) changed. */
  onContextChanged: (onChange: (tabId: number | null, parts: ContextPart[]) => void) =>
    listenToBackground((message) => {
      if (message.type === 'sidebar.changed') onChange(message.tabId, message.parts);
      return undefined;
    }),

  /**
   * Answers shortcuts typed in the CRM page of the tab `tabId()` names; those of other tabs are
   * left for their own sidebars.
   */
  onShortcut: (tabId: () => number | null, expand: (shortcut: string) => ShortcutAnswer) =>
    listenToBackground((message) =>
      message.type === 'sidebar.expand' && message.tabId === tabId() ? Promise.resolve(expand(message.shortcut)) : undefined,
    ),
};
