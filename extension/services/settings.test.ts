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

describe('the session', () => {
  const session = {
    serverUrl: 'https://lingting.example',
    token: 't',
    user: { id: '00000000-0000-4000-8000-0000000000aa', username: 'agent', displayName: '林晓', role: 'agent' as const },
  };

  test('is read from storage once, however often it is asked for, until it changes', async () => {
    const area = memoryStorageArea();
    const settings = createSettingsService(area);
    await settings.signedIn(session);
    let reads = 0;
    const get = area.get.bind(area);
    area.get = (keys) => (reads++, get(keys));
    for (let i = 0; i < 5; i++) expect((await settings.session())?.token).toBe('t');
    expect(reads).toBe(1);

    // Changed by someone else (another window's sign-in): the next ask reads it again.
    await area.set({ session: { ...session, token: 'u' } });
    expect((await settings.session())?.token).toBe('u');
    await settings.signedOut();
    expect(await settings.session()).toBeNull();
    expect(reads).toBe(3);
  });
});
