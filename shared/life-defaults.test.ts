import { describe, expect, it } from 'vitest';
import { Department, EmergencyPlan } from './case-escalation';
import { DEFAULT_DEPARTMENTS, DEFAULT_EMERGENCY_PLANS, departmentFor } from './life-defaults';
import { DEFAULT_CATEGORIES } from './taxonomy';

describe('default departments and emergency plans', () => {
  it('parse, and route only categories that exist, each to one department', () => {
    const ids = new Set(DEFAULT_CATEGORIES.map((c) => c.id));
    const routed = DEFAULT_DEPARTMENTS.flatMap((d) => Department.parse(d).categoryIds);
    expect(routed.filter((id) => !ids.has(id))).toEqual([]);
    expect(new Set(routed).size).toBe(routed.length);
  });
  it('give every root category a department', () => {
    for (const root of DEFAULT_CATEGORIES.filter((c) => c.parentId === null)) {
      expect(departmentFor([root.id], DEFAULT_DEPARTMENTS, DEFAULT_CATEGORIES), root.id).toBeDefined();
    }
  });
  it('plans: parse, start with the guide’s steps, name a spokesperson and people to notify', () => {
    expect(DEFAULT_EMERGENCY_PLANS.map((p) => p.id)).toEqual(['burst_pipe', 'lift_trapped', 'fire', 'gas_smell', 'structural_danger', 'owners_gathering']);
    for (const plan of DEFAULT_EMERGENCY_PLANS) {
      const parsed = EmergencyPlan.parse(plan);
      expect(parsed.checklist.slice(0, 5).map((s) => s.id)).toEqual(['identify', 'start_plan', 'notify', 'spokesperson', 'to_scene']);
      expect(new Set(parsed.checklist.map((s) => s.id)).size).toBe(parsed.checklist.length);
      expect(parsed.notify.length).toBeGreaterThan(0);
      expect(parsed.spokesperson).not.toBe('');
    }
    expect(DEFAULT_EMERGENCY_PLANS[0]!.checklist.map((s) => s.id)).toContain('shut_valve');
  });
});

describe('departmentFor', () => {
  const find = (ids: string[]) => departmentFor(ids, DEFAULT_DEPARTMENTS, DEFAULT_CATEGORIES)?.id;
  it('walks up the tree from a subcategory to its parent’s department', () => {
    expect(find(['waterproofing'])).toBe('engineering');
  });
  it('prefers a subcategory listed itself over its parent', () => {
    expect(find(['contract'])).toBe('sales');
    expect(find(['mortgage_paperwork'])).toBe('finance');
  });
  it('takes the first category that has one', () => {
    expect(find(['unknown', 'payment', 'sales'])).toBe('finance');
    expect(find([])).toBeUndefined();
    expect(find(['unknown'])).toBeUndefined();
  });
  it('ends on a cycle in a malformed tree', () => {
    const cyclic = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect(departmentFor(['a'], DEFAULT_DEPARTMENTS, cyclic)).toBeUndefined();
  });
});
