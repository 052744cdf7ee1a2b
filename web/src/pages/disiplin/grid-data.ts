import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';

/**
 * The month's attendance of an OPD as one grid: a column per day (holidays from the tenant's work
 * calendar), a row per employee with one code per day, their cuti and hukuman disiplin, and the TPP
 * cuts they cause. Shape of the API's grid (GET /attendance/{month}?opd, .scratch/h18-api.md).
 */
export interface GridDay {
  date: string;
  workingDay: boolean;
  holiday: string | null;
}
export interface GridCell {
  date: string;
  /** H, TL1…, PSW1…, TK, CUTI, DL (or another keterangan), LIBUR, '' (no data). */
  code: string;
  status: string;
}
export interface TppCutItem {
  code: string;
  label?: string;
  count: number;
  percent: number;
  target?: string;
}
export interface GridRow {
  nip: string;
  nama: string;
  unit?: string;
  cells: GridCell[];
  counts: Record<string, number>;
  leaves: { kind: string; from: string; to: string; skNumber?: string }[];
  sanctions: {
    jenis: string;
    level: string;
    startMonth: string;
    durationMonths: number | null;
    skNumber: string;
    percent?: number;
  }[];
  tppCuts: {
    computed: boolean;
    items: TppCutItem[];
    sanctionPercent?: number;
    totalPercent?: number;
    rupiah?: number | null;
  };
}
export interface AttendanceGrid {
  month: string;
  opd: string;
  days: GridDay[];
  items: GridRow[];
}

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

/** The grid's code of a classified day. */
export function cellCode(day: Pick<ClassifiedDay, 'status' | 'codes'>): string {
  switch (day.status) {
    case 'HADIR':
      return day.codes.filter((c) => c !== 'HADIR').join(' ') || 'H';
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

interface ResultItem {
  nip: string;
  nama: string;
  penempatan?: { unit?: string };
}

async function allPages<T>(load: (nextToken?: string) => Promise<{ items: unknown[]; nextToken?: string }>) {
  const items: T[] = [];
  let next: string | undefined;
  do {
    const page = await load(next);
    items.push(...(page.items as T[]));
    next = page.nextToken;
  } while (next);
  return items;
}

/**
 * The grid from the routes every deployment has: the OPD's employees (as placed today),
 * each one's classified month and discipline records, holidays from the work calendar. TPP cuts are
 * not known this way (computed: false).
 */
async function composedGrid(month: string, opd: string): Promise<AttendanceGrid> {
  const [employees, calendar] = await Promise.all([
    allPages<ResultItem>((nextToken) =>
      ok(
        api.GET('/employees', {
          params: { query: { opd, limit: 100, ...(nextToken ? { nextToken } : {}) } },
        }),
      ),
    ),
    ok(api.GET('/work-calendar/{year}', { params: { path: { year: Number(month.slice(0, 4)) } } })),
  ]);
  const holidays = new Map(
    (
      (calendar as unknown as { calendar?: { holidays?: { date: string; name: string }[] } }).calendar
        ?.holidays ?? []
    ).map((h) => [h.date, h.name]),
  );
  const rows = await Promise.all(
    employees
      .sort((a, b) => a.nama.localeCompare(b.nama, 'id'))
      .map(async (e): Promise<GridRow & { classified: ClassifiedDay[] }> => {
        const [attendance, records] = await Promise.all([
          ok(api.GET('/attendance/{month}/{nip}', { params: { path: { month, nip: e.nip } } })),
          allPages<{ type: string } & Record<string, unknown>>((nextToken) =>
            ok(
              api.GET('/discipline/{nip}', {
                params: { path: { nip: e.nip }, query: { limit: 100, ...(nextToken ? { nextToken } : {}) } },
              }),
            ),
          ),
        ]);
        const a = attendance as unknown as { days: ClassifiedDay[]; codeCounts: Record<string, number> };
        return {
          nip: e.nip,
          nama: e.nama,
          ...(e.penempatan?.unit ? { unit: e.penempatan.unit } : {}),
          cells: a.days.map((d) => ({ date: d.date, code: cellCode(d), status: d.status })),
          counts: a.codeCounts,
          leaves: records.filter((r) => r.type === 'LEAVE') as unknown as GridRow['leaves'],
          sanctions: records.filter((r) => r.type === 'SANCTION') as unknown as GridRow['sanctions'],
          tppCuts: { computed: false, items: [] },
          classified: a.days,
        };
      }),
  );
  const first = rows[0]?.classified ?? [];
  const days = daysOf(month).map((date) => {
    const day = first.find((d) => d.date === date);
    return {
      date,
      workingDay: day ? day.status !== 'BUKAN_HARI_KERJA' : weekdayOf(date) % 6 !== 0,
      holiday: holidays.get(date) ?? null,
    };
  });
  return { month, opd, days, items: rows.map(({ classified: _, ...r }) => r) };
}

export function useAttendanceGrid(month: string, opd: string | null) {
  return useQuery({
    queryKey: ['attendance-grid', month, opd],
    enabled: !!opd && /^\d{4}-\d{2}$/.test(month),
    queryFn: () => composedGrid(month, opd!),
  });
}
