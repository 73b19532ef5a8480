import type { Escalation } from '../../../shared';
import type { Pulled, PullPosition, Store } from '../store';

/** How often each instance asks the store for new escalations while someone listens. */
export const FEED_POLL_MS = 500;
const PAGE = 200;

/** (seq, id) order, the feed's order. */
export const isAfter = (a: PullPosition, b: PullPosition | null) => b === null || a.seq > b.seq || (a.seq === b.seq && a.id > b.id);

export interface EscalationFeed {
  /**
   * Hears every escalation the store hands out from now on. Resolves once listening, at the
   * position after which everything will be heard: a listener catching up reads the store up
   * to at least there, and the two together miss nothing.
   */
  listen(listener: (item: Pulled<Escalation>) => void): Promise<{ stop: () => void }>;
  /** Stops polling and forgets every listener. */
  close(): void;
}

/**
 * The fan-out of one server instance: while anyone listens, it polls the store for escalations
 * past the last position it handed out and gives each to every listener. The store, not this
 * process, carries escalations between instances: an agent's push on one instance reaches a
 * supervisor connected to another within a poll (docs/decisions/010-escalation-delivery.md).
 */
export function createEscalationFeed(store: Store, { pollMs = FEED_POLL_MS, reportError = console.error as (error: unknown) => void } = {}): EscalationFeed {
  const listeners = new Set<(item: Pulled<Escalation>) => void>();
  let started: Promise<void> | null = null;
  let position: PullPosition | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  let polling = false;

  async function poll() {
    if (polling) return;
    polling = true;
    try {
      for (;;) {
        const page = await store.escalations.feed({ after: position, limit: PAGE });
        for (const item of page) {
          position = item;
          for (const listener of listeners) {
            // One connection's failure must not keep the item from the others.
            try {
              listener(item);
            } catch (error) {
              reportError(error);
            }
          }
        }
        if (page.length < PAGE) break;
      }
    } catch (error) {
      reportError(error);
    } finally {
      polling = false;
    }
  }

  function stopPolling() {
    clearInterval(timer);
    timer = undefined;
    started = null;
  }

  function tick() {
    // The last listener may have left while the poller was starting.
    if (listeners.size === 0) stopPolling();
    else void poll();
  }

  function startPolling(): Promise<void> {
    started ??= store.escalations.head().then(
      (head) => {
        position = head;
        timer ??= setInterval(tick, pollMs);
      },
      (error: unknown) => {
        started = null;
        throw error;
      },
    );
    return started;
  }

  return {
    async listen(listener) {
      listeners.add(listener);
      const stop = () => {
        listeners.delete(listener);
        if (listeners.size === 0) stopPolling();
      };
      try {
        await startPolling();
      } catch (error) {
        stop();
        throw error;
      }
      return { stop };
    },
    close() {
      listeners.clear();
      stopPolling();
    },
  };
}
