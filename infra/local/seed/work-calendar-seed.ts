import type { WorkCalendar } from '../../../core/discipline/work-calendar';

/**
 * The tenant's work calendar comes from its appraisal settings, which list the holidays of the years
 * they were written for. For a year they do not cover, the seed stores the national holidays whose date
 * never moves (UU 1953 jo. Keppres: Tahun Baru, Hari Buruh, Hari Lahir Pancasila, Proklamasi, Natal);
 * the moving ones (Idul Fitri, Imlek, Nyepi …) and cuti bersama need the year's SKB 3 Menteri and are
 * left for BKPSDM to add. Ramadan hours likewise.
 */
const FIXED_NATIONAL_HOLIDAYS: readonly { monthDay: string; name: string }[] = [
  { monthDay: '01-01', name: 'Tahun Baru Masehi' },
  { monthDay: '05-01', name: 'Hari Buruh Internasional' },
  { monthDay: '06-01', name: 'Hari Lahir Pancasila' },
  { monthDay: '08-17', name: 'Hari Kemerdekaan Republik Indonesia' },
  { monthDay: '12-25', name: 'Hari Raya Natal' },
];

/** A calendar to store for `year` when the one in force has no holiday in that year; else undefined. */
export function calendarForYear(calendar: WorkCalendar, year: number): WorkCalendar | undefined {
  if (calendar.holidays.some((h) => h.date.startsWith(`${year}-`))) return undefined;
  return {
    ...calendar,
    holidays: FIXED_NATIONAL_HOLIDAYS.map((h) => ({
      date: `${year}-${h.monthDay}`,
      name: h.name,
      kind: 'LIBUR_NASIONAL' as const,
      confidence: 'UNVERIFIED' as const,
    })),
    ramadan: [],
  };
}
