import type { Kysely } from 'kysely';
import { CrmSite } from '../../../../shared';
import type { Database } from '../schema';
import type { CrmSiteRepository } from '../types';
import { isUniqueViolation } from './errors';

/** CRM site configurations over Kysely, each kept whole as JSON. */
export function createCrmSiteRepository(db: Kysely<Database>): CrmSiteRepository {
  return {
    async list() {
      const rows = await db.selectFrom('crm_sites').select('data').orderBy('id').execute();
      return rows.map((row) => CrmSite.parse(JSON.parse(row.data))).sort((a, b) => a.name.localeCompare(b.name));
    },
    async create(site, now) {
      try {
        await db.insertInto('crm_sites').values({ id: site.id, data: JSON.stringify(site), updated_at: now.toISOString() }).execute();
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async update(site, now) {
      const result = await db
        .updateTable('crm_sites')
        .set({ data: JSON.stringify(site), updated_at: now.toISOString() })
        .where('id', '=', site.id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async remove(id) {
      const result = await db.deleteFrom('crm_sites').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async seed(sites, now) {
      if (sites.length === 0) return;
      await db
        .insertInto('crm_sites')
        .values(sites.map((site) => ({ id: site.id, data: JSON.stringify(site), updated_at: now.toISOString() })))
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
  };
}
