import { describe, expect, it } from 'vitest';
import { nationalRuleset } from '../../../core/rulesets/national-data';
import { nationalRulesFor } from '../../../core/rulesets/national-in-force';
import { annualFigures, annualRulesOf } from '../../../core/tax/annual';
import type { SlipTax } from '../../../core/tax/slip-tax';
import { yearOfSlips } from './section-9';

const { rules, iuranPensiunDeductible } = annualRulesOf(nationalRulesFor(nationalRuleset, '2026-12'));

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
