import type { Seed } from './seed';

// The first defaults, shipped before moods and categories: our own wording in the spirit of the
// guide (DOMAIN.md), one entry per prompt.
export const CORE_SEEDS: Seed[] = [
  {
    no: 1, step: 'vent', tone: 'empathy', shortcut: ';ting',
    wording: {
      'zh-Hans': { title: '倾听开场', body: '{{customerName}}您好，我是客服{{agentName}}。您慢慢说，我在认真听，会把情况完整记下来。' },
      'zh-Hant': { title: '傾聽開場', body: '{{customerName}}您好，我是客服{{agentName}}。您慢慢說，我在認真聽，會把情況完整記下來。' },
      en: { title: 'Listening opener', body: 'Hello {{customerName}}, this is {{agentName}} from customer service. Please take your time; I am listening and noting everything down.' },
    },
  },
  {
    no: 2, step: 'vent', tone: 'empathy', shortcut: ';gan', moods: ['upset', 'angry'],
    wording: {
      'zh-Hans': { title: '表达理解', body: '遇到这样的事，换作是我也会很着急。谢谢您愿意直接告诉我们。' },
      'zh-Hant': { title: '表達理解', body: '遇到這樣的事，換作是我也會很著急。謝謝您願意直接告訴我們。' },
      en: { title: 'Show understanding', body: 'I would be worried too if this happened to my home. Thank you for telling us directly.' },
    },
  },
  {
    no: 3, step: 'apologise', tone: 'apology', shortcut: ';qian',
    wording: {
      'zh-Hans': { title: '致歉', body: '{{customerName}}，给您的生活带来这样的不便，我们非常抱歉。' },
      'zh-Hant': { title: '致歉', body: '{{customerName}}，給您的生活帶來這樣的不便，我們非常抱歉。' },
      en: { title: 'Apology', body: '{{customerName}}, we are truly sorry for the trouble this has caused you.' },
    },
  },
  {
    no: 4, step: 'apologise', tone: 'restatement', shortcut: ';que',
    wording: {
      'zh-Hans': { title: '复述确认', body: '我确认一下：您反映的是{{project}}{{unit}}的{{issue}}，是这样吗？' },
      'zh-Hant': { title: '複述確認', body: '我確認一下：您反映的是{{project}}{{unit}}的{{issue}}，是這樣嗎？' },
      en: { title: 'Restate and confirm', body: 'Let me make sure I have it right: the problem is {{issue}} at {{project}} {{unit}}. Is that correct?' },
    },
  },
  {
    no: 5, step: 'propose', tone: 'options', shortcut: ';fang',
    wording: {
      'zh-Hans': { title: '提出方案', body: '针对{{issue}}，我们可以先安排工程人员上门查看，再和您商定维修时间。您看哪个时间方便？' },
      'zh-Hant': { title: '提出方案', body: '針對{{issue}}，我們可以先安排工程人員上門查看，再和您商定維修時間。您看哪個時間方便？' },
      en: { title: 'Offer a plan', body: 'For {{issue}}, we can first send our engineers to inspect, then agree a repair time with you. When would suit you?' },
    },
  },
  {
    no: 6, step: 'propose', tone: 'refusal', shortcut: ';ju',
    wording: {
      'zh-Hans': { title: '适度拒绝', body: '这个要求超出了合同约定的范围，我们无法直接办理。您可以向{{issue}}相关部门提出申诉，我也会把您的意见如实上报。' },
      'zh-Hant': { title: '適度拒絕', body: '這個要求超出了合同約定的範圍，我們無法直接辦理。您可以向{{issue}}相關部門提出申訴，我也會把您的意見如實上報。' },
      en: { title: 'Appropriate refusal', body: 'This request falls outside what the contract covers, so we cannot arrange it directly. You can appeal to the department responsible for {{issue}}, and I will pass your view on faithfully.' },
    },
  },
  {
    no: 7, step: 'agree', tone: 'closing', shortcut: ';ding',
    wording: {
      'zh-Hans': { title: '告知方案', body: '那我们就这样安排：{{issue}}将在{{deadline}}前给您答复。您对这个安排还有什么意见吗？' },
      'zh-Hant': { title: '告知方案', body: '那我們就這樣安排：{{issue}}將在{{deadline}}前給您答覆。您對這個安排還有什麼意見嗎？' },
      en: { title: 'Confirm the plan', body: 'Here is what we will do: we will get back to you about {{issue}} by {{deadline}}. Is there anything about this plan you would change?' },
    },
  },
  {
    no: 8, step: 'follow_up', tone: 'closing', shortcut: ';hui',
    wording: {
      'zh-Hans': { title: '回访', body: '{{customerName}}您好，我是客服{{agentName}}，想了解一下{{issue}}处理后您是否满意，还有需要我们改进的地方吗？' },
      'zh-Hant': { title: '回訪', body: '{{customerName}}您好，我是客服{{agentName}}，想了解一下{{issue}}處理後您是否滿意，還有需要我們改進的地方嗎？' },
      en: { title: 'Follow-up call', body: 'Hello {{customerName}}, this is {{agentName}} from customer service. Are you satisfied with how {{issue}} was handled, and is there anything we should improve?' },
    },
  },
];
