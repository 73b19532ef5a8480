import { z } from 'zod';
import { type Catalogue, ESCALATION_FEED_PATH, type Escalation, FEED_CLOSE, FeedMessage, Id } from '../../shared';
import type { NotificationContent } from '../platform/notifications';
import type { ServerApi } from './server-api';
import type { Session, SettingsService } from './settings';
import type { StorageArea } from './storage-area';

/** Where the feed stopped and what is on screen, per server and supervisor, in `storage.local`: a killed service worker resumes there. */
const FEED_KEY = 'escalationFeed';
const FeedState = z.object({
  serverUrl: z.string(),
  userId: Id,
  cursor: z.string().nullable(),
  /** Escalations notified and not yet taken: their notifications close once someone takes them. */
  shown: z.array(Id).max(500),
});
type FeedState = z.infer<typeof FeedState>;

const NOTIFICATION_PREFIX = 'escalation:';
/** Waits before reconnecting after a lost connection, growing, then the period of the alarm that also reconnects. */
const RECONNECT_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** The browser side of escalations, passed in so the service does not reach for globals. */
export interface EscalationPlatform {
  openSocket(url: string): WebSocket;
  notify(id: string, content: NotificationContent): Promise<void>;
  clearNotification(id: string): Promise<void>;
  openTab(url: string): Promise<void>;
}

/** The notification of an escalation: what kind, whose, where and what about; its one button takes it. */
export function escalationNotice(escalation: Escalation, words: Catalogue): NotificationContent {
  const t = words.life.escalation;
  return {
    title: t.notificationTitle(t.kinds[escalation.kind], escalation.customerName),
    message: [escalation.project, escalation.summary].filter(Boolean).join(' · '),
    buttons: [t.acknowledge],
    // "At once" (DOMAIN.md): it stays on screen until a supervisor acts on it.
    sticky: true,
  };
}

/** `escalation:<id>:<caseId>`: a click opens the case without asking anyone. */
const notificationIdOf = (escalation: Escalation) => `${NOTIFICATION_PREFIX}${escalation.id}:${escalation.caseId}`;
function parseNotificationId(notificationId: string): { id: string; caseId: string } | null {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return null;
  const [id, caseId] = notificationId.slice(NOTIFICATION_PREFIX.length).split(':');
  return Id.safeParse(id).success && Id.safeParse(caseId).success ? { id: id!, caseId: caseId! } : null;
}

export const feedUrl = (serverUrl: string) => `${serverUrl.replace(/^http/, 'ws')}${ESCALATION_FEED_PATH}`;

/**
 * A supervisor's extension listening for escalations (docs/decisions/010-escalation-delivery.md):
 * one WebSocket to the server while signed in as a supervisor, which also keeps the service
 * worker alive (Chrome extends its life on WebSocket traffic; the server pings every 20 s).
 * Each escalation raised is a notification that stays until acted on; each one taken, by this
 * supervisor or another, closes it. Where it stopped is kept, so after a restart or a killed
 * worker nothing raised meanwhile is missed and nothing is shown twice; `ensureConnected`,
 * called on wake-up and by an alarm, opens the connection again.
 */
export function createEscalationWatch(deps: {
  settings: SettingsService;
  area: StorageArea;
  platform: EscalationPlatform;
  words: () => Catalogue;
  api: (session: Session) => Pick<ServerApi, 'acknowledgeEscalation'>;
}) {
  let socket: WebSocket | null = null;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  /** Set when the server refused the sign-in or the role: no retry until the session changes. */
  let refusedFor: string | null = null;
  // Messages are handled one after another: the cursor is stored in the order they came.
  let handling: Promise<void> = Promise.resolve();

  const stateOf = async (session: Session): Promise<FeedState> => {
    const parsed = FeedState.safeParse((await deps.area.get(FEED_KEY))[FEED_KEY]);
    return parsed.success && parsed.data.serverUrl === session.serverUrl && parsed.data.userId === session.user.id
      ? parsed.data
      : { serverUrl: session.serverUrl, userId: session.user.id, cursor: null, shown: [] };
  };
  const save = (state: FeedState) => deps.area.set({ [FEED_KEY]: state });

  async function handle(session: Session, message: FeedMessage) {
    if (message.type === 'ping') return;
    const state = await stateOf(session);
    if (message.type === 'ready') {
      await save({ ...state, cursor: message.cursor });
      return;
    }
    const { escalation } = message;
    let shown = state.shown;
    if (escalation.acknowledgedBy === null) {
      if (!shown.includes(escalation.id)) {
        await deps.platform.notify(notificationIdOf(escalation), escalationNotice(escalation, deps.words()));
        shown = [...shown, escalation.id].slice(-500);
      }
    } else if (shown.includes(escalation.id)) {
      await deps.platform.clearNotification(notificationIdOf(escalation));
      shown = shown.filter((id) => id !== escalation.id);
    }
    await save({ ...state, cursor: message.cursor, shown });
  }

  function scheduleReconnect() {
    clearTimeout(retry);
    const wait = RECONNECT_MS[Math.min(failures, RECONNECT_MS.length - 1)]!;
    failures += 1;
    retry = setTimeout(() => void watch.ensureConnected(), wait);
  }

  /** Set while a connection is being opened: a wake-up, the alarm and a sign-in may ask at once. */
  let opening: Promise<void> | null = null;

  async function connect(): Promise<void> {
    const session = await deps.settings.session();
    const who = session ? `${session.serverUrl} ${session.user.id} ${session.token}` : null;
    if (!session || session.user.role !== 'supervisor' || refusedFor === who) {
      watch.disconnect();
      return;
    }
    if (socket && socket.readyState <= WebSocket.OPEN) return;
    const { cursor } = await stateOf(session);
    const opened = deps.platform.openSocket(feedUrl(session.serverUrl));
    socket = opened;
    opened.onopen = () => opened.send(JSON.stringify({ type: 'hello', token: session.token, after: cursor }));
    opened.onmessage = (event) => {
      let raw: unknown = null;
      try {
        raw = JSON.parse(String(event.data));
      } catch {
        // not ours: ignored like any other malformed message
      }
      const parsed = FeedMessage.safeParse(raw);
      if (!parsed.success) return;
      if (parsed.data.type === 'ready') failures = 0;
      handling = handling.then(() => handle(session, parsed.data)).catch((error: unknown) => console.warn('Lingting: an escalation could not be shown', error));
    };
    opened.onclose = (event) => {
      if (socket !== opened) return;
      socket = null;
      if (event.code === FEED_CLOSE.unauthenticated || event.code === FEED_CLOSE.forbidden) refusedFor = who;
      else scheduleReconnect();
    };
  }

  const watch = {
    /** Opens the feed when signed in as a supervisor and it is not open; closes it otherwise. */
    ensureConnected(): Promise<void> {
      opening ??= connect().finally(() => (opening = null));
      return opening;
    },

    /** Closes the feed (signed out, or no longer a supervisor). */
    disconnect() {
      clearTimeout(retry);
      const open = socket;
      socket = null;
      open?.close(1000, 'signed out');
    },

    /** Forgets a refusal: a new sign-in may be a supervisor's. */
    async sessionChanged() {
      // A connection being opened for the old session is let finish, then closed.
      await opening?.catch(() => undefined);
      refusedFor = null;
      failures = 0;
      watch.disconnect();
      return watch.ensureConnected();
    },

    /** The case an escalation's notification is about, when it is one (a click opens it). */
    async clicked(notificationId: string): Promise<boolean> {
      const parsed = parseNotificationId(notificationId);
      const session = await deps.settings.session();
      if (!parsed || !session) return parsed !== null;
      await deps.platform.openTab(`${session.serverUrl}/admin/cases/${parsed.caseId}`);
      return true;
    },

    /** Its one button: the supervisor takes it. The feed then closes it here and at every other supervisor's. */
    async buttonClicked(notificationId: string): Promise<boolean> {
      const parsed = parseNotificationId(notificationId);
      const session = await deps.settings.session();
      if (!parsed || !session) return parsed !== null;
      try {
        await deps.api(session).acknowledgeEscalation(parsed.id);
        await deps.platform.clearNotification(notificationId);
      } catch (error) {
        // Left on screen: taking it can be tried again, or done on the case's page.
        console.warn('Lingting: the escalation could not be taken', error);
      }
      return true;
    },
  };
  return watch;
}
export type EscalationWatch = ReturnType<typeof createEscalationWatch>;
