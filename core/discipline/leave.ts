import type { LeaveEntry, LeaveType } from '../pay/types';
import { addDays, dayNumber, daysInMonth, isIsoDate, monthIndex } from './calendar-date';

/**
 * Cuti records (PP 11/2017 jo. PP 17/2020: cuti tahunan, sakit, besar, melahirkan, karena alasan penting,
 * di luar tanggungan negara). A leave day is excused from attendance; what it costs in TPP is the
 * tenant's pay rule, which receives the days per leave through `LeaveEntry`.
 */
export const LEAVE_KINDS = [
  'CUTI_TAHUNAN',
  'CUTI_SAKIT',
  'CUTI_BESAR',
  'CUTI_MELAHIRKAN',
  'CUTI_ALASAN_PENTING',
  'CLTN',
] as const satisfies readonly (LeaveType | 'CLTN')[];
export type LeaveKind = (typeof LEAVE_KINDS)[number];

export const LEAVE_LABELS: Readonly<Record<LeaveKind, string>> = {
  CUTI_TAHUNAN: 'Cuti tahunan',
  CUTI_SAKIT: 'Cuti sakit',
  CUTI_BESAR: 'Cuti besar',
  CUTI_MELAHIRKAN: 'Cuti melahirkan',
  CUTI_ALASAN_PENTING: 'Cuti karena alasan penting',
  CLTN: 'Cuti di luar tanggungan negara',
};

export interface LeaveRecord {
  readonly nip: string;
  readonly kind: LeaveKind;
  /** First and last day of the leave, inclusive. */
  readonly from: string;
  readonly to: string;
  readonly skNumber?: string;
  /** Cuti melahirkan: which child (1, 2, 3 …). */
  readonly childOrder?: number;
}

/** Reasons (Indonesian) a leave record cannot be used; empty when it can. */
export function leaveIssues(record: LeaveRecord): string[] {
  const issues: string[] = [];
  if (!isIsoDate(record.from) || !isIsoDate(record.to))
    issues.push('tanggal cuti harus berformat YYYY-MM-DD');
  else if (record.from > record.to) issues.push('tanggal mulai cuti setelah tanggal selesai');
  // The tenant's TPP rule for cuti melahirkan depends on which child it is (e.g. free up to the second).
  if (
    record.kind === 'CUTI_MELAHIRKAN' &&
    !(Number.isInteger(record.childOrder) && (record.childOrder ?? 0) >= 1)
  ) {
    issues.push('cuti melahirkan wajib mencantumkan anak ke berapa');
  }
  return issues;
}

export function leaveOn(leaves: readonly LeaveRecord[], date: string): LeaveRecord | undefined {
  return leaves.find((leave) => leave.from <= date && date <= leave.to);
}

interface Episode {
  readonly kind: LeaveKind;
  readonly from: string;
  readonly to: string;
  readonly childOrder?: number;
}

/** A leave extended by a follow-up SK is one episode: same kind, starting the day after the previous ends. */
export function leaveEpisodes(leaves: readonly LeaveRecord[]): Episode[] {
  const sorted = [...leaves].sort((a, b) =>
    a.kind === b.kind ? a.from.localeCompare(b.from) : a.kind.localeCompare(b.kind),
  );
  const episodes: Episode[] = [];
  for (const leave of sorted) {
    const last = episodes.at(-1);
    if (last && last.kind === leave.kind && addDays(last.to, 1) === leave.from) {
      episodes[episodes.length - 1] = { ...last, to: leave.to };
    } else {
      episodes.push({
        kind: leave.kind,
        from: leave.from,
        to: leave.to,
        ...(leave.childOrder !== undefined ? { childOrder: leave.childOrder } : {}),
      });
    }
  }
  return episodes;
}

export interface LeaveEntriesResult {
  readonly entries: LeaveEntry[];
  /** Leave the pay engine has no type for (CLTN is an employment status there), with the reason. */
  readonly warnings: string[];
}

/**
 * The pay engine's leave entries for a month. `days` counts hari kerja on leave in the month, except for
 * kinds the tenant cuts by episode length (`episodeKinds`, e.g. cuti sakit bands): there it is the
 * calendar length of the episode from its first day to the end of this month.
 */
export function leaveEntries(
  leaves: readonly LeaveRecord[],
  month: string,
  workingDates: ReadonlySet<string>,
  episodeKinds: ReadonlySet<LeaveKind> = new Set(),
): LeaveEntriesResult {
  const monthStart = `${month}-01`;
  const monthEnd = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  const entries: LeaveEntry[] = [];
  const warnings: string[] = [];
  for (const episode of leaveEpisodes(leaves)) {
    if (episode.to < monthStart || episode.from > monthEnd) continue;
    if (episode.kind === 'CLTN') {
      warnings.push(
        `CLTN ${episode.from} s.d. ${episode.to}: tidak dikirim sebagai cuti; ubah status kepegawaian menjadi CLTN agar TPP dihentikan`,
      );
      continue;
    }
    const lastInMonth = episode.to < monthEnd ? episode.to : monthEnd;
    const firstInMonth = episode.from > monthStart ? episode.from : monthStart;
    let days = 0;
    if (episodeKinds.has(episode.kind)) {
      days = dayNumber(lastInMonth) - dayNumber(episode.from) + 1;
    } else {
      for (let d = firstInMonth; d <= lastInMonth; d = addDays(d, 1)) if (workingDates.has(d)) days += 1;
    }
    const melahirkan =
      episode.kind === 'CUTI_MELAHIRKAN'
        ? {
            monthOfLeave: monthIndex(month) - monthIndex(episode.from.slice(0, 7)) + 1,
            ...(episode.childOrder !== undefined ? { childOrder: episode.childOrder } : {}),
          }
        : {};
    entries.push({ type: episode.kind, days, ...melahirkan });
  }
  return { entries, warnings };
}
