import { BUILDING, type Seed } from './seed';

// Prompts for the complaint categories the guide names (DOMAIN.md), where what to say depends on
// what the complaint is about. Ids are category ids from ../taxonomy.ts.
export const BY_CATEGORY_SEEDS: Seed[] = [
  {
    no: 18, step: 'propose', tone: 'options', shortcut: ';loushui', categoryIds: [...BUILDING, 'engineering_repair'],
    wording: {
      'zh-Hans': { title: '漏水处理', body: '漏水会越拖越严重，我们先做两件事：今天就安排工程人员上门查找渗漏点；在修好之前，请您先把贵重物品和家电移开，必要时关掉附近的电源。您看今天什么时间家里有人？' },
      'zh-Hant': { title: '漏水處理', body: '漏水拖得越久越嚴重，我們先做兩件事：今天就安排工程人員到府找出滲漏點；修好之前，請您先把貴重物品和家電移開，必要時關掉附近的電源。請問您今天什麼時間家裡有人？' },
      en: { title: 'Leak: first steps', body: 'A leak gets worse the longer it waits, so we will do two things first: send our engineers today to find where the water comes in, and until it is fixed, please move valuables and appliances away and switch off nearby power if needed. When is someone at home today?' },
    },
  },
  {
    no: 19, step: 'propose', tone: 'options', shortcut: ';liefeng', categoryIds: ['housing_quality', 'main_structure', 'finishes', 'foundation'],
    wording: {
      'zh-Hans': { title: '裂缝查看', body: '墙面裂缝有的只是表面抹灰开裂，有的需要做结构检测。我们会安排工程师上门查看并拍照记录，判断属于哪一种，再跟您说明维修方案和时间。您看哪天方便？' },
      'zh-Hant': { title: '裂縫查看', body: '牆面裂縫有些只是表層粉刷開裂，有些則需要做結構檢測。我們會安排工程師到府查看並拍照記錄，判斷是哪一種，再跟您說明修繕方式和時間。請問哪天比較方便？' },
      en: { title: 'Cracks: inspection', body: 'Some wall cracks are only in the surface plaster; others need a structural check. We will send an engineer to inspect and photograph them, tell you which kind they are, and then explain the repair and its timing. Which day suits you?' },
    },
  },
  {
    no: 20, step: 'apologise', tone: 'apology', shortcut: ';weixiu', categoryIds: ['engineering_repair'],
    wording: {
      'zh-Hans': { title: '维修反复', body: '同一个问题让您反复报修、反复等人，给您添了很多麻烦，非常抱歉。这一次我会亲自盯着维修进度，直到真正修好为止。' },
      'zh-Hant': { title: '維修反覆', body: '同一個問題讓您一再報修、一再等人，給您添了很多麻煩，真的很抱歉。這一次我會親自盯著維修進度，直到真正修好為止。' },
      en: { title: 'Repeated repairs', body: 'I am very sorry you have had to report the same problem again and wait in for us again. This time I will keep track of the repair myself until it is properly fixed.' },
    },
  },
  {
    no: 21, step: 'apologise', tone: 'apology', shortcut: ';yanqi', categoryIds: ['handover'],
    wording: {
      'zh-Hans': { title: '交房延期致歉', body: '交房时间推迟，打乱了您搬家和生活上的安排，我们非常抱歉。新的交房时间，以及合同里关于延期的约定，我会一并给您说明清楚。' },
      'zh-Hant': { title: '交屋延期致歉', body: '交屋時間延後，打亂了您搬家和生活上的安排，我們非常抱歉。新的交屋時間，以及合約裡關於延期的約定，我會一併跟您說明清楚。' },
      en: { title: 'Hand-over delay apology', body: 'We are very sorry the hand-over has been delayed and has upset your moving plans. I will explain the new hand-over date and what your contract says about delays.' },
    },
  },
  {
    no: 22, step: 'propose', tone: 'options', shortcut: ';jiaofang', categoryIds: ['handover'],
    wording: {
      'zh-Hans': { title: '交房安排', body: '关于交房，我们可以这样安排：先把确定的交房日期和需要准备的材料书面发给您；验房时由工程人员陪同，发现的问题当场登记、限期整改。您希望通过短信还是电话接收通知？' },
      'zh-Hant': { title: '交屋安排', body: '關於交屋，我們可以這樣安排：先把確定的交屋日期和需要準備的文件以書面寄給您；驗屋時由工程人員陪同，發現的問題當場登記、限期改善。您希望用簡訊還是電話接收通知？' },
      en: { title: 'Hand-over arrangements', body: 'For the hand-over, we can arrange it like this: we send you the confirmed date and the documents you need in writing; an engineer accompanies you at the inspection, and anything found is logged on the spot with a date for the fix. Would you like the notices by text message or by phone?' },
    },
  },
  {
    no: 23, step: 'propose', tone: 'options', shortcut: ';anjie', categoryIds: ['contract', 'mortgage_paperwork'],
    wording: {
      'zh-Hans': { title: '按揭手续', body: '按揭手续要经过银行审批、合同盖章和备案几个环节。我先帮您查清楚卡在哪一步、由谁负责，再告诉您还缺哪些材料，以及预计什么时候能办完。' },
      'zh-Hant': { title: '房貸（按揭）手續', body: '房貸（按揭）手續要經過銀行審核、合約用印和備案幾個環節。我先幫您查清楚卡在哪一個環節、由誰負責，再告訴您還缺哪些文件，以及預計什麼時候可以辦完。' },
      en: { title: 'Mortgage paperwork', body: 'Mortgage paperwork passes through the bank\'s approval, the contract stamping and the filing. I will first find out which stage yours is stuck at and who is responsible, then tell you which documents are still missing and when it should be done.' },
    },
  },
  {
    no: 24, step: 'apologise', tone: 'restatement', shortcut: ';fukuan', categoryIds: ['payment'],
    wording: {
      'zh-Hans': { title: '付款核对', body: '涉及款项的问题，我们一定核实清楚。我确认一下：您对{{issue}}有疑问，相关的收据或转账记录您手边有吗？我们按单据逐笔核对。' },
      'zh-Hant': { title: '付款核對', body: '和款項有關的問題，我們一定會核實清楚。我確認一下：您對{{issue}}有疑問，請問相關的收據或轉帳紀錄您手邊有嗎？我們會依單據逐筆核對。' },
      en: { title: 'Check the payment', body: 'Anything involving money we check thoroughly. Let me confirm: your question is about {{issue}}. Do you have the receipt or transfer record to hand? We will go through it item by item.' },
    },
  },
  {
    no: 25, step: 'propose', tone: 'options', shortcut: ';xiaoshou', categoryIds: ['sales'],
    wording: {
      'zh-Hans': { title: '销售承诺核实', body: '销售人员当时向您作出的说明，我们会对照合同、补充协议和宣传资料逐项核实，并请销售部门负责人在{{deadline}}前给您书面答复。' },
      'zh-Hant': { title: '銷售承諾查證', body: '銷售人員當時跟您說明的內容，我們會對照合約、補充協議和廣告文宣逐項查證，並請銷售部門主管在{{deadline}}前給您書面回覆。' },
      en: { title: 'Check a sales promise', body: 'We will check what our sales staff told you against the contract, any supplementary agreement and the marketing material, point by point, and ask the head of sales to reply to you in writing by {{deadline}}.' },
    },
  },
  {
    no: 26, step: 'propose', tone: 'options', shortcut: ';guihua', categoryIds: ['planning_design'],
    wording: {
      'zh-Hans': { title: '规划核实', body: '关于规划设计的变化，我们会调出报批的规划图纸和当时公示的资料，和您反映的问题逐一对照，再给您一个明确的答复。' },
      'zh-Hant': { title: '規劃查證', body: '關於規劃設計的變動，我們會調出核定的規劃圖說和當時公告的資料，和您反映的問題逐一對照，再給您明確的答覆。' },
      en: { title: 'Check the planning', body: 'For changes to the planning or design, we will pull out the approved plans and what was published at the time, compare them with what you have raised point by point, and give you a clear answer.' },
    },
  },
  {
    no: 27, step: 'propose', tone: 'options', shortcut: ';zhuangxiu', categoryIds: ['decoration_quality', 'finishes'],
    wording: {
      'zh-Hans': { title: '装修问题', body: '装修方面的问题，我们会按交付标准逐项查验。可以请您先拍几张照片发给我们吗？工程人员上门时会对照照片和标准，确定是维修、更换还是其他处理方式。' },
      'zh-Hant': { title: '裝修問題', body: '裝修方面的問題，我們會依交屋標準逐項查驗。可以請您先拍幾張照片傳給我們嗎？工程人員到府時會對照照片和標準，確認是要維修、更換，還是用其他方式處理。' },
      en: { title: 'Fit-out defects', body: 'We check fit-out problems item by item against the hand-over standard. Could you send us a few photos first? When our engineers visit, they will compare them with the standard and decide whether to repair, replace or handle it another way.' },
    },
  },
  {
    // Complaints relayed by the property-management company (DOMAIN.md) need no category of their
    // own (the taxonomy has none): the point is that the owner need not repeat themselves.
    no: 28, step: 'vent', tone: 'empathy', shortcut: ';wuye',
    wording: {
      'zh-Hans': { title: '物业转达', body: '{{customerName}}您好，我是开发商客服{{agentName}}。物业公司已经把您反映的问题转给我们，之后由我直接跟您联系，您不用再去找物业了。还有什么要补充的，您尽管说。' },
      'zh-Hant': { title: '管理處轉達', body: '{{customerName}}您好，我是建設公司客服{{agentName}}。物業管理處已經把您反映的問題轉給我們，之後由我直接跟您聯絡，您不必再跑一趟管理處。還有什麼要補充的，您儘管說。' },
      en: { title: 'Relayed by property management', body: 'Hello {{customerName}}, this is {{agentName}} from the developer\'s customer service. The property management office has passed your report to us; from now on I will contact you directly, so you do not need to chase them again. Is there anything you would like to add?' },
    },
  },
  {
    // Suggestions are logged and reported monthly, in writing, to the departments (DOMAIN.md).
    no: 29, step: 'follow_up', tone: 'closing', shortcut: ';jianyi', categoryIds: ['suggestion'],
    wording: {
      'zh-Hans': { title: '感谢建议', body: '谢谢您的建议，我已经原样记录下来。我们每个月会把业主的建议书面汇总给相关部门，有采纳或进展时我会告诉您。' },
      'zh-Hant': { title: '感謝建議', body: '謝謝您的建議，我已經照原意記錄下來。我們每個月會把住戶的建議整理成書面資料，交給相關部門；有採納或進展時，我會通知您。' },
      en: { title: 'Thanks for a suggestion', body: 'Thank you for the suggestion; I have recorded it as you put it. Each month we pass owners\' suggestions in writing to the departments concerned, and I will let you know if it is taken up or moves forward.' },
    },
  },
];
