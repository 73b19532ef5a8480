// An emergency's plan in the sidebar, ticked and logged; and a group complaint: three owners of
// one building with the same leak give the supervisor a proposal, and once it is confirmed the
// next caller from that building sees the group's plan and joins it with one click.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { z } from 'zod';
import { GroupProposalList, StoredCase } from '../../shared';
import { makeCase, putChange } from '../integration/helpers';
import { apiAs, openDemoCrmSignedIn, screenshotPath, sendAs, sidebarFrame, useServerAndExtension } from './harness';

const running = useServerAndExtension();

/** An owner of 翠湖花园 with a leaking roof, received at `receivedAt`. */
const ownerCase = (name: string, phone: string, unit: string, receivedAt: string) => {
  const base = makeCase({ summary: '楼顶渗水', steps: [], receivedAt, createdAt: receivedAt, updatedAt: receivedAt });
  return putChange({ ...base, customer: { name, phone, project: '翠湖花园', unit, crmRecordId: '' } });
};

test('an emergency opens its plan; each step ticked is logged with its time and the case turns major', async () => {
  const { server } = running;
  const { sidebar } = await openDemoCrmSignedIn(running);
  await sidebar.click('[data-testid="emergency"] summary');
  await sidebar.selectOption('select[name="emergency-plan"]', 'burst_pipe');
  await sidebar.click('[data-testid="emergency"] button.danger');
  await sidebar.waitForSelector('[data-testid="emergency-checklist"]');
  expect(await sidebar.inputValue('select[name="severity"]')).toBe('major');
  const steps = sidebar.locator('[data-testid="emergency-checklist"] input[type="checkbox"]');
  expect(await steps.count()).toBeGreaterThanOrEqual(5);
  await steps.nth(0).check();
  await steps.nth(1).check();

  const api = await apiAs(server, 'supervisor');
  const stored = async () => z.object({ cases: z.array(StoredCase) }).parse((await api('/api/cases')).body).cases[0];
  await expect.poll(async () => (await stored())?.emergency?.ticks.length, { timeout: 20_000 }).toBe(2);
  const record = (await stored())!;
  expect(record.severity).toBe('major');
  expect(record.emergency).toMatchObject({ planId: 'burst_pipe' });
  expect(record.emergency!.ticks.every((tick) => Date.parse(tick.at) >= Date.parse(record.emergency!.declaredAt))).toBe(true);
});

test('three owners of one building with one problem make a proposed group; confirmed, the next caller gets its plan', async () => {
  const { server, browser } = running;
  const hour = 3_600_000;
  const now = Date.now();
  await sendAs(server, 'agent', 'POST', '/api/sync/push', {
    changes: [
      ownerCase('张伟', '139 0000 0001', '3栋0501', new Date(now - 30 * hour).toISOString()),
      ownerCase('李娜', '139 0000 0002', '3栋0802', new Date(now - 20 * hour).toISOString()),
      ownerCase('陈静', '139 0000 0003', '3栋1501', new Date(now - 2 * hour).toISOString()),
      // Another building's leak is not the same problem.
      ownerCase('赵磊', '139 0000 0004', '5栋0201', new Date(now - hour).toISOString()),
    ],
  });
  const { proposals } = GroupProposalList.parse(await sendAs(server, 'supervisor', 'GET', '/api/case-groups/proposals'));
  expect(proposals).toHaveLength(1);
  expect(proposals[0]).toMatchObject({ project: '翠湖花园', building: '3栋', categoryId: 'waterproofing' });
  expect(proposals[0]!.caseIds).toHaveLength(3);
  const plan = '物业和工程部明天上午统一检修3栋楼顶防水层，完成后逐户回访。';
  const group = { id: randomUUID(), project: '翠湖花园', building: '3栋', categoryId: 'waterproofing', plan, caseIds: proposals[0]!.caseIds };
  await sendAs(server, 'supervisor', 'POST', '/api/case-groups', group);

  // The fourth owner of building 3 calls: 王秀英 of 3栋1202 on the demo CRM.
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/demo/crm`);
  const sidebar = await sidebarFrame(page);
  await expect.poll(() => sidebar.textContent('[data-testid="customer-name"]')).toBe('王秀英');
  await sidebar.click('[data-category="housing_quality"]');
  await sidebar.click('[data-category="waterproofing"]');
  await expect.poll(() => sidebar.textContent('[data-testid="group-plan"]'), { timeout: 20_000 }).toBe(plan);
  await sidebar.click('[data-testid="group"] button.small');
  await sidebar.waitForSelector('[data-testid="group"] .badge.ok');
  await page.screenshot({ path: screenshotPath('group-complaint-zh-Hans') });

  const api = await apiAs(server, 'supervisor');
  await expect
    .poll(async () => z.object({ cases: z.array(StoredCase) }).parse((await api('/api/cases')).body).cases.find((c) => c.customer.name === '王秀英' && c.groupId)?.groupId, { timeout: 20_000 })
    .toBe(group.id);
});
