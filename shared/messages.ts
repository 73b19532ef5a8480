import { z } from 'zod';
import { Case, type CustomerSnapshot } from './case';
import type { Category } from './category';
import type { Expansion, PageSetup } from './content-protocol';
import { CaptureRule, CapturedField } from './crm-site';
import { Shortcut } from './template';
import type { CaseHistoryItem } from './case-history';
import { Id, plainText } from './primitives';
import { Reminder } from './reminder';
import type { WordingRule } from './wording-rule';
import type { Template } from './template';
import type { User} from './user';
import { Username } from './user';

/**
 * Messages between the parts of the extension, named `<receiver-side>.<verb>`. Every request is
 * parsed with these schemas by its receiver before use: a message can come from any frame.
 */
export const ToBackground = z.discriminatedUnion('type', [
  /**
   * content → background: the values the CRM page shows now, as scraped (null when it shows no
   * customer). The background parses them into a CustomerSnapshot: the content script stays thin.
   */
  z.object({ type: z.literal('page.customer'), captured: z.partialRecord(CapturedField, z.string().max(4000)).nullable() }),
  /** content → background: how to read the page this content script runs in. */
  z.object({ type: z.literal('page.site') }),
  /** content → background: the template with this shortcut, rendered for the tab's customer. */
  z.object({ type: z.literal('page.expand'), shortcut: Shortcut }),
  /** sidebar (supervisor) → background: start "pick from page" for one field in the sidebar's tab. */
  z.object({ type: z.literal('pick.start'), field: z.union([CapturedField, z.literal('replyBox')]) }),
  /** picker → background: save the picked rule to the server's site for this page. */
  z.object({ type: z.literal('pick.save'), field: z.union([CapturedField, z.literal('replyBox')]), rule: CaptureRule }),
  /** options → background: the configured CRM sites and whether each origin was granted. */
  z.object({ type: z.literal('sites.list') }),
  /** options → background: permissions changed; register content scripts for granted sites now. */
  z.object({ type: z.literal('sites.register') }),
  /** sidebar → background: everything the sidebar shows for its tab. */
  z.object({ type: z.literal('sidebar.context') }),
  /** sidebar → background: write a case locally and queue it for the server. */
  z.object({ type: z.literal('case.save'), case: Case }),
  /** sidebar → background → content: put text at the caret of the CRM's reply field. */
  z.object({ type: z.literal('text.insert'), text: plainText(8000).min(1) }),
  /** options → background */
  z.object({
    type: z.literal('auth.signIn'),
    serverUrl: z.url({ protocol: /^https?$/ }),
    username: Username,
    password: z.string().min(1).max(256),
  }),
  z.object({ type: z.literal('auth.signOut') }),
  z.object({ type: z.literal('settings.get') }),
  /** sidebar → background: one case by id (a reminder's notification opens it). */
  z.object({ type: z.literal('case.get'), id: Id }),
  /** sidebar → background: store a follow-up reminder locally, schedule it, queue it. */
  z.object({ type: z.literal('reminder.save'), reminder: Reminder }),
  /** sidebar → background: the customer's earlier complaints, from the server when reachable. */
  z.object({ type: z.literal('case.history'), phone: plainText(40).trim().min(1) }),
  /** any UI → background: push the outbox and refresh the cache now. */
  z.object({ type: z.literal('sync.now') }),
]);
export type ToBackground = z.infer<typeof ToBackground>;

// background → content script of one tab: `ToContent` in ./content-protocol (zod/mini, so the
// content script stays small).

export type SyncState =
  | { kind: 'signed_out' }
  | { kind: 'synced'; at: string | null }
  | { kind: 'pending'; count: number; lastError: string | null };

export interface Settings {
  serverUrl: string | null;
  user: User | null;
}

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
  rules: WordingRule[];
  /** Follow-ups pending or fired, soonest first. */
  reminders: Reminder[];
  /** Changes the server refused, with its reason: kept for the agent to see. */
  rejected: { changeId: string; reason: string; at: string; what: string }[];
}

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

/** What the background answers to each request. */
export interface BackgroundReplies {
  'page.customer': { ok: true };
  'page.site': PageSetup;
  'page.expand': Expansion;
  'pick.start': { ok: true } | { ok: false; message: string };
  'pick.save': { ok: true } | { ok: false; message: string };
  'sites.list': { sites: SiteAccess[] };
  'sites.register': { sites: SiteAccess[] };
  'sidebar.context': SidebarContext;
  'case.save': { ok: true; sync: SyncState };
  'text.insert': InsertResult;
  'auth.signIn': { ok: true; user: User } | { ok: false; message: string };
  'auth.signOut': { ok: true };
  'settings.get': Settings;
  'sync.now': SyncState;
  'case.get': Case | null;
  'reminder.save': { ok: true };
  'case.history': { ok: true; cases: CaseHistoryItem[] } | { ok: false; message: string };
}
export type ReplyTo<T extends ToBackground['type']> = BackgroundReplies[T];

/** background → every extension page: the sidebar of `tabId` (null: of every tab) should refresh. */
export const ToSidebar = z.object({ type: z.literal('sidebar.changed'), tabId: z.int().nullable() });
export type ToSidebar = z.infer<typeof ToSidebar>;
