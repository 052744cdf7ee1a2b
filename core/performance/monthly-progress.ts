import { type Realization, skpProgress } from './progress';
import type { Skp } from './skp';

/**
 * Capaian per indicator for each month of the SKP's year (January–December), as the atasan follows a
 * bawahan through the year: each month against that month's own target (periodTarget of a MONTH).
 * A month with nothing reported for an indicator says so (realized null), never 0 realised.
 */
export interface MonthProgressRow {
  readonly month: string;
  /** Null for a month with no realisasi at all (nothing to weigh). */
  readonly weightedAchievementPercent: number | null;
  readonly indicators: {
    readonly indicatorId: string;
    readonly target: number;
    readonly realized: number | null;
    readonly entries: number;
    readonly achievementPercent: number | null;
  }[];
}

export function monthlyProgress(
  skp: Pick<Skp, 'results' | 'year'>,
  realizations: readonly Realization[],
  capPercent: number,
  /** Months after this one (not yet ended or begun) are left out; default the whole year. */
  throughMonth = `${skp.year}-12`,
): MonthProgressRow[] {
  const rows: MonthProgressRow[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${skp.year}-${String(m).padStart(2, '0')}`;
    if (month > throughMonth) break;
    const p = skpProgress(skp, realizations, { kind: 'MONTH', month }, capPercent);
    const any = p.indicators.some((i) => i.entries > 0);
    rows.push({
      month,
      weightedAchievementPercent: any ? p.weightedAchievementPercent : null,
      indicators: p.indicators.map((i) => ({
        indicatorId: i.indicatorId,
        target: i.target,
        realized: i.realized ?? null,
        entries: i.entries,
        achievementPercent: i.entries > 0 ? i.achievementPercent : null,
      })),
    });
  }
  return rows;
}

/** The indicators of an SKP as a header row of the monthly table. */
export function indicatorHeaders(skp: Pick<Skp, 'results'>) {
  return skp.results.flatMap((r) =>
    r.indicators.map((i) => ({
      id: i.id,
      resultId: r.id,
      description: i.description,
      aspect: i.target.aspect,
      target: i.target.aspect === 'KUALITAS' ? i.target.percent : i.target.value,
      ...(i.target.aspect === 'KUALITAS' ? { unit: '%' } : { unit: i.target.unit }),
      weightPercent: i.weightPercent,
      aggregation: i.aggregation,
      direction: i.direction,
    })),
  );
}
