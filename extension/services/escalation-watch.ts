import {
  ESCALATION_SOCKET_PATH,
  EscalationServerMessage,
  type Catalogue,
  type Escalation,
  type EscalationClientMessage,
} from '../../shared';
import type { Session, SettingsService } from './settings';
import type { StorageArea } from './storage-area';

export const ESCALATION_NOTIFICATION_PREFIX = 'escalation:';
/** Where the watch keeps the cursor it resumes from, and the escalations it has already shown. */
const STATE_KEY = 'escalationWatch';
/** Ids remembered as shown: far more than a team raises between two reconnects. */
const REMEMBERED = 200;

/** The part of a WebSocket the watch uses; tests pass a fake. */
export interface SocketLike {
  send(data: string): void;
  close(): void;
  onopen: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: (() => void) | null;
  onerror: (() => void) | null;
}

export interface EscalationPlatform {
  openSocket(url: string): SocketLike;
  /** A system notification with one button, "take it". */
  notify(id: string, title: string, message: string, button: string): Promise<void>;
  openTab(url: string): Promise<void>;
}

interface WatchState {
  cursor?: string;
  shown: string[];
}

/** The socket's address on the server's origin: ws: beside http:, wss: beside https:. */
export function socketUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = url.pathname.replace(/\/$/, '') + ESCALATION_SOCKET_PATH;
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * A supervisor's live line to the escalations (docs/decisions/010-escalation-delivery.md): one
 * WebSocket to the server while a supervisor is signed in, each escalation shown once as a system
 * notification that opens the case and lets the supervisor take it. The socket's traffic keeps
 * the service worker alive; when the worker was stopped anyway, `ensure` (called at start and by
 * a 30-second alarm) reconnects, and the `auth` cursor has the server send whatever was missed.
 */
export function createEscalationWatch(deps: {
  settings: SettingsService;
  storage: StorageArea;
  platform: EscalationPlatform;
  words: () => Catalogue;
  /** Acknowledges an escalation as the signed-in supervisor. */
  acknowledge: (session: Session, id: string) => Promise<void>;
}) {
  let socket: { session: Session; socket: SocketLike } | null = null;

  const readState = async (): Promise<WatchState> => {
    const stored = (await deps.storage.get(STATE_KEY))[STATE_KEY] as WatchState | undefined;
    return { cursor: stored?.cursor, shown: Array.isArray(stored?.shown) ? stored.shown : [] };
  };

  async function show(escalation: Escalation, cursor: string): Promise<void> {
    const state = await readState();
    if (!state.shown.includes(escalation.id)) {
      const t = deps.words().life.escalation;
      const who = [escalation.customerName, escalation.project].filter(Boolean).join(' · ');
      await deps.platform.notify(ESCALATION_NOTIFICATION_PREFIX + escalation.id + ':' + escalation.caseId, t.notificationTitle(t.kinds[escalation.kind], who), escalation.summary || who, t.acknowledge);
    }
    await deps.storage.set({ [STATE_KEY]: { cursor, shown: [escalation.id, ...state.shown.filter((id) => id !== escalation.id)].slice(0, REMEMBERED) } });
  }

  function connect(session: Session, after: string | undefined): void {
    const open = deps.platform.openSocket(socketUrl(session.serverUrl));
    const current = { session, socket: open };
    socket = current;
    open.onopen = () => {
      const auth: EscalationClientMessage = { type: 'auth', token: session.token, ...(after ? { after } : {}) };
      open.send(JSON.stringify(auth));
    };
    open.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      let raw: unknown;
      try {
        raw = JSON.parse(event.data);
      } catch {
        return;
      }
      const message = EscalationServerMessage.safeParse(raw);
      if (!message.success) return;
      if (message.data.type === 'ping') open.send(JSON.stringify({ type: 'pong' } satisfies EscalationClientMessage));
      if (message.data.type === 'escalation') void show(message.data.escalation, message.data.cursor);
    };
    open.onclose = open.onerror = () => {
      if (socket === current) socket = null;
    };
  }

  const idsOf = (notificationId: string) => {
    const [escalationId, caseId] = notificationId.slice(ESCALATION_NOTIFICATION_PREFIX.length).split(':');
    return escalationId && caseId ? { escalationId, caseId } : null;
  };

  return {
    /** Opens the socket when a supervisor is signed in and none is open; closes it for anyone else. */
    async ensure(): Promise<void> {
      const session = await deps.settings.session();
      const wanted = session?.user.role === 'supervisor' ? session : null;
      if (socket && (!wanted || socket.session.token !== wanted.token)) {
        socket.socket.close();
        socket = null;
      }
      if (wanted && !socket) connect(wanted, (await readState()).cursor);
    },
    /** "Take it" on a notification: acknowledges it as this supervisor. Returns false when not an escalation's. */
    async onButton(notificationId: string): Promise<boolean> {
      const ids = notificationId.startsWith(ESCALATION_NOTIFICATION_PREFIX) ? idsOf(notificationId) : null;
      if (!ids) return false;
      const session = await deps.settings.session();
      if (session) await deps.acknowledge(session, ids.escalationId);
      return true;
    },
    /** A click on the notification opens the case on the server's admin pages. */
    async onClick(notificationId: string): Promise<boolean> {
      const ids = notificationId.startsWith(ESCALATION_NOTIFICATION_PREFIX) ? idsOf(notificationId) : null;
      if (!ids) return false;
      const session = await deps.settings.session();
      if (session) await deps.platform.openTab(`${session.serverUrl.replace(/\/$/, '')}/admin/cases/${ids.caseId}`);
      return true;
    },
  };
}
export type EscalationWatch = ReturnType<typeof createEscalationWatch>;
