import { z } from 'zod';
import { LocalizedText } from './primitives';

/** A category slug: lower-case words joined by underscores, stable across languages. */
export const CategoryId = z.string().regex(/^[a-z][a-z0-9_]{1,47}$/, 'lower-case slug');

/** One node of the complaint-category tree; `parentId: null` marks a root. */
export const Category = z.object({
  id: CategoryId,
  parentId: CategoryId.nullable(),
  names: LocalizedText,
  sort: z.int().min(0).max(10_000),
});
export type Category = z.infer<typeof Category>;
