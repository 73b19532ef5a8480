import { v5, v7 } from 'uuid';

/**
 * A new id for a record the extension creates (case, reminder, sync change). The client makes
 * ids so that a replayed push is harmless; UUIDv7 puts the creation time first, so the server's
 * primary-key indexes grow at their right edge rather than at a random page for every insert:
 * fewer pages written per commit (docs/decisions/003). The server accepts any UUID, so records
 * from older builds (v4) remain valid.
 */
export const newRecordId = (): string => v7();

/** Fixed namespace for ids derived from other records' ids (a UUIDv4 picked once; never change it). */
const DERIVED_NAMESPACE = '4f6b1c2e-8d3a-4e57-9b61-2a7c0d9e5f13';

/**
 * The id of the reminder that follows up one commitment: the same commitment always gives the
 * same id (UUIDv5), so saving its case again finds that reminder instead of making another.
 */
export const reminderIdForCommitment = (commitmentId: string): string => v5(`commitment-reminder:${commitmentId}`, DERIVED_NAMESPACE);
