import type { GajiGridIndex } from '../rulesets/national-in-force';
import { PayDataError } from './errors';
import { mulDiv } from './money';

export interface GajiPokokLookup {
  readonly amount: number;
  /** The MKG row used (largest listed MKG ≤ the employee's whole MKG years). */
  readonly stepMkg: number;
  readonly clampedToLastStep: boolean;
}

/**
 * PP 5/2024 and Perpres 11/2024 lampiran lookup: key golongan + MKG in whole years (months ignored);
 * take the largest listed MKG ≤ the employee's; above the last step keep the last step; below the first
 * listed step is a data error, never a guess.
 */
export function lookupGajiPokok(
  key: { readonly golongan: string; readonly mkgYears: number },
  grid: GajiGridIndex,
): GajiPokokLookup {
  const steps = grid.get(key.golongan);
  if (!steps)
    throw new PayDataError('employee.golongan', `golongan ${key.golongan} is not in the gaji pokok table`);
  if (!Number.isInteger(key.mkgYears) || key.mkgYears < 0) {
    throw new PayDataError('employee.mkgYears', `MKG must be whole years ≥ 0, got ${key.mkgYears}`);
  }
  let index = -1;
  for (let i = 0; i < steps.mkg.length; i++) {
    if ((steps.mkg[i] ?? Number.POSITIVE_INFINITY) <= key.mkgYears) index = i;
    else break;
  }
  if (index < 0) {
    throw new PayDataError(
      'employee.mkgYears',
      `MKG ${key.mkgYears} is below the first step (${steps.mkg[0]}) of golongan ${key.golongan}`,
    );
  }
  return {
    amount: steps.amount[index] ?? 0,
    stepMkg: steps.mkg[index] ?? 0,
    clampedToLastStep: index === steps.mkg.length - 1 && key.mkgYears > (steps.mkg[index] ?? 0),
  };
}

/**
 * The gaji pokok actually received: CPNS 80% (percentage allowances then use this amount) and the
 * status factor (CLTN, pemberhentian sementara). Grid amounts are multiples of Rp100 so the product is
 * exact; half-up is named only for completeness.
 */
export function gajiPokokReceived(tableAmount: number, factorsBp: readonly number[]): number {
  let amount = tableAmount;
  for (const bp of factorsBp) amount = mulDiv(amount, bp, 10_000, 'HALF_UP');
  return amount;
}
