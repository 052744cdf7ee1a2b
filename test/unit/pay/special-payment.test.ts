import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../../core/errors';
import { PayDataError } from '../../../core/pay/errors';
import { explainLine } from '../../../core/pay/explain';
import { PayRules } from '../../../core/pay/pay-rules';
import type { SpecialPaymentInput } from '../../../core/pay/special-payment';
import type { PayInput, PaySlip } from '../../../core/pay/types';
import type { StoredRun } from '../../../core/payroll/ports';
import { computeSlipOfKind, kindsOverlap, RUN_KIND_SPECS } from '../../../core/payroll/run-kinds';
import type { PaidRecord } from '../../../core/payroll/run-types';
import { masaListsOf, tppPaidIn } from '../../../core/payroll/special-payment-kind';
import { RulesetValidationError } from '../../../core/rulesets/errors';
import { validateProposal } from '../../../core/rulesets/tenant-change';
import { anEmployee, aTenantRuleset, rulesetsFor } from './builders';

/**
 * THR and gaji 13 (gaji13-thr.md). Expected figures are typed from the domain file's worked examples
 * (§8, §9), never taken from the code: components of the base month, pembulatan to Rp100, no iuran or
 * other deductions, tunjangan PPh = potongan PPh, and PPh 21 TER on the masa's cumulative bruto.
 */
const CEILING_2_500_000 = Object.fromEntries(
  Array.from({ length: 17 }, (_, i) => [String(i + 1), { BK: 2_500_000 }]),
);

function rules(thr: { tppPercent: number; tppBasis: 'CEILING' | 'PAID_IN_BASE_MONTH' }) {
  const tenant = aTenantRuleset({
    'tpp.ceilings': { byKelas: CEILING_2_500_000 },
    'specialPayment.tpp': { THR: thr, GAJI13: thr },
  });
  return new PayRules(rulesetsFor(tenant));
}

function special(
  month: string,
  sp: Omit<SpecialPaymentInput, 'baseEmployee'>,
  employee = anEmployee(),
): PayInput {
  return { tenantId: 'bukitintan', month, employee, special: { ...sp, baseEmployee: employee } };
}

const line = (slip: PaySlip, code: string) => slip.lines.find((l) => l.code === code)?.amount;

/** §8: III/a MKG 0, TK/0, pelaksana; masa March 2026 = gaji induk March + TPP February (mode 1). */
const EXAMPLE_1 = special('2026-03', {
  type: 'THR',
  baseMonth: '2026-02',
  masaLists: [{ runId: '2026-03-GAJI_TPP', kind: 'GAJI_TPP', bruto: 3_188_734 + 2_496_000, pph: 28_423 }],
});

/** §9: III/a MKG 4, K/1 (TER B), spouse + one child, fungsional 540.000; masa June 2026. */
const EXAMPLE_2_EMPLOYEE = anEmployee({
  mkgYears: 4,
  ptkpStatus: 'K/1',
  jabatan: { type: 'FUNGSIONAL', code: 'PRANATA_KOMPUTER', jenjang: 'AHLI_PERTAMA', amount: 540_000 },
  family: {
    spouse: { isAsn: false, receivesAllowanceHere: true },
    children: [
      { birthDate: '2020-02-01', status: 'KANDUNG', inSchool: false, married: false, hasIncome: false },
    ],
  },
});
const EXAMPLE_2 = special(
  '2026-06',
  {
    type: 'GAJI13',
    baseMonth: '2026-05',
    tppPaidInBaseMonth: 3_317_424,
    masaLists: [{ runId: '2026-06-GAJI_TPP', kind: 'GAJI_TPP', bruto: 4_259_813 + 3_317_424, pph: 75_772 }],
  },
  EXAMPLE_2_EMPLOYEE,
);

describe('THR March 2026 (gaji13-thr.md §8)', () => {
  const slip = computeSlipOfKind(EXAMPLE_1, rules({ tppPercent: 100, tppBasis: 'CEILING' }), 'THR');

  it('copies the February components, rounds the net to Rp100 and takes no iuran or other deduction', () => {
    expect(line(slip, 'GAJI_POKOK')).toBe(2_785_700);
    expect(line(slip, 'TUNJ_UMUM')).toBe(185_000);
    expect(line(slip, 'TUNJ_BERAS')).toBe(72_420);
    expect(line(slip, 'PEMBULATAN')).toBe(80);
    expect(slip.totals.gaji.bersih).toBe(3_043_200);
    const deductions = slip.lines.filter((l) => l.kind === 'POTONGAN').map((l) => l.code);
    expect(deductions.sort()).toEqual(['POT_PPH21', 'POT_PPH21_TPP']);
    expect(slip.lines.some((l) => l.kind === 'IURAN_PEMBERI_KERJA' || l.passThrough)).toBe(false);
  });

  it('pays the TPP share (100% × ceiling 2.500.000) with no BPJS', () => {
    expect(line(slip, 'TPP_THR')).toBe(2_500_000);
    expect(slip.totals.tpp.bersih).toBe(2_500_000);
  });

  it('taxes each list on the cumulative masa bruto: 124.315 and 240.239, borne by the government', () => {
    expect(line(slip, 'POT_PPH21')).toBe(124_315);
    expect(line(slip, 'TUNJ_PPH21')).toBe(124_315);
    expect(line(slip, 'POT_PPH21_TPP')).toBe(240_239);
    expect(line(slip, 'TUNJ_PPH21_TPP')).toBe(240_239);
    // One BPMP row for March: 3,5% × 11.227.934 = 392.977 = 28.423 + 124.315 + 240.239.
    expect(28_423 + slip.meta.taxFacts.pphGaji).toBe(392_977);
    expect(slip.meta.taxFacts).toEqual({
      brutoGaji: 3_043_200 + 2_500_000,
      brutoTpp: 0,
      pphGaji: 124_315 + 240_239,
      pphTpp: 0,
      iuranPensiun: 0,
    });
    expect(slip.totals.bersih).toBe(3_043_200 + 2_500_000);
  });

  it('names the lists of the masa it counted, and explains its lines', () => {
    expect(slip.meta.special?.masaLists.map((l) => l.runId)).toEqual(['2026-03-GAJI_TPP']);
    expect(slip.meta.special?.regulation).toMatch(/PP 9\/2026/);
    expect(slip.trace.find((t) => t.step === 'pph21.masa')?.detail).toContain('2026-03-GAJI_TPP');
    const pot = slip.lines.find((l) => l.code === 'POT_PPH21_TPP');
    expect(pot && explainLine(pot)).toContain('3,5%');
    const tpp = slip.lines.find((l) => l.code === 'TPP_THR');
    expect(tpp && explainLine(tpp)).toContain('2.500.000');
  });

  it('recomputes to the rupiah from its stored input (verify)', () => {
    const again = computeSlipOfKind(
      structuredClone(EXAMPLE_1),
      rules({ tppPercent: 100, tppBasis: 'CEILING' }),
      'THR',
    );
    expect(again.lines).toEqual(slip.lines);
  });
});

describe('gaji 13 June 2026 (gaji13-thr.md §9)', () => {
  const slip = computeSlipOfKind(
    EXAMPLE_2,
    rules({ tppPercent: 100, tppBasis: 'PAID_IN_BASE_MONTH' }),
    'GAJI13',
  );

  it('pays 4.076.940 of components + pembulatan 60 = 4.077.000, and the May TPP 3.317.424', () => {
    expect(line(slip, 'GAJI_POKOK')).toBe(2_964_000);
    expect((line(slip, 'TUNJ_SUAMI_ISTRI') ?? 0) + (line(slip, 'TUNJ_ANAK') ?? 0)).toBe(355_680);
    expect(line(slip, 'TUNJ_FUNGSIONAL')).toBe(540_000);
    expect(line(slip, 'TUNJ_BERAS')).toBe(217_260);
    expect(line(slip, 'PEMBULATAN')).toBe(60);
    expect(slip.totals.gaji.bersih).toBe(4_077_000);
    expect(line(slip, 'TPP_GAJI13')).toBe(3_317_424);
  });

  it('takes TER B on the cumulative bruto: 273.855 on the gaji list, 548.672 on the TPP list', () => {
    expect(line(slip, 'POT_PPH21')).toBe(273_855);
    expect(line(slip, 'POT_PPH21_TPP')).toBe(548_672);
    // The masa's total: 6% × 14.971.661 = 898.299.
    expect(75_772 + 273_855 + 548_672).toBe(898_299);
  });
});

describe('what is missing or not allowed is said, never defaulted', () => {
  it('a year without its PP: the THR is not computed (field named)', () => {
    const input = {
      ...EXAMPLE_1,
      month: '2027-03',
      special: { ...EXAMPLE_1.special!, baseMonth: '2027-02' },
    };
    try {
      computeSlipOfKind(input, rules({ tppPercent: 0, tppBasis: 'CEILING' }), 'THR');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PayDataError);
      expect((err as PayDataError).field).toBe('specialPayment.thr');
      expect((err as PayDataError).reason).toMatch(/belum ada data nasional THR tahun 2027/);
    }
  });

  it('a PAID_IN_BASE_MONTH share without a locked base month names it', () => {
    const input = { ...EXAMPLE_2, special: { ...EXAMPLE_2.special!, tppPaidInBaseMonth: undefined } };
    expect(() =>
      computeSlipOfKind(input, rules({ tppPercent: 100, tppBasis: 'PAID_IN_BASE_MONTH' }), 'GAJI13'),
    ).toThrow(/paid\.2026-05/);
  });

  it('tppPercent 0 (the tenant has not decided) pays no TPP line and taxes the gaji list alone', () => {
    const slip = computeSlipOfKind(EXAMPLE_1, rules({ tppPercent: 0, tppBasis: 'CEILING' }), 'THR');
    expect(slip.lines.some((l) => l.group === 'TPP')).toBe(false);
    expect(line(slip, 'POT_PPH21')).toBe(124_315);
  });

  it('CLTN in the base month receives nothing (national excludedStatuses)', () => {
    const cltn = anEmployee({ status: 'CLTN' });
    const input = special('2026-03', { ...EXAMPLE_1.special!, baseMonth: '2026-02' }, cltn);
    expect(() => computeSlipOfKind(input, rules({ tppPercent: 0, tppBasis: 'CEILING' }), 'THR')).toThrow(
      /CLTN pada bulan dasar 2026-02/,
    );
  });

  it('a tenant share outside 0–100 is refused in the ruleset file and in a rule change', () => {
    expect(() =>
      aTenantRuleset({ 'specialPayment.tpp': { THR: { tppPercent: 101, tppBasis: 'CEILING' } } as never }),
    ).toThrow(RulesetValidationError);
    const issues = validateProposal(
      {
        title: 'TPP pada THR 2026',
        source: { regulation: 'Perbup 1/2026', date: '2026-03-01' },
        effectiveFrom: '2026-03-01',
        confidence: 'VERIFIED',
        changes: [
          {
            parameterId: 'specialPayment.tpp',
            value: {
              THR: { tppPercent: 120, tppBasis: 'CEILING' },
              GAJI13: { tppPercent: 50, tppBasis: 'PAID_IN_BASE_MONTH' },
            },
          },
        ],
      },
      { lockedMonths: [], labels: new Map() },
    );
    expect(issues).toEqual([
      { path: 'changes[0].value.THR.tppPercent', message: expect.stringMatching(/antara 0 dan 100/) },
    ]);
  });
});

describe('the run kind', () => {
  const run = (kind: StoredRun['kind'], state: StoredRun['state'], month = '2026-03') =>
    ({ id: `${month}-${kind}`, month, kind, state }) as StoredRun;
  const check = (month: string, runsOfYear: StoredRun[], r = rules({ tppPercent: 0, tppBasis: 'CEILING' })) =>
    RUN_KIND_SPECS.THR.checkStart?.({ month, kind: 'THR', rules: r, runsOfYear });
  const refusal = (f: () => void) => {
    try {
      f();
    } catch (err) {
      return err as DomainError;
    }
    throw new Error('not refused');
  };

  it('pays beside the regular lists, never twice in a month', () => {
    expect(kindsOverlap('THR', 'GAJI_TPP')).toBe(false);
    expect(kindsOverlap('GAJI13', 'GAJI')).toBe(false);
    expect(kindsOverlap('THR', 'THR')).toBe(true);
    expect(kindsOverlap('GAJI', 'GAJI_TPP')).toBe(true);
  });

  it('starts once the month’s gaji induk is locked, in the year of its PP and from its window', () => {
    expect(() => check('2026-03', [run('GAJI_TPP', 'LOCKED')])).not.toThrow();
    const draft = refusal(() => check('2026-03', [run('GAJI_TPP', 'APPROVED')]));
    expect(draft.kind).toBe('CONFLICT');
    expect(draft.issues[0]?.message).toMatch(/2026-03-GAJI_TPP bulan 2026-03 belum dikunci/);
    expect(refusal(() => check('2026-03', [])).code).toBe('GAJI_INDUK_BELUM_DIKUNCI');
    const noData = refusal(() => check('2027-03', [run('GAJI_TPP', 'LOCKED', '2027-03')]));
    expect(noData.kind).toBe('INVALID');
    expect(noData.issues).toEqual([{ path: 'body.month', message: expect.stringMatching(/THR tahun 2027/) }]);
    expect(refusal(() => check('2026-02', [run('GAJI_TPP', 'LOCKED', '2026-02')])).code).toBe(
      'BEFORE_PAY_WINDOW',
    );
    expect(refusal(() => check('2026-12', [run('GAJI_TPP', 'LOCKED', '2026-12')])).code).toBe('LAST_MASA');
  });

  it('counts the masa’s locked lists in payment order and the base month’s TPP criterion lines', () => {
    const rec = (month: string, kind: PaidRecord['kind'], over: Partial<PaidRecord> = {}): PaidRecord => ({
      month,
      kind,
      runId: `${month}-${kind}`,
      inputHash: 'h',
      rulesetVersion: 'v',
      lineAmounts: {},
      labels: {},
      taxFacts: { brutoGaji: 0, brutoTpp: 0, pphGaji: 0, pphTpp: 0, iuranPensiun: 0 },
      ...over,
    });
    const paid = [
      rec('2026-03', 'TPP', {
        taxFacts: { brutoGaji: 0, brutoTpp: 2_496_000, pphGaji: 0, pphTpp: 28_423, iuranPensiun: 0 },
      }),
      rec('2026-03', 'GAJI', {
        taxFacts: { brutoGaji: 3_188_734, brutoTpp: 0, pphGaji: 0, pphTpp: 0, iuranPensiun: 222_856 },
      }),
      rec('2026-02', 'TPP', {
        lineAmounts: { TPP_BK: 1_000_000, TPP_KK: 1_400_000, POT_PPH21_TPP: -28_423 },
      }),
      rec('2026-03', 'THR'),
    ];
    expect(masaListsOf(paid, '2026-03', 'THR')).toEqual([
      { runId: '2026-03-GAJI', kind: 'GAJI', bruto: 3_188_734, pph: 0 },
      { runId: '2026-03-TPP', kind: 'TPP', bruto: 2_496_000, pph: 28_423 },
    ]);
    expect(tppPaidIn(paid, '2026-02')).toBe(2_400_000);
    expect(tppPaidIn(paid, '2026-01')).toBeUndefined();
  });
});
