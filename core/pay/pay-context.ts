import type { NationalRules } from '../rulesets/national-in-force';
import type { TenantRules } from '../rulesets/tenant-in-force';
import type { PayRules } from './pay-rules';
import { type LineBasis, type LineHead, lineHead, type SlipBuilder } from './slip-builder';
import type { Citation, EmployeeSnapshot, LineGroup, PayInput } from './types';

/** What every calculation step of one payslip reads: the input, the rules in force, the slip so far. */
export interface PayContext {
  readonly input: PayInput;
  readonly employee: EmployeeSnapshot;
  readonly monthIdx: number;
  /** Month indexes of the first and last month of service (+∞ while in service). */
  readonly startIdx: number;
  readonly endIdx: number;
  readonly nat: NationalRules;
  readonly ten: TenantRules;
  /** The run's rules: other months' rules in force (the TPP's performance month) come from here. */
  readonly rules: PayRules;
  readonly slip: SlipBuilder;
}

/** An employer premium's three possible lines: income and deduction (daerah lists) or employer cost. */
export interface EmployerPremiumHead {
  readonly income: LineHead;
  readonly deduction: LineHead;
  readonly cost: LineHead;
}

/** The heads of a premium that is paid on `group`'s list under `ruleId`. */
export function employerPremiumHead(
  group: LineGroup,
  ruleId: string,
  income: { readonly code: string; readonly label: string },
  deduction: { readonly code: string; readonly label: string },
): EmployerPremiumHead {
  return {
    income: lineHead(group, 'PENGHASILAN', ruleId, income.code, income.label),
    deduction: lineHead(group, 'POTONGAN', ruleId, deduction.code, deduction.label),
    cost: lineHead(group, 'IURAN_PEMBERI_KERJA', ruleId, income.code, income.label),
  };
}

/** Adds an employer premium either on both sides of the slip (daerah lists) or as an employer-cost line. */
export function addEmployerPremium(
  ctx: PayContext,
  head: EmployerPremiumHead,
  amount: number,
  citation: Citation,
  basis: LineBasis,
): void {
  const { slip } = ctx;
  if (!ctx.ten.employerPremiumsOnSlip.value) {
    slip.add(head.cost, amount, citation, basis);
    return;
  }
  const passThrough = head.income.code;
  slip.add(head.income, amount, citation, basis, undefined, passThrough);
  // Same amount, same computation: the deduction shares the income line's basis and rule.
  slip.add(head.deduction, amount, citation, basis, undefined, passThrough);
}

export function inputCitation(parameterId: string, regulation: string, month: string): Citation {
  return { parameterId, regulation, refs: [], confidence: 'UNVERIFIED', from: `${month}-01` };
}
