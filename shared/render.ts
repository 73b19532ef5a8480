import type { Case } from './case';
import { wordsFor } from './i18n';
import type { Locale } from './primitives';

/** The variables a template may use; their labels are the catalogue's `domain.variables`. */
export const TEMPLATE_VARIABLES = ['customerName', 'phone', 'project', 'unit', 'agentName', 'issue', 'deadline'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const isTemplateVariable = (name: string): name is TemplateVariable => (TEMPLATE_VARIABLES as readonly string[]).includes(name);

/** The label of variable `name` in `locale`; an unknown variable is labelled by its name. */
export function variableLabel(name: string, locale: Locale): string {
  return isTemplateVariable(name) ? wordsFor(locale).domain.variables[name] : name;
}

/**
 * The one value map for rendering a template, by the sidebar and by shortcut expansion alike:
 * the case's customer and summary, and the signed-in agent. `deadline` has no value of its own:
 * the agent is asked for it.
 */
export function templateValues(record: Pick<Case, 'customer' | 'summary'>, agentName: string | undefined): Partial<Record<TemplateVariable, string>> {
  return {
    customerName: record.customer.name,
    phone: record.customer.phone,
    project: record.customer.project,
    unit: record.customer.unit,
    issue: record.summary,
    ...(agentName ? { agentName } : {}),
  };
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
