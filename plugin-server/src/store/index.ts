// The one way into persistence: the Store interface and its implementations.
export type * from './types';
export { createSqliteStore, type SqliteStoreOptions } from './sqlite';
export { createPostgresStore, type PostgresStoreOptions } from './postgres';
export { ChangePosition, cursorCodec, InvalidCursorError, Position } from './cursor';
