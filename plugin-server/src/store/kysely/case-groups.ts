import type { Kysely } from 'kysely';
import {
  buildingOf,
  Case,
  CaseGroup,
  completedRevisit,
  currentRevisits,
  type GroupMember,
  type GroupProposal,
  type GroupWindow,
} from '../../../../shared';
import type { Database } from '../schema';
import type { CaseGroupRepository } from '../types';
import { isUniqueViolation } from './errors';

/**
 * The query columns a case's group complaint is found by, written with every version of the case
 * (sync.ts) and backfilled by migration 011: its building and the group an agent linked it to.
 */
export function caseGroupColumns(c: Pick<Case, 'customer' | 'groupId'>): { building: string; group_id: string } {
  return { building: buildingOf(c.customer), group_id: c.groupId ?? '' };
}

/** How far back proposals look: a group complaint is about a problem owners have now. */
export const PROPOSAL_LOOK_BACK_DAYS = 30;

/** The most (case, category) rows a proposal run reads, newest first: the run stays bounded however busy the hotline is. */
export const PROPOSAL_CANDIDATE_LIMIT = 5000;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The cases that could still join a proposal: received since `since` (the cases_received index
 * bounds the read), not closed, linked to no group and in no confirmed group, with a project,
 * one row per leaf category they are filed under (a category with children is too coarse to say
 * two owners have the same problem). Apart so that its plan can be checked.
 */
export function candidateQuery(db: Kysely<Database>, since: string, limit: number) {
  return db
    .selectFrom('cases')
    .innerJoin('case_categories', 'case_categories.case_id', 'cases.id')
    .select(['cases.id', 'cases.project', 'cases.building', 'cases.received_at', 'case_categories.category_id'])
    .where('cases.received_at', '>=', since)
    .where('cases.status', '<>', 'closed')
    .where('cases.group_id', '=', '')
    .where('cases.project', '<>', '')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('case_group_members').select('case_group_members.case_id').whereRef('case_group_members.case_id', '=', 'cases.id'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('categories').select('categories.id').whereRef('categories.parent_id', '=', 'case_categories.category_id'))))
    .orderBy('cases.received_at', 'desc')
    .orderBy('cases.id')
    .limit(limit);
}

interface Candidate {
  id: string;
  receivedAt: string;
}

/**
 * Clusters of one key's cases, oldest first: from the oldest case not yet placed, every case
 * received within `windowHours` of it; kept when it holds `minCases`, and the next cluster starts
 * after it, so that no case is proposed twice for one category.
 */
export function clustersOf(cases: readonly Candidate[], { minCases, windowHours }: GroupWindow): Candidate[][] {
  const sorted = [...cases].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id));
  const clusters: Candidate[][] = [];
  let start = 0;
  while (start < sorted.length) {
    const limit = Date.parse(sorted[start]!.receivedAt) + windowHours * HOUR_MS;
    let end = start;
    while (end + 1 < sorted.length && Date.parse(sorted[end + 1]!.receivedAt) <= limit) end++;
    if (end - start + 1 >= minCases) {
      clusters.push(sorted.slice(start, end + 1));
      start = end + 1;
    } else start++;
  }
  return clusters;
}

/** Where a case's revisit stands in its current round. */
function revisitOf(c: Pick<Case, 'status' | 'lifecycle' | 'revisits'>): GroupMember['revisit'] {
  const round = currentRevisits({ ...c, commitments: [], dispatches: [] });
  const done = completedRevisit({ ...c, commitments: [], dispatches: [] });
  if (done) return { state: 'done', score: done.score ?? null, at: round.at(-1)?.at ?? done.at };
  const last = round.at(-1);
  return last ? { state: 'attempted', score: null, at: last.at } : { state: 'none', score: null, at: null };
}

/** The parts of a stored case its membership shows; defaults as in Case, for cases logged before them. */
const MemberLife = Case.pick({ status: true, lifecycle: true, revisits: true });

/** The most cases linked by agents that a group's detail lists. */
const MAX_LINKED = 2000;

/** Ids per statement: far below either database's parameter limit. */
const CHUNK = 500;

/** Group complaints over Kysely: proposals read from the case columns, confirmed groups kept whole as JSON. */
export function createCaseGroupRepository(db: Kysely<Database>): CaseGroupRepository {
  const get = async (id: string) => {
    const row = await db.selectFrom('case_groups').select('data').where('id', '=', id).executeTakeFirst();
    return row ? CaseGroup.parse(JSON.parse(row.data)) : undefined;
  };
  const sameContent = (a: CaseGroup, b: CaseGroup) =>
    a.project === b.project &&
    a.building === b.building &&
    a.categoryId === b.categoryId &&
    a.plan === b.plan &&
    JSON.stringify([...a.caseIds].sort()) === JSON.stringify([...b.caseIds].sort());

  return {
    async proposals(window, now) {
      const since = new Date(now.getTime() - PROPOSAL_LOOK_BACK_DAYS * DAY_MS).toISOString();
      const rows = await candidateQuery(db, since, PROPOSAL_CANDIDATE_LIMIT).execute();
      const byKey = new Map<string, { project: string; building: string; categoryId: string; cases: Candidate[] }>();
      for (const row of rows) {
        const key = JSON.stringify([row.project, row.building, row.category_id]);
        const entry = byKey.get(key) ?? { project: row.project, building: row.building, categoryId: row.category_id, cases: [] };
        entry.cases.push({ id: row.id, receivedAt: row.received_at });
        byKey.set(key, entry);
      }
      const proposals: GroupProposal[] = [];
      for (const { project, building, categoryId, cases } of byKey.values()) {
        for (const cluster of clustersOf(cases, window)) {
          proposals.push({
            project,
            building,
            categoryId,
            caseIds: cluster.map((c) => c.id),
            firstReceivedAt: cluster[0]!.receivedAt,
            lastReceivedAt: cluster.at(-1)!.receivedAt,
          });
        }
      }
      // The largest and most recent problems first.
      return proposals.sort((a, b) => b.caseIds.length - a.caseIds.length || b.lastReceivedAt.localeCompare(a.lastReceivedAt));
    },

    async confirm(group) {
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('case_groups')
            .values({
              id: group.id,
              project: group.project,
              building: group.building,
              category_id: group.categoryId,
              data: JSON.stringify(group),
              confirmed_at: group.confirmedAt,
            })
            .execute();
          const members = [...new Set(group.caseIds)].map((case_id) => ({ group_id: group.id, case_id }));
          for (let i = 0; i < members.length; i += CHUNK) await trx.insertInto('case_group_members').values(members.slice(i, i + CHUNK)).execute();
        });
        return { ok: true, group, created: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const current = await get(group.id);
        if (!current) throw error;
        return sameContent(current, group) ? { ok: true, group: current, created: false } : { ok: false, current };
      }
    },

    async setPlan(id, plan) {
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('case_groups').select('data').where('id', '=', id).executeTakeFirst();
        if (!row) return undefined;
        const group: CaseGroup = { ...CaseGroup.parse(JSON.parse(row.data)), plan };
        await trx.updateTable('case_groups').set({ data: JSON.stringify(group) }).where('id', '=', id).execute();
        return group;
      });
    },

    get,

    async find({ project, building }) {
      let query = db.selectFrom('case_groups').select('data').where('project', '=', project);
      // A group of the whole project (no building) concerns the owners of every building in it.
      if (building) query = query.where('building', 'in', [building, '']);
      const rows = await query.orderBy('confirmed_at', 'desc').orderBy('id').limit(100).execute();
      return rows.map((row) => CaseGroup.parse(JSON.parse(row.data)));
    },

    async members(group) {
      // Two index reads, not one OR over every case: the confirmed ids by the members' key, the
      // linked cases by their group_id column.
      const confirmed = await db.selectFrom('case_group_members').select('case_id').where('group_id', '=', group.id).execute();
      const rows = await db.selectFrom('cases').select(['id', 'data', 'received_at']).where('group_id', '=', group.id).limit(MAX_LINKED).execute();
      const ids = confirmed.map((row) => row.case_id).filter((id) => !rows.some((row) => row.id === id));
      for (let i = 0; i < ids.length; i += CHUNK) {
        rows.push(...(await db.selectFrom('cases').select(['id', 'data', 'received_at']).where('id', 'in', ids.slice(i, i + CHUNK)).execute()));
      }
      rows.sort((a, b) => a.received_at.localeCompare(b.received_at) || a.id.localeCompare(b.id));
      return rows.map((row) => {
        const life = MemberLife.parse(JSON.parse(row.data));
        return { caseId: row.id, status: life.status, revisit: revisitOf(life) };
      });
    },
  };
}
