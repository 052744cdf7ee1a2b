import type { MonthlyPerformanceResult, Predikat } from '../pay/types';
import type { AppraisalSettings } from './appraisal-settings';
import { PREDIKAT_LABELS, PREDIKAT_RANK } from './predikat';
import { round2 } from './progress';

/**
 * Kalibrasi: does a unit's distribution of predikat for a month look like the tenant's expected curve
 * (e.g. at most 10% Sangat Baik, 70% Baik)? A unit that itself performed well may be allowed more top
 * ratings (the curve scaled by the unit's own predikat). The result is a warning for the tim penilai
 * kinerja, never a change to anyone's predikat.
 */
export interface CalibrationEntry {
  readonly nip: string;
  readonly opd: string;
  readonly unit?: string;
  readonly result: MonthlyPerformanceResult;
}

export interface CalibrationGroup {
  readonly key: string;
  readonly opd: string;
  readonly unit?: string;
  /** FINAL results with a predikat; other statuses are not part of the distribution. */
  readonly total: number;
  readonly counts: Readonly<Partial<Record<Predikat, number>>>;
  readonly sharePercent: Readonly<Partial<Record<Predikat, number>>>;
  readonly limitPercent: Readonly<Partial<Record<Predikat, number>>>;
  readonly belowMinimumSize: boolean;
}

export interface CalibrationWarning {
  readonly groupKey: string;
  readonly predikat: Predikat;
  readonly count: number;
  readonly total: number;
  readonly sharePercent: number;
  readonly limitPercent: number;
  readonly message: string;
}

export interface CalibrationReport {
  readonly month: string;
  readonly groups: readonly CalibrationGroup[];
  readonly warnings: readonly CalibrationWarning[];
}

function groupKey(entry: CalibrationEntry, by: 'OPD' | 'UNIT'): string {
  return by === 'UNIT' ? `${entry.opd}/${entry.unit ?? '-'}` : entry.opd;
}

/** Butuh Perbaikan and Cukup are one rank; the curve key decides which word the report uses. */
function countAtRank(counts: Partial<Record<Predikat, number>>, predikat: Predikat): number {
  let n = 0;
  for (const [p, c] of Object.entries(counts) as [Predikat, number][])
    if (PREDIKAT_RANK[p] === PREDIKAT_RANK[predikat]) n += c;
  return n;
}

export function calibrate(
  month: string,
  entries: readonly CalibrationEntry[],
  config: AppraisalSettings['calibration'],
  /** The unit's own predikat per group key, when the curve is scaled by it. */
  unitPredikat: Readonly<Record<string, Predikat>> = {},
): CalibrationReport {
  const grouped = new Map<string, CalibrationEntry[]>();
  for (const entry of entries) {
    const key = groupKey(entry, config.groupBy);
    const list = grouped.get(key);
    if (list) list.push(entry);
    else grouped.set(key, [entry]);
  }
  const groups: CalibrationGroup[] = [];
  const warnings: CalibrationWarning[] = [];
  for (const key of [...grouped.keys()].sort()) {
    const members = grouped.get(key) as CalibrationEntry[];
    const first = members[0] as CalibrationEntry;
    const counts: Partial<Record<Predikat, number>> = {};
    let total = 0;
    for (const m of members) {
      if (m.result.status !== 'FINAL' || !m.result.predikat) continue;
      counts[m.result.predikat] = (counts[m.result.predikat] ?? 0) + 1;
      total += 1;
    }
    const own = unitPredikat[key];
    const multiplier =
      own && config.unitRatingMultiplierPercent ? (config.unitRatingMultiplierPercent[own] ?? 100) : 100;
    const sharePercent: Partial<Record<Predikat, number>> = {};
    const limitPercent: Partial<Record<Predikat, number>> = {};
    const belowMinimumSize = total < config.minGroupSize;
    for (const [p, max] of Object.entries(config.maxSharePercent) as [Predikat, number][]) {
      const count = countAtRank(counts, p);
      const share = total === 0 ? 0 : round2((count / total) * 100);
      const limit = round2(Math.min(100, (max * multiplier) / 100));
      sharePercent[p] = share;
      limitPercent[p] = limit;
      if (!belowMinimumSize && share > limit) {
        const scaled =
          multiplier !== 100
            ? ` (kurva ${max}% × ${multiplier}% karena predikat unit ${PREDIKAT_LABELS[own as Predikat]})`
            : '';
        warnings.push({
          groupKey: key,
          predikat: p,
          count,
          total,
          sharePercent: share,
          limitPercent: limit,
          message:
            `${key} bulan ${month}: ${count} dari ${total} pegawai (${String(share).replace('.', ',')}%) berpredikat ` +
            `${PREDIKAT_LABELS[p]}, melebihi batas ${String(limit).replace('.', ',')}%${scaled}; mohon dikalibrasi.`,
        });
      }
    }
    groups.push({
      key,
      opd: first.opd,
      ...(config.groupBy === 'UNIT' && first.unit !== undefined ? { unit: first.unit } : {}),
      total,
      counts,
      sharePercent,
      limitPercent,
      belowMinimumSize,
    });
  }
  return { month, groups, warnings };
}
