import { expect, test } from 'vitest';
import { parseBackgroundToContent } from './content-protocol';

test('parses each request to the content script by its type', () => {
  expect(parseBackgroundToContent({ type: 'content.insert', text: '您好' })).toEqual({ type: 'content.insert', text: '您好' });
  expect(parseBackgroundToContent({ type: 'content.pick', field: 'phone' })).toEqual({ type: 'content.pick', field: 'phone' });
  expect(parseBackgroundToContent({ type: 'content.toggle', extra: 1 })).toEqual({ type: 'content.toggle' });
});

test('rejects what is not a request: unknown or inherited types, wrong fields, non-objects', () => {
  for (const raw of [
    null,
    undefined,
    'content.toggle',
    {},
    { type: 'toString' },
    { type: 'page.site' },
    { type: 'content.insert', text: '' },
    { type: 'content.insert', text: 'x'.repeat(8001) },
    { type: 'content.pick', field: 'x'.repeat(21) },
    { type: 'content.pick' },
  ]) {
    expect(parseBackgroundToContent(raw), JSON.stringify(raw)).toBeNull();
  }
});
