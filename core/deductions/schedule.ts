import { addMonths, monthIndex } from '../pay/month';
import type { DeductionEntry, DeductionEntryInput, DeductionPolicy, DeductionType } from './model';

/**
 * When an entry runs and what it asks for in a month, before any shortfall: pure schedule arithmetic.
 * An instalment of `total` over `tenor` months pays ⌊total / tenor⌋ each month and the last one the
 * rest (rounding named: INSTALMENT_FLOOR_LAST_TAKES_REST), so the instalments add up to the total exactly.
 */

/** The last month an entry asks for money: its endMonth, start + tenor − 1, or open (undefined). */
export function lastMonthOf(
  entry: Pick<DeductionEntryInput, 'kind' | 'startMonth' | 'endMonth' | 'instalment'>,
) {
  if (entry.kind === 'INSTALMENT' && entry.instalment) {
    return addMonths(entry.startMonth, entry.instalment.tenor - 1);
  }
  return entry.endMonth;
}

/** ⌊total / tenor⌋ for instalments 1 … tenor − 1; the last one takes what is left. */
export function instalmentAmount(total: number, tenor: number, no: number): number {
  const regular = Math.floor(total / tenor);
  return no < tenor ? regular : total - regular * (tenor - 1);
}

/** Angsuran ke-n of an instalment entry in `month` (1-based), or undefined outside its tenor. */
export function instalmentNo(entry: DeductionEntryInput, month: string): number | undefined {
  if (entry.kind !== 'INSTALMENT' || !entry.instalment) return undefined;
  const no = monthIndex(month) - monthIndex(entry.startMonth) + 1;
  return no >= 1 && no <= entry.instalment.tenor ? no : undefined;
}

export function entryRunsIn(entry: DeductionEntryInput, month: string): boolean {
  if (entry.status !== 'AKTIF' || month < entry.startMonth) return false;
  const last = lastMonthOf(entry);
  return last === undefined || month <= last;
}

/** The type's version in force in a month (the register keeps one row per code; its dates bound it). */
export function typeInForce(type: DeductionType, month: string): boolean {
  return type.active && type.effectiveFrom <= month && (!type.effectiveTo || month <= type.effectiveTo);
}

export function policyInForce(policy: DeductionPolicy | null, month: string): DeductionPolicy | undefined {
  return policy && policy.effectiveFrom <= month ? policy : undefined;
}

/** What the console shows beside an entry: the amount a full month asks for, where it is fixed. */
export function monthlyDueOf(entry: DeductionEntry, month: string): number | undefined {
  if (entry.kind === 'FIXED') return entry.amount;
  if (entry.kind === 'INSTALMENT' && entry.instalment) {
    const no = instalmentNo(entry, month) ?? 1;
    return instalmentAmount(entry.instalment.total, entry.instalment.tenor, no);
  }
  return undefined;
}
