// The one way into persistence: the Store interface and its implementations.
export type * from './types';
export { createSqliteStore, type SqliteStoreOptions } from './sqlite';
