import type { Seed } from './seed';

// Group complaints (群體利益, DOMAIN.md): one and the same answer for every owner, no special deals,
// one named contact, progress told to all alike. The group's plan itself is on the case's group,
// not a template variable: the prompt leads into it and the agent reads it out.
export const GROUP_SEEDS: Seed[] = [
  {
    no: 45, step: 'propose', tone: 'options', shortcut: ';tongyi',
    wording: {
      'zh-Hans': { title: '群体统一方案', body: '{{project}}不少业主都反映了同样的问题，公司已经为大家制定了同一套处理方案，每一位业主得到的答复都一样，不会有人特殊，也不会有人吃亏。我把方案的内容跟您说一下：' },
      'zh-Hant': { title: '社區統一方案', body: '{{project}}有不少住戶都反映了同樣的問題，公司已經為大家訂出同一套處理方案，每一位住戶得到的答覆都一樣，不會有人特別優待，也不會有人吃虧。我把方案內容跟您說明一下：' },
      en: { title: 'One plan for all owners', body: 'Many owners at {{project}} have reported the same problem, and the company has set one plan for all of them: every owner gets the same answer, nobody is treated specially and nobody loses out. Let me take you through the plan:' },
    },
  },
  {
    no: 46, step: 'agree', tone: 'closing', shortcut: ';duijie',
    wording: {
      'zh-Hans': { title: '群体对接人', body: '这件事公司指定了专人统一对接，对接人是【对接人姓名及电话】，所有业主的进展都由他统一通报。您的问题我已经登记进去；找我{{agentName}}也可以，我会转给对接人并给您回复。' },
      'zh-Hant': { title: '社區專責窗口', body: '這件事公司指定了專人統一處理，窗口是【窗口姓名及電話】，所有住戶的進度都由窗口統一通知。您的問題我已經登記進去；找我{{agentName}}也可以，我會轉給窗口並回覆您。' },
      en: { title: 'Named contact for the group', body: 'The company has appointed one person to handle this for every owner: 【contact name and phone】. All owners get their progress updates from that person. I have added your report; you can also come to me, {{agentName}}, and I will pass it on and get back to you.' },
    },
  },
  {
    no: 47, step: 'follow_up', tone: 'closing', shortcut: ';jinzhan',
    wording: {
      'zh-Hans': { title: '群体进展通报', body: '{{customerName}}您好，我是客服{{agentName}}。关于{{project}}业主共同反映的{{issue}}，给您通报最新进展：【最新进展】。所有业主收到的都是同样的信息，下次通报预计在{{deadline}}。' },
      'zh-Hant': { title: '社區進度通報', body: '{{customerName}}您好，我是客服{{agentName}}。關於{{project}}住戶共同反映的{{issue}}，跟您報告最新進度：【最新進度】。每位住戶收到的都是同樣的訊息，下次通報預計在{{deadline}}。' },
      en: { title: 'Group progress update', body: 'Hello {{customerName}}, this is {{agentName}} from customer service, with the latest on {{issue}}, which several owners at {{project}} have reported: 【latest progress】. Every owner receives the same update, and the next one is due by {{deadline}}.' },
    },
  },
];
