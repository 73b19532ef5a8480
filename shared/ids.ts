import { v7 } from 'uuid';

/**
 * A new id for a record the extension creates (case, reminder, sync change). The client makes
 * ids so that a replayed push is harmless; UUIDv7 puts the creation time first, so the server's
 * primary-key indexes grow at their right edge rather than at a random page for every insert:
 * fewer pages written per commit (docs/decisions/003). The server accepts any UUID, so records
 * from older builds (v4) remain valid.
 */
export const newRecordId = (): string => v7();
