import { join, resolve } from 'node:path';
import { z } from 'zod';
import { PINNED_EXTENSION_ORIGINS } from './origins';

// An empty variable means "not set", as shells and .env files usually intend.
const unsetIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/i;

const Env = z.object({
  /** 0 asks the OS for any free port (tests, parallel runs). */
  PORT: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(65_535).default(8787)),
  /** Loopback by default: the server holds customer data and is not meant to face a network unasked. */
  HOST: z.preprocess(unsetIfEmpty, z.string().trim().default('127.0.0.1')),
  LINGTING_DATA_DIR: z.preprocess(unsetIfEmpty, z.string().default('./data')),
  /** Comma-separated origins added to the pinned Chrome build's, e.g. `moz-extension://<uuid>`. */
  LINGTING_EXTENSION_ORIGINS: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .transform((list) => list.split(',').map((origin) => origin.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(ORIGIN, 'an origin like chrome-extension://<id>')))
      .optional(),
  ),
  /** The admin pages' origin, if they are served from another origin than the API. */
  LINGTING_ADMIN_ORIGIN: z.preprocess(unsetIfEmpty, z.string().trim().regex(ORIGIN, 'an origin like https://crm.example.com').optional()),
  /** `true` only behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Proto. */
  LINGTING_TRUST_PROXY: z.preprocess(unsetIfEmpty, z.enum(['true', 'false']).default('false')).transform((value) => value === 'true'),
});

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute path of the data directory. */
  dataDir: string;
  databaseFile: string;
  /** The pinned Chrome build's origin plus any configured ones. */
  extensionOrigins: string[];
  adminOrigin: string | undefined;
  trustProxy: boolean;
}

/** The server's settings from environment variables; throws a readable error on a bad value. */
export function readConfig(env: Record<string, string | undefined>, cwd = process.cwd()): ServerConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) throw new Error(`invalid environment:\n${z.prettifyError(parsed.error)}`);
  const dataDir = resolve(cwd, parsed.data.LINGTING_DATA_DIR);
  return {
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    dataDir,
    databaseFile: join(dataDir, 'lingting.db'),
    extensionOrigins: [...new Set([...PINNED_EXTENSION_ORIGINS, ...(parsed.data.LINGTING_EXTENSION_ORIGINS ?? [])])],
    adminOrigin: parsed.data.LINGTING_ADMIN_ORIGIN,
    trustProxy: parsed.data.LINGTING_TRUST_PROXY,
  };
}
