import { describe, expect, it } from 'vitest';
import { browserUrl, serverUrl, startupBanner } from './banner';

// The patterns the end-to-end test parses the server's output with.
const LISTENING = /^Lingting plugin server listening on (http:\/\/\S+)$/;
const CREDENTIAL = /^\s*(agent|supervisor|trainer|admin)\s+username:\s*(\S+)\s+password:\s*(\S+)\s*$/;

const base = { host: '127.0.0.1', port: 8787, database: { kind: 'sqlite', file: '/data/lingting.db', dataDir: '/data' } } as const;
const credentials = [
  { role: 'agent', username: 'agent', password: 'a-Password_1234' },
  { role: 'supervisor', username: 'supervisor', password: 'b-Password_1234' },
  { role: 'trainer', username: 'trainer', password: 'c-Password_1234' },
  { role: 'admin', username: 'admin', password: 'd-Password_1234' },
] as const;

describe('startupBanner', () => {
  it('starts with the listening line', () => {
    const [first] = startupBanner({ ...base, credentials: [] });
    expect(first?.match(LISTENING)?.[1]).toBe('http://127.0.0.1:8787');
  });

  it('prints each first-run credential on a parseable line, after the shown-once warning', () => {
    const lines = startupBanner({ ...base, credentials: [...credentials] });
    const parsed = lines.flatMap((line) => {
      const m = CREDENTIAL.exec(line);
      return m ? [{ role: m[1], username: m[2], password: m[3] }] : [];
    });
    expect(parsed).toEqual(credentials);
    const warning = lines.findIndex((line) => /shown only once/.test(line));
    expect(warning).toBeGreaterThan(-1);
    expect(warning).toBeLessThan(lines.findIndex((line) => CREDENTIAL.test(line)));
  });

  it('prints no credential lines on later runs', () => {
    expect(startupBanner({ ...base, credentials: [] }).some((line) => CREDENTIAL.test(line))).toBe(false);
  });

  it('says where the data is and, on later runs, how to start afresh with the store in use', () => {
    const sqlite = startupBanner({ ...base, credentials: [] }).join('\n');
    expect(sqlite).toContain('Database: /data/lingting.db');
    expect(sqlite).toContain('stop the server and delete /data');

    const postgres = startupBanner({ ...base, database: { kind: 'postgres' }, credentials: [] }).join('\n');
    expect(postgres).toContain('Database: PostgreSQL (DATABASE_URL)');
    expect(postgres).toContain('stop every server instance and empty the PostgreSQL database');
    expect(postgres).not.toMatch(/\/data|delete/);
  });

  it('gives the next steps with the server and demo CRM URLs', () => {
    const text = startupBanner({ ...base, credentials: [] }).join('\n');
    expect(text).toContain('.output/chrome-mv3');
    expect(text).toContain('chrome://extensions');
    expect(text).toContain('set the server URL to http://127.0.0.1:8787 and sign in as agent');
    expect(text).toContain('http://127.0.0.1:8787/demo/crm');
    expect(text).toContain('http://127.0.0.1:8787/admin');
  });
});

describe('URLs', () => {
  it('bracket IPv6 hosts and send browsers to loopback for wildcard binds', () => {
    expect(serverUrl('::1', 80)).toBe('http://[::1]:80');
    expect(browserUrl('0.0.0.0', 8787)).toBe('http://127.0.0.1:8787');
    expect(browserUrl('localhost', 8787)).toBe('http://localhost:8787');
  });
});
