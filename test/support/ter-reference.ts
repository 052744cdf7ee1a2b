import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * PPh 21 by TER from the domain reference (../shared/domain/pph21-ter-bulanan.json, PP 58/2023 Lampiran),
 * read as its lookupRule says — not from the ruleset the engine reads, so a test's expectation cannot
 * share the engine's mistakes.
 */
interface TerReference {
  categoryByPtkp: Record<string, 'A' | 'B' | 'C'>;
  categories: Record<'A' | 'B' | 'C', { maxBruto: number | null; ratePercent: number }[]>;
}

const reference = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../shared/domain/pph21-ter-bulanan.json', import.meta.url)),
    'utf8',
  ),
) as TerReference;

/** The TER rate in hundredths of a percent (0,25 % → 25) for a PTKP status and a monthly bruto. */
export function terRateBp(ptkpStatus: string, bruto: number): number {
  const category = reference.categoryByPtkp[ptkpStatus];
  if (!category) throw new Error(`no TER category for PTKP ${ptkpStatus}`);
  const bracket = reference.categories[category].find((b) => b.maxBruto === null || b.maxBruto >= bruto);
  if (!bracket) throw new Error(`no TER bracket for ${bruto}`);
  return Math.round(bracket.ratePercent * 100);
}

/** PPh of a masa that is not the last: the whole bruto × its TER rate, truncated to whole rupiah (pph21.md §1, §9). */
export function pphByTer(ptkpStatus: string, bruto: number): number {
  return Math.floor((bruto * terRateBp(ptkpStatus, bruto)) / 10_000);
}
