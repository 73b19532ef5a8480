import type { Case, InsertResult, Reminder, ReplyTo, SidebarContext, ToBackground } from '../../shared';
import { onContextChanged, sendToBackground } from '../platform/messaging';

/** The one way the UIs reach the background: a typed method per request. */
export const background = {
  context: (): Promise<SidebarContext> => sendToBackground({ type: 'sidebar.context' }),
  saveCase: (record: Case) => sendToBackground({ type: 'case.save', case: record }),
  insert: (text: string): Promise<InsertResult> => sendToBackground({ type: 'text.insert', text }),
  settings: () => sendToBackground({ type: 'settings.get' }),
  signIn: (request: Omit<Extract<ToBackground, { type: 'auth.signIn' }>, 'type'>): Promise<ReplyTo<'auth.signIn'>> =>
    sendToBackground({ type: 'auth.signIn', ...request }),
  signOut: () => sendToBackground({ type: 'auth.signOut' }),
  syncNow: () => sendToBackground({ type: 'sync.now' }),
  crmSites: () => sendToBackground({ type: 'sites.list' }),
  registerCrmSites: () => sendToBackground({ type: 'sites.register' }),
  /** Supervisors: start "pick from page" for one field in this tab's CRM page. */
  pickFromPage: (field: Extract<ToBackground, { type: 'pick.start' }>['field']) => sendToBackground({ type: 'pick.start', field }),
  getCase: (id: string) => sendToBackground({ type: 'case.get', id }),
  saveReminder: (reminder: Reminder) => sendToBackground({ type: 'reminder.save', reminder }),
  caseHistory: (phone: string) => sendToBackground({ type: 'case.history', phone }),
  onContextChanged,
};
