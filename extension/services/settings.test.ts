import { describe, expect, test } from 'vitest';
import { createSettingsService } from './settings';
import { memoryStorageArea } from './storage-area';

describe('the server address set by policy', () => {
  const withPolicy = (policy: Record<string, unknown>) => createSettingsService(memoryStorageArea(), async () => policy);

  test('keeps the path the server is mounted under, without a trailing slash', async () => {
    expect(await withPolicy({ serverUrl: 'https://intranet.example/lingting/' }).managedServerUrl()).toBe('https://intranet.example/lingting');
    expect(await withPolicy({ serverUrl: 'https://lingting.example' }).managedServerUrl()).toBe('https://lingting.example');
  });

  test('wins over the address typed last', async () => {
    const area = memoryStorageArea();
    await area.set({ serverUrl: 'http://localhost:8787' });
    const settings = createSettingsService(area, async () => ({ serverUrl: 'https://intranet.example/lingting' }));
    expect(await settings.serverUrl()).toBe('https://intranet.example/lingting');
  });

  test('no policy, or one that is not an http(s) address, sets nothing', async () => {
    expect(await withPolicy({}).managedServerUrl()).toBeNull();
    expect(await withPolicy({ serverUrl: 'ftp://files.example/' }).managedServerUrl()).toBeNull();
    expect(await createSettingsService(memoryStorageArea(), async () => Promise.reject(new Error('no policy'))).managedServerUrl()).toBeNull();
  });
});
