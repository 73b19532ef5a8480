import { Case, DEFAULT_DEPARTMENTS, DEFAULT_EMERGENCY_PLANS, DEFAULT_GROUP_WINDOW, DEFAULT_TIME_LIMITS, DEFAULT_WORK_CALENDAR, isLaterInstant, MAX_PUSH_BYTES, MAX_PUSH_CHANGES, MessageError, PUSH_TOO_LARGE, type Category, type SidebarLife, type SyncChange, type SyncPullResponse, type SyncPushResponse, type SyncState, type Template, type WordingRule } from '../../shared';
import { ownedBy, type CacheEntry, type LingtingDb, type OutboxEntry, type PullProgress } from '../db/schema';
import type { ServerApi } from './server-api';
import { ServerError, toMessageError } from './server-api';
import type { Session, SettingsService } from './settings';
import { createInFlight, leadingBatch, pushBodyBytes, type InFlight } from './outbox';

/** Pages pulled in one run at most (100 records each); the next run continues from the cursor. */
const MAX_PULL_PAGES = 20;
/**
 * How old the cached catalogue (templates, categories, rules, sites) may be before a sync fetches
 * it again. A sync follows every save, and the catalogue changes far less often than cases; the
 * sync alarm runs each minute, so the catalogue is never much older than that.
 */
const CATALOGUE_MAX_AGE_MS = 50_000;

/** Case-life settings before the server's were ever fetched: weekends only, and our defaults for the rest. */
const OFFLINE_LIFE: SidebarLife = {
  calendar: DEFAULT_WORK_CALENDAR,
  weekendsOnly: true,
  timeLimits: DEFAULT_TIME_LIMITS,
  groupWindow: DEFAULT_GROUP_WINDOW,
  departments: [...DEFAULT_DEPARTMENTS],
  emergencyPlans: [...DEFAULT_EMERGENCY_PLANS],
};

interface SyncDeps {
  db: LingtingDb;
  settings: SettingsService;
  api: (session: Session) => ServerApi;
  now: () => Date;
  /** Called after a catalogue refresh stored a changed list of CRM sites, so content scripts follow. */
  sitesChanged?: () => Promise<void>;
  /** Called after a catalogue refresh stored changed templates, categories, wording rules or life settings. */
  catalogueChanged?: () => Promise<void>;
  /** Shared with the services that queue changes, so they never coalesce away a sent entry. */
  inFlight?: InFlight;
  /** Called after a pull changed local reminders, so their alarms follow. */
  remindersPulled?: () => Promise<void>;
}

/**
 * Pushes the outbox to the server and refreshes the offline cache. Entries leave the outbox
 * only once the server has answered for them, so a service worker killed mid-request simply
 * sends them again; the server recognises each change id and answers as it did the first time.
 */
export function createSyncService(deps: SyncDeps) {
  const { db } = deps;
  const inFlight = deps.inFlight ?? createInFlight();
  let running: Promise<SyncState> | null = null;

  async function recordOutcome(error: MessageError | null): Promise<void> {
    const previous = await db.cache.get('lastSync');
    const lastAt = previous?.key === 'lastSync' ? previous.value.at : null;
    const at = error ? lastAt : deps.now().toISOString();
    await db.cache.put({ key: 'lastSync', value: { at, error }, fetchedAt: deps.now().toISOString() });
  }

  /** Moves `entry` from the outbox to the changes kept for the agent to see, with why it was not synced. */
  async function setAside(entry: OutboxEntry, reason: string): Promise<void> {
    await db.transaction('rw', db.outbox, db.rejected, async () => {
      await db.rejected.put({ changeId: entry.change.changeId, change: entry.change, reason, at: deps.now().toISOString() });
      await db.outbox.delete(entry.seq!);
    });
  }

  /**
   * Pushes this user's outbox, oldest first, in batches of at most `MAX_PUSH_CHANGES` changes and
   * `maxBytes` bytes, until it is empty, a push fails, or the server answers none of a batch.
   */
  async function pushOutbox(api: ServerApi, userId: string): Promise<void> {
    // Lowered for the rest of this run when the server refuses a body as too large: a server
    // configured lower, or a proxy in front of it, may take less than `MAX_PUSH_BYTES`.
    let maxBytes = MAX_PUSH_BYTES;
    for (;;) {
      // Read and mark in one transaction: a coalescing write either sees the marks or commits first.
      const batch = await db.transaction('r', db.outbox, async () => {
        const entries = await db.outbox
          .orderBy('seq')
          .filter((entry) => ownedBy(entry.ownerId, userId))
          .limit(MAX_PUSH_CHANGES)
          .toArray();
        const leading = leadingBatch(entries, maxBytes);
        inFlight.mark(leading.map((entry) => entry.seq!));
        return leading;
      });
      if (batch.length === 0) return;
      try {
        const outcome = await pushBatch(api, batch);
        if (outcome === 'stalled') return;
        if (outcome !== 'progress') maxBytes = outcome.retryUnder;
      } finally {
        inFlight.release(batch.map((entry) => entry.seq!));
      }
    }
  }

  /**
   * Sends one batch. `progress`: answers were stored or a change set aside; `stalled`: the server
   * answered for none of it; `retryUnder`: refused as too large, to be sent again in smaller batches.
   * Each outcome but `stalled` moves the outbox on or shrinks the next batch, so the loop ends.
   */
  async function pushBatch(api: ServerApi, batch: OutboxEntry[]): Promise<'progress' | 'stalled' | { retryUnder: number }> {
    const bytes = pushBodyBytes(batch.map((entry) => entry.change));
    // Only a change alone can be over (a batch never grows past the limit): no push can carry it.
    if (bytes > MAX_PUSH_BYTES) {
      await setAside(batch[0]!, PUSH_TOO_LARGE);
      return 'progress';
    }
    try {
      return (await sendBatch(api, batch)) ? 'progress' : 'stalled';
    } catch (error) {
      if (!(error instanceof ServerError && error.status === 413)) throw error;
      if (batch.length > 1) return { retryUnder: Math.floor(bytes / 2) };
      // Refused even alone: sending it again cannot help, and it must not hold up the changes after it.
      await setAside(batch[0]!, PUSH_TOO_LARGE);
      return 'progress';
    }
  }

  async function sendBatch(api: ServerApi, batch: OutboxEntry[]): Promise<boolean> {
    const changes: SyncChange[] = batch.map((entry) => entry.change);
    let response: SyncPushResponse;
    try {
      response = await api.push({ changes });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.outbox.bulkUpdate(
        batch.map((entry) => ({ key: entry.seq!, changes: { attempts: entry.attempts + 1, lastError: message } })),
      );
      throw error;
    }
    const byId = new Map(response.results.map((result) => [result.changeId, result]));
    let answered = 0;
    await db.transaction('rw', db.outbox, db.rejected, async () => {
      for (const entry of batch) {
        const result = byId.get(entry.change.changeId);
        if (!result) continue; // not answered: stays queued and is sent again
        if (result.status === 'rejected') await setAside(entry, result.reason ?? 'rejected');
        else await db.outbox.delete(entry.seq!);
        answered++;
      }
    });
    // Only progress continues the loop: a server that answers nothing cannot spin it forever.
    return answered > 0;
  }

  async function pullProgress(userId: string): Promise<PullProgress | undefined> {
    const entry = await db.cache.get('pullCursors');
    return entry?.key === 'pullCursors' ? entry.value[userId] : undefined;
  }

  /**
   * Keeps what the server accepted from this user's other devices, in the same transaction as
   * the cursor that moves past it. The newer `updatedAt` wins, as on the server: a local version
   * still in the outbox that is older than the pulled one would be answered `stale` when pushed,
   * so keeping it would leave this device behind for good. A closed case is kept only where a
   * copy exists to close: old cases are the server's to list, not this device's to hold (and
   * until the first pass has caught up, the server leaves them out of the pull altogether).
   * Returns whether any reminder changed, and the progress it wrote (where the next page starts).
   */
  async function applyPulled(
    userId: string,
    pulled: SyncPullResponse,
  ): Promise<{ remindersChanged: boolean; progress: PullProgress }> {
    const localIsCurrent = (local: { updatedAt: string } | undefined, incoming: { updatedAt: string }) =>
      local !== undefined && !isLaterInstant(incoming.updatedAt, local.updatedAt);
    return db.transaction('rw', [db.cases, db.reminders, db.cache], async () => {
      for (const stored of pulled.cases) {
        const local = await db.cases.get(stored.id);
        if (localIsCurrent(local, stored)) continue;
        if (!local && stored.status === 'closed') continue;
        // The server's own fields (agentId, serverUpdatedAt) are not part of the local record.
        await db.cases.put({ ...Case.parse(stored), ownerId: userId });
      }
      let remindersChanged = false;
      for (const reminder of pulled.reminders) {
        if (localIsCurrent(await db.reminders.get(reminder.id), reminder)) continue;
        await db.reminders.put(reminder);
        remindersChanged = true;
      }
      const entry = await db.cache.get('pullCursors');
      const byUser = entry?.key === 'pullCursors' ? entry.value : {};
      const caughtUp = byUser[userId]?.caughtUp === true || !pulled.more;
      const progress: PullProgress = { cursor: pulled.cursor, caughtUp };
      const value = { ...byUser, [userId]: progress };
      await db.cache.put({ key: 'pullCursors', value, fetchedAt: deps.now().toISOString() });
      return { remindersChanged, progress };
    });
  }

  /** Pulls what this user's other devices synced, after this device's own changes went up. */
  async function pullChanges(api: ServerApi, userId: string): Promise<void> {
    let remindersChanged = false;
    // Read once: runs are serialised (`running`), so only this loop moves the progress meanwhile.
    let progress = await pullProgress(userId);
    for (let page = 0; page < MAX_PULL_PAGES; page++) {
      const pulled = await api.pull(progress?.cursor, progress?.caughtUp ? 'all' : 'open');
      const applied = await applyPulled(userId, pulled);
      remindersChanged = applied.remindersChanged || remindersChanged;
      progress = applied.progress;
      if (!pulled.more) break;
    }
    if (remindersChanged) await deps.remindersPulled?.();
  }

  /**
   * Fetches the whole catalogue and stores it in one transaction. Templates and categories are
   * required; wording rules, CRM sites and the case-life settings are optional, so a server without their routes leaves
   * the cached copy as it was. Content scripts follow a changed site list only: the list is
   * fetched about once a minute and rarely changes; open sidebars, a changed catalogue only.
   */
  async function refreshCatalogue(api: ServerApi): Promise<void> {
    const [templates, categories, rules, sites, life] = await Promise.all([
      api.templates(),
      api.categories(),
      api.wordingRules().catch(() => null),
      api.crmSites().catch(() => null),
      api.lifeSettings().catch(() => null),
    ]);
    const fetchedAt = deps.now().toISOString();
    const entries: CacheEntry[] = [
      { key: 'templates', value: templates, fetchedAt },
      { key: 'categories', value: categories, fetchedAt },
      ...(rules ? [{ key: 'wordingRules' as const, value: rules, fetchedAt }] : []),
      ...(sites ? [{ key: 'crmSites' as const, value: sites, fetchedAt }] : []),
      ...(life ? [{ key: 'lifeSettings' as const, value: life, fetchedAt }] : []),
    ];
    const changed = await db.transaction('rw', db.cache, async () => {
      const before = await db.cache.bulkGet(entries.map((entry) => entry.key));
      await db.cache.bulkPut(entries);
      return new Set(entries.filter((entry, i) => JSON.stringify(entry.value) !== JSON.stringify(before[i]?.value)).map((entry) => entry.key));
    });
    if (changed.has('crmSites')) await deps.sitesChanged?.();
    if (['templates', 'categories', 'wordingRules', 'lifeSettings'].some((key) => changed.has(key as CacheEntry['key']))) await deps.catalogueChanged?.();
  }

  // Catalogue refreshes asked for (by `sync({ refreshCatalogue: true })`) and done, counted, so a
  // request made while a refresh is under way is not taken for done by it.
  let catalogueAsked = 0;
  let catalogueDone = 0;

  async function catalogueDue(): Promise<boolean> {
    if (catalogueAsked > catalogueDone) return true;
    const templates = await db.cache.get('templates');
    return !templates || deps.now().getTime() - Date.parse(templates.fetchedAt) >= CATALOGUE_MAX_AGE_MS;
  }

  /** One pass: push, pull, and the catalogue when due. `ran` is false when nothing could be done. */
  async function run(): Promise<{ state: SyncState; ran: boolean }> {
    const session = await deps.settings.session();
    if (!session) return { state: await state(), ran: false };
    const api = deps.api(session);
    let ran = true;
    try {
      await pushOutbox(api, session.user.id);
      await pullChanges(api, session.user.id);
      if (await catalogueDue()) {
        const asked = catalogueAsked;
        await refreshCatalogue(api);
        catalogueDone = asked;
      }
      await recordOutcome(null);
    } catch (error) {
      ran = false;
      if (error instanceof ServerError && error.status === 401) await deps.settings.signedOut();
      // Kept as a code: the sidebar shows it in the agent's words.
      await recordOutcome(toMessageError(error));
    }
    return { state: await state(), ran };
  }

  async function state(): Promise<SyncState> {
    const session = await deps.settings.session();
    if (!session) return { kind: 'signed_out' };
    // Another agent's queued work waits for their next sign-in; it is not this user's to count.
    const count = await db.outbox.filter((entry) => ownedBy(entry.ownerId, session.user.id)).count();
    const last = await db.cache.get('lastSync');
    const outcome = last?.key === 'lastSync' ? last.value : { at: null, error: null };
    // Versions before codes stored the error's English text: not shown.
    const lastError = MessageError.safeParse(outcome.error).data ?? null;
    return count > 0 ? { kind: 'pending', count, lastError } : { kind: 'synced', at: outcome.at };
  }

  return {
    /**
     * Runs one sync; a call while one is running joins it rather than starting another. The
     * catalogue is fetched when it is older than a minute or so, or now with `refreshCatalogue`
     * (the agent's "sync now", a sign-in); asked for while a sync is past that step, it gets one
     * more pass.
     */
    sync({ refreshCatalogue = false }: { refreshCatalogue?: boolean } = {}): Promise<SyncState> {
      if (refreshCatalogue) catalogueAsked++;
      running ??= (async () => {
        let outcome = await run();
        if (outcome.ran && catalogueAsked > catalogueDone) outcome = await run();
        return outcome.state;
      })().finally(() => {
        running = null;
      });
      return running;
    },
    state,
    async cached(): Promise<{ templates: Template[]; categories: Category[]; rules: WordingRule[]; life: SidebarLife }> {
      const [templates, categories, rules, life] = await Promise.all([
        db.cache.get('templates'),
        db.cache.get('categories'),
        db.cache.get('wordingRules'),
        db.cache.get('lifeSettings'),
      ]);
      return {
        templates: templates?.key === 'templates' ? templates.value : [],
        categories: categories?.key === 'categories' ? categories.value : [],
        rules: rules?.key === 'wordingRules' ? rules.value : [],
        life: life?.key === 'lifeSettings' ? life.value : OFFLINE_LIFE,
      };
    },
  };
}
export type SyncService = ReturnType<typeof createSyncService>;
