import type { SlipTax } from '../../../core/tax/slip-tax';
import { aSlipTax } from './slip-tax-builder';

/**
 * pajak-pelaporan.md §9: the Example 2 employee's 2026 (TK/0). Gaji induk every month: gaji pokok 2.785.700,
 * tunjangan umum 185.000, beras 72.420, pembulatan 43, TER bruto 3.188.734 incl. employer premiums 145.571,
 * iuran pensiun 222.856 (worked-examples.md Example 2). TPP 2.400.000 + BPJS 4 % 96.000 paid every month
 * (one month late: Dec 2025 … Nov 2026), PPh 28.423 (Example 3). THR (March) and gaji 13 (June): gaji list
 * 3.043.200 (pembulatan 80) and TPP 2.500.000, PPh 124.315 + 240.239 (gaji13-thr.md §8), both borne by the
 * government and so on the DTP side of §9's split. December: the
 * last masa's two parts, DTP −729.108 and TPP 620.497 (§9), with the annual PPh 933.150 of its trace.
 */
function month(m: number): string {
  return `2026-${String(m).padStart(2, '0')}`;
}

export function yearOfSlips(): SlipTax[] {
  const slips: SlipTax[] = [];
  for (let m = 1; m <= 12; m++) {
    const december = m === 12;
    slips.push(
      aSlipTax({
        runId: `${month(m)}-GAJI_TPP`,
        month: month(m),
        gajiLines: { GAJI_POKOK: 2_785_700, TUNJ_UMUM: 185_000, TUNJ_BERAS: 72_420, PEMBULATAN: 43 },
        // + the employer premiums shown as income (BPJS 4 % 118.828, JKK 6.686, JKM 20.057 = 145.571).
        gajiIncome: 3_188_734,
        tppIncome: 2_400_000,
        brutoGaji: 3_188_734,
        brutoTpp: 2_496_000,
        iuranPensiun: 222_856,
        pphGaji: december ? -729_108 : 0,
        pphTpp: december ? 620_497 : 28_423,
        isLastMasa: december,
        ...(december ? { annualPph: 933_150 } : {}),
      }),
    );
  }
  for (const [m, kind] of [
    [3, 'THR'],
    [6, 'GAJI13'],
  ] as const) {
    slips.push(
      aSlipTax({
        runId: `${month(m)}-${kind}`,
        kind,
        month: month(m),
        gajiLines: { GAJI_POKOK: 2_785_700, TUNJ_UMUM: 185_000, TUNJ_BERAS: 72_420, PEMBULATAN: 80 },
        gajiIncome: 3_043_200,
        tppIncome: 2_500_000,
        // §9: the THR/gaji 13 TPP is DTP income, taxed with the gaji: 2 × (124.315 + 240.239) DTP.
        brutoGaji: 3_043_200 + 2_500_000,
        pphGaji: 124_315 + 240_239,
      }),
    );
  }
  return slips;
}
