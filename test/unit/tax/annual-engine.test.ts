import { describe, expect, it } from 'vitest';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import type { PayInput, PaySlip } from '../../../core/pay/types';
import type { StoredSlip } from '../../../core/payroll/run-types';
import { nationalRuleset } from '../../../core/rulesets/national-data';
import { nationalRulesFor } from '../../../core/rulesets/national-in-force';
import { annualFigures, annualRulesOf } from '../../../core/tax/annual';
import { type SlipTax, slipTax } from '../../../core/tax/slip-tax';
import { aDiscipline, anEmployee, aPerformance, aTppPeriod, rulesetsFor } from '../pay/builders';
import { aSlipTax } from './slip-tax-builder';

/**
 * pajak-pelaporan.md §9 end to end: the engine pays the Example 2/3 employee every month of 2026 in Bantul
 * (gaji induk + the TPP of the month before), the THR (March) and gaji 13 (June) lists are added as their
 * stored tax facts (gaji13-thr.md §8: gaji 3.043.200 + TPP 2.500.000, both government-borne, PPh 124.315 +
 * 240.239 each), and December is the engine's last masa with the year-to-date the paid ledger would give.
 * The A2 built from those slips must be §9's, and the December slip must carry both parts.
 */
const employee = anEmployee({
  golongan: 'III/a',
  mkgYears: 0,
  ptkpStatus: 'TK/0',
  jabatan: { type: 'PELAKSANA' },
});
const previous = (m: number) => (m === 1 ? '2025-12' : `2026-${String(m - 1).padStart(2, '0')}`);
const month = (m: number) => `2026-${String(m).padStart(2, '0')}`;
const THR_OR_GAJI13 = { bruto: 3_043_200 + 2_500_000, pph: 124_315 + 240_239 };

function inputOf(m: number, taxYtd?: PayInput['taxYtd']): PayInput {
  return {
    tenantId: 'bantul',
    month: month(m),
    employee,
    tppPeriods: [
      aTppPeriod(previous(m), {
        performance: aPerformance({ predikat: 'BAIK' }),
        discipline: aDiscipline({ counts: { TL2: 1, TK: 1 } }),
      }),
    ],
    ...(taxYtd ? { taxYtd } : {}),
  };
}

function stored(m: number, input: PayInput, slip: PaySlip): StoredSlip {
  return {
    tenantId: 'bantul',
    runId: `${month(m)}-GAJI_TPP`,
    month: month(m),
    kind: 'GAJI_TPP',
    header: {
      nip: employee.nip,
      nama: employee.nama,
      jenisAsn: 'PNS',
      golongan: 'III/a',
      jabatan: 'Pelaksana',
      kelasJabatan: 7,
      opd: 'DISDIK',
      unit: 'Sekretariat',
    },
    slip,
    input,
    inputHash: String(m),
    rulesetVersion: slip.meta.rulesetVersion,
    computedAt: `${month(m)}-25T00:00:00Z`,
    computedBy: 'test',
  };
}

function extraList(m: number, kind: string): SlipTax {
  return aSlipTax({
    runId: `${month(m)}-${kind}`,
    kind,
    month: month(m),
    nip: employee.nip,
    gajiLines: { GAJI_POKOK: 2_785_700, TUNJ_UMUM: 185_000, TUNJ_BERAS: 72_420, PEMBULATAN: 80 },
    gajiIncome: 3_043_200,
    tppIncome: 2_500_000,
    brutoGaji: THR_OR_GAJI13.bruto,
    pphGaji: THR_OR_GAJI13.pph,
  });
}

describe('the §9 year through the engine', () => {
  const slips: SlipTax[] = [extraList(3, 'THR'), extraList(6, 'GAJI13')];
  for (let m = 1; m <= 11; m++) {
    // January pays December 2025's TPP, under Bantul's 2025 ceiling (demo data), not §9's 2.400.000: the
    // engine pays January's gaji, and the TPP §9 assumes is its own list (Example 3's stored facts).
    const { tppPeriods: _december2025, ...gajiOnly } = inputOf(1);
    const input = m === 1 ? gajiOnly : inputOf(m);
    slips.push(slipTax(stored(m, input, computeMonthlyPay(input, rulesetsFor('bantul'))), 'LOCKED'));
  }
  slips.push(
    aSlipTax({
      runId: '2026-01-TPP',
      kind: 'TPP',
      month: '2026-01',
      nip: employee.nip,
      tppIncome: 2_400_000,
      brutoTpp: 2_496_000,
      pphTpp: 28_423,
    }),
  );
  // The paid ledger's sums of January–November (what the run gives the last masa).
  const sum = (f: (s: SlipTax) => number) => slips.reduce((t, s) => t + f(s), 0);
  const ytd = {
    brutoGaji: sum((s) => s.brutoGaji),
    brutoTpp: sum((s) => s.brutoTpp),
    pphGaji: sum((s) => s.pphGaji),
    pphTpp: sum((s) => s.pphTpp),
    iuranPensiun: sum((s) => s.iuranPensiun),
    monthsWorked: 11,
  };
  const decInput = inputOf(12, ytd);
  const decSlip = computeMonthlyPay(decInput, rulesetsFor('bantul'));
  slips.push(slipTax(stored(12, decInput, decSlip), 'LOCKED'));

  it('should withhold §9’s 1.041.761 in January–November', () => {
    expect(ytd.pphGaji + ytd.pphTpp).toBe(1_041_761);
    expect(ytd.pphTpp).toBe(312_653);
  });

  it('should show both parts on the December slip: DTP −729.108 and TPP 620.497', () => {
    expect(decSlip.meta.taxFacts.pphGaji).toBe(-729_108);
    expect(decSlip.meta.taxFacts.pphTpp).toBe(620_497);
    // Bantul: ZERO_BOTH — the DTP refund is an information line, the TPP part a deduction.
    const line = (code: string) => decSlip.lines.find((l) => l.code === code)?.amount;
    expect(line('INFO_PPH21_LEBIH_POTONG')).toBe(729_108);
    expect(line('POT_PPH21_TPP')).toBe(620_497);
  });

  it('should give §9’s A2 from the year’s slips, line 20 agreeing with the December slip', () => {
    const { rules, iuranPensiunDeductible } = annualRulesOf(nationalRulesFor(nationalRuleset, '2026-12'));
    const a2 = annualFigures({ year: 2026, nip: employee.nip, slips, rules, iuranPensiunDeductible });
    expect(a2.problems).toEqual([]);
    expect(a2.lines).toMatchObject({
      '1': 38_999_800,
      '5': 2_590_000,
      '7': 1_013_880,
      '8': 676,
      '9': 1_746_852,
      '10': 34_952_000,
      '11': 79_303_208,
      '12': 3_965_160,
      '13': 2_674_272,
      '15': 72_663_776,
      '18': 54_000_000,
      '19': 18_663_000,
      '20': 933_150,
      '23A': 0,
      '23B': 933_150,
    });
  });
});
