import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { formatPercent, formatRupiah, MONTHS_SHORT } from '../../format';
import { L } from '../../i18n/labels';

const T = L.potongan;

/** The tenant's deduction types (creditors) and policy: GET /deductions/types, every role reads it. */
export function useDeductionTypes() {
  return useQuery({
    queryKey: ['deduction-types'],
    queryFn: () => ok(api.GET('/deductions/types')),
    staleTime: 60_000,
  });
}

/** What a register entry takes each month, in words ("Rp250.000 per bulan", "2,5% dari gaji kotor"). */
export interface EntryAmount {
  kind: string;
  amount?: number;
  percent?: number;
  base?: string;
  instalment?: { total: number; tenor: number; monthly?: number };
}

export function amountText(e: EntryAmount, type?: { percent?: number; base?: string }): string {
  if (e.kind === 'FIXED' && e.amount !== undefined) return T.amountOf.fixed(formatRupiah(e.amount));
  // A percent entry may leave rate and base to its type (zakat 2,5 % of gaji pokok).
  const percent = e.percent ?? type?.percent;
  const base = e.base ?? type?.base;
  if (e.kind === 'PERCENT' && percent !== undefined) {
    return T.amountOf.percent(formatPercent(percent, 2), base ? (T.bases[base] ?? base) : '—');
  }
  if (e.kind === 'INSTALMENT' && e.instalment) {
    const monthly = e.instalment.monthly ?? Math.floor(e.instalment.total / e.instalment.tenor);
    return T.amountOf.instalment(formatRupiah(e.instalment.total), e.instalment.tenor, formatRupiah(monthly));
  }
  return T.kinds[e.kind] ?? e.kind;
}

/** "2026-12" + n months → "YYYY-MM". */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** "2026-12" → "Des 2026", for the register's narrow period column. */
export function monthShort(month: string): string {
  const m = Number(month.slice(5, 7));
  return `${MONTHS_SHORT[m - 1] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;
}
