import { describe, expect, it } from 'vitest';
import { buildingOf, normaliseBuilding } from './building';

describe('buildingOf', () => {
  it.each([
    ['3栋1201', '3栋'],
    ['A座-502', 'A座'],
    ['5號樓 3單元', '5號樓'],
    ['12号楼2单元301', '12号楼'],
    ['3棟 12樓 A室', '3棟'],
    ['二幢601', '二幢'],
    ['Block B 1203', 'Block B'],
    ['block b-1203', 'block b'],
    ['Tower 2A, Flat 1203', 'Tower 2A'],
    ['３栋１２０１', '3栋'],
    ['  7座 1801 ', '7座'],
  ])('derives the building of unit %j as %j', (unit, building) => {
    expect(buildingOf({ unit })).toBe(building);
  });

  it.each([['1201'], ['1201号'], ['5楼501'], ['A-502'], [''], ['Flat 12']])('derives none from %j', (unit) => {
    expect(buildingOf({ unit })).toBe('');
  });

  it("prefers the CRM's own building field, normalised", () => {
    expect(buildingOf({ building: ' Ｂ座 ', unit: '3栋1201' })).toBe('B座');
    expect(buildingOf({ building: '', unit: '3栋1201' })).toBe('3栋');
    expect(buildingOf({ building: '   ', unit: '' })).toBe('');
    expect(buildingOf({})).toBe('');
  });
});

describe('normaliseBuilding', () => {
  it('folds width, collapses blanks and bounds the length', () => {
    expect(normaliseBuilding('Block\u3000 B')).toBe('Block B');
    expect(normaliseBuilding('楼'.repeat(100))).toHaveLength(60);
  });
});
