import { useMe } from '../../auth/useAuth';
import { formatNumber, formatPercent } from '../../format';
import { L } from '../../i18n/labels';
import type { IndicatorTarget, RencanaHasilKerja } from './types';

const K = L.kinerja;

/** Today as YYYY-MM-DD in a time zone (the tenant's, not the browser's: a month ends in WIT first). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The tenant's today, month and year (GET /me timeZone; Asia/Jakarta until it is known). */
export function useTenantToday() {
  const me = useMe();
  const date = todayIn(me.data?.timeZone ?? 'Asia/Jakarta');
  return { date, month: date.slice(0, 7), year: Number(date.slice(0, 4)), ready: !!me.data };
}

/** "2026-03" months from January of the year to `last` (inclusive). */
export function monthsUpTo(last: string): string[] {
  const year = last.slice(0, 4);
  const n = Number(last.slice(5, 7));
  return Array.from({ length: n }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** "1.284 dokumen", "95%", "3 bulan". */
export function formatTarget(t: IndicatorTarget): string {
  if (t.aspect === 'KUALITAS') return formatPercent(t.percent, 2);
  if (t.aspect === 'WAKTU') return `${formatNumber(t.value)} ${K.waktuUnit[t.unit]}`;
  return `${formatNumber(t.value)} ${t.unit}`;
}

export function targetValue(t: IndicatorTarget): number {
  return t.aspect === 'KUALITAS' ? t.percent : t.value;
}

/** Weights are added in basis points, as the server does, so 33,33 + 33,33 + 33,34 is exactly 100. */
export function weightBasisPoints(results: readonly RencanaHasilKerja[]): number {
  return results
    .flatMap((r) => r.indicators)
    .reduce((s, i) => s + Math.round((Number(i.weightPercent) || 0) * 100), 0);
}

export function formatPct(value: number): string {
  return formatPercent(value, 2);
}
