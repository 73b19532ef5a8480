import { z } from 'zod';
import { Case, type CustomerSnapshot } from './case';
import type { Category } from './category';
import { SHORTCUT_PREFIX_KEYS, type Expansion, type PageSetup, type ShortcutPrefix } from './content-protocol';
import { CaptureRule, CapturedField } from './crm-site';
import { Shortcut } from './template';
import type { CaseHistoryItem } from './case-history';
import { Id, Instant, plainText } from './primitives';
import { Reminder, SnoozePreset } from './reminder';
import type { WordingRule } from './wording-rule';
import type { LifeSettingsResponse } from './life-settings-api';
import type { CaseGroup, Escalation } from './case-escalation';
import type { Template } from './template';
import type { User} from './user';
import { Username } from './user';

/**
 * Messages between the parts of the extension, one union per direction (after Dark Reader's
 * `src/utils/message.ts`): content script → background, extension page → background, background
 * → extension pages. Background → content script is `BackgroundToContent` in ./content-protocol.
 * Every message is parsed with its direction's schema by its receiver before use, and the
 * background checks who sent it (`admitMessage` in extension/services/router.ts): a content script
 * runs inside a CRM page, so it may send only `ContentToBackground`, never what extension pages send.
 */

/** Why a request failed, as a code: the UI that shows it turns it into words (`errors` in the catalogue). */
export const MessageError = z.enum([
  'unreachable',
  'wrong_credentials',
  'throttled',
  'signed_out',
  'not_supervisor',
  'no_page',
  'forbidden',
  'rejected',
  'server_error',
]);
export type MessageError = z.infer<typeof MessageError>;

const PickField = z.union([CapturedField, z.literal('replyBox')]);

/** content script (or the picker it loads) → background. */
export const ContentToBackground = z.discriminatedUnion('type', [
  /**
   * The values the CRM page shows now, as scraped (null when it shows no customer). The
   * background parses them into a CustomerSnapshot: the content script stays thin.
   */
  z.object({ type: z.literal('page.customer'), captured: z.partialRecord(CapturedField, z.string().max(4000)).nullable() }),
  /** How to read the page this content script runs in, and the words it shows there. */
  z.object({ type: z.literal('page.site') }),
  /** A shortcut typed in a CRM field: the tab's sidebar renders it for its case, or asks for what is missing. */
  z.object({ type: z.literal('page.expand'), shortcut: Shortcut }),
  /** The picker: save the picked rule to the server's site for this page (supervisors only). */
  z.object({ type: z.literal('pick.save'), field: PickField, rule: CaptureRule }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackground>;

/**
 * The parts of a sidebar's context, each changing on its own: a change notice names the parts
 * that changed and the sidebar fetches those alone, so an autosave does not ship the catalogue.
 * `page`: the tab's customer and open case; `catalogue`: templates, categories, wording rules and
 * life settings; the others, the fields of the same names.
 */
export const CONTEXT_PARTS = ['page', 'user', 'catalogue', 'sync', 'reminders', 'rejected'] as const;
export const ContextPart = z.enum(CONTEXT_PARTS);
export type ContextPart = z.infer<typeof ContextPart>;

/** extension page (the sidebar, the options page) → background. */
export const PageToBackground = z.discriminatedUnion('type', [
  /** sidebar (supervisor): start "pick from page" for one field in the sidebar's tab. */
  z.object({ type: z.literal('pick.start'), field: PickField }),
  /** options: the configured CRM sites and whether each origin was granted. */
  z.object({ type: z.literal('sites.list') }),
  /** options: permissions changed; register content scripts for granted sites now. */
  z.object({ type: z.literal('sites.register') }),
  /** sidebar: what the sidebar shows for its tab: every part, or only the parts named. */
  z.object({ type: z.literal('sidebar.context'), parts: z.array(ContextPart).max(CONTEXT_PARTS.length).optional() }),
  /** sidebar: write a case locally and queue it for the server. */
  z.object({ type: z.literal('case.save'), case: Case }),
  /**
   * sidebar → background → content: put text at the caret of the CRM field the agent was typing
   * in; with `replace`, in place of that shortcut typed just before the caret.
   */
  z.object({ type: z.literal('text.insert'), text: plainText(8000).min(1), replace: Shortcut.optional() }),
  /** options */
  z.object({
    type: z.literal('auth.signIn'),
    serverUrl: z.url({ protocol: /^https?$/ }),
    username: Username,
    password: z.string().min(1).max(256),
  }),
  z.object({ type: z.literal('auth.signOut') }),
  z.object({ type: z.literal('settings.get') }),
  /** options: what the agent types to start a shortcut. */
  z.object({ type: z.literal('settings.shortcutPrefix'), prefix: z.enum(SHORTCUT_PREFIX_KEYS) }),
  /** sidebar: one case by id (a reminder's notification opens it). */
  z.object({ type: z.literal('case.get'), id: Id }),
  /** sidebar: store a follow-up reminder locally, schedule it, queue it. */
  z.object({ type: z.literal('reminder.save'), reminder: Reminder }),
  /** sidebar: the customer's earlier complaints, from the server when reachable. */
  z.object({ type: z.literal('case.history'), phone: plainText(40).trim().min(1) }),
  /** any page: push the outbox and refresh the cache now. */
  z.object({ type: z.literal('sync.now') }),
  /** sidebar: the agent's cases not yet closed, to pick one up again. */
  z.object({ type: z.literal('case.listOpen') }),
  /** sidebar: the confirmed group complaints of the caller's project and building, from the server. */
  z.object({ type: z.literal('group.lookup'), project: plainText(100).trim().min(1), building: plainText(60).trim() }),
  /** sidebar: a case's escalations and who took them, from the server. */
  z.object({ type: z.literal('escalation.lookup'), caseId: Id }),
  /** sidebar: a reminder comes back later (pending again, due then). */
  z.object({ type: z.literal('reminder.snooze'), id: Id, preset: SnoozePreset }),
  /** sidebar: a reminder is dealt with, and what came of it. */
  z.object({ type: z.literal('reminder.done'), id: Id, outcome: plainText(500).trim().optional() }),
  /** sidebar: a reminder moved to a time the agent chose. */
  z.object({ type: z.literal('reminder.reschedule'), id: Id, dueAt: Instant }),
  /** sidebar (the list of open cases): bring the case's CRM record up, with the case in its sidebar. */
  z.object({ type: z.literal('case.open'), caseId: Id }),
]);
export type PageToBackground = z.infer<typeof PageToBackground>;

/** background → extension pages. */
export const BackgroundToPage = z.discriminatedUnion('type', [
  /** These parts of the context of the sidebar of `tabId` (null: of every tab) changed: it fetches them again. */
  z.object({ type: z.literal('sidebar.changed'), tabId: z.int().nullable(), parts: z.array(ContextPart).min(1).max(CONTEXT_PARTS.length) }),
  /** A shortcut was typed in the CRM page of `tabId`: its sidebar answers with a `ShortcutAnswer`. */
  z.object({ type: z.literal('sidebar.expand'), tabId: z.int(), shortcut: Shortcut }),
]);
export type BackgroundToPage = z.infer<typeof BackgroundToPage>;

/**
 * A sidebar's answer to `sidebar.expand`: the rendered text (already logged as a template use of
 * its case), or that it is asking the agent for missing values, or that no template has it.
 */
export const ShortcutAnswer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: plainText(8000).min(1) }),
  z.object({ kind: z.literal('asking') }),
  z.object({ kind: z.literal('none') }),
]);
export type ShortcutAnswer = z.infer<typeof ShortcutAnswer>;


export type SyncState =
  | { kind: 'signed_out' }
  | { kind: 'synced'; at: string | null }
  | { kind: 'pending'; count: number; lastError: MessageError | null };

export interface Settings {
  serverUrl: string | null;
  user: User | null;
  shortcutPrefix: ShortcutPrefix;
}

/** The server's settings for a case's life, as the sidebar caches them (our defaults until first fetched). */
export type SidebarLife = LifeSettingsResponse;

export interface SidebarContext {
  /** The tab the sidebar sits in, so it can tell which change notices are its own. */
  tabId: number | null;
  customer: z.infer<typeof CustomerSnapshot> | null;
  user: User | null;
  categories: Category[];
  templates: Template[];
  sync: SyncState;
  /** The case still open for this tab's customer, restored from the local database. */
  openCase: Case | null;
  /** Set when this tab was asked to show one case (a reminder, the list of open cases): `openCase` is that one. */
  focusedCaseId: string | null;
  rules: WordingRule[];
  /** Follow-ups pending or fired, soonest first. */
  reminders: Reminder[];
  life: SidebarLife;
  /** Changes the server refused, with its reason: kept for the agent to see. */
  rejected: { changeId: string; reason: string; at: string; what: string }[];
}

/** The fields of the context each part holds. */
export const CONTEXT_PART_FIELDS = {
  page: ['customer', 'openCase', 'focusedCaseId'],
  user: ['user'],
  catalogue: ['categories', 'templates', 'rules', 'life'],
  sync: ['sync'],
  reminders: ['reminders'],
  rejected: ['rejected'],
} as const satisfies Record<ContextPart, readonly (keyof SidebarContext)[]>;

/** Some parts of a sidebar's context, always with the tab it is for. */
export type SidebarContextParts = Pick<SidebarContext, 'tabId'> & Partial<SidebarContext>;

/** What came of an insertion; parsed by the background, since a content script answers it. */
export const InsertResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), via: z.enum(['caret', 'reply_box', 'clipboard']) }),
  z.object({ ok: z.literal(false), reason: z.enum(['no_field', 'no_page', 'rejected']) }),
]);
export type InsertResult = z.infer<typeof InsertResult>;

/** A configured CRM site as the options page lists it: may the extension run there yet? */
export interface SiteAccess {
  id: string;
  name: string;
  urlPattern: string;
  /** Origins the agent must grant (once) before the sidebar appears on this CRM. */
  origins: string[];
  granted: boolean;
  builtIn: boolean;
}

/** A reply that is either done or a failure with its code. */
export const OkOrFailure = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), error: MessageError })]);
type Failure = { ok: false; error: MessageError };

/** What the background answers to each request. */
export interface BackgroundReplies {
  'page.customer': { ok: true };
  'page.site': PageSetup;
  'page.expand': Expansion;
  'pick.save': { ok: true } | Failure;
  'pick.start': { ok: true } | Failure;
  'sites.list': { sites: SiteAccess[] };
  'sites.register': { sites: SiteAccess[] };
  /** Every part when none were named. */
  'sidebar.context': SidebarContextParts;
  'case.save': { ok: true };
  'text.insert': InsertResult;
  'auth.signIn': { ok: true; user: User } | Failure;
  'auth.signOut': { ok: true };
  'settings.get': Settings;
  'settings.shortcutPrefix': { ok: true };
  'sync.now': SyncState;
  'case.get': Case | null;
  'reminder.save': { ok: true };
  'case.history': { ok: true; cases: CaseHistoryItem[] } | Failure;
  'case.listOpen': Case[];
  'group.lookup': { ok: true; groups: CaseGroup[] } | Failure;
  'escalation.lookup': { ok: true; escalations: Escalation[] } | Failure;
  'reminder.snooze': { ok: true } | Failure;
  'reminder.done': { ok: true } | Failure;
  'reminder.reschedule': { ok: true } | Failure;
  'case.open': { ok: true; shownIn: 'tab' | 'page' } | Failure;
}
export type ReplyTo<T extends keyof BackgroundReplies> = BackgroundReplies[T];
