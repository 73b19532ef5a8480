import { phoneDigits } from '../../../shared';

/**
 * A phone number with its middle digits hidden, as Chinese service desks print them:
 * `138 0013 8000` → `138****8000`. Shows at most the first 3 and last 4 digits and always hides
 * at least 4, so a short number (an extension, a landline without area code) is not given away whole.
 */
export function maskPhone(phone: string): string {
  const digits = phoneDigits(phone);
  if (digits.length === 0) return phone.trim() === '' ? '' : '****';
  const shown = Math.max(0, Math.min(7, digits.length - 4));
  const tail = Math.min(4, shown);
  const head = Math.min(3, shown - tail);
  return `${digits.slice(0, head)}****${digits.slice(digits.length - tail)}`;
}

// A number as people type one into text: digits of any script (full-width included), perhaps
// led by + or an opening bracket, in groups joined by up to three spaces (not line breaks),
// hyphens, dots, slashes or brackets: 13900005678, 139 0000 5678, +86-139…, (010) 8765-4321.
const NUMBER_IN_TEXT = /[+＋(（]?\p{Nd}(?:[ \t\u00a0\u2000-\u200a\u202f\u3000\-‐‑‒–—－.．/／()（）]{0,3}\p{Nd})*/gu;

/**
 * Seven digits make a phone number (a local landline without its area code); fewer are a unit,
 * an amount, a date or a count. A date written with digits only (2025-03-15) is masked too:
 * hiding a date from a trainer costs little, showing a phone number does not.
 */
const PHONE_DIGITS = 7;

/** `text` with every phone number in it masked like `maskPhone`, the rest untouched. */
export function maskPhonesIn(text: string): string {
  return text.replace(NUMBER_IN_TEXT, (number) => (phoneDigits(number).length >= PHONE_DIGITS ? maskPhone(number) : number));
}
