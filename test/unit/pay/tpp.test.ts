import { describe, expect, it } from 'vitest';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import { PayDataError } from '../../../core/pay/errors';
import { computeTpp, type TppInput, type TppRules } from '../../../core/pay/tpp';
import { demoTenantRulesets } from '../../../core/rulesets/tenant-data';
import { tenantRulesFor } from '../../../core/rulesets/tenant-in-force';
import type { TenantRuleset } from '../../../core/rulesets/tenant-ruleset';
import { aDiscipline, aPayInput, aPerformance, aTenantRuleset, aTppPeriod, rulesetsFor } from './builders';

function tppRules(tenant: TenantRuleset, month = '2026-02'): TppRules {
  const r = tenantRulesFor(tenant, month);
  return {
    ceilings: r.ceilings.value,
    parts: r.parts.value,
    performance: r.performance.value,
    attendance: r.attendance.value,
    leave: r.leave.value,
    sanctionBp: r.sanctionBp.value,
    eligibilityBp: r.eligibilityBp.value,
    proration: r.proration.value,
    rounding: r.tppRounding.value,
  };
}

const anInput = (overrides: Partial<TppInput> = {}): TppInput => ({
  kelasJabatan: 7,
  jenisAsn: 'PNS',
  status: 'AKTIF',
  performance: aPerformance(),
  discipline: aDiscipline(),
  ...overrides,
});

const bukitintan = tppRules(demoTenantRulesets.bukitintan);
const bantul = tppRules(demoTenantRulesets.bantul);
const binjai = tppRules(demoTenantRulesets.binjai);

describe('computeTpp', () => {
  it('should spell out the factors of each input even when two inputs weigh the same in total', () => {
    // 50% × 80% + 50% and 50% × 100% + 50% × (100% − 20%) are both 90%: the same ratio, and the
    // text must still spell out each input's own factors.
    const rules: TppRules = {
      ...bukitintan,
      parts: [
        { code: 'KINERJA', label: 'Kinerja', weightBp: 5_000, factor: 'PERFORMANCE' },
        { code: 'DISIPLIN', label: 'Disiplin', weightBp: 5_000, factor: 'DISCIPLINE' },
      ],
      performance: {
        ...bukitintan.performance,
        source: 'PREDIKAT',
        predikatBp: { ...bukitintan.performance.predikatBp, BAIK: 10_000, KURANG: 8_000 },
        supervisorPenaltyBp: 0,
      },
      attendance: new Map([['TK', { label: 'Tanpa keterangan', bp: 2_000, target: 'DISCIPLINE' as const }]]),
    };
    const kurang = computeTpp(anInput({ performance: aPerformance({ predikat: 'KURANG' }) }), rules);
    const lateBaik = computeTpp(
      anInput({
        performance: aPerformance({ predikat: 'BAIK' }),
        discipline: aDiscipline({ counts: { TK: 1 } }),
      }),
      rules,
    );
    expect(lateBaik.total).toBe(kurang.total);
    expect(kurang.factorText).toBe('[50% × 80% + 50%]');
    expect(lateBaik.factorText).toBe('[50% × 100% + 50% × (100% − 20%)]');
  });

  it('should pay the full ceiling for Baik without cuts', () => {
    expect(computeTpp(anInput(), bukitintan).total).toBe(2_500_000);
  });

  it.each([
    ['SANGAT_BAIK', 2_500_000],
    ['CUKUP', 2_350_000],
    ['BUTUH_PERBAIKAN', 2_350_000],
    ['KURANG', 2_125_000],
    ['SANGAT_KURANG', 1_750_000],
  ] as const)('should scale the productivity part by predikat %s to %i', (predikat, total) => {
    expect(computeTpp(anInput({ performance: aPerformance({ predikat }) }), bukitintan).total).toBe(total);
  });

  it.each([
    ['TIDAK_ADA_SKP', 1_600_000],
    ['BELUM_DINILAI', 1_000_000],
  ] as const)('should map status %s through the tenant map', (status, total) => {
    expect(computeTpp(anInput({ performance: { status } }), bukitintan).total).toBe(total);
  });

  it('should take 5 points off a supervisor who did not evaluate (bantul)', () => {
    const result = computeTpp(anInput({ performance: aPerformance({ atasanTidakMenilai: true }) }), bantul);
    expect(result.parts[0]?.factorBp).toBe(9_500);
    expect(result.total).toBe(2_425_000);
  });

  it('should cap a part cut at 100% and leave the other parts alone when cuts hit discipline only', () => {
    const result = computeTpp(anInput({ discipline: aDiscipline({ counts: { TK: 40 } }) }), binjai);
    expect(result.parts.map((p) => p.cutBp)).toEqual([0, 10_000, 0]);
    expect(result.total).toBeGreaterThan(0);
  });

  it('should give nothing when whole-TPP cuts pass 100%', () => {
    expect(computeTpp(anInput({ discipline: aDiscipline({ counts: { TK: 40 } }) }), bukitintan).total).toBe(
      0,
    );
  });

  it('should apply a hukuman disiplin cut on the whole TPP after the other cuts', () => {
    const result = computeTpp(
      anInput({
        discipline: aDiscipline({ counts: { TK: 1 }, sanctions: [{ level: 'SEDANG', skNumber: 'SK-1' }] }),
      }),
      bukitintan,
    );
    expect(result.total).toBe(Math.floor(2_500_000 * 0.97 * 0.75));
  });

  it('should use the percentage stated in the SK over the tenant default', () => {
    const result = computeTpp(
      anInput({
        discipline: aDiscipline({ sanctions: [{ level: 'RINGAN', cutPercent: 10, skNumber: 'SK-2' }] }),
      }),
      bukitintan,
    );
    expect(result.total).toBe(2_250_000);
  });

  it('should cut by leave rules: cuti sakit bands and cuti melahirkan for the third child', () => {
    const sick = computeTpp(
      anInput({ discipline: aDiscipline({ leave: [{ type: 'CUTI_SAKIT', days: 10 }] }) }),
      bukitintan,
    );
    const birth = computeTpp(
      anInput({
        discipline: aDiscipline({
          leave: [{ type: 'CUTI_MELAHIRKAN', days: 20, childOrder: 3, monthOfLeave: 2 }],
        }),
      }),
      bukitintan,
    );
    const secondChild = computeTpp(
      anInput({
        discipline: aDiscipline({
          leave: [{ type: 'CUTI_MELAHIRKAN', days: 20, childOrder: 2, monthOfLeave: 2 }],
        }),
      }),
      bukitintan,
    );
    expect([sick.total, birth.total, secondChild.total]).toEqual([1_875_000, 750_000, 2_500_000]);
  });

  it('should apply CPNS 80% and pay nothing during tugas belajar', () => {
    expect(computeTpp(anInput({ jenisAsn: 'CPNS' }), bukitintan).total).toBe(2_000_000);
    expect(computeTpp(anInput({ status: 'TUGAS_BELAJAR' }), bukitintan).total).toBe(0);
  });

  it('should prorate by working days served', () => {
    expect(computeTpp(anInput({ workingDays: { inMonth: 22, served: 11 } }), bukitintan).total).toBe(
      1_250_000,
    );
  });

  it('should allocate rounding so criterion lines add up to the total', () => {
    const sofifi = tppRules(demoTenantRulesets.sofifi);
    const result = computeTpp(
      anInput({ workingDays: { inMonth: 21, served: 13 }, discipline: aDiscipline({ counts: { TL1: 1 } }) }),
      sofifi,
    );
    expect(result.criteria.reduce((s, c) => s + c.amount, 0)).toBe(result.total);
    expect(result.criteria.length).toBe(5);
  });

  it('should use the numeric capaian for tenants that pay on it', () => {
    const rules = tppRules(
      aTenantRuleset({
        'tpp.performance': {
          source: 'CAPAIAN',
          predikatPercent: {
            SANGAT_BAIK: 100,
            BAIK: 100,
            BUTUH_PERBAIKAN: 90,
            CUKUP: 90,
            KURANG: 75,
            SANGAT_KURANG: 50,
            TIDAK_ADA_SKP: 40,
            SKP_BELUM_DISETUJUI: 40,
            BELUM_DINILAI: 0,
          },
          supervisorNotEvaluatingPenaltyPoints: 0,
        },
      }),
    );
    expect(computeTpp(anInput({ performance: aPerformance({ capaianPercent: 85 }) }), rules).total).toBe(
      2_275_000,
    );
  });

  it('should name the field of an attendance code the tenant does not define', () => {
    const act = () =>
      computeTpp(anInput({ discipline: aDiscipline({ counts: { XYZ: 1 } }) }), bukitintan, 'tppPeriods[0]');
    expect(act).toThrow(PayDataError);
    expect(act).toThrow(/tppPeriods\[0\]\.discipline\.counts\.XYZ/);
  });
});

describe('TPP on the slip', () => {
  it('should prorate TPP for a mid-month start but pay the full gaji', () => {
    const input = aPayInput({
      month: '2026-03',
      employee: { tmtStart: '2026-03-16' },
      tppPeriods: [aTppPeriod('2026-03', { workingDays: { inMonth: 22, served: 12 } })],
    });
    const slip = computeMonthlyPay(input, rulesetsFor(aTenantRuleset({ 'tpp.paymentLagMonths': 0 })));
    expect(slip.lines.find((l) => l.code === 'GAJI_POKOK')?.amount).toBe(2_785_700);
    expect(
      slip.totals.tpp.penghasilan -
        (slip.lines.find((l) => l.code === 'TUNJ_BPJS_KESEHATAN_TPP')?.amount ?? 0),
    ).toBe(Math.floor((2_500_000 * 12) / 22));
  });

  it('should require working days when service starts inside the performance month', () => {
    const input = aPayInput({
      month: '2026-03',
      employee: { tmtStart: '2026-03-16' },
      tppPeriods: [aTppPeriod('2026-03')],
    });
    expect(() =>
      computeMonthlyPay(input, rulesetsFor(aTenantRuleset({ 'tpp.paymentLagMonths': 0 }))),
    ).toThrow(/workingDays/);
  });

  it('should pay no TPP in the first month of a lag-1 tenant for a new hire', () => {
    const input = aPayInput({ month: '2026-03', employee: { tmtStart: '2026-03-01' } });
    const slip = computeMonthlyPay(input, rulesetsFor('bukitintan'));
    expect(slip.totals.tpp.penghasilan).toBe(0);
    expect(slip.meta.tppPeriod).toBeUndefined();
  });

  it('should give the TPP only the BPJS headroom the gaji left under the 12 million cap', () => {
    const input = aPayInput({ employee: { golongan: 'IV/e', mkgYears: 32, kelasJabatan: 17 } });
    const slip = computeMonthlyPay(input, rulesetsFor('bukitintan'));
    const employee1 = slip.lines
      .filter((l) => l.code.startsWith('POT_IWP_BPJS_1'))
      .reduce((s, l) => s + l.amount, 0);
    expect(employee1).toBe(120_000);
  });
});
