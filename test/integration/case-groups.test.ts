// Group complaints over HTTP (issue 9, "one solution for every owner"): three owners of one
// building with the same problem within the window are proposed as one group; once a supervisor
// confirms it the proposal is gone, the sidebar's lookup finds it with its plan, and a case an
// agent links to it is one of its members.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Case, CaseGroupDetail, CaseGroupList, CaseGroupResponse, GroupProposalList } from '../../shared';
import { makeCase, putChange, startServer, type TestServer } from './helpers';

const HOUR = 60 * 60 * 1000;
/** The server's clock in startServer. */
const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const hoursAgo = (hours: number) => new Date(NOW - hours * HOUR).toISOString();

const owner = (unit: string, receivedAt: string, overrides: Partial<Case> = {}): Case => {
  const base = makeCase({ receivedAt, createdAt: receivedAt, updatedAt: receivedAt, categoryIds: ['waterproofing'] });
  return { ...base, customer: { ...base.customer, project: '翠湖花园', unit }, ...overrides };
};

let server: TestServer;
let agent: string;
let supervisor: string;
let trainer: string;
beforeAll(async () => {
  server = await startServer();
  [agent, supervisor, trainer] = [await server.signIn('agent'), await server.signIn('supervisor'), await server.signIn('trainer')];
});
afterAll(() => server.close());

const proposals = async () => GroupProposalList.parse(await (await server.call('/api/case-groups/proposals', supervisor)).json()).proposals;

describe('a group complaint of one building', () => {
  const threeOwners = [owner('3栋1201', hoursAgo(70)), owner('3栋502', hoursAgo(30)), owner('3栋1802', hoursAgo(1))];
  const otherBuilding = owner('5栋1201', hoursAgo(20));
  const otherCategory = owner('3栋701', hoursAgo(20), { categoryIds: ['finishes'] });
  const fourDaysEarlier = owner('3栋301', hoursAgo(70 + 96));
  const groupId = randomUUID();
  const plan = '工程部3月5日前上门检测外墙防水，维修方案统一答复各位业主。';

  it('is proposed with exactly the three owners, and nothing else', async () => {
    const pushed = await server.push(agent, [...threeOwners, otherBuilding, otherCategory, fourDaysEarlier].map((c) => putChange(c)));
    expect(pushed.status).toBe(200);
    const found = await proposals();
    expect(found).toEqual([
      {
        project: '翠湖花园',
        building: '3栋',
        categoryId: 'waterproofing',
        caseIds: threeOwners.map((c) => c.id),
        firstReceivedAt: hoursAgo(70),
        lastReceivedAt: hoursAgo(1),
      },
    ]);
  });

  it('is confirmed by a supervisor, idempotently, and the proposal is gone', async () => {
    const request = { id: groupId, project: '翠湖花园', building: '3栋', categoryId: 'waterproofing', plan, caseIds: threeOwners.map((c) => c.id) };
    const first = await server.call('/api/case-groups', supervisor, { json: request });
    expect(first.status).toBe(201);
    const { group } = CaseGroupResponse.parse(await first.json());
    expect(group).toMatchObject({ ...request, confirmedAt: new Date(NOW).toISOString() });

    const replay = await server.call('/api/case-groups', supervisor, { json: request });
    expect(replay.status).toBe(200);
    expect(CaseGroupResponse.parse(await replay.json()).group).toEqual(group);
    const other = await server.call('/api/case-groups', supervisor, { json: { ...request, plan: '另一个方案' } });
    expect(other.status).toBe(409);
    expect((await server.call('/api/case-groups', agent, { json: request })).status).toBe(403);

    expect(await proposals()).toEqual([]);
  });

  it("is what the sidebar finds for the owners' project and building, with its plan", async () => {
    const lookUp = async (query: string, token = agent) => CaseGroupList.parse(await (await server.call(`/api/case-groups?${query}`, token)).json()).groups;
    const project = encodeURIComponent('翠湖花园');
    expect((await lookUp(`project=${project}&building=${encodeURIComponent('3栋')}`)).map((g) => [g.id, g.plan])).toEqual([[groupId, plan]]);
    // Spelled full-width by another CRM: the same building.
    expect((await lookUp(`project=${project}&building=${encodeURIComponent('３栋')}`)).map((g) => g.id)).toEqual([groupId]);
    expect(await lookUp(`project=${project}&building=${encodeURIComponent('5栋')}`)).toEqual([]);
    expect((await lookUp(`project=${project}`)).map((g) => g.id)).toEqual([groupId]);
    expect(await lookUp(`project=${encodeURIComponent('别的楼盘')}`)).toEqual([]);
    expect((await server.call('/api/case-groups', agent)).status).toBe(400);
  });

  it('gets a new plan from a supervisor only', async () => {
    const newPlan = '3月4日上门，维修由总包单位负责，完工后逐户回访。';
    expect((await server.call(`/api/case-groups/${groupId}/plan`, agent, { method: 'PUT', json: { plan: newPlan } })).status).toBe(403);
    const res = await server.call(`/api/case-groups/${groupId}/plan`, supervisor, { method: 'PUT', json: { plan: newPlan } });
    expect(res.status).toBe(200);
    expect(CaseGroupResponse.parse(await res.json()).group.plan).toBe(newPlan);
    expect((await server.call(`/api/case-groups/${randomUUID()}/plan`, supervisor, { method: 'PUT', json: { plan: newPlan } })).status).toBe(404);
    expect((await server.call(`/api/case-groups/${groupId}/plan`, supervisor, { method: 'PUT', json: { plan: '  ' } })).status).toBe(400);
  });

  it('counts a fourth caller linked by an agent among its members, with each revisit', async () => {
    const fourth = owner('3栋2201', new Date(NOW).toISOString(), { groupId });
    const revisited: Case = {
      ...threeOwners[0]!,
      status: 'awaiting_revisit',
      revisits: [{ at: new Date(NOW).toISOString(), reached: true, score: 4, comment: '' }],
      updatedAt: new Date(NOW).toISOString(),
    };
    expect((await server.push(agent, [putChange(fourth), putChange(revisited)])).status).toBe(200);

    for (const token of [supervisor, trainer]) {
      const res = await server.call(`/api/case-groups/${groupId}`, token);
      expect(res.status).toBe(200);
      const { members } = CaseGroupDetail.parse(await res.json());
      expect(members.map((m) => m.caseId)).toEqual([...threeOwners, fourth].map((c) => c.id));
      expect(members[0]).toEqual({ caseId: revisited.id, status: 'awaiting_revisit', revisit: { state: 'done', score: 4, at: new Date(NOW).toISOString() } });
      expect(members[3]).toEqual({ caseId: fourth.id, status: 'open', revisit: { state: 'none', score: null, at: null } });
    }
    expect((await server.call(`/api/case-groups/${groupId}`, agent)).status).toBe(403);
    expect((await server.call(`/api/case-groups/${randomUUID()}`, supervisor)).status).toBe(404);
    // Linked, the fourth case is proposed in no new group.
    expect(await proposals()).toEqual([]);
  });
});
