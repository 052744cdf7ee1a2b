import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import { PayDataError } from '../../../core/pay/errors';
import { explainLine, hasTemplate } from '../../../core/pay/explain';
import { formatRupiah } from '../../../core/pay/format';
import { type OpeningBalance, openingBalanceIssues } from '../../../core/pay/opening-balance';
import type { PayInput, PaySlip, TaxYearToDate } from '../../../core/pay/types';
import { parseTenantRuleset } from '../../../core/rulesets/tenant-ruleset';
import bantulJson from '../../../rulesets/tenants/bantul.json' with { type: 'json' };
import { aDiscipline, anEmployee, aPerformance, aTppPeriod, rulesetsFor } from './builders';

/**
 * Opening balances (saldo awal) in the last masa, checked against the domain reference's year-end example
 * (shared/domain/pajak-pelaporan.md §9: "Worked example 2 — year 2026, annual A2 and December") and
 * worked-examples.md Example 4, both recast as a tenant that starts SIGAP in July 2026: January–June come
 * from the old application as a saldo awal, July–November from SIGAP's paid ledger, December is computed.
 *
 * The employee is worked-examples.md Example 2 (III/a MKG 0, TK/0, pelaksana) with the Example 3 TPP
 * (bantul, Jambi-style rules, TPP paid one month late). Every month, from the reference:
 *   gaji TER bruto 3.188.734 (incl. employer premiums 145.571 and pembulatan 43), PPh on gaji 0 (TER A 0 %)
 *   TPP 2.400.000 + BPJS 4 % 96.000 = TPP bruto 2.496.000; PPh on TPP 28.423 (TER A 0,5 % on 5.684.734)
 *   iuran pensiun (Taspen 8 %) 222.856
 * §9 adds THR (March) and gaji 13 (June), each 3.043.200 gaji + 2.500.000 TPP, whose PPh is borne by the
 * government: 124.315 + 240.239 each, so 2 × 364.554 = 729.108 withheld. Both fall in January–June.
 */
const GAJI = 3_188_734;
const TPP = 2_496_000;
const PPH_TPP = 28_423;
const IURAN = 222_856;
const THR_OR_GAJI13 = 3_043_200 + 2_500_000; // 5.543.200, the gaji share stacked first (§9 "DTP income")
const PPH_THR_OR_GAJI13 = 124_315 + 240_239; // 364.554

/** January–June in the old application, §9: six months + THR + gaji 13. */
const openingSection9: OpeningBalance = {
  year: 2026,
  firstMonth: 1,
  lastMonth: 6,
  monthsWorked: 6,
  brutoGaji: 6 * GAJI + 2 * THR_OR_GAJI13, // 19.132.404 + 11.086.400 = 30.218.804
  brutoTpp: 6 * TPP, // 14.976.000
  iuranPensiun: 6 * IURAN, // 1.337.136
  pphGaji: 2 * PPH_THR_OR_GAJI13, // 729.108
  pphTpp: 6 * PPH_TPP, // 170.538
  source: 'Bukti potong SIMGAJI Jan–Jun 2026',
};

/** July–November as SIGAP's paid ledger sums them (taxYtdFor): five ordinary months. */
const ledgerJulNov: TaxYearToDate = {
  brutoGaji: 5 * GAJI, // 15.943.670
  brutoTpp: 5 * TPP, // 12.480.000
  pphGaji: 0,
  pphTpp: 5 * PPH_TPP, // 142.115
  iuranPensiun: 5 * IURAN, // 1.114.280
  monthsWorked: 5,
};

const december = (extra: Partial<PayInput> = {}): PayInput => ({
  tenantId: 'bantul',
  month: '2026-12',
  employee: anEmployee({
    golongan: 'III/a',
    mkgYears: 0,
    ptkpStatus: 'TK/0',
    jabatan: { type: 'PELAKSANA' },
  }),
  tppPeriods: [
    aTppPeriod('2026-11', {
      performance: aPerformance({ predikat: 'BAIK' }),
      discipline: aDiscipline({ counts: { TL2: 1, TK: 1 } }),
    }),
  ],
  taxYtd: ledgerJulNov,
  ...extra,
});

/** Bantul with the DTP refund booked on both lines, as §9 describes it ("negative tunjangan PPh and potongan PPh"). */
const bantulNegativeBoth = (() => {
  const doc = structuredClone(bantulJson) as { parameters: { id: string; versions: { value: unknown }[] }[] };
  for (const p of doc.parameters) {
    if (p.id === 'pph.dtpNegativeLastMasa') for (const v of p.versions) v.value = 'NEGATIVE_BOTH';
  }
  return parseTenantRuleset(doc, 'test:bantul-negative-both');
})();

const amountOf = (slip: PaySlip, code: string) => slip.lines.find((l) => l.code === code)?.amount;
const traceOf = (slip: PaySlip, step: string) => slip.trace.find((t) => t.step === step)?.value;
const lineOf = (slip: PaySlip, code: string) => {
  const line = slip.lines.find((l) => l.code === code);
  if (!line) throw new Error(`no ${code} line`);
  return line;
};

describe('the last masa with an opening balance (pajak-pelaporan.md §9)', () => {
  const withOpening = computeMonthlyPay(december({ openingBalance: openingSection9 }), rulesetsFor('bantul'));
  const without = computeMonthlyPay(december(), rulesetsFor('bantul'));

  it('should reconcile the whole year: A2 lines 11–20 of the reference', () => {
    // Line 11 bruto: 30.218.804 + 14.976.000 (saldo awal) + 15.943.670 + 12.480.000 (SIGAP Jul–Nov)
    //   + 3.188.734 + 2.496.000 (December) = 79.303.208
    expect(traceOf(withOpening, 'pph21.annual.bruto')).toBe(79_303_208);
    // Line 12: 5 % × 79.303.208 = 3.965.160,4 → 3.965.160 (below 500.000 × 12 months)
    expect(traceOf(withOpening, 'pph21.annual.biayaJabatan')).toBe(3_965_160);
    // Line 13: 12 × 222.856 = 2.674.272 (6 saldo awal + 5 SIGAP + December)
    expect(traceOf(withOpening, 'pph21.annual.iuranPensiun')).toBe(2_674_272);
    // Line 15 neto 72.663.776 − PTKP TK/0 54.000.000 = 18.663.776 → PKP 18.663.000; line 20: 5 % = 933.150
    expect(traceOf(withOpening, 'pph21.annual.pkp')).toBe(18_663_000);
    expect(traceOf(withOpening, 'pph21.annual.pph')).toBe(933_150);
    // Gaji share (gaji + THR + gaji 13 = 49.351.208): neto 49.351.208 − 2.467.560 − 2.674.272
    //   = 44.209.376 < PTKP → 0
    expect(traceOf(withOpening, 'pph21.annual.gajiOnly')).toBe(0);
    expect(traceOf(withOpening, 'pph21.annual.openingBalance')).toBe(30_218_804 + 14_976_000);
  });

  it('should give December the reference’s TPP part 620.497 and DTP part −729.108 (ZERO_BOTH in bantul)', () => {
    // TPP part: 933.150 − 0 − (170.538 saldo awal + 142.115 SIGAP = 312.653) = 620.497
    expect(amountOf(withOpening, 'POT_PPH21_TPP')).toBe(620_497);
    // DTP part: 0 − 729.108 = −729.108; bantul books it as zero on both lines and informs about the excess.
    expect(amountOf(withOpening, 'TUNJ_PPH21')).toBe(0);
    expect(amountOf(withOpening, 'POT_PPH21')).toBe(0);
    expect(amountOf(withOpening, 'INFO_PPH21_LEBIH_POTONG')).toBe(729_108);
  });

  it('should book the DTP part as −729.108 on both lines when the tenant says NEGATIVE_BOTH (total −108.611)', () => {
    const slip = computeMonthlyPay(december({ openingBalance: openingSection9 }), {
      ...rulesetsFor('bantul'),
      tenant: bantulNegativeBoth,
    });
    expect(amountOf(slip, 'TUNJ_PPH21')).toBe(-729_108);
    expect(amountOf(slip, 'POT_PPH21')).toBe(-729_108);
    expect(amountOf(slip, 'POT_PPH21_TPP')).toBe(620_497);
    // §9: "total December = −108.611 (lebih potong overall)"
    expect(slip.meta.taxFacts.pphGaji + slip.meta.taxFacts.pphTpp).toBe(-108_611);
  });

  it('should, without the opening balance, refund the July–November TPP PPh instead (the bug of issue 12)', () => {
    // Bruto 15.943.670 + 12.480.000 + 5.684.734 = 34.108.404; biaya jabatan 5 % = 1.705.420 (cap 6 × 500.000);
    // iuran 6 × 222.856 = 1.337.136; neto 31.065.848 < PTKP 54.000.000 → PPh setahun 0;
    // TPP part 0 − 142.115 = −142.115 refunded; DTP part 0 − 0 = 0.
    expect(traceOf(without, 'pph21.annual.bruto')).toBe(34_108_404);
    expect(traceOf(without, 'pph21.annual.biayaJabatan')).toBe(1_705_420);
    expect(traceOf(without, 'pph21.annual.pph')).toBe(0);
    expect(amountOf(without, 'POT_PPH21_TPP')).toBe(-142_115);
    expect(lineOf(without, 'POT_PPH21_TPP').refund).toBe(true);
    expect(amountOf(without, 'POT_PPH21')).toBe(0);
    expect(amountOf(without, 'INFO_SALDO_AWAL_PPH21')).toBeUndefined();
    expect(traceOf(without, 'pph21.annual.openingBalance')).toBeUndefined();
  });

  it('should show the opening balance as its own informational line with its source, outside the totals', () => {
    const line = lineOf(withOpening, 'INFO_SALDO_AWAL_PPH21');
    expect(line).toMatchObject({
      kind: 'INFORMASI',
      group: 'GAJI',
      ruleId: 'pph21.saldo-awal',
      amount: 899_646,
    });
    expect(explainLine(line)).toBe(
      'Saldo awal Januari–Juni 2026 (6 bulan; sumber: Bukti potong SIMGAJI Jan–Jun 2026): bruto gaji Rp 30.218.804, bruto TPP Rp 14.976.000, iuran pensiun Rp 1.337.136; PPh 21 dipotong Rp 899.646 (atas gaji Rp 729.108, atas TPP Rp 170.538), diperhitungkan dalam PPh setahun',
    );
    // Informational: the gaji list's money is the lines of money only, and the same as without it.
    const sum = (kind: string) =>
      withOpening.lines
        .filter((l) => l.group === 'GAJI' && l.kind === kind)
        .reduce((s, l) => s + l.amount, 0);
    expect(withOpening.totals.gaji.penghasilan).toBe(sum('PENGHASILAN'));
    expect(withOpening.totals.gaji.potongan).toBe(sum('POTONGAN'));
    expect(withOpening.totals.gaji).toEqual(without.totals.gaji);
  });

  it('should name both sources of the PPh already withheld on the PPh lines', () => {
    expect(explainLine(lineOf(withOpening, 'POT_PPH21_TPP'))).toBe(
      'PPh 21 masa terakhir atas TPP: (PPh setahun Rp 933.150 − PPh setahun gaji saja Rp 0) − dipotong Rp 312.653 (saldo awal Rp 170.538 + SIGAP Rp 142.115) = Rp 620.497',
    );
    expect(explainLine(lineOf(withOpening, 'INFO_PPH21_LEBIH_POTONG'))).toBe(
      'PPh 21 masa terakhir: PPh setahun atas gaji Rp 0 − dipotong Rp 729.108 (saldo awal Rp 729.108 + SIGAP Rp 0) = -Rp 729.108; lebih potong Rp 729.108 tidak dibayarkan ke pegawai (aturan tenant)',
    );
    // Without a saldo awal the text is the one the engine always printed.
    expect(explainLine(lineOf(without, 'POT_PPH21_TPP'))).toBe(
      'PPh 21 masa terakhir atas TPP: (PPh setahun Rp 0 − PPh setahun gaji saja Rp 0) − dipotong Rp 142.115 = -Rp 142.115',
    );
    expect(hasTemplate('pph21.saldo-awal')).toBe(true);
  });
});

describe('the last masa with an opening balance (worked-examples.md Example 4)', () => {
  it('should reach Example 4’s December PPh 93.897 from six months of saldo awal and five of SIGAP', () => {
    const opening: OpeningBalance = {
      ...openingSection9,
      brutoGaji: 6 * GAJI, // no THR / gaji 13 in Example 4
      pphGaji: 0,
    };
    const slip = computeMonthlyPay(december({ openingBalance: opening }), rulesetsFor('bantul'));
    // 12 × 5.684.734 = 68.216.808; PKP 8.131.000; 5 % = 406.550; − 11 × 28.423 = 93.897
    expect(traceOf(slip, 'pph21.annual.bruto')).toBe(68_216_808);
    expect(traceOf(slip, 'pph21.annual.pkp')).toBe(8_131_000);
    expect(traceOf(slip, 'pph21.annual.pph')).toBe(406_550);
    expect(amountOf(slip, 'POT_PPH21_TPP')).toBe(93_897);
    // The same December as Example 4's single-source year-to-date (golden case): only the source differs.
    const allInLedger = computeMonthlyPay(
      december({
        taxYtd: {
          brutoGaji: 11 * GAJI,
          brutoTpp: 11 * TPP,
          pphGaji: 0,
          pphTpp: 11 * PPH_TPP,
          iuranPensiun: 11 * IURAN,
          monthsWorked: 11,
        },
      }),
      rulesetsFor('bantul'),
    );
    expect(slip.meta.taxFacts).toEqual(allInLedger.meta.taxFacts);
  });
});

describe('the engine’s guards on an opening balance', () => {
  const run = (input: PayInput) => computeMonthlyPay(input, rulesetsFor('bantul'));
  const fieldOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      if (err instanceof PayDataError) return err.field;
      throw err;
    }
    return undefined;
  };

  it('should refuse a saldo awal of another tax year', () => {
    expect(fieldOf(() => run(december({ openingBalance: { ...openingSection9, year: 2025 } })))).toBe(
      'openingBalance.year',
    );
  });

  it('should refuse a saldo awal that reaches the pay month', () => {
    const opening = { ...openingSection9, lastMonth: 12 };
    expect(fieldOf(() => run(december({ openingBalance: opening })))).toBe('openingBalance.lastMonth');
  });

  it('should refuse more than twelve months in the year (a month counted twice)', () => {
    const ytd = { ...ledgerJulNov, monthsWorked: 6 };
    expect(fieldOf(() => run(december({ taxYtd: ytd, openingBalance: openingSection9 })))).toBe(
      'openingBalance.monthsWorked',
    );
  });

  it('should refuse figures the domain rules reject', () => {
    const opening = { ...openingSection9, iuranPensiun: openingSection9.brutoGaji + 1 };
    expect(fieldOf(() => run(december({ openingBalance: opening })))).toBe('openingBalance.iuranPensiun');
  });

  it('should reconcile the TPP share of the saldo awal even when no TPP is paid in December', () => {
    // Only the gaji in December: the TPP taxed before (saldo awal + SIGAP) still gets its annual share.
    const slip = run({ ...december({ openingBalance: openingSection9 }), tppPeriods: undefined });
    const tpp = slip.lines.find((l) => l.code === 'POT_PPH21_TPP');
    expect(tpp).toBeDefined();
    expect(slip.meta.taxFacts.pphTpp).toBe(tpp?.amount);
    const annual = traceOf(slip, 'pph21.annual.pph') ?? Number.NaN;
    const gajiOnly = traceOf(slip, 'pph21.annual.gajiOnly') ?? Number.NaN;
    expect(tpp?.amount).toBe(annual - gajiOnly - (170_538 + 142_115));
  });

  it('should leave a TER month untouched: the saldo awal only enters the annual computation', () => {
    const august = {
      ...december(),
      month: '2026-08',
      tppPeriods: [aTppPeriod('2026-07')],
      taxYtd: undefined,
    };
    expect(run({ ...august, openingBalance: openingSection9 })).toEqual(run(august));
  });

  it('should make the year add up: withheld before + December = PPh setahun, whatever the split (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 40_000_000 }),
        fc.integer({ min: 0, max: 40_000_000 }),
        fc.integer({ min: 0, max: 900_000 }),
        fc.integer({ min: 0, max: 900_000 }),
        (months, brutoGaji, brutoTpp, pphGaji, pphTpp) => {
          fc.pre(brutoGaji + brutoTpp > 0 && pphGaji + pphTpp <= brutoGaji + brutoTpp);
          const opening: OpeningBalance = {
            ...openingSection9,
            firstMonth: 7 - months,
            lastMonth: 6,
            monthsWorked: months,
            brutoGaji,
            brutoTpp,
            iuranPensiun: Math.min(brutoGaji, months * IURAN),
            pphGaji,
            pphTpp,
          };
          const slip = run(december({ openingBalance: opening }));
          const annual = traceOf(slip, 'pph21.annual.pph');
          const withheld = pphGaji + pphTpp + ledgerJulNov.pphGaji + ledgerJulNov.pphTpp;
          expect(withheld + slip.meta.taxFacts.pphGaji + slip.meta.taxFacts.pphTpp).toBe(annual);
          const info = lineOf(slip, 'INFO_SALDO_AWAL_PPH21');
          const text = explainLine(info);
          expect(text).toContain(formatRupiah(info.amount));
          expect(text).not.toMatch(/NaN|undefined|null|\[object/);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('openingBalanceIssues', () => {
  const issues = (patch: Partial<OpeningBalance>) =>
    openingBalanceIssues({ ...openingSection9, ...patch }).map((i) => i.field);

  it('should accept the reference example', () => {
    expect(issues({})).toEqual([]);
  });

  it.each([
    [{ brutoGaji: 1.5 }, 'brutoGaji'],
    [{ pphTpp: -1 }, 'pphTpp'],
    [{ brutoTpp: 100_000_000_001 }, 'brutoTpp'],
    [{ firstMonth: 0 }, 'firstMonth'],
    [{ lastMonth: 13 }, 'lastMonth'],
    [{ firstMonth: 7, lastMonth: 6 }, 'lastMonth'],
    [{ monthsWorked: 7 }, 'monthsWorked'],
    [{ monthsWorked: 0 }, 'monthsWorked'],
    [{ brutoGaji: 0, brutoTpp: 0, pphGaji: 0, pphTpp: 0, iuranPensiun: 0 }, 'brutoGaji'],
    [{ iuranPensiun: 30_218_805 }, 'iuranPensiun'],
    [{ pphGaji: 45_194_804, pphTpp: 1 }, 'pphTpp'],
    [{ source: '  ' }, 'source'],
  ] as const)('should name the field of %o', (patch, field) => {
    expect(issues(patch)).toContain(field);
  });
});
