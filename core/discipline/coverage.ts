import type { MonthAttendance } from './attendance';

/**
 * How much of a month's hari kerja has attendance data. A day counts as covered when anything accounts
 * for it: a punch, a correction, a recorded TK, a keterangan or cuti. Days outside the employee's service
 * and days off in the work calendar (weekends, hari libur, cuti bersama) are not hari kerja and need
 * nothing. What is left is "data belum ada": it never reads as TK, and the payroll run decides by the
 * tenant's rule (tpp.missingData) whether such a month blocks the run or is paid without cuts.
 */
export interface AttendanceCoverage {
  readonly workingDays: number;
  readonly daysWithData: number;
  /** The hari kerja without any record, in date order. */
  readonly missingDates: readonly string[];
}

export function attendanceCoverage(attendance: MonthAttendance): AttendanceCoverage {
  const missingDates = attendance.days.filter((d) => d.status === 'DATA_BELUM_ADA').map((d) => d.date);
  return {
    workingDays: attendance.workingDays,
    daysWithData: attendance.workingDays - missingDates.length,
    missingDates,
  };
}

export function fullyCovered(coverage: AttendanceCoverage): boolean {
  return coverage.daysWithData >= coverage.workingDays;
}

/** `2026-10-06, 2026-10-07, … (+12 lagi)`: the first dates of a list, for messages and slip notes. */
export function listDates(dates: readonly string[], max = 5): string {
  const shown = dates.slice(0, max).join(', ');
  return dates.length > max ? `${shown}, … (+${dates.length - max} lagi)` : shown;
}

/** Per OPD: how many employees' results are complete, for the month's results listing. */
export interface OpdCoverage {
  opd: string;
  employees: number;
  /** Every hari kerja has data. */
  attendanceComplete: number;
  /** Hari kerja without data, summed. */
  missingDays: number;
  /** Results stored before coverage was recorded: unknown until recomputed. */
  unknown: number;
  evaluationMissing: number;
  provisional: number;
}

export interface CoverageRow {
  readonly opd: string;
  readonly coverage?: {
    readonly attendance: { readonly workingDays: number; readonly daysWithData: number };
    readonly evaluated: boolean;
  };
  readonly provisional?: boolean;
}

export function coverageByOpd(rows: Iterable<CoverageRow>): OpdCoverage[] {
  const byOpd = new Map<string, OpdCoverage>();
  for (const row of rows) {
    let c = byOpd.get(row.opd);
    if (!c) {
      c = {
        opd: row.opd,
        employees: 0,
        attendanceComplete: 0,
        missingDays: 0,
        unknown: 0,
        evaluationMissing: 0,
        provisional: 0,
      };
      byOpd.set(row.opd, c);
    }
    c.employees += 1;
    if (row.provisional) c.provisional += 1;
    const cov = row.coverage;
    if (!cov) {
      c.unknown += 1;
      continue;
    }
    const missing = cov.attendance.workingDays - cov.attendance.daysWithData;
    if (missing <= 0) c.attendanceComplete += 1;
    c.missingDays += Math.max(0, missing);
    if (!cov.evaluated) c.evaluationMissing += 1;
  }
  return [...byOpd.values()].sort((a, b) => a.opd.localeCompare(b.opd));
}

/** Sums per-OPD coverage computed in parts (the chunks of a month's computation). */
export function mergeCoverage(parts: Iterable<readonly OpdCoverage[]>): OpdCoverage[] {
  const byOpd = new Map<string, OpdCoverage>();
  for (const list of parts) {
    for (const c of list) {
      const t = byOpd.get(c.opd);
      if (!t) {
        byOpd.set(c.opd, { ...c });
        continue;
      }
      t.employees += c.employees;
      t.attendanceComplete += c.attendanceComplete;
      t.missingDays += c.missingDays;
      t.unknown += c.unknown;
      t.evaluationMissing += c.evaluationMissing;
      t.provisional += c.provisional;
    }
  }
  return [...byOpd.values()].sort((a, b) => a.opd.localeCompare(b.opd));
}
