/** The part of `storage.local` / `storage.session` the services use; tests pass an in-memory one. */
export interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Called with the keys that changed, whoever changed them (another window of the profile too). */
  onChanged?: { addListener(listener: (changes: Record<string, unknown>) => void): void };
}

/**
 * An in-memory StorageArea for tests (the background passes the browser's own areas). Values are
 * copied in and out, as browser storage does, so a test cannot pass by mutating what it stored.
 */
export function memoryStorageArea(): StorageArea {
  const items = new Map<string, unknown>();
  const listeners: ((changes: Record<string, unknown>) => void)[] = [];
  const list = (keys: string | string[]) => (Array.isArray(keys) ? keys : [keys]);
  const changed = (keys: string[]) => {
    const changes = Object.fromEntries(keys.map((k) => [k, {}]));
    for (const listener of listeners) listener(changes);
  };
  return {
    async get(keys) {
      return Object.fromEntries(list(keys).filter((k) => items.has(k)).map((k) => [k, structuredClone(items.get(k))]));
    },
    async set(values) {
      for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
      changed(Object.keys(values));
    },
    async remove(keys) {
      for (const k of list(keys)) items.delete(k);
      changed(list(keys));
    },
    onChanged: { addListener: (listener) => void listeners.push(listener) },
  };
}
