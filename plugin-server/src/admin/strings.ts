import { LOCALES, type Locale } from '../../../shared';

// Every word the admin pages show, in one place. English is complete and is the fallback;
// the Chinese tables may leave a key out.
const en = {
  appName: 'Lingting admin',
  signInTitle: 'Sign in',
  username: 'Username',
  password: 'Password',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signedInAs: 'Signed in as',
  navTemplates: 'Reply templates',
  navCases: 'Handled cases',
  forbiddenTitle: 'Not for your role',
  forbiddenBody: 'Your role may not open this page.',
  notFoundTitle: 'Not found',
  notFoundBody: 'There is no such record.',
  back: 'Back',
  search: 'Search',
  searchPlaceholder: 'Title, text or shortcut',
  filter: 'Filter',
  anyStatus: 'Any status',
  anyLanguage: 'Any language',
  newTemplate: 'New template',
  noTemplates: 'No templates match.',
  title: 'Title',
  body: 'Text',
  shortcut: 'Shortcut',
  shortcutHint: 'A semicolon and 2–20 lower-case letters or digits, e.g. ;qian. Leave empty for none.',
  step: 'Step',
  tone: 'Tone',
  categories: 'Categories',
  categoriesHint: 'None ticked: fits every category.',
  moods: 'Moods',
  moodsHint: 'None ticked: fits every mood.',
  language: 'Language',
  status: 'Status',
  version: 'Version',
  updatedAt: 'Updated',
  save: 'Save',
  create: 'Create draft',
  saved: 'Saved.',
  publish: 'Publish',
  archive: 'Archive',
  backToDraft: 'Back to draft',
  onlyDraftsEditable: 'Only drafts can be edited. Move it back to draft to change it.',
  versionHistory: 'Published versions',
  noVersions: 'Not published yet.',
  publishedAt: 'Published',
  conflictTitle: 'Someone else changed this template',
  conflictBody: 'Your text is kept in the form below. Their version is shown here; merge what you need, then save again to replace it.',
  theirVersion: 'Their version',
  conflictNotEditable: 'This template is no longer a draft (someone changed its status). Reload to see it.',
  errorGeneric: 'Something went wrong. Please try again.',
  errorNetwork: 'The server could not be reached.',
  errorSignIn: 'Wrong username or password.',
  errorShortcutTaken: 'Another template in this language already has this shortcut.',
  errorThrottled: 'Too many failed sign-ins; please wait and try again.',
  errorSessionEnded: 'Your session has ended. Please sign in again.',
  errorRoleHasNoPages: 'Your role has no admin pages here.',
  errorFieldsTitle: 'Please check these fields:',
  working: 'Working…',
  casesTitle: 'Handled cases',
  noCases: 'No cases yet.',
  received: 'Received',
  customer: 'Customer',
  phone: 'Phone',
  project: 'Project',
  unit: 'Unit',
  crmRecord: 'CRM record',
  channel: 'Channel',
  severity: 'Severity',
  mood: 'Mood',
  caseStatus: 'Case status',
  stepLog: 'Five-step log',
  noSteps: 'No steps recorded.',
  done: 'Done',
  skipped: 'Skipped',
  skipReason: 'Reason',
  templatesUsed: 'Templates used',
  noTemplatesUsed: 'No templates used.',
  summary: 'Summary',
  plan: 'Plan',
  notes: 'Notes',
  none: '—',
  reviews: 'Reviews',
  noReviews: 'No reviews yet.',
  reviewForm: 'Your review',
  comment: 'Comment',
  submitReview: 'Save review',
  reviewer: 'Reviewer',
  agent: 'Agent',
  reviewsCount: 'Reviews',
  open: 'Open',
  step_vent: '1 Let them vent',
  step_apologise: '2 Apologise and restate',
  step_propose: '3 Propose a solution',
  step_agree: '4 Agree the plan',
  step_follow_up: '5 Follow up',
  rubric_listening: 'Listening',
  rubric_apology: 'Apology',
  rubric_solution: 'Solution',
  rubric_follow_through: 'Follow-through',
  rubric_attitude: 'Attitude',
  tone_empathy: 'Empathy',
  tone_apology: 'Apology',
  tone_restatement: 'Restatement',
  tone_options: 'Options',
  tone_closing: 'Closing',
  tone_refusal: 'Refusal',
  mood_calm: 'Calm',
  mood_upset: 'Upset',
  mood_angry: 'Angry',
  status_draft: 'Draft',
  status_published: 'Published',
  status_archived: 'Archived',
  caseStatus_open: 'Open',
  caseStatus_following_up: 'Following up',
  caseStatus_closed: 'Closed',
  channel_hotline: 'Hotline',
  channel_property_relay: 'Relayed by property company',
  channel_website: 'Website',
  channel_mailbox: 'Mailbox',
  channel_walk_in: 'Walk-in',
  severity_normal: 'Normal',
  severity_major: 'Major',
  language_zh_Hans: '简体中文',
  language_zh_Hant: '繁體中文',
  language_en: 'English',
};

/** A key of the admin pages' string table. */
export type StringKey = keyof typeof en;
type Table = Partial<Record<StringKey, string>>;

const zhHans: Table = {
  appName: '聆听 · 管理',
  signInTitle: '登录',
  username: '用户名',
  password: '密码',
  signIn: '登录',
  signOut: '退出登录',
  signedInAs: '当前用户',
  navTemplates: '回复模板',
  navCases: '已处理个案',
  forbiddenTitle: '无权访问',
  forbiddenBody: '您的角色不能打开此页面。',
  notFoundTitle: '未找到',
  notFoundBody: '没有这条记录。',
  back: '返回',
  search: '搜索',
  searchPlaceholder: '标题、正文或快捷码',
  filter: '筛选',
  anyStatus: '全部状态',
  anyLanguage: '全部语言',
  newTemplate: '新建模板',
  noTemplates: '没有符合条件的模板。',
  title: '标题',
  body: '正文',
  shortcut: '快捷码',
  shortcutHint: '分号加 2–20 个小写字母或数字，例如 ;qian。留空表示不设。',
  step: '步骤',
  tone: '语气',
  categories: '投诉类别',
  categoriesHint: '不勾选：适用于所有类别。',
  moods: '客户情绪',
  moodsHint: '不勾选：适用于所有情绪。',
  language: '语言',
  status: '状态',
  version: '版本',
  updatedAt: '更新时间',
  save: '保存',
  create: '创建草稿',
  saved: '已保存。',
  publish: '发布',
  archive: '归档',
  backToDraft: '退回草稿',
  onlyDraftsEditable: '只能编辑草稿。如需修改，请先退回草稿。',
  versionHistory: '已发布版本',
  noVersions: '尚未发布。',
  publishedAt: '发布时间',
  conflictTitle: '其他人已修改了此模板',
  conflictBody: '您的内容仍保留在下方表单中。对方的版本显示如下；合并所需内容后再次保存即可覆盖。',
  theirVersion: '对方的版本',
  conflictNotEditable: '此模板已不是草稿（有人更改了状态）。请刷新页面查看。',
  errorGeneric: '出错了，请重试。',
  errorNetwork: '无法连接服务器。',
  errorSignIn: '用户名或密码错误。',
  errorShortcutTaken: '同一语言中已有模板使用此快捷码。',
  errorThrottled: '登录失败次数过多，请稍后再试。',
  errorSessionEnded: '登录已过期，请重新登录。',
  errorRoleHasNoPages: '您的角色在此没有管理页面。',
  errorFieldsTitle: '请检查以下字段：',
  working: '处理中…',
  casesTitle: '已处理个案',
  noCases: '暂无个案。',
  received: '受理时间',
  customer: '客户',
  phone: '电话',
  project: '项目',
  unit: '房号',
  crmRecord: 'CRM 记录',
  channel: '来源渠道',
  severity: '严重程度',
  mood: '情绪',
  caseStatus: '个案状态',
  stepLog: '五步记录',
  noSteps: '没有步骤记录。',
  done: '完成',
  skipped: '跳过',
  skipReason: '原因',
  templatesUsed: '使用的模板',
  noTemplatesUsed: '未使用模板。',
  summary: '问题摘要',
  plan: '处理方案',
  notes: '备注',
  reviews: '点评',
  noReviews: '暂无点评。',
  reviewForm: '我的点评',
  comment: '评语',
  submitReview: '保存点评',
  reviewer: '点评人',
  agent: '处理坐席',
  reviewsCount: '点评',
  open: '打开',
  step_vent: '1 让客户倾诉',
  step_apologise: '2 致歉并复述',
  step_propose: '3 提出方案',
  step_agree: '4 确认方案',
  step_follow_up: '5 跟进',
  rubric_listening: '倾听',
  rubric_apology: '致歉',
  rubric_solution: '解决方案',
  rubric_follow_through: '跟进落实',
  rubric_attitude: '态度',
  tone_empathy: '共情',
  tone_apology: '致歉',
  tone_restatement: '复述',
  tone_options: '方案',
  tone_closing: '结束语',
  tone_refusal: '婉拒',
  mood_calm: '平静',
  mood_upset: '不满',
  mood_angry: '愤怒',
  status_draft: '草稿',
  status_published: '已发布',
  status_archived: '已归档',
  caseStatus_open: '处理中',
  caseStatus_following_up: '跟进中',
  caseStatus_closed: '已结案',
  channel_hotline: '热线',
  channel_property_relay: '物业转达',
  channel_website: '网站',
  channel_mailbox: '信箱',
  channel_walk_in: '来访',
  severity_normal: '一般',
  severity_major: '重大',
};

// Traditional Chinese, derived from the Simplified table so the two never drift apart.
const zhHant: Table = Object.fromEntries(Object.entries(zhHans).map(([key, text]) => [key, toTraditional(text)]));

/** The Simplified characters this table uses that differ in Traditional; not a general converter. */
function toTraditional(text: string): string {
  const map: Record<string, string> = {
    听: '聽', 录: '錄', 户: '戶', 码: '碼', 当: '當', 复: '複', 处: '處', 个: '個', 权: '權', 访: '訪', 问: '問', 页: '頁', 没: '沒',
    条: '條', 记: '記', 题: '題', 态: '態', 语: '語', 标: '標', 号: '號', 写: '寫', 设: '設', 骤: '驟', 气: '氣', 诉: '訴', 类: '類',
    别: '別', 选: '選', 适: '適', 于: '於', 绪: '緒', 时: '時', 间: '間', 创: '創', 发: '發', 归: '歸', 档: '檔', 辑: '輯', 请: '請',
    经: '經', 内: '內', 单: '單', 对: '對', 显: '顯', 并: '並', 盖: '蓋', 错: '錯', 试: '試', 连: '連', 编: '編', 误: '誤', 电: '電', 话: '話', 确: '確', 务: '務', 败: '敗', 数: '數',
    过: '過', 后: '後', 无: '無', 检: '檢', 暂: '暫', 项: '項', 来: '來', 严: '嚴', 状: '狀', 备: '備', 注: '註', 点: '點', 评: '評',
    论: '論', 让: '讓', 倾: '傾', 认: '認', 进: '進', 实: '實', 决: '決', 结: '結', 静: '靜', 满: '滿', 愤: '憤', 热: '熱', 线: '線',
    转: '轉', 达: '達', 网: '網', 业: '業', 团: '團', 队: '隊', 两: '兩', 为: '為', 这: '這', 还: '還', 应: '應', 该: '該', 贴: '貼',
    导: '導', 签: '簽', 闭: '閉', 开: '開', 关: '關',
  };
  // 并 is 並 ("and") but 合并 is 合併; 复 is 複 (复述) but 回复 is 回覆.
  const phrases = text.replaceAll('合并', '合併').replaceAll('回复', '回覆');
  return Array.from(phrases, (char) => map[char] ?? char).join('');
}

const TABLES: Record<Locale, Table> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };

/** The page language from `Accept-Language`: the first listed that we speak, English otherwise. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return 'en';
}

// zh-TW / zh-HK / zh-MO and any Hant script tag read Traditional; other Chinese, Simplified.
function localeOfTag(tag: string): Locale | undefined {
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag === 'zh' || tag.startsWith('zh-')) {
    return /(^|-)(hant|tw|hk|mo)(-|$)/.test(tag) ? 'zh-Hant' : 'zh-Hans';
  }
  return LOCALES.find((locale) => locale.toLowerCase() === tag);
}

/** The string table for `locale`: a lookup that falls back to English key by key. */
export function stringsFor(locale: Locale): (key: StringKey) => string {
  const table = TABLES[locale];
  return (key) => table[key] ?? en[key];
}

/** The translator the page components receive. */
export type Translate = ReturnType<typeof stringsFor>;

/** The strings admin.js needs at run time, handed over in a data attribute. */
export const CLIENT_STRING_KEYS = [
  'errorGeneric',
  'errorNetwork',
  'errorSignIn',
  'errorShortcutTaken',
  'errorThrottled',
  'errorSessionEnded',
  'errorRoleHasNoPages',
  'errorFieldsTitle',
  'saved',
  'working',
  'conflictTitle',
  'conflictBody',
  'conflictNotEditable',
  'theirVersion',
  'version',
  'title',
  'body',
  'shortcut',
] as const satisfies readonly StringKey[];
