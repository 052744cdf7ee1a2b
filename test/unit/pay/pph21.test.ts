import { describe, expect, it } from 'vitest';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import { pasal17, pph21Annual, pph21LastMasa, pph21Ter } from '../../../core/pay/pph21';
import { nationalRuleset } from '../../../core/rulesets/national-data';
import { nationalRulesFor } from '../../../core/rulesets/national-in-force';
import { aPayInput, aTenantRuleset, rulesetsFor } from './builders';
// A verbatim copy of ../shared/domain/pph21-ter-bulanan.json (the domain reference, PP 58/2023 Lampiran),
// not the ruleset the engine reads: the engine's table is checked against it row by row.
import reference from './golden/pph21-ter-bulanan.json' with { type: 'json' };

const rules = nationalRulesFor(nationalRuleset, '2026-01');
const annualRules = {
  biayaJabatan: rules.biayaJabatan.value,
  ptkp: rules.ptkp.value,
  pkpUnit: rules.pkpUnit.value,
  pasal17: rules.pasal17.value,
  surchargeBp: 0,
};
type Row = { maxBruto: number | null; ratePercent: number };
const tables = reference.categories as Record<'A' | 'B' | 'C', Row[]>;
const edges = (['A', 'B', 'C'] as const).flatMap((category) =>
  tables[category].flatMap((row, i) => {
    const next = tables[category][i + 1];
    if (row.maxBruto === null || !next) return [];
    return [
      {
        category,
        bruto: row.maxBruto,
        bp: Math.round(row.ratePercent * 100),
        nextBp: Math.round(next.ratePercent * 100),
      },
    ];
  }),
);

describe('pph21Ter', () => {
  it('should cover all 125 rows of the reference (122 closed edges)', () => {
    expect(tables.A.length + tables.B.length + tables.C.length).toBe(125);
    expect(edges).toHaveLength(122);
  });

  it("should apply each reference row's rate from its first to its last rupiah, and the top rate above", () => {
    for (const category of ['A', 'B', 'C'] as const) {
      let from = 0;
      for (const row of tables[category]) {
        const bp = Math.round(row.ratePercent * 100);
        expect(pph21Ter({ bruto: from, category }, rules.ter.value).rateBp).toBe(bp);
        if (row.maxBruto === null) {
          expect(pph21Ter({ bruto: 10_000_000_000, category }, rules.ter.value).rateBp).toBe(bp);
          break;
        }
        from = row.maxBruto + 1;
      }
    }
  });

  it('should take the TER category of each PTKP status from the reference', () => {
    expect(rules.terCategory.value).toEqual(reference.categoryByPtkp);
  });

  it.each(edges)(
    'should apply $category row rate at $bruto and the next rate one rupiah above',
    ({ category, bruto, bp, nextBp }) => {
      expect(pph21Ter({ bruto, category }, rules.ter.value).rateBp).toBe(bp);
      expect(pph21Ter({ bruto: bruto + 1, category }, rules.ter.value).rateBp).toBe(nextBp);
    },
  );

  it('should truncate 1% × 8.505.441 to 85.054', () => {
    expect(pph21Ter({ bruto: 8_505_441, category: 'B' }, rules.ter.value).amount).toBe(85_054);
  });

  it('should add the no-NPWP surcharge in the same single truncation', () => {
    expect(pph21Ter({ bruto: 8_505_441, category: 'B', surchargeBp: 2_000 }, rules.ter.value).amount).toBe(
      102_065,
    );
  });

  it('should map PTKP status to category', () => {
    expect(rules.terCategory.value).toMatchObject({
      'TK/0': 'A',
      'K/0': 'A',
      'K/1': 'B',
      'TK/3': 'B',
      'K/3': 'C',
    });
  });
});

describe('pasal17 and the annual computation', () => {
  it('should apply progressive rates per slice', () => {
    expect(pasal17(8_131_000, rules.pasal17.value)).toBe(406_550);
    expect(pasal17(60_000_000, rules.pasal17.value)).toBe(3_000_000);
    expect(pasal17(300_000_000, rules.pasal17.value)).toBe(3_000_000 + 28_500_000 + 12_500_000);
  });

  it('should reproduce Example 4: PKP 8.131.000 and PPh setahun 406.550', () => {
    const annual = pph21Annual(
      { brutoSetahun: 68_216_808, iuranPensiun: 2_674_272, monthsWorked: 12, ptkpStatus: 'TK/0' },
      annualRules,
    );
    expect(annual).toMatchObject({
      biayaJabatan: 3_410_840,
      neto: 62_131_696,
      pkp: 8_131_000,
      pphSetahun: 406_550,
    });
  });

  it('should cap biaya jabatan at 500.000 × months worked', () => {
    const annual = pph21Annual(
      { brutoSetahun: 200_000_000, iuranPensiun: 0, monthsWorked: 3, ptkpStatus: 'TK/0' },
      annualRules,
    );
    expect(annual.biayaJabatan).toBe(1_500_000);
  });

  it('should give a negative last masa when more was withheld than due', () => {
    const last = pph21LastMasa(
      {
        brutoGajiSetahun: 60_000_000,
        brutoTppSetahun: 20_000_000,
        iuranPensiunSetahun: 0,
        monthsWorked: 12,
        ptkpStatus: 'TK/0',
        pphGajiWithheld: 0,
        pphTppWithheld: 2_000_000,
      },
      annualRules,
    );
    expect(last.tpp).toBeLessThan(0);
  });
});

describe('PPh 21 on the slip', () => {
  const decemberYtd = {
    brutoGaji: 11 * 3_188_734,
    brutoTpp: 11 * 2_496_000,
    pphGaji: 0,
    pphTpp: 2_000_000,
    iuranPensiun: 11 * 222_856,
    monthsWorked: 11,
  };

  it('should book an over-withheld employee-borne TPP PPh as a negative refund line', () => {
    const slip = computeMonthlyPay(
      aPayInput({ month: '2026-12', taxYtd: decemberYtd }),
      rulesetsFor('bukitintan'),
    );
    const line = slip.lines.find((l) => l.code === 'POT_PPH21_TPP');
    expect(line?.amount).toBeLessThan(0);
    expect(line?.refund).toBe(true);
  });

  it('should zero both DTP lines and inform about the excess when the tenant says ZERO_BOTH', () => {
    const slip = computeMonthlyPay(
      aPayInput({ month: '2026-12', taxYtd: { ...decemberYtd, pphGaji: 50_000, pphTpp: 0 } }),
      rulesetsFor('bukitintan'),
    );
    const amount = (code: string) => slip.lines.find((l) => l.code === code)?.amount;
    expect([amount('TUNJ_PPH21'), amount('POT_PPH21'), amount('INFO_PPH21_LEBIH_POTONG')]).toEqual([
      0, 0, 50_000,
    ]);
  });

  it('should book a negative DTP on both sides when the tenant says NEGATIVE_BOTH', () => {
    const tenant = aTenantRuleset({ 'pph.dtpNegativeLastMasa': 'NEGATIVE_BOTH' });
    const slip = computeMonthlyPay(
      aPayInput({ month: '2026-12', taxYtd: { ...decemberYtd, pphGaji: 50_000, pphTpp: 0 } }),
      rulesetsFor(tenant),
    );
    const lines = slip.lines.filter((l) => l.code === 'TUNJ_PPH21' || l.code === 'POT_PPH21');
    expect(lines.map((l) => [l.amount, l.refund])).toEqual([
      [-50_000, true],
      [-50_000, true],
    ]);
  });

  it('should require year-to-date facts in the last masa', () => {
    expect(() => computeMonthlyPay(aPayInput({ month: '2026-12' }), rulesetsFor('bukitintan'))).toThrow(
      /taxYtd/,
    );
  });

  it('should treat the month employment ends as the last masa', () => {
    const input = aPayInput({
      month: '2026-05',
      employee: { tmtEnd: '2026-05-31' },
      taxYtd: { brutoGaji: 0, brutoTpp: 0, pphGaji: 0, pphTpp: 0, iuranPensiun: 0, monthsWorked: 4 },
    });
    expect(computeMonthlyPay(input, rulesetsFor('bukitintan')).meta.isLastMasa).toBe(true);
  });

  it('should add tunjangan PPh TPP equal to the TPP PPh in APBD_BORNE mode', () => {
    const tenant = aTenantRuleset({ 'tpp.pph': { mode: 'APBD_BORNE' } });
    const slip = computeMonthlyPay(aPayInput({ employee: { kelasJabatan: 12 } }), rulesetsFor(tenant));
    const tunj = slip.lines.find((l) => l.code === 'TUNJ_PPH21_TPP')?.amount;
    expect(tunj).toBeGreaterThan(0);
    expect(tunj).toBe(slip.lines.find((l) => l.code === 'POT_PPH21_TPP')?.amount);
  });

  it('should take a flat rate of TPP after iuran in FLAT_BY_GOLONGAN mode', () => {
    const tenant = aTenantRuleset({
      'tpp.pph': { mode: 'FLAT_BY_GOLONGAN', percentByGolongan: { I: 0, II: 0, III: 5, IV: 15 } },
    });
    const slip = computeMonthlyPay(aPayInput(), rulesetsFor(tenant));
    const tpp = slip.lines.filter((l) => l.code.startsWith('TPP_')).reduce((s, l) => s + l.amount, 0);
    const iwp = slip.lines.find((l) => l.code === 'POT_IWP_BPJS_1_TPP')?.amount ?? 0;
    expect(slip.lines.find((l) => l.code === 'POT_PPH21_TPP')?.amount).toBe(
      Math.floor(((tpp - iwp) * 5) / 100),
    );
  });
});
