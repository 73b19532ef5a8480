import { type Kysely, type Selectable, sql } from 'kysely';
import { STEP_ORDER, Template } from '../../../../shared';
import type { Database, TemplatesTable } from '../schema';
import type { TemplateEditing, TemplateRepository } from '../types';
import { containsPattern } from './errors';

/** A row parsed into the shared Template. */
export function toTemplate(row: Selectable<TemplatesTable>): Template {
  return Template.parse({
    id: row.id,
    step: row.step,
    tone: row.tone,
    categoryIds: JSON.parse(row.category_ids),
    moods: JSON.parse(row.moods),
    language: row.language,
    title: row.title,
    body: row.body,
    shortcut: row.shortcut,
    status: row.status,
    version: row.version,
    updatedAt: row.updated_at,
  });
}

function toRow(t: Template): Selectable<TemplatesTable> {
  return {
    id: t.id,
    step: t.step,
    tone: t.tone,
    category_ids: JSON.stringify(t.categoryIds),
    moods: JSON.stringify(t.moods),
    language: t.language,
    title: t.title,
    body: t.body,
    shortcut: t.shortcut,
    status: t.status,
    version: t.version,
    updated_at: t.updatedAt,
  };
}

// The five steps in the order an agent walks them, not alphabetical.
const byLanguageStepTitle = (a: Template, b: Template) =>
  a.language.localeCompare(b.language) ||
  STEP_ORDER.indexOf(a.step) - STEP_ORDER.indexOf(b.step) ||
  a.title.localeCompare(b.title) ||
  a.id.localeCompare(b.id);

/** Reply templates over Kysely. */
export function createTemplateRepository(db: Kysely<Database>, editing: TemplateEditing): TemplateRepository {
  return {
    ...editing,

    async list(filter = {}) {
      let query = db.selectFrom('templates').selectAll();
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.language) query = query.where('language', '=', filter.language);
      if (filter.text) {
        // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
        const pattern = containsPattern(filter.text.toLowerCase());
        const matches = (column: 'title' | 'body' | 'shortcut') =>
          sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
        query = query.where((eb) => eb.or([matches('title'), matches('body'), matches('shortcut')]));
      }
      const rows = await query.execute();
      return rows.map(toTemplate).sort(byLanguageStepTitle);
    },

    async fingerprint() {
      const row = await db
        .selectFrom('templates')
        .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum<number | string | null>('version').as('versions')])
        .executeTakeFirstOrThrow();
      // Numbers in SQLite, strings for bigint/numeric in PostgreSQL: compared as text either way.
      return `${String(row.n)}:${String(row.versions ?? 0)}`;
    },

    async seed(templates) {
      if (templates.length === 0) return;
      // No conflict target: skip a row that clashes on its id or on (language, shortcut), so a
      // supervisor's own template that took a default's shortcut wins over the default.
      await db
        .insertInto('templates')
        .values(templates.map(toRow))
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  };
}
