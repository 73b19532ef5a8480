import { describe, expect, test } from 'vitest';
import { matchesPattern, originPattern, patternCovers } from './match-pattern';

describe('matchesPattern', () => {
  test.each([
    ['*://127.0.0.1/demo/*', 'http://127.0.0.1:8787/demo/crm', true],
    ['*://127.0.0.1/demo/*', 'http://127.0.0.1:8787/other', false],
    ['https://crm.example.com/*', 'http://crm.example.com/x', false],
    ['https://crm.example.com/*', 'https://crm.example.com/x?id=1', true],
    ['*://*.example.com/app/*', 'https://a.b.example.com/app/customers/7', true],
    ['*://*.example.com/app/*', 'https://example.com/app/', true],
    ['*://*.example.com/app/*', 'https://badexample.com/app/', false],
    ['*://*/*', 'ftp://example.com/', false],
    ['*://*/*', 'not a url', false],
    ['garbage', 'https://example.com/', false],
    ['https://crm.example.com/a.b/*', 'https://crm.example.com/aXb/c', false],
  ])('%s against %s is %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });

  test('origin pattern keeps scheme and host only', () => {
    expect(originPattern('https://crm.example.com/app/*')).toBe('https://crm.example.com/*');
    expect(originPattern('nope')).toBeNull();
  });
});

describe('patternCovers', () => {
  test.each([
    ['*://127.0.0.1/demo/*', '*://127.0.0.1/demo/hostile/spa.html*', true],
    ['*://127.0.0.1/demo/*', '*://127.0.0.1/other/*', false],
    ['https://crm.example.com/*', '*://crm.example.com/*', false],
    ['*://*.example.com/*', 'https://crm.example.com/app/*', true],
    ['*://*.example.com/*', 'https://*.crm.example.com/*', true],
    ['*://*/*', 'https://crm.example.com/*', true],
    ['<all_urls>', 'http://x.test/*', true],
    ['https://a.example.com/*', 'https://b.example.com/*', false],
  ])('%s covers %s: %s', (outer, inner, expected) => {
    expect(patternCovers(outer, inner)).toBe(expected);
  });
});
