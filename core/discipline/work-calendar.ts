import {
  assertYearMonth,
  clockMinutes,
  type DateRange,
  datesOfMonth,
  type IsoWeekday,
  inRange,
  isoWeekday,
} from './calendar-date';

/**
 * The tenant's work calendar: which days are hari kerja for a unit and the hours that apply on each.
 * Units work a 5- or 6-day week (a Puskesmas or a school often works Saturdays); hari libur nasional and
 * cuti bersama come from the yearly SKB 3 Menteri; during Ramadan the hours are shorter.
 */
export const WEEKDAY_KEYS = ['SENIN', 'SELASA', 'RABU', 'KAMIS', 'JUMAT', 'SABTU', 'MINGGU'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

export interface WorkHours {
  /** 'HH:MM' local time; lateness (TL) is measured from here. */
  readonly start: string;
  /** 'HH:MM'; leaving early (PSW) is measured up to here. */
  readonly end: string;
}

export interface WorkPattern {
  readonly id: string;
  readonly label: string;
  /** Weekdays worked and their hours; a weekday not listed is a day off. */
  readonly days: Readonly<Partial<Record<WeekdayKey, WorkHours>>>;
  /** Hours during a Ramadan period; a worked weekday missing here keeps its normal hours. */
  readonly ramadanDays: Readonly<Partial<Record<WeekdayKey, WorkHours>>>;
}

export type HolidayKind = 'LIBUR_NASIONAL' | 'CUTI_BERSAMA' | 'LIBUR_DAERAH';

export interface Holiday {
  readonly date: string;
  readonly name: string;
  readonly kind: HolidayKind;
}

export interface RamadanPeriod extends DateRange {
  readonly label: string;
}

export interface WorkCalendar {
  readonly holidays: readonly Holiday[];
  readonly ramadan: readonly RamadanPeriod[];
  readonly patterns: Readonly<Record<string, WorkPattern>>;
  readonly defaultPattern: string;
  /** Unit id → pattern id, for units that differ from the default. */
  readonly unitPatterns: Readonly<Record<string, string>>;
}

export type CalendarDay =
  | {
      readonly date: string;
      readonly weekday: IsoWeekday;
      readonly working: true;
      readonly hours: WorkHours;
      readonly ramadan: boolean;
    }
  | {
      readonly date: string;
      readonly weekday: IsoWeekday;
      readonly working: false;
      readonly reason: 'AKHIR_PEKAN' | HolidayKind;
      readonly name?: string;
    };

export type WorkingDay = Extract<CalendarDay, { working: true }>;

export function weekdayKey(weekday: IsoWeekday): WeekdayKey {
  return WEEKDAY_KEYS[weekday - 1] as WeekdayKey;
}

export function patternForUnit(calendar: WorkCalendar, unitId: string | undefined): WorkPattern {
  const id = (unitId !== undefined && calendar.unitPatterns[unitId]) || calendar.defaultPattern;
  const pattern = calendar.patterns[id];
  if (!pattern) throw new RangeError(`pola hari kerja "${id}" tidak ada di kalender`);
  return pattern;
}

function holidayOn(calendar: WorkCalendar, date: string): Holiday | undefined {
  return calendar.holidays.find((h) => h.date === date);
}

export function isRamadan(calendar: WorkCalendar, date: string): boolean {
  return calendar.ramadan.some((period) => inRange(date, period));
}

/** One day as the unit's calendar sees it; a holiday wins over the weekday pattern. */
export function calendarDay(calendar: WorkCalendar, pattern: WorkPattern, date: string): CalendarDay {
  const weekday = isoWeekday(date);
  const holiday = holidayOn(calendar, date);
  const normal = pattern.days[weekdayKey(weekday)];
  if (!normal) {
    return { date, weekday, working: false, reason: 'AKHIR_PEKAN' };
  }
  if (holiday) return { date, weekday, working: false, reason: holiday.kind, name: holiday.name };
  const ramadan = isRamadan(calendar, date);
  const hours = (ramadan && pattern.ramadanDays[weekdayKey(weekday)]) || normal;
  return { date, weekday, working: true, hours, ramadan };
}

export function calendarMonth(
  calendar: WorkCalendar,
  unitPattern: WorkPattern | string,
  month: string,
): readonly CalendarDay[] {
  assertYearMonth(month);
  const pattern = typeof unitPattern === 'string' ? patternForUnit(calendar, unitPattern) : unitPattern;
  return Object.freeze(
    datesOfMonth(month).map((date) => Object.freeze(calendarDay(calendar, pattern, date))),
  );
}

/**
 * Hari kerja of a month for a unit pattern (a pattern object, or a unit id resolved through
 * `unitPatterns`): the pattern's weekdays minus hari libur nasional, cuti bersama and libur daerah.
 */
export function workingDays(
  calendar: WorkCalendar,
  unitPattern: WorkPattern | string,
  month: string,
): WorkingDay[] {
  return calendarMonth(calendar, unitPattern, month).filter((day): day is WorkingDay => day.working);
}

export function shiftMinutes(hours: WorkHours): number {
  return clockMinutes(hours.end) - clockMinutes(hours.start);
}
