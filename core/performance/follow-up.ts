import { addMonths } from '../discipline/calendar-date';
import type { MonthlyPerformanceResult, Predikat } from '../pay/types';
import type { AppraisalSettings } from './appraisal-settings';
import { isBelowExpectation } from './predikat';

/**
 * Tindak lanjut hasil evaluasi kinerja (PermenPANRB 6/2022): pegawai whose predikat stays Butuh
 * Perbaikan or worse for N consecutive months are listed for pembinaan; those Sangat Baik for N months
 * are candidates for penghargaan, pelatihan or pendidikan. A month without a FINAL result breaks a run,
 * because nothing is known about it.
 */
export interface MonthlyResultRecord {
  readonly nip: string;
  readonly opd: string;
  readonly month: string;
  readonly result: MonthlyPerformanceResult;
}

export interface FollowUpCandidate {
  readonly nip: string;
  /** Length of the run ending in the reference month. */
  readonly months: number;
  readonly since: string;
  readonly latestPredikat: Predikat;
}

export interface OpdFollowUp {
  readonly opd: string;
  readonly pembinaan: readonly FollowUpCandidate[];
  readonly recognition: readonly (FollowUpCandidate & { readonly programmes: readonly string[] })[];
}

function streak(
  byMonth: ReadonlyMap<string, MonthlyResultRecord>,
  asOf: string,
  test: (p: Predikat) => boolean,
): number {
  let months = 0;
  for (let m = asOf; ; m = addMonths(m, -1)) {
    const record = byMonth.get(m);
    const predikat = record?.result.status === 'FINAL' ? record.result.predikat : undefined;
    if (!predikat || !test(predikat)) return months;
    months += 1;
  }
}

export function followUpLists(
  records: readonly MonthlyResultRecord[],
  config: AppraisalSettings['followUp'],
  asOfMonth: string,
): OpdFollowUp[] {
  const byNip = new Map<string, Map<string, MonthlyResultRecord>>();
  for (const record of records) {
    let months = byNip.get(record.nip);
    if (!months) {
      months = new Map();
      byNip.set(record.nip, months);
    }
    months.set(record.month, record);
  }
  const byOpd = new Map<
    string,
    { pembinaan: FollowUpCandidate[]; recognition: OpdFollowUp['recognition'][number][] }
  >();
  for (const nip of [...byNip.keys()].sort()) {
    const months = byNip.get(nip) as Map<string, MonthlyResultRecord>;
    const latest = months.get(asOfMonth);
    const latestPredikat = latest?.result.status === 'FINAL' ? latest.result.predikat : undefined;
    if (!latest || !latestPredikat) continue;
    let lists = byOpd.get(latest.opd);
    if (!lists) {
      lists = { pembinaan: [], recognition: [] };
      byOpd.set(latest.opd, lists);
    }

    const low = streak(months, asOfMonth, isBelowExpectation);
    if (config.pembinaan.enabled && low >= config.pembinaan.consecutiveMonths) {
      lists.pembinaan.push({ nip, months: low, since: addMonths(asOfMonth, 1 - low), latestPredikat });
    }
    const top = streak(months, asOfMonth, (p) => p === 'SANGAT_BAIK');
    if (config.recognition.enabled && top >= config.recognition.consecutiveMonths) {
      lists.recognition.push({
        nip,
        months: top,
        since: addMonths(asOfMonth, 1 - top),
        latestPredikat,
        programmes: config.recognition.programmes,
      });
    }
  }
  return [...byOpd.keys()]
    .sort()
    .map((opd) => ({ opd, ...(byOpd.get(opd) as Omit<OpdFollowUp, 'opd'>) }))
    .filter((o) => o.pembinaan.length > 0 || o.recognition.length > 0);
}
