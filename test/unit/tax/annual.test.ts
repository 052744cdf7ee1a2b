import { describe, expect, it } from 'vitest';
import { nationalRuleset } from '../../../core/rulesets/national-data';
import { nationalRulesFor } from '../../../core/rulesets/national-in-force';
import { annualFigures, annualRulesOf } from '../../../core/tax/annual';
import type { SlipTax } from '../../../core/tax/slip-tax';
import { aSlipTax } from './slip-tax-builder';

const { rules, iuranPensiunDeductible } = annualRulesOf(nationalRulesFor(nationalRuleset, '2026-12'));

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

function yearOfSlips(): SlipTax[] {
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

describe('annual bukti potong figures (form 1721-A2, pajak-pelaporan.md §5.2, §9)', () => {
  it('should give the §9 A2 lines for the full year', () => {
    const a2 = annualFigures({
      year: 2026,
      nip: '199001012015031001',
      slips: yearOfSlips(),
      rules,
      iuranPensiunDeductible,
    });
    // Expected values typed from §9's table.
    expect(a2.lines).toMatchObject({
      '1': 38_999_800,
      '2': 0,
      '3': 0,
      '4': 38_999_800,
      '5': 2_590_000,
      '6': 0,
      '7': 1_013_880,
      '8': 676,
      '9': 1_746_852,
      '10': 34_952_000,
      '11': 79_303_208,
      '12': 3_965_160,
      '13': 2_674_272,
      '14': 3_965_160 + 2_674_272,
      '15': 72_663_776,
      '17': 72_663_776,
      '18': 54_000_000,
      '19': 18_663_000,
      '20': 933_150,
      '22': 933_150,
      // Recommended mapping: 23A the DTP share (0 after December's −729.108), 23B the TPP share 933.150.
      '23A': 0,
      '23B': 933_150,
    });
    expect(a2).toMatchObject({ firstMonth: 1, lastMonth: 12, monthsWorked: 12, ptkpStatus: 'TK/0' });
    expect(a2.problems).toEqual([]);
    // §9: Jan–Nov withheld 1.041.761 (TPP 11 × 28.423 + THR/gaji 13 2 × 364.554); December −108.611 in total.
    const janNov = yearOfSlips()
      .filter((s) => !s.isLastMasa)
      .reduce((t, s) => t + s.pphGaji + s.pphTpp, 0);
    expect(janNov).toBe(1_041_761);
    expect(a2.lines['22'] - janNov).toBe(-108_611);
  });

  it('should refuse a year whose last masa is not paid yet, and a last masa that disagrees with the sums', () => {
    const open = annualFigures({
      year: 2026,
      nip: '199001012015031001',
      slips: yearOfSlips().filter((s) => !s.isLastMasa),
      rules,
      iuranPensiunDeductible,
    });
    expect(open.problems.map((p) => p.field)).toContain('lastMasa');
    const slips = yearOfSlips().map((s) => (s.isLastMasa ? { ...s, annualPph: 900_000 } : s));
    const off = annualFigures({
      year: 2026,
      nip: '199001012015031001',
      slips,
      rules,
      iuranPensiunDeductible,
    });
    expect(off.problems.map((p) => p.field)).toEqual(['lines.20']);
  });

  it('should add the saldo awal of months before SIGAP (same withholder, §7)', () => {
    const slips = yearOfSlips().filter((s) => s.month >= '2026-04');
    const before = yearOfSlips().filter((s) => s.month < '2026-04');
    const sum = (f: (s: SlipTax) => number) => before.reduce((t, s) => t + f(s), 0);
    const a2 = annualFigures({
      year: 2026,
      nip: '199001012015031001',
      slips,
      openingBalance: {
        firstMonth: 1,
        lastMonth: 3,
        monthsWorked: 3,
        brutoGaji: sum((s) => s.brutoGaji),
        brutoTpp: sum((s) => s.brutoTpp),
        iuranPensiun: sum((s) => s.iuranPensiun),
        pphGaji: sum((s) => s.pphGaji),
        pphTpp: sum((s) => s.pphTpp),
      },
      rules,
      iuranPensiunDeductible,
    });
    // The bruto, neto and PPh of the year are those of §9; the saldo awal's gaji has no line breakdown,
    // so it is on line 9 (⚠ documented) rather than on lines 1–8.
    expect(a2.lines).toMatchObject({
      '11': 79_303_208,
      '15': 72_663_776,
      '20': 933_150,
      '23A': 0,
      '23B': 933_150,
    });
    expect(a2.firstMonth).toBe(1);
    expect(a2.problems).toEqual([]);
  });
});
