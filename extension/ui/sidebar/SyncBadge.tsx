import type { SyncState } from '../../../shared';
import type { Catalogue } from '../../../shared';

/** Whether the agent's work has reached the server: always visible, never a surprise. */
export function SyncBadge({ sync, t }: { sync: SyncState; t: Catalogue }) {
  const text =
    sync.kind === 'pending' ? t.sidebar.sync.pending(sync.count) : sync.kind === 'synced' ? t.sidebar.sync.synced : t.sidebar.sync.signed_out;
  const title = sync.kind === 'pending' && sync.lastError ? t.errors[sync.lastError] : undefined;
  return (
    <span class={`sync ${sync.kind}`} role="status" data-testid="sync-state" data-sync={sync.kind} title={title}>
      {text}
    </span>
  );
}
