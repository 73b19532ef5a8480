import { useEffect, useState } from 'preact/hooks';
import type { SidebarContext } from '../../../shared';
import { background } from '../background-client';

/** The sidebar's context from the background, fetched again whenever the background says so. */
export function useSidebarContext(): SidebarContext | null {
  const [context, setContext] = useState<SidebarContext | null>(null);
  useEffect(() => {
    let tabId: number | null = null;
    let alive = true;
    const load = () =>
      background.context().then((next) => {
        if (!alive) return;
        tabId = next.tabId;
        setContext(next);
      });
    void load();
    const stop = background.onContextChanged((changedTab) => {
      if (changedTab === null || changedTab === tabId) void load();
    });
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return context;
}
