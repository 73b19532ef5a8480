/**
 * A phone number with its middle digits hidden, as Chinese service desks print them:
 * `138 0013 8000` → `138****8000`. Shows at most the first 3 and last 4 digits and always hides
 * at least 4, so a short number (an extension, a landline without area code) is not given away whole.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 0) return phone.trim() === '' ? '' : '****';
  const shown = Math.max(0, Math.min(7, digits.length - 4));
  const tail = Math.min(4, shown);
  const head = Math.min(3, shown - tail);
  return `${digits.slice(0, head)}****${digits.slice(digits.length - tail)}`;
}
