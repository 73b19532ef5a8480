import { createHash, randomBytes } from 'node:crypto';

/** How long a sign-in lasts; the extension signs in again after this. */
export const TOKEN_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** A new bearer token: 32 random bytes, base64url. Shown to the client once, never stored. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps instead of the token. A fast hash is enough: the token is 256 random
 * bits, so there is nothing to brute-force, unlike a password.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
