import type { DailyAttendance } from './attendance';
import type { CalendarDay } from './work-calendar';

/**
 * One cell of the OPD's month grid (the kalender kehadiran BKPSDM and the OPD operator read): a short
 * code per day, the way a recap sheet writes it. H a clean day; the tenant's lateness and early-leave
 * codes (TL1…, PSW1…) joined with '+'; TK; CUTI; the excuse code of a day excused by a letter (DL for
 * dinas luar, …); LIBUR on a day that is not a working day for the unit; '' where no record exists yet
 * (the day is missing data, not an absence).
 */
export type GridCode = string;

export function gridCode(day: DailyAttendance): GridCode {
  switch (day.status) {
    case 'BUKAN_HARI_KERJA':
      return 'LIBUR';
    case 'TK':
      return 'TK';
    case 'CUTI':
      return 'CUTI';
    case 'DATA_BELUM_ADA':
      return '';
    case 'DIKECUALIKAN':
      return day.codes[0] ?? 'DL';
    case 'HADIR': {
      const flaws = day.codes.filter((c) => c !== 'HADIR');
      return flaws.length === 0 ? 'H' : flaws.join('+');
    }
  }
}

/** The header row of the grid: each date, whether the default pattern works it, and a holiday's name. */
export function gridDays(days: readonly CalendarDay[]) {
  return days.map((d) => ({
    date: d.date,
    weekday: d.weekday,
    workingDay: d.working,
    holiday: !d.working && d.reason !== 'AKHIR_PEKAN' ? { kind: d.reason, name: d.name } : null,
  }));
}
