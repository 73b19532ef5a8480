import { describe, expect, it } from 'vitest';
import { maskPhone } from './mask-phone';

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('138 0013 8000')).toBe('138****8000');
    expect(maskPhone('138-0013-8000')).toBe('138****8000');
  });

  it('always hides at least four digits of a short number', () => {
    expect(maskPhone('12345678')).toBe('****5678');
    expect(maskPhone('123456')).toBe('****56');
    expect(maskPhone('1234')).toBe('****');
  });

  it('leaves an empty phone empty and hides one without digits', () => {
    expect(maskPhone('')).toBe('');
    expect(maskPhone('ask reception')).toBe('****');
  });
});
