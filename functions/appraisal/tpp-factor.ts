import { addMonths } from '../../core/pay/month';
import { performanceFactor } from '../../core/pay/tpp-factors';
import type { MonthlyPerformanceResult } from '../../core/pay/types';
import { RuleNotInForceError } from '../../core/rulesets/errors';
import { tenantRulesFor } from '../../core/rulesets/tenant-in-force';
import type { TenantRuleset } from '../../core/rulesets/tenant-ruleset';
import { payDisciplineRules } from './settings';

/**
 * How a month's performance result feeds TPP: the tenant's pay rules of the month that pays it
 * (performance month + tpp.paymentLagMonths) turn the predikat (or capaian) into the percentage of the
 * performance-weighted parts, exactly as the payroll's performanceFactor does. Nothing is paid here:
 * this is the figure the atasan and the pegawai see beside the predikat.
 */
export interface TppFactorView {
  payMonth: string;
  /** Null when the pay rules of that month are not in force yet (no figure rather than a guessed one). */
  factorPercent: number | null;
  detail: string;
  /** The TPP parts the factor applies to, with their weight in the TPP. */
  parts: { code: string; label: string; weightPercent: number }[];
}

/** `tenantRules`: the rules in force as the run pays them (`deps.tenantRules()`), loaded once per request. */
export function tppFactorOf(
  tenantRules: TenantRuleset,
  month: string,
  perf: MonthlyPerformanceResult,
): TppFactorView {
  let payMonth = month;
  try {
    payMonth = addMonths(month, payDisciplineRules(tenantRules, month).paymentLagMonths);
    const rules = tenantRulesFor(tenantRules, payMonth);
    const factor = performanceFactor(perf, rules.performance.value, 'performance');
    return {
      payMonth,
      // Basis points to percent: 10,000 bp = 100 %, two decimals exact. A key the tenant does not map: null.
      factorPercent: typeof factor.bp === 'number' ? factor.bp / 100 : null,
      detail: factor.detail,
      parts: rules.parts.value
        .filter((p) => p.factor === 'PERFORMANCE')
        .map((p) => ({ code: p.code, label: p.label, weightPercent: p.weightBp / 100 })),
    };
  } catch (err) {
    if (!(err instanceof RuleNotInForceError)) throw err;
    return { payMonth, factorPercent: null, detail: `aturan TPP bulan ${payMonth} belum berlaku`, parts: [] };
  }
}
