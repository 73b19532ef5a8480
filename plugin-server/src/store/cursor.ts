import { z } from 'zod';

/** Thrown for a cursor this server did not hand out; the app answers it with 400 bad_request. */
export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor');
    this.name = 'InvalidCursorError';
  }
}

/** A place in a list ordered by (instant, id): `[at, id]` inside a cursor, `{ at, id }` in code. */
export const Position = z.codec(z.tuple([z.string(), z.string()]), z.object({ at: z.string(), id: z.string() }), {
  decode: ([at, id]) => ({ at, id }),
  encode: ({ at, id }) => [at, id] as [string, string],
});

/** A place in a table's commit order (store/kysely/commit-order.ts): `[seq, id]` inside a cursor, `{ seq, id }` in code. */
export const ChangePosition = z.codec(
  z.tuple([z.number().int().nonnegative(), z.string()]),
  z.object({ seq: z.number().int().nonnegative(), id: z.string() }),
  {
    decode: ([seq, id]) => ({ seq, id }),
    encode: ({ seq, id }) => [seq, id] as [number, string],
  },
);

/**
 * The one way cursors are written and read: base64url of the JSON that `schema` encodes to,
 * opaque to clients. A cursor that does not decode is the caller's mistake
 * (InvalidCursorError), never a reason to start again from the first page.
 */
export function cursorCodec<S extends z.ZodType>(schema: S) {
  return {
    encode: (value: z.output<S>): string => Buffer.from(JSON.stringify(z.encode(schema, value))).toString('base64url'),
    decode(cursor: string): z.output<S> {
      let raw: unknown;
      try {
        raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        throw new InvalidCursorError();
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw new InvalidCursorError();
      return parsed.data;
    },
  };
}
