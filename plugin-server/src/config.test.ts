import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig', () => {
  it('defaults to 127.0.0.1:8787 and ./data', () => {
    expect(readConfig({}, '/srv/lingting')).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: '/srv/lingting/data',
      databaseFile: '/srv/lingting/data/lingting.db',
      extensionOrigins: ['chrome-extension://olajigdaoeoedjnogpakenpdpknookmp'],
      adminOrigin: undefined,
      trustProxy: false,
    });
  });

  it('reads PORT (0 = any free port), HOST, the data dir and the extension origins', () => {
    const config = readConfig(
      {
        PORT: '0',
        HOST: '0.0.0.0',
        LINGTING_DATA_DIR: '/var/lib/lingting',
        LINGTING_EXTENSION_ORIGINS: 'chrome-extension://abc, moz-extension://def ,',
        LINGTING_ADMIN_ORIGIN: 'https://crm.example.com',
        LINGTING_TRUST_PROXY: 'true',
      },
      '/',
    );
    expect(config).toMatchObject({ port: 0, host: '0.0.0.0', databaseFile: '/var/lib/lingting/lingting.db' });
    expect(config.extensionOrigins).toEqual([
      'chrome-extension://olajigdaoeoedjnogpakenpdpknookmp',
      'chrome-extension://abc',
      'moz-extension://def',
    ]);
    expect(config).toMatchObject({ adminOrigin: 'https://crm.example.com', trustProxy: true });
  });

  it('treats empty variables as unset', () => {
    expect(readConfig({ PORT: '', LINGTING_EXTENSION_ORIGINS: ' ', LINGTING_ADMIN_ORIGIN: '' }, '/')).toMatchObject({
      port: 8787,
      extensionOrigins: ['chrome-extension://olajigdaoeoedjnogpakenpdpknookmp'],
      adminOrigin: undefined,
    });
  });

  it('refuses nonsense with a message naming the variable', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => readConfig({ LINGTING_EXTENSION_ORIGINS: 'not an origin' })).toThrow(/LINGTING_EXTENSION_ORIGINS/);
    expect(() => readConfig({ LINGTING_TRUST_PROXY: 'yes' })).toThrow(/LINGTING_TRUST_PROXY/);
  });
});
