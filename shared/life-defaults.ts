import type { Category } from './category';
import type { Department, EmergencyPlan, EmergencyStep } from './case-escalation';
import type { LocalizedText } from './primitives';

// What a new server starts with for departments and emergency plans, written by us in the spirit
// of ../shared/DOMAIN.md. Seeded once, while the tables are empty; supervisors edit them after.

const text = (zhHans: string, zhHant: string, en: string): LocalizedText => ({ 'zh-Hans': zhHans, 'zh-Hant': zhHant, en });

/**
 * The departments a hotline hands cases to, and the categories routed to each (DOMAIN.md: routes
 * by category to the right process). A subcategory listed here wins over its parent's department:
 * mortgage paperwork is finance's work although contracts are sales'.
 */
export const DEFAULT_DEPARTMENTS: readonly Department[] = [
  {
    id: 'engineering',
    names: text('工程部', '工程部', 'Engineering'),
    categoryIds: ['housing_quality', 'engineering_repair', 'decoration_quality', 'planning_design'],
  },
  { id: 'sales', names: text('销售部', '銷售部', 'Sales'), categoryIds: ['sales', 'contract', 'handover'] },
  { id: 'finance', names: text('财务部', '財務部', 'Finance'), categoryIds: ['payment', 'mortgage_paperwork'] },
  { id: 'property_management', names: text('物业公司', '物業公司', 'Property management'), categoryIds: [] },
  { id: 'customer_service', names: text('客服中心', '客服中心', 'Customer service centre'), categoryIds: ['suggestion'] },
];

/**
 * The department responsible for a case filed under `categoryIds`: for each category in order,
 * the first department listing it or, failing that, its nearest listed ancestor. Undefined when
 * none is routed. A cycle in a malformed tree ends the walk instead of looping.
 */
export function departmentFor(
  categoryIds: readonly string[],
  departments: readonly Department[],
  categories: readonly Pick<Category, 'id' | 'parentId'>[],
): Department | undefined {
  const parentOf = new Map(categories.map((c) => [c.id, c.parentId]));
  for (const start of categoryIds) {
    const seen = new Set<string>();
    for (let id: string | null | undefined = start; id && !seen.has(id); id = parentOf.get(id)) {
      seen.add(id);
      const found = departments.find((d) => d.categoryIds.includes(id!));
      if (found) return found;
    }
  }
  return undefined;
}

// The first steps of every plan, in the order the guide gives them: identify the type and nature,
// start the matching plan, notify, one spokesperson, go to the scene.
const IDENTIFY: EmergencyStep = {
  id: 'identify',
  text: text('确认事件类型与性质：地点、影响范围、有无人员受伤', '確認事件類型與性質：地點、影響範圍、有無人員受傷', 'Identify the type and nature: where, how far it reaches, whether anyone is hurt'),
};
const START_PLAN: EmergencyStep = {
  id: 'start_plan',
  text: text('启动本预案，记录启动时间', '啟動本預案，記錄啟動時間', 'Start this plan and note the time'),
};
const NOTIFY: EmergencyStep = {
  id: 'notify',
  text: text('立即通知预案名单上的人员', '立即通知預案名單上的人員', 'Notify everyone on the plan’s list at once'),
};
const SPOKESPERSON: EmergencyStep = {
  id: 'spokesperson',
  text: text(
    '由指定发言人统一对外说明，其他人不对外表态',
    '由指定發言人統一對外說明，其他人不對外表態',
    'Only the designated spokesperson speaks for the company; nobody else comments',
  ),
};
const TO_SCENE: EmergencyStep = {
  id: 'to_scene',
  text: text('安排人员赶赴现场，到场后回报', '安排人員趕赴現場，到場後回報', 'Send someone to the scene and have them report on arrival'),
};
const KEEP_CALLER: EmergencyStep = {
  id: 'keep_caller_informed',
  text: text('告知来电客户已采取的措施和下次联系时间', '告知來電客戶已採取的措施和下次聯繫時間', 'Tell the caller what has been done and when they will hear from us next'),
};

const plan = (id: string, names: LocalizedText, specific: EmergencyStep[], notify: string[], spokesperson: string): EmergencyPlan => ({
  id,
  names,
  checklist: [IDENTIFY, START_PLAN, NOTIFY, SPOKESPERSON, TO_SCENE, ...specific, KEEP_CALLER],
  notify,
  spokesperson,
});

/** The emergency types a hotline meets, each with its plan (DOMAIN.md: 緊急事件). */
export const DEFAULT_EMERGENCY_PLANS: readonly EmergencyPlan[] = [
  plan(
    'burst_pipe',
    text('爆管漏水', '爆管漏水', 'Burst pipe'),
    [
      { id: 'shut_valve', text: text('请物业关闭相应水阀，必要时断电', '請物業關閉相應水閥，必要時斷電', 'Have property management shut the water valve, and the power where water reaches it') },
      { id: 'protect_property', text: text('转移或遮盖受影响的物品，拍照留存', '轉移或遮蓋受影響的物品，拍照留存', 'Move or cover what the water reaches; take photos') },
      { id: 'check_neighbours', text: text('检查楼下及相邻住户是否受影响', '檢查樓下及相鄰住戶是否受影響', 'Check the flats below and next door') },
    ],
    ['物业经理', '工程部值班', '客服主管'],
    '客服主管',
  ),
  plan(
    'lift_trapped',
    text('电梯困人', '電梯困人', 'People trapped in a lift'),
    [
      { id: 'reassure', text: text('保持与被困人员通话，安抚情绪，请勿强行扒门', '保持與被困人員通話，安撫情緒，請勿強行扒門', 'Stay on the line with the people trapped; keep them calm; tell them not to force the doors') },
      { id: 'call_lift_company', text: text('通知电梯维保单位到场救援', '通知電梯維保單位到場救援', 'Call the lift maintenance company to the rescue') },
      { id: 'call_119', text: text('有人受伤或超时未能救出时拨打119', '有人受傷或超時未能救出時撥打119', 'Call 119 if anyone is hurt or the rescue takes too long') },
    ],
    ['物业经理', '电梯维保单位', '工程部值班', '客服主管'],
    '物业经理',
  ),
  plan(
    'fire',
    text('火灾', '火災', 'Fire'),
    [
      { id: 'call_119', text: text('确认已拨打119', '確認已撥打119', 'Make sure 119 has been called') },
      { id: 'evacuate', text: text('请物业组织疏散，不乘电梯', '請物業組織疏散，不乘電梯', 'Have property management evacuate the building; no lifts') },
      { id: 'count_people', text: text('清点疏散人员，报告有无人员未撤出', '清點疏散人員，報告有無人員未撤出', 'Count those evacuated; report anyone still inside') },
    ],
    ['物业经理', '安全主管', '工程部值班', '客服主管'],
    '客服主管',
  ),
  plan(
    'gas_smell',
    text('燃气泄漏', '燃氣洩漏', 'Gas smell'),
    [
      { id: 'no_sparks', text: text('提醒客户不开关电器、不用明火，开窗通风并离开', '提醒客戶不開關電器、不用明火，開窗通風並離開', 'Tell the caller: no switches, no flames; open the windows and leave') },
      { id: 'call_gas_company', text: text('通知燃气公司抢修', '通知燃氣公司搶修', 'Call the gas company’s emergency service') },
      { id: 'shut_gas', text: text('请物业关闭燃气总阀', '請物業關閉燃氣總閥', 'Have property management shut the main gas valve') },
    ],
    ['物业经理', '燃气公司', '安全主管', '客服主管'],
    '客服主管',
  ),
  plan(
    'structural_danger',
    text('结构安全隐患', '結構安全隱患', 'Structural danger'),
    [
      { id: 'cordon', text: text('请物业设置警戒，禁止人员靠近', '請物業設置警戒，禁止人員靠近', 'Have property management cordon the area off') },
      { id: 'engineer_survey', text: text('工程部派结构工程师现场勘查', '工程部派結構工程師現場勘查', 'Engineering sends a structural engineer to survey the site') },
      { id: 'record_evidence', text: text('拍照记录裂缝、变形等情况', '拍照記錄裂縫、變形等情況', 'Photograph the cracks or deformation') },
    ],
    ['工程部经理', '物业经理', '安全主管', '客服主管'],
    '工程部经理',
  ),
  plan(
    'owners_gathering',
    text('业主聚集', '業主聚集', 'Many owners gathering'),
    [
      { id: 'receive_representatives', text: text('请业主推选代表，安排会议室接待', '請業主推選代表，安排會議室接待', 'Ask the owners to choose representatives; receive them in a meeting room') },
      { id: 'record_demands', text: text('逐条记录业主诉求，不当场做未经授权的承诺', '逐條記錄業主訴求，不當場做未經授權的承諾', 'Write down each demand; make no promise that has not been approved') },
      { id: 'one_answer', text: text('对所有业主给出同一答复和时间表', '對所有業主給出同一答覆和時間表', 'Give every owner the same answer and timetable') },
    ],
    ['客服经理', '物业经理', '项目负责人', '公关负责人'],
    '公关负责人',
  ),
];
