import { BUILDING, type Seed } from './seed';

// Appropriate refusal (適度拒絕, DOMAIN.md): a complaint judged invalid is refused calmly, always
// with where to appeal and a way forward.
export const REFUSAL_SEEDS: Seed[] = [
  {
    no: 39, step: 'propose', tone: 'refusal', shortcut: ';wuxiao',
    wording: {
      'zh-Hans': { title: '无法受理的说明', body: '我们核实后，这个问题不在我们的责任范围内，按规定没办法按您的要求处理，这一点还请您谅解。如果您对这个结论有异议，可以申请由客服主管复核，也可以向当地消费者权益保护机构反映。我可以告诉您怎么申请，也能帮您联系可以处理这件事的单位。' },
      'zh-Hant': { title: '無法受理的說明', body: '經過查證，這個問題不在我們的責任範圍內，依規定沒辦法照您的要求處理，這一點還請您見諒。如果您對這個結論有不同意見，可以申請由客服主管覆核，也可以向當地的消費者保護單位反映。我可以告訴您怎麼申請，也能幫您聯絡可以處理這件事的單位。' },
      en: { title: 'Explaining an invalid complaint', body: 'We have checked, and this is not something we are responsible for, so we cannot do what you have asked; I hope you can understand. If you disagree with this conclusion, you can ask for a review by our customer-service supervisor, or take it to your local consumer protection body. I can tell you how to apply, and help you contact whoever can deal with it.' },
    },
  },
  {
    no: 40, step: 'propose', tone: 'refusal', shortcut: ';baoxiu', categoryIds: [...BUILDING, 'engineering_repair', 'decoration_quality'],
    wording: {
      'zh-Hans': { title: '超出保修期', body: '查了一下，这个部位已经过了合同约定的保修期，免费维修我们这边办不了。我们可以推荐有资质的维修单位，费用按实际报价；如果您认为保修期的计算有误，可以申请客服主管复核。' },
      'zh-Hant': { title: '超過保固期', body: '查了一下，這個部位已經超過合約約定的保固期，免費維修我們這邊沒辦法提供。我們可以推薦合格的修繕廠商，費用依實際報價；如果您認為保固期的計算有誤，可以申請客服主管覆核。' },
      en: { title: 'Out of warranty', body: 'I have checked, and this part is past the warranty period in your contract, so we cannot repair it free of charge. We can recommend a qualified contractor, charged at their actual quote; if you think the warranty period has been counted wrongly, you can ask our customer-service supervisor to review it.' },
    },
  },
];
