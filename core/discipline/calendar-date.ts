/**
 * Calendar arithmetic on ISO strings ('YYYY-MM', 'YYYY-MM-DD', 'HH:MM'). Attendance is recorded in the
 * tenant's local wall-clock time, so no time zone and no clock is involved here: dates are converted
 * to day numbers with Date.UTC only to get weekdays and month lengths right.
 */
const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const ISO_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** ISO weekday: 1 = Senin … 7 = Minggu. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export function isYearMonth(s: string): boolean {
  return YEAR_MONTH.test(s);
}

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  return Number(m[3]) <= daysInMonth(`${m[1]}-${m[2]}`);
}

export function isClockTime(s: string): boolean {
  return CLOCK.test(s);
}

export function assertYearMonth(month: string, what = 'bulan'): void {
  if (!isYearMonth(month))
    throw new RangeError(`${what} harus berformat YYYY-MM, diterima ${JSON.stringify(month)}`);
}

export function daysInMonth(month: string): number {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(date: string): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000
  );
}

export function dateFromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: string, delta: number): string {
  return dateFromDayNumber(dayNumber(date) + delta);
}

export function isoWeekday(date: string): IsoWeekday {
  const d = new Date(dayNumber(date) * 86_400_000).getUTCDay();
  return (d === 0 ? 7 : d) as IsoWeekday;
}

export function datesOfMonth(month: string): string[] {
  const n = daysInMonth(month);
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function addMonths(month: string, delta: number): string {
  const index = monthIndex(month) + delta;
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole minutes since midnight; seconds are dropped, so 08:00:59 is still 08:00. */
export function clockMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export interface DateRange {
  /** First day, inclusive. */
  readonly from: string;
  /** Last day, inclusive. */
  readonly to: string;
}

export function inRange(date: string, range: DateRange): boolean {
  return range.from <= date && date <= range.to;
}
