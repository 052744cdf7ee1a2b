import { PayDataError } from './errors';

/** Calendar helpers on ISO strings: months are 'YYYY-MM', dates 'YYYY-MM-DD'; no Date objects, no clock. */

export function monthIndex(month: string, field = 'month'): number {
  const index = parseMonthPrefix(month, 7);
  if (index < 0) throw new PayDataError(field, `expected YYYY-MM, got ${JSON.stringify(month)}`);
  return index;
}

const DIGIT_0 = 48;

/** Year × 12 + month − 1 of 'YYYY-MM…' when `s` has exactly `length` characters, else −1 (hand-parsed: hot path). */
function parseMonthPrefix(s: string, length: number): number {
  if (typeof s !== 'string' || s.length !== length || s.charCodeAt(4) !== 45) return -1;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = s.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    year = year * 10 + d;
  }
  const m1 = s.charCodeAt(5) - DIGIT_0;
  const m2 = s.charCodeAt(6) - DIGIT_0;
  if (m1 < 0 || m1 > 1 || m2 < 0 || m2 > 9) return -1;
  const month = m1 * 10 + m2;
  if (month < 1 || month > 12) return -1;
  return year * 12 + month - 1;
}

export function monthFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

export function addMonths(month: string, delta: number): string {
  return monthFromIndex(monthIndex(month) + delta);
}

/** Month index of an ISO date. */
export function dateMonthIndex(date: string, field: string): number {
  const index = dateMonthIndexOrInvalid(date);
  if (index < 0) throw new PayDataError(field, `expected YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return index;
}

/** Month index of an ISO date, or −1 when it is not a calendar date (callers name the field). */
export function dateMonthIndexOrInvalid(date: string): number {
  const index = parseMonthPrefix(date, 10);
  if (index < 0 || date.charCodeAt(7) !== 45) return -1;
  const day = dayOfMonth(date);
  return day >= 1 && day <= daysInMonth(index) ? index : -1;
}

export function dayOfMonth(date: string): number {
  const d1 = date.charCodeAt(8) - DIGIT_0;
  const d2 = date.charCodeAt(9) - DIGIT_0;
  return d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9 ? d1 * 10 + d2 : Number.NaN;
}

export function daysInMonth(monthIdx: number): number {
  const year = Math.floor(monthIdx / 12);
  const m = (monthIdx % 12) + 1;
  if (m === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function monthNumber(month: string): number {
  return (monthIndex(month) % 12) + 1;
}
