import { DomainError } from '../errors';
import { type AttendanceRules, bandFor, type ExcuseRule } from './attendance-rules';
import { clockMinutes } from './calendar-date';
import type { LeaveKind, LeaveRecord } from './leave';
import { type CalendarDay, calendarMonth, type WorkCalendar, type WorkPattern } from './work-calendar';

/**
 * Classification of each day of a month into the attendance codes the TPP rules cut on. Order of
 * precedence on a hari kerja: cuti → keterangan (DL, tugas kedinasan, sakit …) → manual correction →
 * machine events → a recorded TK. A hari kerja with no record at all is DATA_BELUM_ADA, never TK:
 * absence without a valid reason is only what somebody recorded as such (a TK row of the attendance
 * system's recap, a correction that leaves the day without times, a keterangan without its letter).
 * Inferring TK from silence cut a whole month's TPP the day an import was simply not done yet.
 */
export type PunchType = 'IN' | 'OUT';
/** A machine punch, or 'TK': the attendance system's recap recorded the day as tanpa keterangan. */
export type AttendanceEventType = PunchType | 'TK';

export interface AttendanceEvent {
  readonly nip: string;
  readonly date: string;
  /** Local wall-clock 'HH:MM' or 'HH:MM:SS' ('00:00' for a TK row, which has no time). */
  readonly time: string;
  readonly type: AttendanceEventType;
}

/** A correction by the OPD admin (e.g. the machine was down); it replaces the machine times it names. */
export interface AttendanceCorrection {
  readonly nip: string;
  readonly date: string;
  /** New check-in; null deletes a wrong one; absent keeps the machine's. */
  readonly checkIn?: string | null;
  readonly checkOut?: string | null;
  readonly reason: string;
  readonly by: string;
}

export interface ExcuseRecord {
  readonly nip: string;
  /** One of the tenant's excuse codes (DL, TUGAS_KEDINASAN, SAKIT …). */
  readonly code: string;
  readonly from: string;
  readonly to: string;
  readonly letterNumber?: string;
}

export type DayStatus = 'HADIR' | 'TK' | 'DIKECUALIKAN' | 'CUTI' | 'DATA_BELUM_ADA' | 'BUKAN_HARI_KERJA';
export type WorkingDayStatus = Exclude<DayStatus, 'BUKAN_HARI_KERJA'>;

export interface DailyAttendance {
  readonly date: string;
  readonly status: DayStatus;
  /**
   * HADIR alone for a clean day; TLn and/or PSWn for a flawed one; TK; an excuse code; a leave kind;
   * none for DATA_BELUM_ADA (nothing to cut on).
   */
  readonly codes: readonly string[];
  /** REKAP: a TK row of the attendance system; TIDAK_ADA: no record (DATA_BELUM_ADA, or TK by a letterless keterangan). */
  readonly source: 'MESIN' | 'KOREKSI' | 'KETERANGAN' | 'CUTI' | 'REKAP' | 'TIDAK_ADA' | 'KALENDER';
  readonly checkIn?: string;
  readonly checkOut?: string;
  readonly lateMinutes?: number;
  readonly earlyMinutes?: number;
  readonly ramadan?: boolean;
  readonly leaveKind?: LeaveKind;
  readonly notes: readonly string[];
}

export interface DayRecords {
  readonly events: readonly AttendanceEvent[];
  readonly correction?: AttendanceCorrection;
  readonly excuses: readonly ExcuseRecord[];
  readonly leave?: LeaveRecord;
}

/** The first valid keterangan of the day, and whether one was refused for want of its letter. */
function validExcuse(
  excuses: readonly ExcuseRecord[],
  rules: AttendanceRules,
  notes: string[],
): { rule?: ExcuseRule; refused: boolean } {
  let refused = false;
  for (const excuse of excuses) {
    const rule = rules.excuses.find((r) => r.code === excuse.code);
    if (!rule) {
      notes.push(`keterangan ${excuse.code} tidak dikenal dalam pengaturan tenant; diabaikan`);
    } else if (rule.requiresLetter && !excuse.letterNumber?.trim()) {
      notes.push(`keterangan ${rule.label} tanpa surat tidak sah; hari dinilai dari presensi`);
      refused = true;
    } else {
      return { rule, refused };
    }
  }
  return { refused };
}

function earliest(times: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const t of times) if (best === undefined || t < best) best = t;
  return best;
}

function latest(times: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const t of times) if (best === undefined || t > best) best = t;
  return best;
}

export function classifyDay(day: CalendarDay, records: DayRecords, rules: AttendanceRules): DailyAttendance {
  const notes: string[] = [];
  if (!day.working) {
    return { date: day.date, status: 'BUKAN_HARI_KERJA', codes: [], source: 'KALENDER', notes };
  }
  if (records.leave) {
    const kind = records.leave.kind;
    return { date: day.date, status: 'CUTI', codes: [kind], source: 'CUTI', leaveKind: kind, notes };
  }
  const { rule: excuse, refused } = validExcuse(records.excuses, rules, notes);
  if (excuse) {
    return { date: day.date, status: 'DIKECUALIKAN', codes: [excuse.code], source: 'KETERANGAN', notes };
  }

  let checkIn = earliest(records.events.filter((e) => e.type === 'IN').map((e) => e.time));
  let checkOut = latest(records.events.filter((e) => e.type === 'OUT').map((e) => e.time));
  const tkRecorded = records.events.some((e) => e.type === 'TK');
  let source: DailyAttendance['source'] = 'MESIN';
  const correction = records.correction;
  if (correction) {
    if (correction.reason.trim() === '') {
      throw new DomainError(
        'INVALID',
        'CORRECTION_REASON_REQUIRED',
        `Koreksi presensi ${day.date} wajib beralasan`,
      );
    }
    if (correction.checkIn !== undefined) checkIn = correction.checkIn ?? undefined;
    if (correction.checkOut !== undefined) checkOut = correction.checkOut ?? undefined;
    source = 'KOREKSI';
    notes.push(`koreksi oleh ${correction.by}: ${correction.reason}`);
  }
  if (checkIn === undefined && checkOut === undefined) {
    // A correction that leaves the day without times, a TK row, or a keterangan refused for want of its
    // letter is a recorded absence. Nothing at all is missing data, which costs nothing and is reported.
    if (correction || tkRecorded || refused) {
      const source = correction ? 'KOREKSI' : tkRecorded ? 'REKAP' : 'TIDAK_ADA';
      return { date: day.date, status: 'TK', codes: ['TK'], source, notes };
    }
    notes.push('data presensi belum ada');
    return { date: day.date, status: 'DATA_BELUM_ADA', codes: [], source: 'TIDAK_ADA', notes };
  }
  if (tkRecorded) notes.push('rekap mencatat TK, tetapi ada presensi; hari dinilai dari presensi');

  const codes: string[] = [];
  let lateMinutes: number | undefined;
  let earlyMinutes: number | undefined;
  if (checkIn === undefined) {
    codes.push(rules.missingCheckIn);
  } else {
    lateMinutes = Math.max(0, clockMinutes(checkIn) - clockMinutes(day.hours.start));
    const late = bandFor(rules.lateBands, lateMinutes);
    if (late) codes.push(late);
  }
  if (checkOut === undefined) {
    codes.push(rules.missingCheckOut);
  } else {
    earlyMinutes = Math.max(0, clockMinutes(day.hours.end) - clockMinutes(checkOut));
    const early = bandFor(rules.earlyBands, earlyMinutes);
    if (early) codes.push(early);
  }
  if (codes.length === 0) codes.push('HADIR');
  return {
    date: day.date,
    status: 'HADIR',
    codes,
    source,
    ...(checkIn !== undefined ? { checkIn } : {}),
    ...(checkOut !== undefined ? { checkOut } : {}),
    ...(lateMinutes !== undefined ? { lateMinutes } : {}),
    ...(earlyMinutes !== undefined ? { earlyMinutes } : {}),
    ramadan: day.ramadan,
    notes,
  };
}

export interface ClassifyMonthInput {
  readonly nip: string;
  readonly month: string;
  readonly calendar: WorkCalendar;
  /** The unit's pattern, or the unit id to resolve through the calendar. */
  readonly unit: WorkPattern | string;
  readonly rules: AttendanceRules;
  readonly events: readonly AttendanceEvent[];
  readonly corrections?: readonly AttendanceCorrection[];
  readonly excuses?: readonly ExcuseRecord[];
  readonly leaves?: readonly LeaveRecord[];
}

export interface MonthAttendance {
  readonly nip: string;
  readonly month: string;
  readonly days: readonly DailyAttendance[];
  readonly workingDays: number;
  /** Every hari kerja falls in exactly one status, so these add up to `workingDays` (DATA_BELUM_ADA included). */
  readonly statusCounts: Readonly<Record<WorkingDayStatus, number>>;
  /** Occurrences per code; a day late and leaving early counts once in a TL and once in a PSW code. */
  readonly codeCounts: Readonly<Record<string, number>>;
}

function byDate<T extends { nip: string; date: string }>(
  rows: readonly T[] | undefined,
  nip: string,
): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows ?? []) {
    if (row.nip !== nip) continue;
    const list = map.get(row.date);
    if (list) list.push(row);
    else map.set(row.date, [row]);
  }
  return map;
}

export function classifyMonth(input: ClassifyMonthInput): MonthAttendance {
  const events = byDate(input.events, input.nip);
  const corrections = byDate(input.corrections, input.nip);
  const excuses = (input.excuses ?? []).filter((e) => e.nip === input.nip);
  const leaves = (input.leaves ?? []).filter((l) => l.nip === input.nip);
  const statusCounts = emptyStatusCounts();
  const codeCounts: Record<string, number> = {};
  let workingDays = 0;

  const days = calendarMonth(input.calendar, input.unit, input.month).map((day) => {
    const date = day.date;
    const dayCorrections = corrections.get(date);
    const leave = leaves.find((l) => l.from <= date && date <= l.to);
    const classified = classifyDay(
      day,
      {
        events: events.get(date) ?? [],
        // The latest correction of the day is the one in force.
        ...(dayCorrections ? { correction: dayCorrections[dayCorrections.length - 1] } : {}),
        excuses: excuses.filter((e) => e.from <= date && date <= e.to),
        ...(leave ? { leave } : {}),
      },
      input.rules,
    );
    if (classified.status !== 'BUKAN_HARI_KERJA') {
      workingDays += 1;
      statusCounts[classified.status] += 1;
      for (const code of classified.codes) codeCounts[code] = (codeCounts[code] ?? 0) + 1;
    }
    return classified;
  });
  return { nip: input.nip, month: input.month, days, workingDays, statusCounts, codeCounts };
}

export function emptyStatusCounts(): Record<WorkingDayStatus, number> {
  return { HADIR: 0, TK: 0, DIKECUALIKAN: 0, CUTI: 0, DATA_BELUM_ADA: 0 };
}

/**
 * TK streak at the end of the month: consecutive hari kerja with a recorded TK, carried on from the
 * previous month. A day without data ends the streak: PP 94/2021's ten consecutive days must each be a
 * recorded absence before the engine names PDH.
 */
export function trailingTkStreak(
  days: readonly DailyAttendance[],
  carriedIn = 0,
): { longest: number; trailing: number } {
  let current = carriedIn;
  let longest = carriedIn;
  for (const day of days) {
    if (day.status === 'BUKAN_HARI_KERJA') continue;
    current = day.status === 'TK' ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return { longest, trailing: current };
}
