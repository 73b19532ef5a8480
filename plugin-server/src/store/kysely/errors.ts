/**
 * Whether a database error is a unique-constraint violation, in SQLite (better-sqlite3) or
 * PostgreSQL (pg): the portable way to turn a clash into a 409 rather than a 500.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** A LIKE pattern matching `text` anywhere; use it with `ESCAPE '\'`, which makes `%` and `_` literal. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
