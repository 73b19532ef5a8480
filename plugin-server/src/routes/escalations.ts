import { Hono } from 'hono';
import type { UpgradeWebSocket, WSContext } from 'hono/ws';
import {
  ApiError,
  type Escalation,
  EscalationList,
  EscalationQuery,
  EscalationResponse,
  FEED_CLOSE,
  FEED_PING_MS,
  FeedHello,
  type FeedMessage,
  IdParam,
} from '../../../shared';
import { type AuthEnv, authenticate, requireRole } from '../auth/middleware';
import { hashToken } from '../auth/tokens';
import { ApiProblem } from '../http/problem';
import { validate } from '../http/validate';
import { type EscalationFeed, isAfter } from '../live/escalation-feed';
import { describe } from '../openapi/describe';
import { ChangePosition, cursorCodec, InvalidCursorError, type Pulled, type PullPosition } from '../store';
import type { RouteDeps } from './deps';

const cursors = cursorCodec(ChangePosition);
const DEFAULT_LIMIT = 50;
/** A client that does not say who it is within this long is closed. */
const HELLO_WITHIN_MS = 10_000;

/** The live feed and the routes need the Node server's WebSocket upgrade; absent (tests calling `app.request`), the feed answers 426. */
export interface LiveDeps {
  feed: EscalationFeed;
  upgradeWebSocket?: UpgradeWebSocket;
  /** Where a feed that failed to start for the server's own reasons is reported. */
  reportError: (error: unknown) => void;
}

/**
 * Escalations (issue 9): the supervisors' feed over a WebSocket and over HTTP, and a supervisor
 * taking one. A case's own escalations are read at /api/cases/:id/escalations.
 */
export const escalationRoutes = (deps: RouteDeps, live: LiveDeps) =>
  new Hono<AuthEnv>()
    // Before `authenticate`: a browser cannot put a bearer header on a WebSocket, so the client
    // signs in with its first message instead.
    .get(
      '/live',
      describe('The supervisors\' live feed: a WebSocket whose first message signs in (FeedHello)', { 101: null, 426: ApiError }),
      (c, next) => {
        if (!live.upgradeWebSocket || c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
          throw new ApiProblem(426, 'bad_request', 'open this address as a WebSocket');
        }
        return live.upgradeWebSocket(() => liveSession(deps, live))(c, next);
      },
    )
    .use(authenticate(deps))
    .get(
      '/',
      describe('Escalations raised or taken after a cursor, in commit order', { 200: EscalationList }),
      requireRole('supervisor'),
      validate('query', EscalationQuery),
      async (c) => {
        const { after, limit = DEFAULT_LIMIT } = c.req.valid('query');
        const page = await deps.store.escalations.feed({ after: after ? cursors.decode(after) : null, limit });
        const last = page.at(-1);
        return c.json({ escalations: page.map((item) => item.record), cursor: last ? cursors.encode(last) : (after ?? null) }, 200);
      },
    )
    .post(
      '/:id/ack',
      describe('Take an escalation; the first supervisor to take it keeps it', { 200: EscalationResponse }, [404]),
      requireRole('supervisor'),
      validate('param', IdParam),
      async (c) => {
        const user = c.get('user');
        const escalation = await deps.store.escalations.acknowledge(c.req.valid('param').id, { userId: user.id, displayName: user.displayName }, deps.now());
        if (!escalation) throw new ApiProblem(404, 'not_found', 'no such escalation');
        return c.json({ escalation }, 200);
      },
    );

/**
 * One supervisor's connection: hello (token and where it stopped) → caught up from the store →
 * `ready` → every escalation raised or taken from then on, with pings in between. The token is
 * checked again at every ping, so a revoked sign-in or a changed role ends the feed within one.
 */
function liveSession(deps: RouteDeps, { feed, reportError }: LiveDeps) {
  let helloTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let stopListening: (() => void) | undefined;
  let greeted = false;
  let closed = false;
  const send = (ws: WSContext, message: FeedMessage) => ws.send(JSON.stringify(message));
  const stillSupervisor = async (tokenHash: string) => (await deps.store.tokens.findUserByValidToken(tokenHash, deps.now()))?.role === 'supervisor';

  async function start(ws: WSContext, hello: FeedHello) {
    const tokenHash = hashToken(hello.token);
    const user = await deps.store.tokens.findUserByValidToken(tokenHash, deps.now());
    if (!user) return ws.close(FEED_CLOSE.unauthenticated, 'sign in again');
    if (user.role !== 'supervisor') return ws.close(FEED_CLOSE.forbidden, 'supervisors only');
    let cursor: PullPosition | null = hello.after ? cursors.decode(hello.after) : null;
    // Heard while catching up, handed out after it: listening first, then reading, misses nothing.
    let caughtUp = false;
    const heldBack: Pulled<Escalation>[] = [];
    const deliver = (item: Pulled<Escalation>) => {
      if (!isAfter(item, cursor)) return;
      cursor = item;
      send(ws, { type: 'escalation', escalation: item.record, cursor: cursors.encode(item) });
    };
    const listening = await feed.listen((item) => (caughtUp ? deliver(item) : heldBack.push(item)));
    stopListening = listening.stop;
    if (closed) return stopListening();
    if (cursor === null) cursor = await deps.store.escalations.head();
    else {
      for (;;) {
        const page = await deps.store.escalations.feed({ after: cursor, limit: 200 });
        page.forEach(deliver);
        if (page.length < 200) break;
      }
    }
    send(ws, { type: 'ready', cursor: cursor ? cursors.encode(cursor) : null });
    caughtUp = true;
    heldBack.splice(0).forEach(deliver);
    pingTimer = setInterval(() => {
      void stillSupervisor(tokenHash).then(
        (ok) => (ok ? send(ws, { type: 'ping' }) : ws.close(FEED_CLOSE.unauthenticated, 'sign in again')),
        () => undefined,
      );
    }, FEED_PING_MS);
  }

  return {
    onOpen(_event: Event, ws: WSContext) {
      helloTimer = setTimeout(() => ws.close(FEED_CLOSE.badHello, 'say hello first'), HELLO_WITHIN_MS);
    },
    onMessage(event: MessageEvent, ws: WSContext) {
      if (greeted) return; // the client has nothing more to say
      greeted = true;
      clearTimeout(helloTimer);
      let raw: unknown;
      try {
        raw = JSON.parse(String(event.data));
      } catch {
        raw = null;
      }
      const hello = FeedHello.safeParse(raw);
      if (!hello.success) return ws.close(FEED_CLOSE.badHello, 'the first message must be a hello');
      start(ws, hello.data).catch((error: unknown) => {
        if (error instanceof InvalidCursorError) ws.close(FEED_CLOSE.badHello, 'the cursor is not one this server gave out');
        else {
          reportError(error);
          ws.close(1011, 'the server could not start the feed; try again');
        }
      });
    },
    onClose() {
      closed = true;
      clearTimeout(helloTimer);
      clearInterval(pingTimer);
      stopListening?.();
    },
  };
}
