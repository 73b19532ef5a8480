import type { Seed } from './seed';

// Emergencies (緊急事件, DOMAIN.md): safety first, clear instructions, someone on the way. They sit
// in the vent step because they are the first thing said: listening comes after the danger.
// Burst pipes, lifts and gas are equipment and facilities; the shortcut works whatever the case's
// categories.
const EMERGENCY = ['housing_quality', 'equipment', 'engineering_repair'];

export const EMERGENCY_SEEDS: Seed[] = [
  {
    no: 41, step: 'vent', tone: 'empathy', shortcut: ';baoguan', categoryIds: [...EMERGENCY, 'waterproofing'],
    wording: {
      'zh-Hans': { title: '爆管应急', body: '先保证安全：请马上关闭入户总水阀；如果水已经流到插座或家电附近，请先拉下电闸，不要碰带电的东西。家里有老人小孩的，先带到干燥安全的地方。我们的维修人员已经在安排过去了，请您告诉我具体是哪里在漏水。' },
      'zh-Hant': { title: '水管爆裂應急', body: '先顧安全：請馬上關掉入戶的總水閥（總水掣）；如果水已經流到插座或家電附近，請先關掉總電源，不要碰任何帶電的東西。家裡有長輩或小孩的話，先讓他們待在乾燥安全的地方。我們的維修人員已經在安排過去，請您告訴我確切是哪裡在漏水。' },
      en: { title: 'Burst pipe', body: 'Safety first: please turn off the main water valve for your home now. If water has reached sockets or appliances, switch off the power at the fuse box and do not touch anything electrical. Move children and older people somewhere dry and safe. Our repair team is being sent to you now; tell me exactly where the water is coming from.' },
    },
  },
  {
    no: 42, step: 'vent', tone: 'empathy', shortcut: ';dianti', categoryIds: EMERGENCY,
    wording: {
      'zh-Hans': { title: '电梯困人', body: '请您不要慌，电梯停住时轿厢是安全的，您放心。请不要强行扒门，也不要试图爬出去；按下电梯里的警铃或对讲按钮，保持通话。救援人员已经在赶过去的路上，我会一直陪着您，请告诉我是几号楼、哪部电梯。' },
      'zh-Hant': { title: '電梯受困', body: '請您先冷靜，電梯停住時車廂是安全的，您放心。請不要硬扳電梯門，也不要想辦法爬出去；按下電梯裡的警鈴或對講機按鈕，保持通話。救援人員已經在趕過去的路上，我會一直陪著您，請告訴我是哪一棟、哪一部電梯。' },
      en: { title: 'Trapped in a lift', body: 'Please stay calm: the lift car is safe while it is stopped. Do not try to force the doors or climb out. Press the alarm or intercom button in the lift and keep talking to us. The rescue team is on its way, and I will stay with you; tell me which building and which lift you are in.' },
    },
  },
  {
    // The caller is on the phone in the flat: the first instruction is to hear this out, then hang up.
    no: 43, step: 'vent', tone: 'empathy', shortcut: ';ranqi', categoryIds: EMERGENCY,
    wording: {
      'zh-Hans': { title: '燃气泄漏', body: '请先听我说完再挂电话：不要开关电灯或任何家电，不要点火；轻轻打开门窗，马上离开到室外。到了安全的地方，再拨打燃气公司抢修电话，然后回电给我们。我们会同时通知物业和维修人员赶到现场。' },
      'zh-Hant': { title: '瓦斯外洩', body: '請先聽我說完再掛電話：不要開關電燈或任何家電，不要點火；輕輕打開門窗，馬上離開到室外。到了安全的地方，再打瓦斯（煤氣）公司的緊急搶修電話，然後回電給我們。我們會同時通知管理處和維修人員趕到現場。' },
      en: { title: 'Gas smell', body: 'Please hear me out, then hang up: do not switch any lights or appliances on or off, and do not light anything. Open the doors and windows gently and go outdoors straight away. Once you are somewhere safe, call the gas company\'s emergency line, then call us back. We are alerting the property management and our repair staff to go there now.' },
    },
  },
  {
    no: 44, step: 'agree', tone: 'closing', shortcut: ';qiangxiu',
    wording: {
      'zh-Hans': { title: '抢修已出发', body: '抢修人员已经出发，预计{{deadline}}前到达{{project}}{{unit}}，到了会先给您打电话。在他们到之前，请继续按刚才说的做好防护；情况有任何变化，马上打给我{{agentName}}。' },
      'zh-Hant': { title: '搶修人員出發', body: '搶修人員已經出發，預計{{deadline}}前抵達{{project}}{{unit}}，到了會先打電話給您。在他們到之前，請繼續照剛才說的做好防護；情況有任何變化，馬上打給我{{agentName}}。' },
      en: { title: 'Emergency crew on the way', body: 'Our emergency crew has set off and should reach {{project}} {{unit}} by {{deadline}}; they will phone you when they arrive. Until then, please keep following the safety steps we went through, and if anything changes, call me, {{agentName}}, straight away.' },
    },
  },
];
