// How much one sync push may carry. The server refuses larger bodies (413) and the extension packs
// its outbox into batches under the same numbers: defined once here, so the two cannot drift apart.

/** The largest request body the server reads, in bytes (UTF-8 JSON as sent); a push is the largest body there is. */
export const MAX_PUSH_BYTES = 1024 * 1024;

/** The most changes one push may carry. */
export const MAX_PUSH_CHANGES = 200;

/**
 * Why the extension set a change aside itself, beside the server's `RejectionReason`s: even alone
 * it is larger than a push may be (or than the server took), so sending it again cannot help.
 */
export const PUSH_TOO_LARGE = 'too_large';
