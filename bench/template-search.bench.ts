// Template search per keystroke over 5,000 generated Chinese templates, pinyin included,
// against the baseline of a plain substring scan measured in the same run.
import { defaultTemplates, type Template } from '../shared';
import { indexTemplates, searchTemplates } from '../extension/ui/template-search';

const PHRASES = ['非常抱歉', '道歉', '物业服务', '漏水维修', '停车位', '噪音扰民', '交房延期', '合同纠纷', '绿化养护', '电梯故障'];

function generate(count: number): Template[] {
  const base = defaultTemplates('2026-03-02T08:30:00.000Z').filter((t) => t.language === 'zh-Hans');
  return Array.from({ length: count }, (_, i) => {
    const from = base[i % base.length]!;
    const phrase = PHRASES[i % PHRASES.length]!;
    const id = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    return { ...from, id, title: `${phrase}${i}`, body: `${from.body}${phrase}，第${i}号。` };
  });
}

const p95 = (samples: number[]) => samples.sort((a, b) => a - b)[Math.floor(samples.length * 0.95)]!;

/** Runs the benchmark and prints p95 per keystroke for both strategies. */
export default function run(): void {
  const templates = generate(5000);
  const started = performance.now();
  const index = indexTemplates(templates);
  const indexMs = performance.now() - started;
  // Keystrokes as an agent types them: each prefix is one search.
  const keystrokes = ['d', 'dq', 'dao', 'daoq', 'daoqian', '漏', '漏水', 'w', 'wy', 'wuye', 'ts', 'tingche'];
  const context = { step: 'apologise' as const, categoryIds: ['waterproofing'] };
  const ours: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of keystrokes) {
      let t0 = performance.now();
      searchTemplates(index, q, context);
      ours.push(performance.now() - t0);
      t0 = performance.now();
      templates.filter((t) => t.title.includes(q) || t.body.includes(q));
      baseline.push(performance.now() - t0);
    }
  }
  console.log(`template search over ${templates.length} templates (index built once in ${indexMs.toFixed(0)} ms)`);
  console.log(`  pinyin-aware search   p95 ${p95(ours).toFixed(2)} ms per keystroke (goal <= 5 ms)`);
  console.log(`  plain substring scan  p95 ${p95(baseline).toFixed(2)} ms per keystroke (baseline, no pinyin)`);
}
