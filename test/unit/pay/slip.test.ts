import { describe, expect, it } from 'vitest';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import { PayDataError } from '../../../core/pay/errors';
import { explainLine, hasTemplate } from '../../../core/pay/explain';
import { aPayInput, aTenantRuleset, rulesetsFor } from './builders';

describe('computeMonthlyPay', () => {
  it('should cite a rule, a confidence and an Indonesian explanation on every line', () => {
    const slip = computeMonthlyPay(aPayInput(), rulesetsFor('bukitintan'));
    for (const line of slip.lines) {
      expect(line.citation.regulation.length).toBeGreaterThan(0);
      expect(['VERIFIED', 'SINGLE-SOURCE', 'UNVERIFIED', 'DEMO']).toContain(line.citation.confidence);
      expect(hasTemplate(line.ruleId)).toBe(true);
      expect(explainLine(line).length).toBeGreaterThan(0);
    }
  });

  it('should name the ruleset version it used, stable across calls', () => {
    const a = computeMonthlyPay(aPayInput(), rulesetsFor('bukitintan')).meta.rulesetVersion;
    const b = computeMonthlyPay(aPayInput(), rulesetsFor('bukitintan')).meta.rulesetVersion;
    const c = computeMonthlyPay(aPayInput({ tenantId: 'bantul' }), rulesetsFor('bantul')).meta.rulesetVersion;
    expect(a).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('should refuse a tenant mismatch and a month outside service', () => {
    expect(() => computeMonthlyPay(aPayInput({ tenantId: 'bantul' }), rulesetsFor('bukitintan'))).toThrow(
      PayDataError,
    );
    expect(() =>
      computeMonthlyPay(aPayInput({ employee: { tmtStart: '2026-04-01' } }), rulesetsFor('bukitintan')),
    ).toThrow(/not in service/);
  });

  it('should compute the gaji alone when no TPP facts are given', () => {
    const slip = computeMonthlyPay(aPayInput({ tppPeriods: undefined }), rulesetsFor('bukitintan'));
    expect(slip.totals.tpp.penghasilan).toBe(0);
    expect(slip.lines.every((l) => l.group === 'GAJI')).toBe(true);
  });

  it('should require facts for the performance month being paid', () => {
    expect(() => computeMonthlyPay(aPayInput({ tppPeriods: [] }), rulesetsFor('bukitintan'))).toThrow(
      /no performance facts for 2026-02/,
    );
  });

  it('should pay a PPPK a tunjangan PPh when the tenant bears it (sofifi)', () => {
    const slip = computeMonthlyPay(
      aPayInput({ tenantId: 'sofifi', employee: { jenisAsn: 'PPPK', golongan: 'IX', kelasJabatan: 12 } }),
      rulesetsFor('sofifi'),
    );
    const amount = (code: string) => slip.lines.find((l) => l.code === code)?.amount;
    expect(amount('TUNJ_PPH21')).toBe(amount('POT_PPH21'));
  });

  it('should deduct Tapera and PPPK THT only when the tenant switches them on', () => {
    const tenant = aTenantRuleset({ 'iuran.tapera': { enabled: true }, 'iuran.pppkThtPercent': 3.25 });
    const pns = computeMonthlyPay(aPayInput(), rulesetsFor(tenant));
    const pppk = computeMonthlyPay(
      aPayInput({ employee: { jenisAsn: 'PPPK', golongan: 'IX' } }),
      rulesetsFor(tenant),
    );
    expect(pns.lines.find((l) => l.code === 'POT_TAPERA')?.amount).toBe(69_643);
    expect(pppk.lines.find((l) => l.code === 'POT_THT_PPPK')?.amount).toBe(104_117);
    const plain = computeMonthlyPay(aPayInput(), rulesetsFor('bukitintan'));
    expect(plain.lines.some((l) => l.code === 'POT_TAPERA')).toBe(false);
  });

  it('should pay no gaji during CLTN', () => {
    const slip = computeMonthlyPay(aPayInput({ employee: { status: 'CLTN' } }), rulesetsFor('bukitintan'));
    expect(slip.totals.gaji.penghasilan).toBe(0);
    expect(slip.totals.tpp.penghasilan).toBe(0);
    expect(slip.warnings).toHaveLength(1);
  });

  it('should surcharge PPh without NPWP', () => {
    const withNpwp = computeMonthlyPay(
      aPayInput({ employee: { kelasJabatan: 15 } }),
      rulesetsFor('bukitintan'),
    );
    const without = computeMonthlyPay(
      aPayInput({ employee: { kelasJabatan: 15, hasNpwp: false } }),
      rulesetsFor('bukitintan'),
    );
    const pph = (s: typeof withNpwp) => s.lines.find((l) => l.code === 'POT_PPH21_TPP')?.amount ?? 0;
    expect(pph(without)).toBeGreaterThan(pph(withNpwp));
  });
});
