// The protocol of the content script, in zod/mini: the content script runs inside every CRM
// page, so it carries only these small tree-shakable schemas, never the classic zod or the rest
// of shared/. What it scrapes is sent raw; the background parses it with the full schemas.
import * as z from 'zod/mini';

/** One way to find a value on the page: selectors through shadow roots and frames (see CaptureRule). */
export const ContentRule = z.object({
  path: z.array(z.string().check(z.minLength(1), z.maxLength(500))).check(z.minLength(1), z.maxLength(10)),
  read: z.enum(['text', 'value']),
});
export type ContentRule = z.infer<typeof ContentRule>;

const optionalRule = z.optional(ContentRule);

/** What a content script needs to know of the CRM it runs in (a CrmSite without its bookkeeping). */
export const ContentSite = z.object({
  fields: z.object({
    customerName: optionalRule,
    phone: optionalRule,
    project: optionalRule,
    unit: optionalRule,
    crmRecordId: optionalRule,
  }),
  replyBox: z.nullable(ContentRule),
});
export type ContentSite = z.infer<typeof ContentSite>;

/** A wording rule as the content script flags it while the agent types. */
export const ContentWordingRule = z.object({
  phrase: z.string().check(z.minLength(1), z.maxLength(200)),
  alternative: z.string().check(z.maxLength(500)),
  kind: z.enum(['forbidden', 'unapproved_promise']),
});
export type ContentWordingRule = z.infer<typeof ContentWordingRule>;

const word = z.string().check(z.maxLength(200));

/** The words the content script shows on the CRM page, looked up by the background in the agent's language. */
export const PageWords = z.object({
  showSidebar: word,
  hideSidebar: word,
  resizeSidebar: word,
  sidebarFrame: word,
  forbidden: word,
  unapprovedPromise: word,
  sayInstead: word,
});
export type PageWords = z.infer<typeof PageWords>;

/**
 * What starts a shortcut as the agent types it (templates name theirs with `;`, as `;qian`):
 * a setting, for agents whose CRM takes `;` for itself. Each has the character a Chinese input
 * method types for that key in Chinese-punctuation mode, which starts a shortcut too.
 */
export const SHORTCUT_PREFIXES = { ';': '；', '/': '、', '\\': '、', '`': '·', ',': '，' } as const;
export const SHORTCUT_PREFIX_KEYS = [';', '/', '\\', '`', ','] as const satisfies readonly (keyof typeof SHORTCUT_PREFIXES)[];
export const ShortcutPrefix = z.enum(SHORTCUT_PREFIX_KEYS);
export type ShortcutPrefix = z.infer<typeof ShortcutPrefix>;

/** How the agent left the sidebar on a CRM: open or collapsed to its rail, and how wide (CSS pixels). */
export const DockPreference = z.object({
  open: z.boolean(),
  width: z.number(),
});
export type DockPreference = z.infer<typeof DockPreference>;

/** The background's answer to `page.site`: how to read this page, which wording to flag, and the words to show. */
export const PageSetup = z.object({
  site: z.nullable(ContentSite),
  wordingRules: z.array(ContentWordingRule),
  /** Shortcuts of the cached templates (`;qian`), so a keystroke can be claimed synchronously. */
  shortcuts: z.array(z.string().check(z.maxLength(21))),
  /** What the agent types to start one. */
  prefix: ShortcutPrefix,
  words: PageWords,
});
export type PageSetup = z.infer<typeof PageSetup>;

/**
 * The background's answer to `page.expand`: the rendered template; or no text, and `asking` when
 * the sidebar asks the agent for values the template needs (the content script then shows it);
 * or neither when no template has that shortcut.
 */
export const Expansion = z.object({ text: z.nullable(z.string().check(z.maxLength(8000))), asking: z.optional(z.boolean()) });
export type Expansion = z.infer<typeof Expansion>;

// background → content script of one tab: one schema per request type, chosen by `type`. A
// z.union of objects tagged by z.literal would do the same, but costs about 500 bytes gzip in
// every CRM page (z.discriminatedUnion more); z.enum is already in the bundle.
/** Text for the CRM field the agent was typing in; with `replace`, in place of that shortcut before the caret. */
const ContentInsert = z.object({
  type: z.enum(['content.insert']),
  text: z.string().check(z.minLength(1), z.maxLength(8000)),
  replace: z.optional(z.string().check(z.maxLength(21))),
});
/** A supervisor picks the rule for one field: the content script loads the picker on demand. */
const ContentPick = z.object({ type: z.enum(['content.pick']), field: z.string().check(z.maxLength(20)) });
/** The keyboard command: open or close the sidebar. */
const ContentToggle = z.object({ type: z.enum(['content.toggle']) });
/** A case was opened for this tab (a reminder, the list of open cases): show the sidebar, whatever it was. */
const ContentReveal = z.object({ type: z.enum(['content.reveal']) });
const toContentByType = { 'content.insert': ContentInsert, 'content.pick': ContentPick, 'content.toggle': ContentToggle, 'content.reveal': ContentReveal };

/** background → content script of one tab. */
export type BackgroundToContent = z.infer<(typeof toContentByType)[keyof typeof toContentByType]>;

/** Parses a request to the content script; null when it is not one (wrong type or fields). */
export function parseBackgroundToContent(raw: unknown): BackgroundToContent | null {
  const type: unknown = (raw as { type?: unknown } | null | undefined)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(toContentByType, type)) return null;
  const parsed = toContentByType[type as keyof typeof toContentByType].safeParse(raw);
  return parsed.success ? parsed.data : null;
}
