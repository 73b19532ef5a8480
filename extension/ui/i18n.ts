import type { Locale, StepId, StepNeed } from '../../shared';

/** The UI language: the browser's first preference that we speak, English otherwise. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (/^zh-(hant|tw|hk|mo)/.test(lower)) return 'zh-Hant';
    if (lower.startsWith('zh')) return 'zh-Hans';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

const en = {
  appName: 'Lingting',
  customer: 'Customer',
  noCustomer: 'No customer on this page yet.',
  phone: 'Phone',
  project: 'Project',
  unit: 'Unit',
  categories: 'Category',
  steps: 'Steps',
  stepNames: {
    vent: '1 · Let them vent',
    apologise: '2 · Apologise and restate',
    propose: '3 · Propose a solution',
    agree: '4 · Agree the plan',
    follow_up: '5 · Follow up',
  } satisfies Record<StepId, string>,
  stepHints: {
    vent: 'Listen to the end. Do not interrupt; show you are with them.',
    apologise: 'An apology is not an admission of fault. Restate the problem and ask them to confirm.',
    propose: 'Offer options; goodwill gestures count too.',
    agree: 'Tell them the plan and ask what they think.',
    follow_up: 'Call back after the fix: are they satisfied?',
  } satisfies Record<StepId, string>,
  needs: {
    previous_step: 'finish the step before',
    category: 'pick a category',
    summary: 'write the summary',
    plan: 'write the plan',
  } satisfies Record<StepNeed, string>,
  markDone: 'Done',
  done: 'Done',
  summary: 'What happened (restated)',
  summaryPlaceholder: 'e.g. the roof leaks into the bedroom since Monday',
  insert: 'Insert',
  inserted: 'Inserted into the CRM reply.',
  insertFailed: 'Click into the CRM reply box first, then insert again.',
  missingValues: 'Missing:',
  save: 'Save case',
  saved: 'Saved on this computer.',
  noPrompts: 'No prompts for this step yet.',
  signedOut: 'Not signed in. Open the settings to connect to your Lingting server.',
  openSettings: 'Settings',
  sync: {
    signed_out: 'Offline: not signed in',
    synced: 'Synced',
    pending: (count: number) => `${count} waiting to sync`,
  },
  options: {
    title: 'Lingting settings',
    serverUrl: 'Server address',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: (name: string) => `Signed in as ${name}.`,
  },
};
export type Strings = typeof en;

const zhHans: Strings = {
  appName: '聆听',
  customer: '客户',
  noCustomer: '页面上还没有客户信息。',
  phone: '电话',
  project: '项目',
  unit: '房号',
  categories: '投诉类别',
  steps: '处理步骤',
  stepNames: {
    vent: '1 · 让客户发泄',
    apologise: '2 · 充分道歉并复述',
    propose: '3 · 提出解决办法',
    agree: '4 · 告知方案并征询意见',
    follow_up: '5 · 跟踪回访',
  },
  stepHints: {
    vent: '耐心听完，不打断；让客户感到你和他站在一起。',
    apologise: '道歉不等于认错。用自己的话复述问题，请客户确认。',
    propose: '给出可选方案；表达谢意和关怀也是方案的一部分。',
    agree: '把处理方案告诉客户，并征询他的意见。',
    follow_up: '处理完成后回访：客户是否满意？',
  },
  needs: { previous_step: '先完成上一步', category: '选择类别', summary: '填写问题概述', plan: '填写处理方案' },
  markDone: '完成',
  done: '已完成',
  summary: '问题概述（复述）',
  summaryPlaceholder: '例如：周一起卧室天花板漏水',
  insert: '插入',
  inserted: '已插入 CRM 回复框。',
  insertFailed: '请先点击 CRM 的回复框，再插入。',
  missingValues: '缺少：',
  save: '保存记录',
  saved: '已保存在本机。',
  noPrompts: '此步骤暂无话术。',
  signedOut: '尚未登录。请打开设置连接聆听服务器。',
  openSettings: '设置',
  sync: { signed_out: '离线：未登录', synced: '已同步', pending: (count) => `${count} 条待同步` },
  options: {
    title: '聆听设置',
    serverUrl: '服务器地址',
    username: '用户名',
    password: '密码',
    signIn: '登录',
    signOut: '退出登录',
    signedInAs: (name) => `已登录：${name}`,
  },
};

const zhHant: Strings = {
  appName: '聆聽',
  customer: '客戶',
  noCustomer: '頁面上還沒有客戶資料。',
  phone: '電話',
  project: '項目',
  unit: '房號',
  categories: '投訴類別',
  steps: '處理步驟',
  stepNames: {
    vent: '1 · 讓客戶發洩',
    apologise: '2 · 充分道歉並複述',
    propose: '3 · 提出解決辦法',
    agree: '4 · 告知方案並徵詢意見',
    follow_up: '5 · 跟蹤回訪',
  },
  stepHints: {
    vent: '耐心聽完，不打斷；讓客戶感到你和他站在一起。',
    apologise: '道歉不等於認錯。用自己的話複述問題，請客戶確認。',
    propose: '給出可選方案；表達謝意和關懷也是方案的一部分。',
    agree: '把處理方案告訴客戶，並徵詢他的意見。',
    follow_up: '處理完成後回訪：客戶是否滿意？',
  },
  needs: { previous_step: '先完成上一步', category: '選擇類別', summary: '填寫問題概述', plan: '填寫處理方案' },
  markDone: '完成',
  done: '已完成',
  summary: '問題概述（複述）',
  summaryPlaceholder: '例如：週一起睡房天花板漏水',
  insert: '插入',
  inserted: '已插入 CRM 回覆框。',
  insertFailed: '請先點擊 CRM 的回覆框，再插入。',
  missingValues: '缺少：',
  save: '儲存記錄',
  saved: '已儲存在本機。',
  noPrompts: '此步驟暫無話術。',
  signedOut: '尚未登入。請打開設定連接聆聽伺服器。',
  openSettings: '設定',
  sync: { signed_out: '離線：未登入', synced: '已同步', pending: (count) => `${count} 條待同步` },
  options: {
    title: '聆聽設定',
    serverUrl: '伺服器地址',
    username: '用戶名',
    password: '密碼',
    signIn: '登入',
    signOut: '登出',
    signedInAs: (name) => `已登入：${name}`,
  },
};

export const STRINGS: Record<Locale, Strings> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };
