import type { Kysely, Transaction } from 'kysely';
import { type Case, Escalation, escalationKindOf, newRecordId } from '../../../../shared';
import type { Database } from '../schema';
import type { EscalationRepository, PullPosition } from '../types';
import { afterPosition, type CommitOrder } from './commit-order';

/**
 * Called by sync in the transaction that accepts the case, so an escalation exists exactly when
 * its case version does. Raised once per case and kind: later versions of a major case, replays
 * and a second device pushing the same case change nothing.
 */
export async function raiseEscalation(trx: Transaction<Database>, incoming: Case, agentId: string, now: Date, seq: () => Promise<number>): Promise<void> {
  const kind = escalationKindOf(incoming);
  if (!kind) return;
  const escalation: Escalation = {
    id: newRecordId(),
    caseId: incoming.id,
    kind,
    agentId,
    raisedAt: now.toISOString(),
    customerName: incoming.customer.name,
    project: incoming.customer.project,
    summary: incoming.summary,
    acknowledgedBy: null,
  };
  await trx
    .insertInto('escalations')
    .values({
      id: escalation.id,
      case_id: incoming.id,
      kind,
      agent_id: agentId,
      data: JSON.stringify(escalation),
      raised_at: escalation.raisedAt,
      change_seq: await seq(),
    })
    .onConflict((oc) => oc.columns(['case_id', 'kind']).doNothing())
    .execute();
}

const parse = (data: string) => Escalation.parse(JSON.parse(data));

export function createEscalationRepository(db: Kysely<Database>, commitOrder: CommitOrder): EscalationRepository {
  const settledRows = (after: PullPosition | null) => {
    let query = db.selectFrom('escalations').select(['data', 'change_seq', 'id']);
    if (after) {
      query = query.where(afterPosition(after));
    }
    const settled = commitOrder.settled('change_seq');
    return settled ? query.where(settled) : query;
  };
  return {
    async feed({ after, limit }) {
      const rows = await settledRows(after).orderBy('change_seq').orderBy('id').limit(limit).execute();
      return rows.map((row) => ({ record: parse(row.data), seq: Number(row.change_seq), id: row.id }));
    },

    async head() {
      const row = await settledRows(null).orderBy('change_seq', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row ? { seq: Number(row.change_seq), id: row.id } : null;
    },

    async ofCase(caseId) {
      const rows = await db.selectFrom('escalations').select('data').where('case_id', '=', caseId).orderBy('raised_at').orderBy('id').execute();
      return rows.map((row) => parse(row.data));
    },

    acknowledge: (id, by, now) =>
      db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('escalations').select('data').where('id', '=', id).executeTakeFirst();
        if (!row) return null;
        const stored = parse(row.data);
        if (stored.acknowledgedBy) return stored;
        const acknowledged: Escalation = { ...stored, acknowledgedBy: { ...by, at: now.toISOString() } };
        // Compare-and-set on the stored text: of two supervisors taking it at once (on any
        // instance), the first keeps it and the second is answered with who did. Renumbered, so
        // the feed hands it out again and the other supervisors' notifications close.
        const { numUpdatedRows } = await trx
          .updateTable('escalations')
          .set({ data: JSON.stringify(acknowledged), change_seq: await commitOrder.stamp(trx) })
          .where('id', '=', id)
          .where('data', '=', row.data)
          .executeTakeFirstOrThrow();
        if (numUpdatedRows > 0n) return acknowledged;
        const winner = await trx.selectFrom('escalations').select('data').where('id', '=', id).executeTakeFirstOrThrow();
        return parse(winner.data);
      }),
  };
}
