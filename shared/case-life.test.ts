import { describe, expect, it } from 'vitest';
import {
  closeCase,
  closeNeeds,
  dispatchCase,
  judgeCommitment,
  recordDispatchResult,
  recordRevisit,
  reopenCase,
  UNREACHABLE_AFTER_ATTEMPTS,
  type CaseLife,
  type LifeResult,
} from './case-life';

const fresh = (): CaseLife => ({ status: 'open', lifecycle: [], commitments: [], dispatches: [], revisits: [] });
const ok = <T extends CaseLife>(result: LifeResult<T>): T => {
  if (!result.ok) throw new Error(`refused: ${result.needs.join(', ')}`);
  return result.record;
};
const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 11, day, hour)).toISOString();
const dispatch = { id: '7c1c4a55-55f0-4b5e-9a59-6fd1ae1b3f01', departmentId: 'engineering', at: at(3), dueAt: at(4), note: '' };
const promise = {
  id: '7c1c4a55-55f0-4b5e-9a59-6fd1ae1b3f02',
  what: '上门查看漏水',
  dueText: '3个工作日内',
  dueAt: at(8),
  responsible: '工程部',
  createdAt: at(3),
  outcome: 'pending' as const,
};

describe("a case's life", () => {
  it('goes open → in handling → awaiting revisit → closed, logging every move', () => {
    let life = ok(dispatchCase({ ...fresh(), commitments: [promise] }, dispatch));
    expect(life.status).toBe('in_handling');
    life = ok(recordDispatchResult(life, dispatch.id, { outcome: 'done', at: at(4), note: '已修复' }));
    expect(life.status).toBe('awaiting_revisit');
    life = ok(recordRevisit(life, { at: at(7), reached: true, score: 4, comment: '满意' }));
    expect(closeNeeds(life, 'revisited', '')).toEqual(['commitments_unjudged']);
    life = ok(judgeCommitment(life, promise.id, 'kept', at(7)));
    life = ok(closeCase(life, 'revisited', at(7, 10)));
    expect(life.status).toBe('closed');
    expect(life.lifecycle.map((e) => [e.from, e.to, e.reason])).toEqual([
      ['open', 'in_handling', undefined],
      ['in_handling', 'awaiting_revisit', undefined],
      ['awaiting_revisit', 'closed', 'revisited'],
    ]);
    expect(life.commitments[0]).toMatchObject({ outcome: 'kept', outcomeAt: at(7) });
  });

  it('waits in handling until every dispatch is answered', () => {
    const second = { ...dispatch, id: '7c1c4a55-55f0-4b5e-9a59-6fd1ae1b3f03', departmentId: 'finance' };
    let life = ok(dispatchCase(ok(dispatchCase(fresh(), dispatch)), second));
    life = ok(recordDispatchResult(life, dispatch.id, { outcome: 'done', at: at(4), note: '' }));
    expect(life.status).toBe('in_handling');
    expect(closeNeeds(life, 'revisited', '')).toEqual(['no_revisit', 'dispatch_unanswered']);
    expect(recordDispatchResult(life, 'no-such', { outcome: 'done', at: at(4), note: '' })).toEqual({ ok: false, needs: ['no_such_dispatch'] });
  });

  it('closes only after a scored revisit, or with an explicit reason', () => {
    expect(closeCase(fresh(), 'revisited', at(3))).toEqual({ ok: false, needs: ['no_revisit'] });
    // A revisit that reached the customer but has no score is not a revisit done.
    expect(closeNeeds(ok(recordRevisit(fresh(), { at: at(3), reached: true, comment: '' })), 'revisited', '')).toEqual(['no_revisit']);
    for (const reason of ['withdrawn', 'duplicate', 'invalid'] as const) {
      expect(closeCase(fresh(), reason, at(3), '  ')).toEqual({ ok: false, needs: ['note'] });
      expect(ok(closeCase(fresh(), reason, at(3), ' 客户撤回 '))).toMatchObject({ status: 'closed', lifecycle: [{ reason, note: '客户撤回' }] });
    }
  });

  it(`calls a customer unreachable only after ${UNREACHABLE_AFTER_ATTEMPTS} failed revisit calls in a row`, () => {
    let life = fresh();
    life = ok(recordRevisit(life, { at: at(3), reached: false, comment: '' }));
    life = ok(recordRevisit(life, { at: at(4), reached: true, comment: '改天再说' }));
    for (let day = 5; day < 5 + UNREACHABLE_AFTER_ATTEMPTS - 1; day++) life = ok(recordRevisit(life, { at: at(day), reached: false, comment: '' }));
    expect(closeNeeds(life, 'unreachable', '')).toEqual(['too_few_attempts']);
    life = ok(recordRevisit(life, { at: at(10), reached: false, comment: '' }));
    expect(ok(closeCase(life, 'unreachable', at(10))).status).toBe('closed');
  });

  it('reopens with a note, keeps the history, and needs a fresh revisit before closing again', () => {
    let life = ok(recordRevisit(fresh(), { at: at(3), reached: true, score: 5, comment: '' }));
    life = ok(closeCase(life, 'revisited', at(3, 10)));
    expect(dispatchCase(life, dispatch)).toEqual({ ok: false, needs: ['already_closed'] });
    expect(closeCase(life, 'withdrawn', at(4), 'x')).toEqual({ ok: false, needs: ['already_closed'] });
    expect(reopenCase(life, at(5), '')).toEqual({ ok: false, needs: ['note'] });
    life = ok(reopenCase(life, at(5), '又漏了'));
    expect(life.status).toBe('open');
    expect(life.revisits).toHaveLength(1);
    expect(life.lifecycle.at(-1)).toMatchObject({ from: 'closed', to: 'open', note: '又漏了' });
    expect(closeNeeds(life, 'revisited', '')).toEqual(['no_revisit']);
    expect(reopenCase(life, at(6), 'again')).toEqual({ ok: false, needs: ['not_closed'] });
  });
});
