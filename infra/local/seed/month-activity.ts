import { clockMinutes } from '../../../core/discipline/calendar-date';
import type { WorkingDay } from '../../../core/discipline/work-calendar';
import { periodTarget } from '../../../core/performance/progress';
import type { Indicator } from '../../../core/performance/skp';
import type { SeedMember } from './employees';
import { createPrng, type Prng } from './prng';

/**
 * One employee's month as the demo tells it, generated from a PRNG seeded with tenant, NIP and month:
 * the machine's punches on every hari kerja in service (most days on time, some late by the minutes that
 * make the tenant's TL bands, rarely an early leave or a forgotten check-out), a few days of cuti, the
 * rare TK the attendance recap records, the realisasi of each SKP indicator, and the atasan's rating.
 * The rating and the realisasi tell the same story: mostly Baik, some Sangat Baik, a few Butuh Perbaikan.
 */
export type Kinerja = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN';

export interface AttendanceRow {
  nip: string;
  timestamp: string;
  type: 'IN' | 'OUT' | 'TK';
}

export interface LeaveBody {
  kind: 'CUTI_TAHUNAN' | 'CUTI_SAKIT';
  from: string;
  to: string;
  skNumber: string;
}

export interface RealizationBody {
  indicatorId: string;
  date: string;
  value: number;
  note: string;
}

export interface EvaluationBody {
  expectedVersion: 0;
  hasilKerja?: 'DI_ATAS_EKSPEKTASI' | 'SESUAI_EKSPEKTASI' | 'DI_BAWAH_EKSPEKTASI';
  perilaku: 'DI_ATAS_EKSPEKTASI' | 'SESUAI_EKSPEKTASI';
  hasInnovation?: boolean;
  feedback: string;
}

export interface MemberMonthInput {
  tenantId: string;
  member: SeedMember;
  month: string;
  /** The unit's hari kerja of the month (tenant calendar, unit pattern), with their hours. */
  days: readonly WorkingDay[];
  /** Indicators of the approved SKP; absent when the employee has none (no realisasi, no rating). */
  indicators?: readonly Indicator[];
  mode: 'MATRIX' | 'NUMERIC';
  /** Recorded absences (TK) to place in the month. */
  tkDays: number;
  /** The demo pegawai: a little lateness every month, so the slip has a cut to explain. */
  showcase?: { leaveDay: boolean };
}

export interface MemberMonth {
  /** Hari kerja within the employee's service (none for tugas belajar or before TMT). */
  serviceDays: number;
  kinerja?: Kinerja;
  rows: AttendanceRow[];
  leaves: LeaveBody[];
  tkDates: string[];
  lateDays: number;
  realizations: RealizationBody[];
  evaluation?: EvaluationBody;
}

const FEEDBACK: Record<Kinerja, readonly string[]> = {
  SANGAT_BAIK: [
    'Hasil kerja melampaui target dan menjadi contoh bagi rekan kerja.',
    'Inisiatif perbaikan layanan bulan ini sangat membantu unit.',
    'Target terlampaui dengan kualitas yang konsisten; pertahankan.',
  ],
  BAIK: [
    'Target bulan ini tercapai sesuai rencana.',
    'Pekerjaan selesai tepat waktu dan sesuai standar.',
    'Kinerja sesuai ekspektasi; tingkatkan dokumentasi hasil kerja.',
    'Koordinasi dengan tim berjalan baik, target tercapai.',
  ],
  BUTUH_PERBAIKAN: [
    'Beberapa target belum tercapai; susun rencana perbaikan bersama atasan.',
    'Penyelesaian pekerjaan sering terlambat; perlu pendampingan.',
  ],
};

const pad = (n: number) => String(n).padStart(2, '0');
function clock(minutes: number, seconds: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:${pad(seconds)}`;
}

function drawKinerja(rng: Prng): Kinerja {
  const r = rng.next();
  return r < 0.1 ? 'SANGAT_BAIK' : r < 0.93 ? 'BAIK' : 'BUTUH_PERBAIKAN';
}

/** How often this person is late: most rarely, a few habitually. Fixed per person, not per month. */
function lateHabit(tenantId: string, nip: string): number {
  const r = createPrng(`${tenantId}|${nip}|habit`).next();
  return r < 0.35 ? 0.01 : r < 0.7 ? 0.03 : r < 0.9 ? 0.06 : 0.12;
}

/** Minutes late, spread so every TL band of the tenant's rules occurs, the long ones rarely. */
function lateMinutes(rng: Prng): number {
  const r = rng.next();
  return r < 0.72
    ? rng.int(1, 30)
    : r < 0.92
      ? rng.int(31, 60)
      : r < 0.98
        ? rng.int(61, 90)
        : rng.int(91, 140);
}

/** A realisasi that gives roughly the capaian of the month's story, in the indicator's own unit. */
function realizationValue(indicator: Indicator, month: string, factor: number): number {
  const target = periodTarget(indicator, { kind: 'MONTH', month });
  if (indicator.direction === 'LOWER_IS_BETTER')
    return Math.max(0.1, Math.round((target / factor) * 10) / 10);
  const raw = target * factor;
  if (indicator.target.aspect === 'KUALITAS') return Math.min(100, Math.round(raw * 10) / 10);
  return target >= 5 ? Math.max(1, Math.round(raw)) : Math.round(raw * 100) / 100;
}

const FACTOR: Record<Kinerja, readonly [number, number]> = {
  SANGAT_BAIK: [1.16, 1.2],
  BAIK: [0.98, 1.05],
  BUTUH_PERBAIKAN: [0.78, 0.85],
};

export function memberMonth(input: MemberMonthInput): MemberMonth {
  const { tenantId, member, month } = input;
  const e = member.employee;
  const nip = e.nip;
  const rng = createPrng(`${tenantId}|${nip}|${month}`);
  const empty: MemberMonth = {
    serviceDays: 0,
    rows: [],
    leaves: [],
    tkDates: [],
    lateDays: 0,
    realizations: [],
  };
  if (e.kepegawaian.status !== 'AKTIF') return empty;
  const days = input.days.filter((d) => d.date >= e.tmtStart && (!e.tmtEnd || d.date <= e.tmtEnd));
  if (days.length === 0) return empty;

  // Recorded absences first, spread over the month (never on the first or last day: a long weekend).
  const tkDates: string[] = [];
  const inner = days.slice(1, -1);
  for (let k = 0; k < Math.min(input.tkDays, inner.length); k++) {
    const slot = Math.floor(((k + 0.5) * inner.length) / input.tkDays);
    tkDates.push((inner[slot] as WorkingDay).date);
  }

  // Cuti from an SK: a short cuti tahunan now and then, rarely a cuti sakit.
  const leaves: LeaveBody[] = [];
  const leaveDates = new Set<string>();
  const takeLeave = (kind: LeaveBody['kind'], length: number) => {
    const free = days.filter((d) => !tkDates.includes(d.date) && !leaveDates.has(d.date));
    if (free.length < length + 2) return;
    const start = rng.int(1, free.length - length - 1);
    const block = days.slice(days.indexOf(free[start] as WorkingDay)).slice(0, length);
    if (block.some((d) => tkDates.includes(d.date) || leaveDates.has(d.date))) return;
    for (const d of block) leaveDates.add(d.date);
    const first = (block[0] as WorkingDay).date;
    leaves.push({
      kind,
      from: first,
      to: (block.at(-1) as WorkingDay).date,
      skNumber: `${kind === 'CUTI_SAKIT' ? '851' : '850'}/${nip.slice(-4)}/${first.slice(0, 7)}`,
    });
  };
  if (input.showcase?.leaveDay) takeLeave('CUTI_TAHUNAN', 1);
  else if (rng.chance(0.12)) takeLeave('CUTI_TAHUNAN', rng.int(1, 3));
  if (rng.chance(0.03)) takeLeave('CUTI_SAKIT', rng.int(1, 2));

  const habit = lateHabit(tenantId, nip);
  const rows: AttendanceRow[] = [];
  let lateDays = 0;
  let showcaseLate = input.showcase ? 2 : 0;
  for (const day of days) {
    if (leaveDates.has(day.date)) continue;
    if (tkDates.includes(day.date)) {
      rows.push({ nip, timestamp: day.date, type: 'TK' });
      continue;
    }
    const start = clockMinutes(day.hours.start);
    const end = clockMinutes(day.hours.end);
    let arrive = start - rng.int(3, 40);
    if (showcaseLate > 0 && day.date >= (days[3]?.date ?? '')) {
      arrive = start + rng.int(5, 25);
      showcaseLate -= 1;
    } else if (rng.chance(habit)) arrive = start + lateMinutes(rng);
    if (arrive > start) lateDays += 1;
    rows.push({ nip, timestamp: `${day.date} ${clock(arrive, rng.int(0, 59))}`, type: 'IN' });
    if (rng.chance(0.003)) continue; // forgot to punch out: the tenant's missing check-out code
    const leave = rng.chance(0.015) ? end - rng.int(5, 45) : end + rng.int(1, 50);
    rows.push({
      nip,
      timestamp: `${day.date} ${clock(Math.min(leave, 23 * 60 + 30), rng.int(0, 59))}`,
      type: 'OUT',
    });
  }

  if (!input.indicators || input.indicators.length === 0) {
    return { serviceDays: days.length, rows, leaves, tkDates, lateDays, realizations: [] };
  }
  const kinerja = drawKinerja(rng);
  const [lo, hi] = FACTOR[kinerja];
  const reportDay = (days.at(-1) as WorkingDay).date;
  const realizations = input.indicators.map((indicator) => ({
    indicatorId: indicator.id,
    date: reportDay,
    value: realizationValue(indicator, month, lo + (hi - lo) * rng.next()),
    note: `Realisasi ${month}`,
  }));
  const feedback = rng.pick(FEEDBACK[kinerja]);
  const evaluation: EvaluationBody =
    input.mode === 'NUMERIC'
      ? {
          expectedVersion: 0,
          hasInnovation: kinerja === 'SANGAT_BAIK',
          perilaku: kinerja === 'SANGAT_BAIK' ? 'DI_ATAS_EKSPEKTASI' : 'SESUAI_EKSPEKTASI',
          feedback,
        }
      : {
          expectedVersion: 0,
          hasilKerja:
            kinerja === 'SANGAT_BAIK'
              ? 'DI_ATAS_EKSPEKTASI'
              : kinerja === 'BUTUH_PERBAIKAN'
                ? 'DI_BAWAH_EKSPEKTASI'
                : rng.chance(0.2)
                  ? 'DI_ATAS_EKSPEKTASI'
                  : 'SESUAI_EKSPEKTASI',
          perilaku: kinerja === 'SANGAT_BAIK' ? 'DI_ATAS_EKSPEKTASI' : 'SESUAI_EKSPEKTASI',
          feedback,
        };
  return { serviceDays: days.length, kinerja, rows, leaves, tkDates, lateDays, realizations, evaluation };
}
