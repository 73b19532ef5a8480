import { randomBytes, timingSafeEqual } from 'node:crypto';

/** The admin pages' session cookie. HttpOnly and SameSite=Strict; Secure over HTTPS. */
export const SESSION_COOKIE = 'lingting_session';

/** The header a page sends the session's synchronizer CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

/** An admin-page session lasts a working day; signing out ends it sooner. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** 32 random bytes, base64url: a session id or a CSRF token. */
export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares two secrets in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
