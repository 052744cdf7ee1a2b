import type { Direction, Indicator, IndicatorTarget, Skp } from './skp';
import { indicatorsOf } from './skp';

/**
 * Realisasi: what the pegawai reports against each indicator, day by day, with evidence. Progress for a
 * month or a year compares the aggregated realisasi with the target of that period:
 *   capaian = realisasi ÷ target (higher is better)      capaian = target ÷ realisasi (lower is better)
 * capped at the tenant's ceiling, then weighted by the indicator weights into the SKP's capaian.
 */
export interface Realization {
  readonly indicatorId: string;
  readonly date: string;
  readonly value: number;
  readonly note?: string;
  readonly evidenceUrl?: string;
}

export type ProgressPeriod =
  | { readonly kind: 'MONTH'; readonly month: string }
  /** January up to and including the month (real-time progress through the year). */
  | { readonly kind: 'YEAR_TO_DATE'; readonly month: string }
  | { readonly kind: 'YEAR'; readonly year: number };

export interface IndicatorProgress {
  readonly indicatorId: string;
  readonly description: string;
  readonly weightPercent: number;
  readonly direction: Direction;
  readonly target: number;
  /** Undefined when nothing was reported in the period. */
  readonly realized?: number;
  readonly entries: number;
  /** Capped, two decimals. */
  readonly achievementPercent: number;
  readonly uncappedPercent: number;
  readonly capped: boolean;
}

export interface SkpProgress {
  readonly period: ProgressPeriod;
  readonly capPercent: number;
  readonly indicators: readonly IndicatorProgress[];
  /** Σ weight × capaian ÷ 100, two decimals. */
  readonly weightedAchievementPercent: number;
  readonly indicatorsWithoutData: readonly string[];
}

export function round2(x: number): number {
  return Math.round((x + Number.EPSILON) * 100) / 100;
}

function annualTarget(target: IndicatorTarget): number {
  return target.aspect === 'KUALITAS' ? target.percent : target.value;
}

function monthsInPeriod(period: ProgressPeriod): number {
  if (period.kind === 'MONTH') return 1;
  if (period.kind === 'YEAR') return 12;
  return Number(period.month.slice(5, 7));
}

/** A count target accrues month by month; a rate, a duration or a level target holds for every period. */
export function periodTarget(indicator: Indicator, period: ProgressPeriod): number {
  const annual = annualTarget(indicator.target);
  if (indicator.aggregation !== 'SUM')
    return period.kind === 'MONTH' ? (indicator.monthlyTarget ?? annual) : annual;
  if (period.kind === 'YEAR') return annual;
  return (indicator.monthlyTarget ?? annual / 12) * monthsInPeriod(period);
}

export function inPeriod(date: string, period: ProgressPeriod): boolean {
  if (period.kind === 'MONTH') return date.startsWith(`${period.month}-`);
  if (period.kind === 'YEAR') return date.startsWith(`${period.year}-`);
  return date.startsWith(period.month.slice(0, 5)) && date.slice(0, 7) <= period.month;
}

/** Lower-is-better with a realisasi of 0 (done the same day) is as good as it gets: the cap. */
export function achievementPercent(realized: number, target: number, direction: Direction): number {
  if (direction === 'HIGHER_IS_BETTER') return (realized / target) * 100;
  return realized <= 0 ? Number.POSITIVE_INFINITY : (target / realized) * 100;
}

export function indicatorProgress(
  indicator: Indicator,
  realizations: readonly Realization[],
  period: ProgressPeriod,
  capPercent: number,
): IndicatorProgress {
  const rows = realizations
    .filter((r) => r.indicatorId === indicator.id && inPeriod(r.date, period))
    .sort((a, b) => a.date.localeCompare(b.date));
  const target = periodTarget(indicator, period);
  const base = {
    indicatorId: indicator.id,
    description: indicator.description,
    weightPercent: indicator.weightPercent,
    direction: indicator.direction,
    target: round2(target),
    entries: rows.length,
  };
  if (rows.length === 0) return { ...base, achievementPercent: 0, uncappedPercent: 0, capped: false };
  const sum = rows.reduce((s, r) => s + r.value, 0);
  const realized =
    indicator.aggregation === 'SUM'
      ? sum
      : indicator.aggregation === 'AVERAGE'
        ? sum / rows.length
        : (rows[rows.length - 1] as Realization).value;
  const raw = achievementPercent(realized, target, indicator.direction);
  const capped = raw > capPercent;
  return {
    ...base,
    realized: round2(realized),
    achievementPercent: round2(capped ? capPercent : raw),
    uncappedPercent: Number.isFinite(raw) ? round2(raw) : capPercent,
    capped,
  };
}

export function skpProgress(
  skp: Pick<Skp, 'results'>,
  realizations: readonly Realization[],
  period: ProgressPeriod,
  capPercent: number,
): SkpProgress {
  const indicators = indicatorsOf(skp).map((i) => indicatorProgress(i, realizations, period, capPercent));
  const weighted = indicators.reduce((s, p) => s + (p.weightPercent * p.achievementPercent) / 100, 0);
  return {
    period,
    capPercent,
    indicators,
    weightedAchievementPercent: round2(weighted),
    indicatorsWithoutData: indicators.filter((p) => p.entries === 0).map((p) => p.indicatorId),
  };
}
