import type { Category } from './category';

type Node = [id: string, zhHans: string, zhHant: string, en: string, children?: Node[]];

// The categories the guide names (DOMAIN.md), building defects broken down by part.
const TREE: Node[] = [
  ['housing_quality', '房屋质量', '房屋質量', 'Housing quality', [
    ['foundation', '地基基础', '地基基礎', 'Foundation'],
    ['main_structure', '主体结构', '主體結構', 'Main structure'],
    ['finishes', '装饰装修', '裝飾裝修', 'Finishes'],
    ['waterproofing', '地下和屋面防水', '地下和屋面防水', 'Basement and roof waterproofing'],
    ['equipment', '设备设施', '設備設施', 'Equipment and facilities'],
  ]],
  ['planning_design', '规划设计', '規劃設計', 'Planning and design'],
  ['decoration_quality', '装修质量', '裝修質量', 'Fit-out quality'],
  ['sales', '销售', '銷售', 'Sales'],
  ['contract', '合同', '合同', 'Contract', [
    ['mortgage_paperwork', '按揭手续', '按揭手續', 'Mortgage paperwork'],
  ]],
  ['payment', '付款', '付款', 'Payment'],
  ['engineering_repair', '工程维修', '工程維修', 'Engineering repair'],
  ['handover', '交房入伙', '交房入伙', 'Hand-over'],
  ['suggestion', '建议', '建議', 'Suggestion'],
];

function flatten(nodes: Node[], parentId: string | null): Category[] {
  return nodes.flatMap(([id, zhHans, zhHant, en, children], index) => [
    { id, parentId, names: { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en }, sort: index * 10 },
    ...flatten(children ?? [], id),
  ]);
}

/** The default category tree, parents before their children. */
export const DEFAULT_CATEGORIES: readonly Category[] = flatten(TREE, null);
