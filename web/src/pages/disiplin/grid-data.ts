import { useQuery } from '@tanstack/react-query';
import { api, ok, type paths } from '../../api/client';

/**
 * The month's attendance of an OPD as one grid (GET /attendance/{month}?opd): a column per day
 * (holidays from the tenant's work calendar), a row per employee with one code per day — H, TL1…,
 * PSW1… (joined by "+"), TK, CUTI, an excuse code (DL …), LIBUR, '' for no data — their cuti and
 * hukuman disiplin, and the TPP cuts of the month's result when it has been computed.
 */
export type AttendanceGrid =
  paths['/attendance/{month}']['get']['responses'][200]['content']['application/json'];
export type GridDay = AttendanceGrid['days'][number];
export type GridRow = AttendanceGrid['items'][number];

/** A day's classification (GET /attendance/{month}/{nip}: DailyAttendance of core/discipline/attendance.ts). */
export interface ClassifiedDay {
  date: string;
  status: string;
  codes: string[];
  source: string;
  checkIn?: string;
  checkOut?: string;
  lateMinutes?: number;
  earlyMinutes?: number;
  leaveKind?: string;
  notes: string[];
}

/** The grid's code of a classified day (as core/discipline/attendance-grid.ts gridCode). */
export function cellCode(day: Pick<ClassifiedDay, 'status' | 'codes'>): string {
  switch (day.status) {
    case 'HADIR':
      return day.codes.filter((c) => c !== 'HADIR').join('+') || 'H';
    case 'TK':
      return 'TK';
    case 'CUTI':
      return 'CUTI';
    case 'DIKECUALIKAN':
      return day.codes[0] ?? 'DL';
    case 'BUKAN_HARI_KERJA':
      return 'LIBUR';
    default:
      return '';
  }
}

/** Every day of a month: "2026-11" → ["2026-11-01", …, "2026-11-30"]. */
export function daysOf(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: last }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** 0 = Sunday … 6 = Saturday, from the date alone (no time zone involved). */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Every employee row of the OPD's month (the API pages by employee; 100 a page). */
export function useAttendanceGrid(month: string, opd: string | null) {
  return useQuery({
    queryKey: ['attendance-grid', month, opd],
    enabled: !!opd && /^\d{4}-\d{2}$/.test(month),
    queryFn: async (): Promise<AttendanceGrid> => {
      let grid: AttendanceGrid | undefined;
      let nextToken: string | undefined;
      do {
        const page = await ok(
          api.GET('/attendance/{month}', {
            params: {
              path: { month },
              query: { opd: opd!, limit: 100, ...(nextToken ? { nextToken } : {}) },
            },
          }),
        );
        grid = grid ? { ...grid, items: [...grid.items, ...page.items] } : page;
        nextToken = page.nextToken;
      } while (nextToken);
      return grid!;
    },
  });
}
