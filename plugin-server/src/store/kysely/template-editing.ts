import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import { EDITABLE_TEMPLATE_STATUSES, Template, type TemplateFields, templateStatusesBefore, TemplateVersion } from '../../../../shared';
import type { Database } from '../schema';
import type { TemplateEditing, TemplateVersionRepository, TemplateWrite } from '../types';
import { isUniqueViolation } from './errors';
import { toTemplate } from './templates';

function fieldColumns(fields: TemplateFields) {
  return {
    step: fields.step,
    tone: fields.tone,
    category_ids: JSON.stringify(fields.categoryIds),
    moods: JSON.stringify(fields.moods),
    language: fields.language,
    title: fields.title,
    body: fields.body,
    shortcut: fields.shortcut,
  };
}

async function read(db: Kysely<Database> | Transaction<Database>, id: string) {
  const row = await db.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toTemplate(row);
}

/** Why a guarded UPDATE touched no row: the template is gone, moved on, or in the wrong status. */
async function refusal(trx: Transaction<Database>, id: string, expectedVersion: number, wrongStatus: 'not_editable' | 'bad_transition'): Promise<TemplateWrite> {
  const current = await read(trx, id);
  if (!current) return { ok: false, reason: 'not_found' };
  return { ok: false, reason: current.version !== expectedVersion ? 'stale' : wrongStatus, current };
}

/** A unique-index clash on (language, shortcut) surfaces as a refusal, not an exception. */
async function guardShortcut(write: () => Promise<TemplateWrite>): Promise<TemplateWrite> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'shortcut_taken' };
    throw error;
  }
}

/** Supervisors' template edits over Kysely: every write is one `UPDATE … WHERE version = ?`. */
export function createTemplateEditing(db: Kysely<Database>): TemplateEditing {
  return {
    get: (id) => read(db, id),

    create(id, fields, now) {
      return guardShortcut(() =>
        db.transaction().execute(async (trx) => {
          if (await read(trx, id)) return { ok: false, reason: 'id_taken' } as const;
          const updatedAt = now.toISOString();
          await trx
            .insertInto('templates')
            .values({ id, ...fieldColumns(fields), status: 'draft', version: 1, updated_at: updatedAt })
            .execute();
          return { ok: true, template: Template.parse({ id, ...fields, status: 'draft', version: 1, updatedAt }) } as const;
        }),
      );
    },

    update(id, expectedVersion, fields, now) {
      return guardShortcut(() =>
        db.transaction().execute(async (trx) => {
          // Check and write in one statement: two editors holding the same version cannot both win.
          const result = await trx
            .updateTable('templates')
            .set({ ...fieldColumns(fields), version: sql<number>`version + 1`, updated_at: now.toISOString() })
            .where('id', '=', id)
            .where('version', '=', expectedVersion)
            .where('status', 'in', EDITABLE_TEMPLATE_STATUSES)
            .executeTakeFirst();
          if (result.numUpdatedRows === 0n) return refusal(trx, id, expectedVersion, 'not_editable');
          return { ok: true, template: (await read(trx, id))! };
        }),
      );
    },

    changeStatus(id, expectedVersion, status, by, now) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('templates')
          .set({ status, version: sql<number>`version + 1`, updated_at: now.toISOString() })
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .where('status', 'in', templateStatusesBefore(status))
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) return refusal(trx, id, expectedVersion, 'bad_transition');
        const template = (await read(trx, id))!;
        if (status === 'published') {
          await trx
            .insertInto('template_versions')
            .values({
              template_id: id,
              version: template.version,
              data: JSON.stringify(template),
              published_by: by,
              published_at: now.toISOString(),
            })
            .execute();
        }
        return { ok: true, template };
      });
    },
  };
}

/** Published template versions over Kysely: rows are inserted by `changeStatus`, never updated. */
export function createTemplateVersionRepository(db: Kysely<Database>): TemplateVersionRepository {
  return {
    async list(templateId) {
      const rows = await db
        .selectFrom('template_versions')
        .selectAll()
        .where('template_id', '=', templateId)
        .orderBy('version')
        .execute();
      return rows.map((row) =>
        TemplateVersion.parse({
          templateId: row.template_id,
          version: row.version,
          template: JSON.parse(row.data),
          publishedBy: row.published_by,
          publishedAt: row.published_at,
        }),
      );
    },
  };
}
