import type { Locale } from './primitives';

/** The variables a template may use, with the label an agent sees when one has no value. */
export const TEMPLATE_VARIABLES = {
  customerName: { 'zh-Hans': '客户姓名', 'zh-Hant': '客戶姓名', en: 'customer name' },
  phone: { 'zh-Hans': '电话', 'zh-Hant': '電話', en: 'phone' },
  project: { 'zh-Hans': '项目', 'zh-Hant': '項目', en: 'project' },
  unit: { 'zh-Hans': '房号', 'zh-Hant': '房號', en: 'unit' },
  agentName: { 'zh-Hans': '客服姓名', 'zh-Hant': '客服姓名', en: 'agent name' },
  issue: { 'zh-Hans': '问题', 'zh-Hant': '問題', en: 'issue' },
  deadline: { 'zh-Hans': '答复时间', 'zh-Hant': '答覆時間', en: 'reply time' },
} as const satisfies Record<string, Record<Locale, string>>;
export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;

/** The label of variable `name` in `locale`; an unknown variable is labelled by its name. */
export function variableLabel(name: string, locale: Locale): string {
  return Object.hasOwn(TEMPLATE_VARIABLES, name) ? TEMPLATE_VARIABLES[name as TemplateVariable][locale] : name;
}

export type RenderedPart = { kind: 'text'; text: string } | { kind: 'missing'; name: string; label: string };

export interface Rendered {
  /** Plain text ready to insert; each missing value appears as a visible 【label】 marker. */
  text: string;
  parts: RenderedPart[];
  /** Names of the variables that had no value, in order of first appearance. */
  missing: string[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The variable names a body uses, in order of first appearance. */
export function templateVariables(body: string): string[] {
  return [...new Set(Array.from(body.matchAll(PLACEHOLDER), (m) => m[1]!))];
}

/**
 * Fills `{{name}}` placeholders from `values`. The result is plain text: values are inserted
 * verbatim (never interpreted as markup), and a blank or absent value is never rendered as
 * "" or "undefined" but as a visible marker the agent must resolve.
 */
export function renderTemplate(body: string, values: Partial<Record<string, string>>, locale: Locale): Rendered {
  const parts: RenderedPart[] = [];
  const missing = new Set<string>();
  let last = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (match.index > last) parts.push({ kind: 'text', text: body.slice(last, match.index) });
    const value = Object.hasOwn(values, name) ? values[name]?.trim() : undefined;
    if (value) parts.push({ kind: 'text', text: value });
    else {
      missing.add(name);
      parts.push({ kind: 'missing', name, label: variableLabel(name, locale) });
    }
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  const text = parts.map((p) => (p.kind === 'text' ? p.text : `【${p.label}】`)).join('');
  return { text, parts, missing: [...missing] };
}
