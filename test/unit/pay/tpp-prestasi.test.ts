import { describe, expect, it } from 'vitest';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import { explainLine } from '../../../core/pay/explain';
import type { MonthlyPerformanceResult, PaySlip } from '../../../core/pay/types';
import { budgetView } from '../../../core/payroll/approve-run';
import type { PayrollDeps } from '../../../core/payroll/ports';
import type { RunSummary } from '../../../core/payroll/run-types';
import { SIPD_TPP_LAYOUT, sipdColumnOf } from '../../../core/reports/sipd-layout';
import { parameterLabels, validateProposal } from '../../../core/rulesets/tenant-change';
import { demoTenantRulesets } from '../../../core/rulesets/tenant-data';
import { aDiscipline, aPayInput, aPerformance, aTenantRuleset, aTppPeriod, rulesetsFor } from './builders';

/**
 * Sofifi's insentif prestasi kerja (rulesets/tenants/sofifi.json, tpp.prestasi from 2026-01-01, the
 * tenant's own decision, UNVERIFIED): predikat Sangat Baik and the unit's capaian above 100% of target;
 * 1% of the kelas jabatan's TPP ceiling per point above target, at most 10%, rounded half up.
 * The employee is kelas 7: Sofifi's ceilings BK 1.950.000 + TB 812.000 + KK 162.000 + KP 162.000 +
 * PK 164.000 = Rp 3.250.000 (the TPP with predikat Sangat Baik and no cut).
 */
const CEILING_KELAS_7 = 1_950_000 + 812_000 + 162_000 + 162_000 + 164_000;

type Tenant = 'sofifi' | 'bantul' | 'binjai' | 'bukitintan';

/** Pay month 2026-03 pays the performance month 2026-02 (lag 1) in sofifi and bantul. */
function slipFor(
  tenant: Tenant,
  performance: Partial<MonthlyPerformanceResult>,
  opts: { month?: string; period?: string; sanction?: boolean; kelas?: number } = {},
): PaySlip {
  const month = opts.month ?? '2026-03';
  const period = opts.period ?? '2026-02';
  const perf = aPerformance({ predikat: 'SANGAT_BAIK', ...performance });
  const discipline = aDiscipline(
    opts.sanction ? { sanctions: [{ level: 'SEDANG', skNumber: 'SK-HD/01/2026' }] } : {},
  );
  const input = aPayInput({
    tenantId: tenant,
    month,
    employee: { kelasJabatan: opts.kelas ?? 7 },
    tppPeriods: [month, period].map((m) => aTppPeriod(m, { performance: perf, discipline })),
  });
  return computeMonthlyPay(input, rulesetsFor(tenant));
}

const team = (achievementPercent: number) => ({
  teamResult: { unitId: 'DIKBUD/SMAN-1', achievementPercent },
});
const incentive = (slip: PaySlip) => slip.lines.find((l) => l.code === 'INSENTIF_PRESTASI');
const criteriaSum = (slip: PaySlip) =>
  slip.lines.filter((l) => l.code.startsWith('TPP_')).reduce((s, l) => s + l.amount, 0);

describe('insentif prestasi kerja (tenant rule tpp.prestasi)', () => {
  it('pays a Sofifi Sangat Baik employee in a unit at 104,5% the configured share: 4,5 points × 1% of the ceiling', () => {
    const slip = slipFor('sofifi', team(104.5));
    const line = incentive(slip);
    // 4,5% × Rp 3.250.000 = Rp 146.250 (exact, no rounding needed).
    expect(line?.amount).toBe(146_250);
    expect(line?.label).toBe('Insentif Prestasi Kerja');
    expect(line?.group).toBe('TPP');
    expect(line?.kind).toBe('PENGHASILAN');
    expect(line?.citation.parameterId).toBe('tpp.prestasi');
    expect(line?.citation.confidence).toBe('UNVERIFIED');
    expect(line?.citation.regulation).toContain('Gubernur Maluku Utara');
    // The TPP itself is unchanged: the ceiling at 100%.
    expect(criteriaSum(slip)).toBe(CEILING_KELAS_7);
    expect(slip.totals.tpp.penghasilan).toBeGreaterThanOrEqual(CEILING_KELAS_7 + 146_250);
  });

  it('caps the incentive at 10% of the ceiling for a unit at 130%, and says so on the slip', () => {
    const slip = slipFor('sofifi', team(130));
    const line = incentive(slip);
    expect(line?.amount).toBe(CEILING_KELAS_7 / 10); // 325.000, not 30% = 975.000
    const text = explainLine(line!);
    expect(text).toContain('Sangat Baik');
    expect(text).toContain('130% di atas target 100%');
    expect(text).toContain('30 poin × 1% = 30%');
    expect(text).toContain('dibatasi 10%');
    expect(text).toContain('Rp 3.250.000 = Rp 325.000');
  });

  it('rounds half up as the rule says', () => {
    // Kelas 2: 1.131.000 + 471.000 + 94.000 + 94.000 + 95.000 = Rp 1.885.000; 100,01% → 0,01% of it
    // = Rp 188,5 → Rp 189 (half up; floor would give 188). Kelas 7: 0,03% × 3.250.000 = Rp 975 exactly.
    const kelas2 = incentive(slipFor('sofifi', team(100.01), { kelas: 2 }))!;
    expect(kelas2.amount).toBe(189);
    expect(explainLine(kelas2)).toContain('0,01 poin × 1% = 0,01%');
    expect(incentive(slipFor('sofifi', team(100.03)))?.amount).toBe(975);
  });

  it('adds the incentive to the BPJS base and the TPP bruto of the month', () => {
    const slip = slipFor('sofifi', team(130));
    const bpjs = slip.lines.find((l) => l.code === 'POT_IWP_BPJS_1_TPP');
    // 1% × (Rp 3.250.000 + Rp 325.000), well inside the Rp 12 juta cap left after gaji.
    expect(bpjs?.amount).toBe(35_750);
  });

  it('gives a Bantul, Binjai or Bukitintan employee in the same situation no incentive', () => {
    for (const tenant of ['bantul', 'binjai', 'bukitintan'] as const) {
      const slip = slipFor(tenant, team(130));
      expect(incentive(slip), tenant).toBeUndefined();
      expect(
        slip.trace.some((t) => t.step === 'tpp.prestasi'),
        tenant,
      ).toBe(false);
      // Same pay as without any team result: the rule is off, nothing else moves.
      expect(slip.totals.bersih, tenant).toBe(slipFor(tenant, {}).totals.bersih);
    }
  });

  it('pays no incentive and warns when the unit result is missing; the TPP is unchanged', () => {
    const slip = slipFor('sofifi', {});
    expect(incentive(slip)).toBeUndefined();
    expect(criteriaSum(slip)).toBe(CEILING_KELAS_7);
    expect(slip.warnings.some((w) => w.includes('capaian tim/unit kerja bulan ini belum ada'))).toBe(true);
    expect(slip.trace.find((t) => t.step === 'tpp.prestasi')?.value).toBe(0);
  });

  it('pays nothing, silently, below the predikat, at the target, or under a hukuman disiplin', () => {
    const cases = [
      slipFor('sofifi', { predikat: 'BAIK', ...team(130) }),
      slipFor('sofifi', team(100)),
      slipFor('sofifi', team(130), { sanction: true }),
    ];
    for (const slip of cases) {
      expect(incentive(slip)).toBeUndefined();
      expect(slip.warnings.filter((w) => w.includes('Insentif'))).toEqual([]);
    }
    expect(cases[1]!.trace.find((t) => t.step === 'tpp.prestasi')?.detail).toContain(
      'tidak di atas target 100%',
    );
  });

  it('starts with the decision of 2026: the performance month 2025-12 has no incentive', () => {
    const slip = slipFor('sofifi', team(130), { month: '2026-01', period: '2025-12' });
    expect(incentive(slip)).toBeUndefined();
  });

  it('goes to the prestasi kerja column of the SIPD TPP list', () => {
    const line = incentive(slipFor('sofifi', team(130)))!;
    expect(sipdColumnOf(SIPD_TPP_LAYOUT, line)?.key).toBe('prestasi_kerja');
  });
});

describe('a penghargaan prestasi decided by BKPSDM (Sofifi: 5% of the ceiling, within the 10% cap)', () => {
  const award = { award: { skNumber: '800/12/BKD/2026', skDate: '2026-02-20' } };

  it('pays 5% for the award whatever the predikat, naming the decree', () => {
    const line = incentive(slipFor('sofifi', { predikat: 'BAIK', ...award }))!;
    expect(line.amount).toBe(162_500); // 5% × 3.250.000
    expect(explainLine(line)).toContain(
      'penghargaan prestasi SK 800/12/BKD/2026 tanggal 2026-02-20; 5% × pagu TPP',
    );
  });

  it('adds the award to the unit share and caps the sum at 10%', () => {
    // 4,5% + 5% = 9,5% × 3.250.000 = 308.750; 30% + 5% → 10% = 325.000.
    const both = incentive(slipFor('sofifi', { ...team(104.5), ...award }))!;
    expect(both.amount).toBe(308_750);
    expect(explainLine(both)).toContain('jumlah 9,5%');
    expect(incentive(slipFor('sofifi', { ...team(130), ...award }))?.amount).toBe(325_000);
  });

  it('pays the award alone when the unit result is missing, and says the rest was not checked', () => {
    const slip = slipFor('sofifi', award);
    expect(incentive(slip)?.amount).toBe(162_500);
    expect(explainLine(incentive(slip)!)).not.toContain('predikat');
    expect(slip.warnings.some((w) => w.includes('hanya dari penghargaan: capaian tim/unit kerja'))).toBe(
      true,
    );
  });

  it('pays no award where the tenant has none (Bantul)', () => {
    expect(incentive(slipFor('bantul', award))).toBeUndefined();
  });
});

describe('the predikat-only variant of the rule', () => {
  /** Bukitintan's kelas 7 has one ceiling, BK Rp 2.500.000, and no prestasi kerja ceiling. */
  const rule = (base: 'CEILING_TOTAL' | 'CEILING_PK') =>
    aTenantRuleset({
      'tpp.prestasi': {
        enabled: true,
        label: 'Tambahan TPP Prestasi',
        predikat: ['SANGAT_BAIK', 'BAIK'],
        base,
        percentOfBase: 5,
        teamResult: null,
        capPercent: 5,
        rounding: 'FLOOR',
        notWithSanction: false,
      },
    });
  const slipWith = (base: 'CEILING_TOTAL' | 'CEILING_PK', predikat: 'BAIK' | 'KURANG') =>
    computeMonthlyPay(
      aPayInput({
        tppPeriods: ['2026-03', '2026-02'].map((m) =>
          aTppPeriod(m, { performance: aPerformance({ predikat }) }),
        ),
      }),
      rulesetsFor(rule(base)),
    );

  it('pays 5% of the ceiling for Baik without any unit result, and nothing for Kurang', () => {
    const line = incentive(slipWith('CEILING_TOTAL', 'BAIK'));
    expect(line?.amount).toBe(125_000); // 5% × 2.500.000
    expect(line?.label).toBe('Tambahan TPP Prestasi');
    expect(explainLine(line!)).toContain('predikat Baik; 5% × pagu TPP kelas 7 Rp 2.500.000 = Rp 125.000');
    expect(incentive(slipWith('CEILING_TOTAL', 'KURANG'))).toBeUndefined();
  });

  it('pays nothing on a prestasi kerja base where the kelas has no PK ceiling, and says why in the trace', () => {
    const slip = slipWith('CEILING_PK', 'BAIK');
    expect(incentive(slip)).toBeUndefined();
    expect(slip.trace.find((t) => t.step === 'tpp.prestasi')?.detail).toContain(
      'tidak mempunyai pagu prestasi kerja',
    );
  });
});

describe('tpp.prestasi as a tenant rule BKPSDM can change (#17)', () => {
  const sofifi = demoTenantRulesets.sofifi;
  const labels = parameterLabels(sofifi);
  const valid = {
    enabled: true,
    label: 'Insentif Prestasi Kerja',
    predikat: ['SANGAT_BAIK'],
    base: 'CEILING_TOTAL',
    percentOfBase: 0,
    teamResult: { targetPercent: 100, percentOfBasePerPoint: 1 },
    capPercent: 10,
    rounding: 'HALF_UP',
    notWithSanction: true,
  };
  const validate = (value: unknown) =>
    validateProposal(
      {
        title: 'Insentif prestasi 2027',
        source: { regulation: 'Keputusan Gubernur Maluku Utara Nomor 1 Tahun 2027', date: '2026-12-01' },
        effectiveFrom: '2027-01-01',
        confidence: 'VERIFIED',
        changes: [{ parameterId: 'tpp.prestasi', value }],
      },
      { lockedMonths: [], labels },
    );

  it('accepts the seed value and "off"', () => {
    expect(validate(valid)).toEqual([]);
    expect(validate({ enabled: false })).toEqual([]);
  });

  it('names the field of a cap outside 0–100, a negative rate, an unknown predikat', () => {
    const paths = (value: unknown) => validate(value).map((i) => i.path);
    expect(paths({ ...valid, capPercent: 120 })).toEqual(['changes[0].value.capPercent']);
    expect(paths({ ...valid, teamResult: { targetPercent: 100, percentOfBasePerPoint: -1 } })).toEqual([
      'changes[0].value.teamResult.percentOfBasePerPoint',
    ]);
    expect(paths({ ...valid, predikat: ['ISTIMEWA'] })).toEqual(['changes[0].value.predikat[0]']);
    const [cap] = validate({ ...valid, capPercent: -5 });
    expect(cap?.message).toContain('persentase harus antara 0 dan 100');
  });

  it('refuses a rule that can never pay (no share at all) naming percentOfBase', () => {
    const issues = validate({ ...valid, teamResult: null });
    expect(issues.map((i) => i.path)).toEqual(['changes[0].value.percentOfBase']);
  });
});

describe('the OPD pagu bounds the incentive', () => {
  /** A draft run of one OPD whose TPP total is what the chunk step sums: each slip's totals.tpp.penghasilan. */
  async function budgetOf(slips: readonly PaySlip[], paguTpp: number) {
    const tpp = slips.reduce((s, slip) => s + slip.totals.tpp.penghasilan, 0);
    const run = { id: '2026-03-GAJI_TPP', month: '2026-03', totals: [{ opd: 'DIKBUD', tpp }] } as RunSummary;
    const deps = {
      budgets: { ofYear: async () => [{ opd: 'DIKBUD', paguTpp, source: 'DPA 2026' }] },
      runs: { ofYear: async () => [] },
    } as unknown as Pick<PayrollDeps, 'runs' | 'budgets'>;
    return (await budgetView(run, deps))[0]!;
  }

  it('counts the incentive in the TPP of the run against the pagu, so approval warns when it overspends', async () => {
    const withIncentive = [slipFor('sofifi', team(130)), slipFor('sofifi', team(104.5))];
    const without = [slipFor('sofifi', {}), slipFor('sofifi', {})];
    const tppWithout = without.reduce((s, slip) => s + slip.totals.tpp.penghasilan, 0);
    // The incentives (325.000 + 146.250) and their BPJS 4% (13.000 + 5.850) come on top.
    const pagu = tppWithout + 300_000;
    expect((await budgetOf(without, pagu)).melebihi).toBe(false);
    const line = await budgetOf(withIncentive, pagu);
    expect(line.runIni - tppWithout).toBe(325_000 + 146_250 + 13_000 + 5_850);
    expect(line.melebihi).toBe(true);
    expect(line.sisa).toBe(300_000 - (325_000 + 146_250 + 13_000 + 5_850));
  });
});
