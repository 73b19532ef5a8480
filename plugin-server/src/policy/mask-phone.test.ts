import { describe, expect, it } from 'vitest';
import { maskPhone, maskPhonesIn } from './mask-phone';

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

describe('maskPhonesIn', () => {
  it('masks a mobile number in Chinese text however it is grouped, as the phone field is masked', () => {
    expect(maskPhonesIn('客户手机13900005678，请回电')).toBe('客户手机139****5678，请回电');
    expect(maskPhonesIn('备用号码 139 0000 5678。')).toBe('备用号码 139****5678。');
    expect(maskPhonesIn('电话：139-0000-5678')).toBe('电话：139****5678');
    expect(maskPhonesIn('留了139.0000.5678和139/0000/5678')).toBe('留了139****5678和139****5678');
    expect(maskPhonesIn('全角１３９００００５６７８')).toBe('全角139****5678');
    expect(maskPhonesIn('全角分组１３９－００００－５６７８')).toBe('全角分组139****5678');
  });

  it('masks numbers with a country code or an area code, digits included', () => {
    expect(maskPhonesIn('海外来电+86 139 0000 5678')).toBe('海外来电861****5678');
    expect(maskPhonesIn('+86-139-0000-5678')).toBe('861****5678');
    expect(maskPhonesIn('＋８６ １３９００００５６７８')).toBe('861****5678');
    expect(maskPhonesIn('座机(010) 8765-4321转2')).toBe('座机010****4321转2');
    expect(maskPhonesIn('座机（0755）87654321')).toBe('座机075****4321');
    expect(maskPhonesIn('物业前台 8765 4321')).toBe('物业前台 ****4321');
  });

  it('masks each of several numbers apart', () => {
    expect(maskPhonesIn('本人13900005678，家属18600001234')).toBe('本人139****5678，家属186****1234');
    expect(maskPhonesIn('13900005678\n18600001234')).toBe('139****5678\n186****1234');
  });

  it('leaves short numbers alone: units, amounts, dates, counts', () => {
    const text = '3栋1202室，赔偿5000元，2025年3月15日报修，已投诉3次，10:30上门';
    expect(maskPhonesIn(text)).toBe(text);
    expect(maskPhonesIn('')).toBe('');
  });
});
