// Trainers see phone numbers masked (139****5678), in the phone field and in the text. Their
// search must match only what they are shown: otherwise guessing one digit at a time recovers a
// number (issue 13, finding 2). On both databases, trainers' results equal a brute-force
// substring search over the presented text, and no query tells apart two cases that differ
// only in hidden digits.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, User } from '../../../shared';
import { caseScope, presentCase } from '../../../plugin-server/src/policy/cases';
import type { CaseFilter, Store } from '../../../plugin-server/src/store';
import { generateCases } from '../../fixtures/chinese-cases';
import { makeCase, putChange } from '../helpers';
import { addUser, allPages, STORE_KINDS } from './stores';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const norm = (text: string) => text.normalize('NFKC').toLowerCase();
const trainer: User = { id: randomUUID(), username: 'trainer', displayName: '培训师', role: 'trainer' };
const supervisor: User = { id: randomUUID(), username: 'supervisor', displayName: '主管', role: 'supervisor' };

/**
 * Two cases alike in everything a trainer is shown, unlike in the hidden digits of the phone
 * and of the numbers written in the summary and notes, each spelled another way.
 */
function twins(n: number): [Case, Case] {
  const base = makeCase({ receivedAt: `2026-02-${String(10 + n).padStart(2, '0')}T08:00:00.000Z` });
  const person = (middle: string): Case => ({
    ...base,
    id: randomUUID(),
    customer: { ...base.customer, name: `王秀英${n}`, phone: `139${middle}5678` },
    summary: `业主反映卫生间渗水，备用电话 186 ${middle} 1234，要求尽快上门`,
    notes: `家属+86 137-${middle}-4321 下午方便；座机(010) 8${middle.slice(1)}-2468`,
  });
  return [person(`${n}${n}0${n}`), person(`${(n + 3) % 10}7${n}1`)];
}

describe.each(STORE_KINDS)('store contract on $name: trainers search only what they are shown', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  const all: Case[] = [];
  const pairs: Array<[Case, Case]> = [];

  beforeAll(async () => {
    ({ store, close } = await kind.open());
    const agent = await addUser(store);
    for (let n = 0; n < 4; n++) pairs.push(twins(n));
    const cases = [...pairs.flat(), ...generateCases(60, 13)];
    await store.sync.applyChanges(agent, cases.map((c) => putChange(c)), NOW);
    all.push(...cases);
  });
  afterAll(() => close());

  const search = (query: string, filter: CaseFilter, limit = 25) =>
    allPages((cursor) => store.cases.search(query, { ...filter, limit, cursor }));

  /** The brute-force answer over the case as `user` is shown it, newest first. */
  function shownTo(user: User, query: string): string[] {
    const needle = norm(query).trim();
    return all
      .map((c) => presentCase(user, { ...c, agentId: randomUUID(), serverUpdatedAt: NOW.toISOString() }))
      .filter((c) => [c.customer.name, c.customer.phone, c.summary, c.notes].some((field) => norm(field).includes(needle)))
      .sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt) || (a.id < b.id ? -1 : 1))
      .map((c) => c.id);
  }

  /** Every run of 1 to 8 characters of the twins' full texts: what a guesser would try. */
  function guesses(): string[] {
    const texts = pairs.flat().flatMap((c) => [c.customer.phone, c.summary, c.notes]);
    const found = new Set<string>();
    for (const text of texts) {
      for (let length = 1; length <= 8; length++) {
        for (let at = 0; at + length <= text.length; at++) {
          const piece = text.slice(at, at + length);
          // The pieces that hold a digit are the ones that can give a hidden digit away.
          if (/\d/.test(piece)) found.add(piece);
        }
      }
    }
    return [...found];
  }

  it('tells no twin from the other, whatever is guessed (on the phone, the summary or the notes)', async () => {
    const queries = guesses();
    expect(queries.length).toBeGreaterThan(500);
    let told = 0;
    for (const query of queries) {
      const ids = new Set(await search(query, caseScope(trainer), 100));
      for (const [a, b] of pairs) expect(ids.has(a.id), `${query}: ${a.customer.phone} vs ${b.customer.phone}`).toBe(ids.has(b.id));
      // Supervisors see the digits, and their search finds them: the guesses are real ones.
      const full = new Set(await search(query, caseScope(supervisor), 100));
      if (pairs.some(([a, b]) => full.has(a.id) !== full.has(b.id))) told++;
    }
    expect(told).toBeGreaterThan(100);
  });

  it('finds exactly what a substring search over the presented text finds, for trainers and supervisors', async () => {
    const [a] = pairs[0]!;
    const queries = [
      '139****5678', '****', '9****5', '186****1234', '861****4321', '010****2468', '5678', '139', '1390', '王秀英0',
      '渗水', '卫', '要求尽快上门', a.customer.phone, a.customer.phone.slice(2, 8), '186 0', '13', '%', '不存在',
    ];
    let found = 0;
    for (const query of queries) {
      const want = shownTo(trainer, query);
      expect(await search(query, caseScope(trainer)), query).toEqual(want);
      expect(await search(query, caseScope(supervisor)), query).toEqual(shownTo(supervisor, query));
      found += want.length;
    }
    expect(found).toBeGreaterThan(50);
  });

  it('masks the same text when a case is edited, and finds it by the new text only', async () => {
    const [a] = pairs[1]!;
    const edited: Case = { ...a, notes: '客户改留 158 1111 2222', updatedAt: '2026-03-02T08:59:00.000Z' };
    await store.sync.applyChanges((await store.cases.get(a.id))!.agentId, [putChange(edited)], NOW);
    Object.assign(all.find((c) => c.id === a.id)!, edited);
    expect(await search('158****2222', caseScope(trainer))).toEqual([a.id]);
    const hidden = await search('1111', caseScope(trainer));
    expect(hidden).not.toContain(a.id);
    expect(hidden).toEqual(shownTo(trainer, '1111'));
    expect(await search('1111', caseScope(supervisor))).toContain(a.id);
    expect(await search('137', caseScope(trainer))).toEqual(shownTo(trainer, '137'));
  });
});
