import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMonthlyPay, PayRules } from '../../../core/pay/compute-monthly-pay';
import type { PayInput, PaySlip } from '../../../core/pay/types';
import { nationalRuleset } from '../../../core/rulesets/national-data';
import { demoTenantRulesets } from '../../../core/rulesets/tenant-data';
import { tenantRulesFor } from '../../../core/rulesets/tenant-in-force';
import { aPayInputArb } from './arbitraries';
import { rulesetsFor } from './builders';

const run = (input: PayInput): PaySlip =>
  computeMonthlyPay(input, rulesetsFor(input.tenantId as keyof typeof demoTenantRulesets));
const RUNS = { numRuns: 300 };

describe('payslip invariants (property-based)', () => {
  it('should keep bersih = penghasilan − potongan, overall and per group', () => {
    fc.assert(
      fc.property(aPayInputArb, (input) => {
        const { totals } = run(input);
        for (const t of [totals, totals.gaji, totals.tpp]) expect(t.bersih).toBe(t.penghasilan - t.potongan);
      }),
      RUNS,
    );
  });

  it('should make the lines add up to the totals to the rupiah', () => {
    fc.assert(
      fc.property(aPayInputArb, (input) => {
        const slip = run(input);
        const sum = (kind: string, group?: string) =>
          slip.lines
            .filter((l) => l.kind === kind && (!group || l.group === group))
            .reduce((s, l) => s + l.amount, 0);
        expect(sum('PENGHASILAN')).toBe(slip.totals.penghasilan);
        expect(sum('POTONGAN')).toBe(slip.totals.potongan);
        expect(sum('PENGHASILAN', 'TPP')).toBe(slip.totals.tpp.penghasilan);
        expect(sum('IURAN_PEMBERI_KERJA')).toBe(slip.totals.iuranPemberiKerja);
        for (const line of slip.lines) expect(Number.isSafeInteger(line.amount)).toBe(true);
      }),
      RUNS,
    );
  });

  it('should have no negative line except a last-masa refund', () => {
    fc.assert(
      fc.property(aPayInputArb, (input) => {
        const slip = run(input);
        for (const line of slip.lines.filter((l) => l.amount < 0)) {
          expect(line.refund).toBe(true);
          expect(slip.meta.isLastMasa).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('should never pay TPP above the sum of the ceilings of the performance month', () => {
    fc.assert(
      fc.property(aPayInputArb, (input) => {
        const slip = run(input);
        const tpp = slip.lines.filter((l) => l.code.startsWith('TPP_')).reduce((s, l) => s + l.amount, 0);
        if (!slip.meta.tppPeriod) return expect(tpp).toBe(0);
        const rules = tenantRulesFor(
          demoTenantRulesets[input.tenantId as keyof typeof demoTenantRulesets],
          slip.meta.tppPeriod,
        );
        const ceiling = (rules.ceilings.value.get(input.employee.kelasJabatan) ?? []).reduce(
          (s, c) => s + c.amount,
          0,
        );
        expect(tpp).toBeGreaterThanOrEqual(0);
        expect(tpp).toBeLessThanOrEqual(ceiling);
        for (const line of slip.lines.filter((l) => l.code.startsWith('TPP_'))) {
          expect(line.amount).toBeLessThanOrEqual(Number(line.basis.ceiling));
        }
      }),
      RUNS,
    );
  });

  it('should net every pass-through premium to zero', () => {
    fc.assert(
      fc.property(aPayInputArb, (input) => {
        const slip = run(input);
        const net = new Map<string, number>();
        for (const l of slip.lines) {
          if (!l.passThrough) continue;
          net.set(
            l.passThrough,
            (net.get(l.passThrough) ?? 0) + (l.kind === 'PENGHASILAN' ? l.amount : -l.amount),
          );
        }
        for (const value of net.values()) expect(value).toBe(0);
      }),
      RUNS,
    );
  });

  it('should keep every TPP cut within 0–100%', () => {
    fc.assert(
      fc.property(aPayInputArb, (input) => {
        const slip = run(input);
        for (const step of slip.trace.filter((t) => t.step.startsWith('tpp.partCut.'))) {
          expect(step.value).toBeGreaterThanOrEqual(0);
          expect(step.value).toBeLessThanOrEqual(10_000);
        }
      }),
      RUNS,
    );
  });

  it('should give the same slip whether the run computed other employees with its rules first or not', () => {
    // The engine keeps nothing between calls (core/ has no module-level state); the only thing a run
    // shares across its slips is its PayRules (each month's rules resolved once). Sharing it must not
    // carry one employee's figures or texts into another's slip.
    fc.assert(
      fc.property(fc.array(aPayInputArb, { minLength: 2, maxLength: 6 }), (inputs) => {
        const tenantId = inputs[0]?.tenantId as keyof typeof demoTenantRulesets;
        const same = inputs.map((input) => ({ ...input, tenantId }));
        const runRules = new PayRules(rulesetsFor(tenantId));
        const shared = same.map((input) => JSON.stringify(computeMonthlyPay(input, runRules)));
        for (const [i, input] of same.entries()) {
          const alone = new PayRules({
            national: structuredClone(nationalRuleset),
            tenant: structuredClone(demoTenantRulesets[tenantId]),
          });
          expect(JSON.stringify(computeMonthlyPay(input, alone))).toBe(shared[i]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('should round the net of the gaji list to Rp100 when the tenant rounds bersih', () => {
    fc.assert(
      fc.property(aPayInputArb, (input) => {
        const slip = run(input);
        const target = tenantRulesFor(
          demoTenantRulesets[input.tenantId as keyof typeof demoTenantRulesets],
          input.month,
        ).pembulatanTarget.value;
        if (target === 'NET' && slip.totals.gaji.penghasilan > 0)
          expect(slip.totals.gaji.bersih % 100).toBe(0);
      }),
      RUNS,
    );
  });
});
