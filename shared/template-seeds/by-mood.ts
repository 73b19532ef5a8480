import type { Seed } from './seed';

// Venting and apologising worded for how the customer sounds (DOMAIN.md, steps 1–2). Calm: invite
// the account. Upset: name the feeling. Angry: let them finish, lower the temperature, no excuses,
// never argue back.
export const BY_MOOD_SEEDS: Seed[] = [
  {
    no: 9, step: 'vent', tone: 'empathy', shortcut: ';qingjiang', moods: ['calm'],
    wording: {
      'zh-Hans': { title: '平和开场', body: '{{customerName}}您好，我是客服{{agentName}}。感谢您来电反映，请您把经过说一说，我边听边记，稍后跟您核对。' },
      'zh-Hant': { title: '平和開場', body: '{{customerName}}您好，我是客服{{agentName}}。謝謝您來電反映，請您把經過說一說，我一邊聽一邊記，等一下再跟您核對。' },
      en: { title: 'Calm opener', body: 'Hello {{customerName}}, this is {{agentName}} from customer service. Thank you for calling. Please tell me what happened; I will take notes as you go and check them with you afterwards.' },
    },
  },
  {
    no: 10, step: 'vent', tone: 'empathy', shortcut: ';lijie', moods: ['upset'],
    wording: {
      'zh-Hans': { title: '体谅不满', body: '我听得出来这件事让您很不舒服，这很正常。您先把经过告诉我，哪一点最让您困扰，我们就从哪一点开始。' },
      'zh-Hant': { title: '體諒不滿', body: '我聽得出來這件事讓您很不舒服，這很正常。您先把經過告訴我，哪一點最讓您困擾，我們就從哪一點開始。' },
      en: { title: 'Acknowledge the frustration', body: 'I can hear this has really upset you, and that is understandable. Tell me what happened, and we will start with whatever is bothering you most.' },
    },
  },
  {
    no: 11, step: 'vent', tone: 'empathy', shortcut: ';shuowan', moods: ['angry'],
    wording: {
      'zh-Hans': { title: '让客户说完', body: '您说，我不打断您。您把想说的都说完，我一条一条记下来，一个细节也不会漏。' },
      'zh-Hant': { title: '讓客戶說完', body: '您說，我不打斷您。您把想說的都說完，我一條一條記下來，一個細節都不會漏掉。' },
      en: { title: 'Let them finish', body: 'Please go on; I will not interrupt. Say everything you need to say, and I will write it down point by point so nothing is lost.' },
    },
  },
  {
    no: 12, step: 'vent', tone: 'empathy', shortcut: ';manman', moods: ['angry'],
    wording: {
      'zh-Hans': { title: '缓和情绪', body: '您这么生气，说明这件事确实给您添了很大的麻烦。我是来帮您解决问题的，我们一起把它理清楚。' },
      'zh-Hant': { title: '緩和情緒', body: '您這麼生氣，表示這件事真的給您添了很大的麻煩。我是來幫您把問題處理好的，我們一起把它釐清。' },
      en: { title: 'Lower the temperature', body: 'Your anger tells me this has caused you real trouble. I am on your side in getting it fixed, so let us go through it together.' },
    },
  },
  {
    // Attitude (DOMAIN.md): never argue or retaliate; offering a later call is the calm way out.
    no: 13, step: 'vent', tone: 'refusal', shortcut: ';wenming', moods: ['angry'],
    wording: {
      'zh-Hans': { title: '平静设限', body: '我很想帮您把问题解决好。为了不漏掉任何细节，请您慢一点、心平气和地跟我说。如果您现在不方便谈，我也可以约个时间再给您回电。' },
      'zh-Hant': { title: '平靜設限', body: '我很想幫您把問題處理好。為了不漏掉任何細節，請您說慢一點，心平氣和地跟我談。如果您現在不方便談，我也可以跟您約個時間再回電給您。' },
      en: { title: 'Calm boundary', body: 'I really want to solve this for you. So that I catch every detail, please talk me through it calmly. If now is not a good moment, I can call you back at a time that suits you.' },
    },
  },
  {
    no: 14, step: 'apologise', tone: 'apology', shortcut: ';baoqian', moods: ['calm'],
    wording: {
      'zh-Hans': { title: '诚恳致歉', body: '{{customerName}}，谢谢您耐心说明。这件事给您添了麻烦，我代表公司向您表示歉意。' },
      'zh-Hant': { title: '誠懇致歉', body: '{{customerName}}，謝謝您耐心說明。這件事給您添了麻煩，我代表公司向您致上歉意。' },
      en: { title: 'Sincere apology', body: '{{customerName}}, thank you for explaining so patiently. On behalf of the company, I am sorry for the trouble this has caused you.' },
    },
  },
  {
    // An apology is not an admission of fault (DOMAIN.md): sorry for what they went through.
    no: 15, step: 'apologise', tone: 'apology', shortcut: ';buying', moods: ['upset'],
    wording: {
      'zh-Hans': { title: '理解并致歉', body: '让您遇到这样的事、这么失望，真的很抱歉。您的感受我完全理解，接下来由我跟进到底。' },
      'zh-Hant': { title: '理解並致歉', body: '讓您遇到這樣的事、這麼失望，真的很抱歉。您的感受我完全理解，接下來由我一路跟進到底。' },
      en: { title: 'Apologise and understand', body: 'I am really sorry you have been through this and feel let down. I understand how you feel, and I will see this through from here.' },
    },
  },
  {
    no: 16, step: 'apologise', tone: 'apology', shortcut: ';zhiqian', moods: ['angry'],
    wording: {
      'zh-Hans': { title: '不找借口', body: '我不找任何理由，先郑重跟您说声对不起：让您这么生气、这样来回折腾，是我们的服务没有让您满意。' },
      'zh-Hant': { title: '不找藉口', body: '我不找任何理由，先鄭重跟您說聲對不起：讓您這麼生氣、這樣來回奔波，是我們的服務沒有讓您滿意。' },
      en: { title: 'No excuses', body: 'I will not make excuses. I am sincerely sorry: you should not have had to go through this much to be heard, and our service has not been good enough for you.' },
    },
  },
  {
    no: 17, step: 'apologise', tone: 'restatement', shortcut: ';heshi', moods: ['upset', 'angry'],
    wording: {
      'zh-Hans': { title: '简短复述', body: '我把您说的要点简单复述一遍，有不对的地方您直接纠正我：{{project}}{{unit}}，{{issue}}。我这样理解对吗？' },
      'zh-Hant': { title: '簡短複述', body: '我把您說的重點簡單複述一遍，有不對的地方請直接糾正我：{{project}}{{unit}}，{{issue}}。我這樣理解對嗎？' },
      en: { title: 'Short read-back', body: 'Let me read the key points back briefly; stop me if anything is wrong: {{issue}}, at {{project}} {{unit}}. Have I got that right?' },
    },
  },
];
