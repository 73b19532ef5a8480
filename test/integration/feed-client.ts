// A supervisor's end of the escalations' live feed, as a test or the bench holds it: the messages
// heard so far, a wait for the next one that matches, and how the server closed it.
import WebSocket from 'ws';
import { ESCALATION_FEED_PATH, FeedMessage } from '../../shared';

export interface FeedClient {
  heard: FeedMessage[];
  /** The first message heard (now or later) that `match` accepts, with the time it arrived. */
  next(match: (message: FeedMessage) => boolean, timeoutMs?: number): Promise<{ message: FeedMessage; at: number }>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/** Opens the feed at `serverUrl` and says hello with `token` (and `after`, where a previous connection stopped). */
export function openFeed(serverUrl: string, token: string, after: string | null = null, hello: unknown = { type: 'hello', token, after }): FeedClient {
  const socket = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}${ESCALATION_FEED_PATH}`);
  const heard: FeedMessage[] = [];
  const arrivals: number[] = [];
  const waiters = new Set<() => void>();
  socket.on('open', () => socket.send(typeof hello === 'string' ? hello : JSON.stringify(hello)));
  socket.on('message', (data) => {
    heard.push(FeedMessage.parse(JSON.parse(String(data))));
    arrivals.push(performance.now());
    for (const wake of waiters) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  return {
    heard,
    closed,
    close: () => socket.close(),
    next(match, timeoutMs = 10_000) {
      let from = 0;
      return new Promise((resolve, reject) => {
        const look = () => {
          for (; from < heard.length; from++) {
            if (match(heard[from]!)) {
              waiters.delete(look);
              clearTimeout(timer);
              resolve({ message: heard[from]!, at: arrivals[from]! });
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(look);
          reject(new Error(`no matching feed message within ${timeoutMs} ms; heard ${JSON.stringify(heard)}`));
        }, timeoutMs);
        waiters.add(look);
        look();
      });
    },
  };
}
