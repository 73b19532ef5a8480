/** The part of `storage.local` / `storage.session` the services use; tests pass an in-memory one. */
export interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/**
 * An in-memory StorageArea for tests (the background passes the browser's own areas). Values are
 * copied in and out, as browser storage does, so a test cannot pass by mutating what it stored.
 */
export function memoryStorageArea(): StorageArea {
  const items = new Map<string, unknown>();
  const list = (keys: string | string[]) => (Array.isArray(keys) ? keys : [keys]);
  return {
    async get(keys) {
      return Object.fromEntries(list(keys).filter((k) => items.has(k)).map((k) => [k, structuredClone(items.get(k))]));
    },
    async set(values) {
      for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
    },
    async remove(keys) {
      for (const k of list(keys)) items.delete(k);
    },
  };
}
