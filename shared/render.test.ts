import { describe, expect, test } from 'vitest';
import { renderTemplate, templateValues, variableLabel } from './render';

describe('renderTemplate', () => {
  test('fills variables with the values given, verbatim', () => {
    const out = renderTemplate('{{customerName}}您好，关于{{ issue }}。', { customerName: '王秀英', issue: '漏水' }, 'zh-Hans');
    expect(out.text).toBe('王秀英您好，关于漏水。');
    expect(out.missing).toEqual([]);
  });

  test('marks a missing or blank value visibly, never as "undefined" or blank', () => {
    const out = renderTemplate('Hello {{customerName}}, {{agentName}} here.', { customerName: '   ' }, 'en');
    expect(out.text).toBe('Hello 【customer name】, 【agent name】 here.');
    expect(out.text).not.toContain('undefined');
    expect(out.missing).toEqual(['customerName', 'agentName']);
    expect(out.parts.filter((p) => p.kind === 'missing')).toHaveLength(2);
  });

  test('labels missing values in the agent’s language, and unknown variables by name', () => {
    expect(renderTemplate('{{phone}}', {}, 'zh-Hant').text).toBe('【電話】');
    expect(renderTemplate('{{roomColour}}', {}, 'zh-Hans').text).toBe('【roomColour】');
  });

  test('keeps markup in values as plain text', () => {
    const out = renderTemplate('{{customerName}}', { customerName: '<img src=x onerror=alert(1)>' }, 'en');
    expect(out.text).toBe('<img src=x onerror=alert(1)>');
  });

  test('does not read inherited properties as values', () => {
    expect(renderTemplate('{{constructor}}', {}, 'en').missing).toEqual(['constructor']);
    expect(renderTemplate('{{constructor}}', {}, 'en').text).toBe('【constructor】');
  });

  test('variableLabel: the label in the locale, or the name of an unknown variable', () => {
    expect(variableLabel('unit', 'zh-Hant')).toBe('房號');
    expect(variableLabel('unit', 'en')).toBe('unit');
    expect(variableLabel('roomColour', 'zh-Hans')).toBe('roomColour');
    expect(variableLabel('toString', 'zh-Hans')).toBe('toString');
  });

  test('takes values from the case and the agent, and leaves an unknown agent out, to be asked for', () => {
    const record = { customer: { name: '王秀英', phone: '13900005678', project: '翠湖花园', unit: '3-502', crmRecordId: '' }, summary: '厨房漏水' };
    expect(templateValues(record, undefined)).toEqual({ customerName: '王秀英', phone: '13900005678', project: '翠湖花园', unit: '3-502', issue: '厨房漏水' });
    expect(templateValues(record, '李静')).toMatchObject({ agentName: '李静' });
    expect(renderTemplate('{{issue}}，{{deadline}}前答复', templateValues(record, undefined), 'zh-Hans').missing).toEqual(['deadline']);
  });
});
