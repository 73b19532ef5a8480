import { BUILDING, type Seed } from './seed';

// Keeping promises (言出必行), handing a case to a department, and the revisit and close
// (跟蹤服務 / 回訪), as DOMAIN.md asks. No variable holds a count of days or a responsible
// person: the due date is {{deadline}}, which the agent is asked for, and the person who
// answers for the promise is the agent. 【…】 marks text the agent fills in, as a missing
// variable is shown.
export const FOLLOW_THROUGH_SEEDS: Seed[] = [
  {
    no: 30, step: 'agree', tone: 'closing', shortcut: ';chengnuo',
    wording: {
      'zh-Hans': { title: '作出承诺', body: '我向您承诺：关于{{issue}}，我们会在{{deadline}}前给您结果，这件事由我{{agentName}}负责跟进。到时无论进展如何，我都会主动打电话告诉您。' },
      'zh-Hant': { title: '做出承諾', body: '我向您承諾：關於{{issue}}，我們會在{{deadline}}前給您結果，這件事由我{{agentName}}負責追蹤。到時候不論進度如何，我都會主動打電話告訴您。' },
      en: { title: 'Make a promise', body: 'Here is my commitment: about {{issue}}, we will come back to you with a result by {{deadline}}, and I, {{agentName}}, am responsible for following it up. Whatever the progress by then, I will call you myself.' },
    },
  },
  {
    no: 31, step: 'agree', tone: 'closing', shortcut: ';paigong', categoryIds: [...BUILDING, 'engineering_repair', 'decoration_quality'],
    wording: {
      'zh-Hans': { title: '派工程部', body: '我已经把{{issue}}转给工程部，并注明了您方便的时间。工程部的同事会在{{deadline}}前联系您约上门时间；如果到时没有接到电话，请直接打给我{{agentName}}。' },
      'zh-Hant': { title: '轉工程部', body: '我已經把{{issue}}轉給工程部，也寫下您方便的時間。工程部的同事會在{{deadline}}前跟您聯絡，約定到府時間；如果到時候沒接到電話，請直接打給我{{agentName}}。' },
      en: { title: 'Dispatch to engineering', body: 'I have passed {{issue}} to our engineering department, with the times that suit you. A colleague from engineering will contact you by {{deadline}} to book the visit; if you have not heard from them by then, call me, {{agentName}}, directly.' },
    },
  },
  {
    no: 32, step: 'agree', tone: 'closing', shortcut: ';zhuanjiao',
    wording: {
      'zh-Hans': { title: '转交部门', body: '这件事需要相关部门来处理，我已经正式转交，并写明了要在{{deadline}}前答复您。这期间您有任何问题都可以找我{{agentName}}，我是您这件事的联系人。' },
      'zh-Hant': { title: '轉交部門', body: '這件事需要由相關部門處理，我已經正式轉交，並註明要在{{deadline}}前回覆您。這段時間您有任何問題都可以找我{{agentName}}，這件事由我當您的聯絡窗口。' },
      en: { title: 'Pass to a department', body: 'This needs the department responsible, and I have formally passed it on with a reply due to you by {{deadline}}. In the meantime you can come to me, {{agentName}}, with any question: I am your contact for this.' },
    },
  },
  {
    no: 33, step: 'follow_up', tone: 'closing', shortcut: ';jindu',
    wording: {
      'zh-Hans': { title: '进度通报', body: '{{customerName}}您好，我是客服{{agentName}}，跟您通报一下{{issue}}目前的进度：【目前进度】。下一次更新，我会在{{deadline}}前告诉您。' },
      'zh-Hant': { title: '進度回報', body: '{{customerName}}您好，我是客服{{agentName}}，跟您回報{{issue}}目前的進度：【目前進度】。下一次更新，我會在{{deadline}}前通知您。' },
      en: { title: 'Progress update', body: 'Hello {{customerName}}, this is {{agentName}} from customer service with an update on {{issue}}: 【current progress】. I will give you the next update by {{deadline}}.' },
    },
  },
  {
    // Tell the owner before a promise is missed, not after (言出必行).
    no: 34, step: 'follow_up', tone: 'apology', shortcut: ';yanwu',
    wording: {
      'zh-Hans': { title: '承诺延后', body: '{{customerName}}您好，之前答应您的事情，我们没能按原定时间完成，先向您说声抱歉。原因我如实告诉您：【原因】。新的完成时间是{{deadline}}，这次我会提前跟进，确保做到。' },
      'zh-Hant': { title: '承諾延後', body: '{{customerName}}您好，之前答應您的事情，我們沒能在原訂時間完成，先跟您說聲抱歉。原因我如實告訴您：【原因】。新的完成時間是{{deadline}}，這次我會提前追蹤，確保做到。' },
      en: { title: 'Promise running late', body: 'Hello {{customerName}}, we have not managed to do what we promised you by the agreed time, and I am sorry. Here is the honest reason: 【reason】. The new date is {{deadline}}, and this time I will chase it early to make sure it happens.' },
    },
  },
  {
    no: 35, step: 'follow_up', tone: 'closing', shortcut: ';huifang',
    wording: {
      'zh-Hans': { title: '满意度回访', body: '{{customerName}}您好，我是客服{{agentName}}，这次来电是回访{{issue}}的处理情况。请问问题已经彻底解决了吗？如果用1到5分打分，5分最满意，您愿意打几分？' },
      'zh-Hant': { title: '滿意度回訪', body: '{{customerName}}您好，我是客服{{agentName}}，這次打來是想回訪{{issue}}的處理情形。請問問題已經完全解決了嗎？如果用1到5分來評，5分是最滿意，您會給幾分？' },
      en: { title: 'Revisit call', body: 'Hello {{customerName}}, this is {{agentName}} from customer service, calling back about {{issue}}. Has the problem been fully fixed? On a scale of 1 to 5, where 5 is very satisfied, how would you rate how we handled it?' },
    },
  },
  {
    no: 36, step: 'follow_up', tone: 'apology', shortcut: ';bumanyi',
    wording: {
      'zh-Hans': { title: '回访不满意', body: '很抱歉，问题还没有让您满意。我现在就重新登记，附上这次回访的结果，并安排在{{deadline}}前再处理一次，之后由我{{agentName}}再回访确认。' },
      'zh-Hant': { title: '回訪不滿意', body: '很抱歉，問題還沒有讓您滿意。我現在就重新登記，附上這次回訪的結果，並安排在{{deadline}}前再處理一次，之後由我{{agentName}}再回訪確認。' },
      en: { title: 'Revisit: not satisfied', body: 'I am sorry this has still not been put right for you. I am reopening it now with what you have told me and arranging another attempt by {{deadline}}; afterwards I, {{agentName}}, will call you again to check.' },
    },
  },
  {
    no: 37, step: 'follow_up', tone: 'closing', shortcut: ';jiean',
    wording: {
      'zh-Hans': { title: '结案致谢', body: '{{customerName}}，谢谢您对我们工作的理解和配合。这件事就处理到这里，之后如果有任何反复或新的问题，随时打电话找我们，报上您的{{project}}{{unit}}就能查到记录。' },
      'zh-Hant': { title: '結案致謝', body: '{{customerName}}，謝謝您對我們工作的體諒和配合。這件事就先處理到這裡，之後如果有任何反覆或新的問題，隨時打電話找我們，報上您的{{project}}{{unit}}就能查到紀錄。' },
      en: { title: 'Closing thanks', body: '{{customerName}}, thank you for your understanding and help. We will close this here; if the problem comes back or anything new comes up, call us any time and give your {{project}} {{unit}} so we can find the record.' },
    },
  },
  {
    no: 38, step: 'follow_up', tone: 'closing', shortcut: ';weijietong',
    wording: {
      'zh-Hans': { title: '未能联系上', body: '{{customerName}}您好，我是客服{{agentName}}，今天几次致电都没能联系上您，想了解{{issue}}处理后您是否满意。方便时请回电，或回复这条短信告诉我们。' },
      'zh-Hant': { title: '聯絡不上', body: '{{customerName}}您好，我是客服{{agentName}}，今天打了幾次電話都沒能聯絡到您，想了解{{issue}}處理後您是否滿意。方便時請回電，或直接回覆這則簡訊告訴我們。' },
      en: { title: 'Could not reach you', body: 'Hello {{customerName}}, this is {{agentName}} from customer service. We tried to call you several times today to ask whether you are satisfied with how {{issue}} was handled. Please call us back when convenient, or reply to this message.' },
    },
  },
];
