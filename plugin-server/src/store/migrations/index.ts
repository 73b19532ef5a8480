import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001_initial';
import * as m002 from './002_search_reminders';
import * as m003 from './003_api_surface';
import * as m004 from './004_sync_pull';
import * as m005 from './005_case_search_bounds';
import * as m006 from './006_commit_order';
import * as m007 from './007_auth_hardening';
import * as m008 from './008_life_settings';
import * as m010 from './010_case_life';
import * as m011 from './011_case_groups';
import * as m012 from './012_escalations';
import * as m013 from './013_short_search';

// Migrations live in code, not discovered on disk, so bundling or moving the server cannot
// lose one. Names sort in the order they run: add `002_...` below, never rename or edit a
// migration that has shipped.
const MIGRATIONS: Record<string, Migration> = {
  '001_initial': m001,
  '002_search_reminders': m002,
  '003_api_surface': m003,
  '004_sync_pull': m004,
  '005_case_search_bounds': m005,
  '006_commit_order': m006,
  '007_auth_hardening': m007,
  '008_life_settings': m008,
  '010_case_life': m010,
  '011_case_groups': m011,
  '012_escalations': m012,
  '013_short_search': m013,
};

/** The schema's history for Kysely's Migrator. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
