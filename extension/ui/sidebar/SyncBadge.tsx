import type { SyncState } from '../../../shared';
import type { Strings } from '../i18n';

/** Whether the agent's work has reached the server: always visible, never a surprise. */
export function SyncBadge({ sync, t }: { sync: SyncState; t: Strings }) {
  const text =
    sync.kind === 'pending' ? t.sync.pending(sync.count) : sync.kind === 'synced' ? t.sync.synced : t.sync.signed_out;
  const title = sync.kind === 'pending' && sync.lastError ? sync.lastError : undefined;
  return (
    <span class={`sync ${sync.kind}`} role="status" data-testid="sync-state" data-sync={sync.kind} title={title}>
      {text}
    </span>
  );
}
