import type { DisciplineSummary } from '../pay/types';
import { type AbsenceWarning, absenceWarnings } from './absence-warnings';
import { type MonthAttendance, trailingTkStreak } from './attendance';
import { type AttendanceCoverage, attendanceCoverage } from './coverage';
import { LEAVE_KINDS, type LeaveKind, type LeaveRecord, leaveEntries } from './leave';
import { activeSanctions, type HukumanDisiplinRecord, toSanctionEntry } from './sanctions';

/**
 * One month of discipline facts for the pay engine (`DisciplineSummary`), plus what HR should act on:
 * PP 94/2021 warnings on recorded TK days, notes on records the pay engine cannot take, and how many
 * hari kerja have data at all (a day without data is neither TK nor a cut).
 */
export interface DisciplineSummaryInput {
  readonly attendance: MonthAttendance;
  readonly leaves: readonly LeaveRecord[];
  readonly sanctions: readonly HukumanDisiplinRecord[];
  /** TK days in January … the previous month of the same year. */
  readonly tkDaysEarlierThisYear: number;
  /** Consecutive TK hari kerja that ended the previous month (the PDH count runs across months). */
  readonly tkStreakCarriedIn?: number;
  /** Leave kinds the tenant cuts by episode length (banded cuti sakit): their days are the episode length. */
  readonly episodeLeaveKinds?: readonly LeaveKind[];
  /**
   * Codes of the tenant's TPP attendance table (tpp.attendance). The pay engine refuses a code it has no
   * rate for, so when given, other codes are kept out of `summary.counts` and returned in `unsentCounts`.
   */
  readonly payableCodes?: Iterable<string>;
}

export interface DisciplineOutcome {
  readonly summary: DisciplineSummary;
  /** Codes the pay table does not define: excuses without a rate, or a band the tables disagree on. */
  readonly unsentCounts: Readonly<Record<string, number>>;
  readonly warnings: readonly AbsenceWarning[];
  readonly notes: readonly string[];
  readonly workingDays: number;
  readonly coverage: AttendanceCoverage;
  readonly tk: {
    readonly thisMonth: number;
    readonly yearToDate: number;
    readonly longestStreak: number;
    /** Carry this into next month's `tkStreakCarriedIn`. */
    readonly trailingStreak: number;
  };
}

const LEAVE_CODES = new Set<string>(LEAVE_KINDS);

export function disciplineSummary(input: DisciplineSummaryInput): DisciplineOutcome {
  const { attendance } = input;
  const nip = attendance.nip;

  // Leave days reach the pay engine as leave entries; counting them as codes too would cut twice.
  // HADIR is not a cut, so only flaws, TK and excuse codes are sent.
  const payable = input.payableCodes ? new Set(input.payableCodes) : undefined;
  const excuseCodes = new Set(
    attendance.days.filter((d) => d.status === 'DIKECUALIKAN').flatMap((d) => d.codes),
  );
  const counts: Record<string, number> = {};
  const unsentCounts: Record<string, number> = {};
  const notes: string[] = [];
  for (const [code, n] of Object.entries(attendance.codeCounts)) {
    if (n === 0 || code === 'HADIR' || LEAVE_CODES.has(code)) continue;
    if (!payable || payable.has(code)) {
      counts[code] = n;
      continue;
    }
    unsentCounts[code] = n;
    // An excused day without a rate costs nothing; a flaw without one means the two tables disagree.
    if (!excuseCodes.has(code)) {
      notes.push(
        `kode ${code} (${n}×) tidak ada di tabel potongan TPP tenant; tidak dikirim ke perhitungan TPP`,
      );
    }
  }

  const workingDates = new Set(
    attendance.days.filter((d) => d.status !== 'BUKAN_HARI_KERJA').map((d) => d.date),
  );
  const leave = leaveEntries(
    input.leaves.filter((l) => l.nip === nip),
    attendance.month,
    workingDates,
    new Set(input.episodeLeaveKinds ?? []),
  );

  const sanctions = activeSanctions(
    input.sanctions.filter((s) => s.nip === nip),
    attendance.month,
  );

  const thisMonth = attendance.statusCounts.TK;
  const yearToDate = input.tkDaysEarlierThisYear + thisMonth;
  const streak = trailingTkStreak(attendance.days, input.tkStreakCarriedIn ?? 0);
  return {
    summary: { counts, leave: leave.entries, sanctions: sanctions.map(toSanctionEntry) },
    unsentCounts,
    warnings: absenceWarnings(yearToDate, streak.longest),
    notes: [...notes, ...leave.warnings],
    workingDays: attendance.workingDays,
    coverage: attendanceCoverage(attendance),
    tk: { thisMonth, yearToDate, longestStreak: streak.longest, trailingStreak: streak.trailing },
  };
}
