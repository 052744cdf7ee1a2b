import { describe, expect, it } from 'vitest';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import { pph21Ter } from '../../../core/pay/pph21';
import { nationalRuleset } from '../../../core/rulesets/national-data';
import { nationalRulesFor } from '../../../core/rulesets/national-in-force';
import { aTenantRuleset, rulesetsFor } from './builders';
import { goldenCases, terChecks } from './golden/worked-examples';

describe('worked examples (golden cases)', () => {
  describe.each(goldenCases)('$name', (golden) => {
    const tenant =
      golden.tenant === 'bantul' ? 'bantul' : aTenantRuleset(golden.tenant.overrides, golden.tenant.id);
    const slip = computeMonthlyPay(golden.input, rulesetsFor(tenant));
    const amountOf = (code: string) => slip.lines.find((l) => l.code === code)?.amount;

    it('should produce every expected line to the rupiah', () => {
      const actual = Object.fromEntries(
        Object.keys(golden.expected.lines).map((code) => [code, amountOf(code)]),
      );
      expect(actual).toEqual(golden.expected.lines);
    });

    it('should leave out the lines the example does not have', () => {
      for (const code of golden.expected.absent ?? []) expect(amountOf(code)).toBeUndefined();
    });

    it('should reach the expected totals', () => {
      const pick = (t: { penghasilan: number; potongan: number; bersih: number }) => ({
        penghasilan: t.penghasilan,
        potongan: t.potongan,
        bersih: t.bersih,
      });
      if (golden.expected.gaji) expect(pick(slip.totals.gaji)).toEqual(golden.expected.gaji);
      if (golden.expected.tpp) expect(pick(slip.totals.tpp)).toEqual(golden.expected.tpp);
    });

    it('should record the intermediate steps in the trace', () => {
      for (const [step, value] of Object.entries(golden.expected.trace ?? {})) {
        expect(slip.trace.find((t) => t.step === step)?.value, step).toBe(value);
      }
    });
  });

  describe('Example 6 — TER lookup checks', () => {
    const { ter } = nationalRulesFor(nationalRuleset, '2026-01');
    it.each(terChecks)('should pick the rates for bruto $bruto', ({ bruto, A, B, C }) => {
      const rates = (['A', 'B', 'C'] as const).map(
        (category) => pph21Ter({ bruto, category }, ter.value).rateBp,
      );
      expect(rates).toEqual([A, B, C]);
    });
  });
});
