import { useEffect, useState } from 'preact/hooks';
import type { SidebarContext } from '../../../shared';
import { background } from '../background-client';

/**
 * The sidebar's context from the background. A change notice names the parts that changed, and
 * only those are fetched again and replaced: the others keep their values, the same arrays, so
 * nothing that depends on them (the template search's index) is rebuilt.
 */
export function useSidebarContext(): SidebarContext | null {
  const [context, setContext] = useState<SidebarContext | null>(null);
  useEffect(() => {
    let tabId: number | null = null;
    let loaded = false;
    let alive = true;
    const loadAll = () =>
      background.context().then((next) => {
        if (!alive) return;
        tabId = next.tabId;
        loaded = true;
        setContext(next);
      });
    void loadAll();
    const stop = background.onContextChanged((changedTab, parts) => {
      if (changedTab !== null && changedTab !== tabId) return;
      // A notice before the first answer may be newer than what that answer read.
      if (!loaded) return void loadAll();
      void background.contextParts(parts).then((changed) => {
        if (alive) setContext((current) => current && { ...current, ...changed });
      });
    });
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return context;
}
