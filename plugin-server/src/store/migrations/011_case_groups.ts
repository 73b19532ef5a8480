import type { Kysely } from 'kysely';
import { caseGroupColumns } from '../kysely/case-groups';

// Group complaints (issue 9): confirmed groups and their cases, and the case columns that
// proposals and a group's members are found by without reading any case's JSON: the building
// (given, or read from the unit) and the group an agent linked the case to.

/** Rows read per step of the backfill: a large database is never loaded whole. */
const BACKFILL_PAGE = 500;

/** The group tables, the cases' building and group_id columns (backfilled) and their indexes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_groups')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('project', 'text', (col) => col.notNull())
    .addColumn('building', 'text', (col) => col.notNull())
    .addColumn('category_id', 'text', (col) => col.notNull())
    .addColumn('data', 'text', (col) => col.notNull())
    .addColumn('confirmed_at', 'text', (col) => col.notNull())
    .execute();
  // The sidebar's lookup: a caller's project and building.
  await db.schema.createIndex('case_groups_project_building').on('case_groups').columns(['project', 'building']).execute();

  // Not a foreign key to cases: a supervisor may confirm a case before its agent's push arrives.
  await db.schema
    .createTable('case_group_members')
    .addColumn('group_id', 'text', (col) => col.notNull().references('case_groups.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('case_group_members_pk', ['group_id', 'case_id'])
    .execute();
  await db.schema.createIndex('case_group_members_case').on('case_group_members').column('case_id').execute();

  await db.schema.alterTable('cases').addColumn('building', 'text', (col) => col.notNull().defaultTo('')).execute();
  await db.schema.alterTable('cases').addColumn('group_id', 'text', (col) => col.notNull().defaultTo('')).execute();
  await db.schema.createIndex('cases_group').on('cases').column('group_id').execute();
  // Proposals join each recent case to its categories: by case, which 002's key (category first) cannot serve.
  await db.schema.createIndex('case_categories_case').on('case_categories').column('case_id').execute();

  let after = '';
  for (;;) {
    const rows: Array<{ id: string; data: string }> = await db
      .selectFrom('cases')
      .select(['id', 'data'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BACKFILL_PAGE)
      .execute();
    for (const row of rows) {
      const stored = JSON.parse(row.data);
      const columns = caseGroupColumns({ customer: stored.customer ?? {}, groupId: typeof stored.groupId === 'string' ? stored.groupId : undefined });
      if (columns.building || columns.group_id) await db.updateTable('cases').set(columns).where('id', '=', row.id).execute();
    }
    if (rows.length < BACKFILL_PAGE) break;
    after = rows.at(-1)!.id;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('case_categories_case').execute();
  await db.schema.dropIndex('cases_group').execute();
  for (const column of ['group_id', 'building']) await db.schema.alterTable('cases').dropColumn(column).execute();
  await db.schema.dropTable('case_group_members').execute();
  await db.schema.dropTable('case_groups').execute();
}
