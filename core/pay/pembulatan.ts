import { topUpToUnit } from './money';

/**
 * Pembulatan (S-GPP, S-JAMBI, S-DAERAH-TEST): an income line of 0 … unit−1 that makes the target a
 * multiple of the unit (Rp100): the bersih (NET, default) or the kotor before pembulatan (GROSS).
 */
export function pembulatan(input: { readonly target: number }, rules: { readonly unit: number }): number {
  return topUpToUnit(input.target, rules.unit);
}
