import type { InitialCredential } from './seed';

// The exact wording of the first line and of each credential line is parsed by the end-to-end
// test (test/e2e): change them together.

/** `http://host:port`, with IPv6 hosts bracketed. */
export function serverUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The address a browser on this machine should use: a wildcard bind is reached via loopback. */
export function browserUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return serverUrl(reachable, port);
}

/** Where the data lives: a SQLite file in the data directory, or the PostgreSQL of DATABASE_URL. */
export type BannerDatabase = { kind: 'sqlite'; file: string; dataDir: string } | { kind: 'postgres' };

export interface BannerInput {
  host: string;
  port: number;
  database: BannerDatabase;
  /** Non-empty only on first run. */
  credentials: readonly InitialCredential[];
}

/** What the server prints once it is listening: address, first-run passwords, what to do next. */
export function startupBanner({ host, port, database, credentials }: BannerInput): string[] {
  const url = browserUrl(host, port);
  // Never DATABASE_URL itself: it holds the password.
  const where = database.kind === 'sqlite' ? database.file : 'PostgreSQL (DATABASE_URL)';
  const lines = [`Lingting plugin server listening on ${serverUrl(host, port)}`, `Database: ${where}`, ''];
  if (credentials.length > 0) {
    lines.push('First run: one user was created per role. These passwords are shown only once; copy them now.');
    const width = Math.max(...credentials.map((c) => c.username.length));
    for (const { role, username, password } of credentials) {
      lines.push(`  ${role.padEnd(10)}  username: ${username.padEnd(width)}  password: ${password}`);
    }
  } else {
    const afresh =
      database.kind === 'sqlite'
        ? `stop the server and delete ${database.dataDir}`
        : 'stop every server instance and empty the PostgreSQL database (drop and re-create it)';
    lines.push(`Users already exist; their passwords were printed on first run. To start afresh, ${afresh}.`);
  }
  lines.push(
    '',
    'Next steps:',
    '  1. Load the extension: build it with `npm run build:chrome` (npm start already did), open chrome://extensions,',
    '     turn on Developer mode, click "Load unpacked" and choose .output/chrome-mv3',
    `  2. Open the extension's options page, set the server URL to ${url} and sign in as agent.`,
    `  3. Open the demo CRM at ${url}/demo/crm`,
    `  4. Supervisors (reply templates) and trainers (reviews) sign in to the admin pages at ${url}/admin`,
  );
  return lines;
}
