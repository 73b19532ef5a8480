import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig', () => {
  it('defaults to 127.0.0.1:8787 and ./data', () => {
    expect(readConfig({}, '/srv/lingting')).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: '/srv/lingting/data',
      databaseFile: '/srv/lingting/data/lingting.db',
      extensionOrigins: undefined,
    });
  });

  it('reads PORT (0 = any free port), HOST, the data dir and the extension origins', () => {
    const config = readConfig(
      {
        PORT: '0',
        HOST: '0.0.0.0',
        LINGTING_DATA_DIR: '/var/lib/lingting',
        LINGTING_EXTENSION_ORIGINS: 'chrome-extension://abc, moz-extension://def ,',
      },
      '/',
    );
    expect(config).toMatchObject({ port: 0, host: '0.0.0.0', databaseFile: '/var/lib/lingting/lingting.db' });
    expect(config.extensionOrigins).toEqual(['chrome-extension://abc', 'moz-extension://def']);
  });

  it('treats empty variables as unset', () => {
    expect(readConfig({ PORT: '', LINGTING_EXTENSION_ORIGINS: ' ' }, '/')).toMatchObject({ port: 8787, extensionOrigins: undefined });
  });

  it('refuses nonsense with a message naming the variable', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => readConfig({ LINGTING_EXTENSION_ORIGINS: 'not an origin' })).toThrow(/LINGTING_EXTENSION_ORIGINS/);
  });
});
