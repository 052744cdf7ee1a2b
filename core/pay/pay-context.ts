import type { NationalRules } from '../rulesets/national-in-force';
import type { InForce } from '../rulesets/rules-in-force';
import type { TenantRules } from '../rulesets/tenant-in-force';
import type { SlipBuilder } from './slip-builder';
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
  readonly slip: SlipBuilder;
}

/** An employer premium: the income side's texts; the deduction side reuses them under its own code. */
export interface EmployerPremiumLine {
  readonly code: string;
  readonly deductionCode: string;
  readonly label: string;
  readonly deductionLabel: string;
  readonly amount: number;
  readonly group: LineGroup;
  readonly ruleId: string;
  readonly rule: InForce<unknown>;
  readonly basis: Readonly<Record<string, number | string | boolean>>;
  readonly explanation: string;
}

/** Adds an employer premium either on both sides of the slip (daerah lists) or as an employer-cost line. */
export function addEmployerPremium(ctx: PayContext, line: EmployerPremiumLine): void {
  const { slip } = ctx;
  if (!ctx.ten.employerPremiumsOnSlip.value) {
    slip.add({
      code: line.code,
      label: line.label,
      amount: line.amount,
      kind: 'IURAN_PEMBERI_KERJA',
      group: line.group,
      ruleId: line.ruleId,
      citation: line.rule.citation,
      basis: line.basis,
      explanation: line.explanation,
    });
    return;
  }
  slip.add({
    code: line.code,
    label: line.label,
    amount: line.amount,
    kind: 'PENGHASILAN',
    group: line.group,
    ruleId: line.ruleId,
    citation: line.rule.citation,
    basis: line.basis,
    explanation: line.explanation,
    passThrough: line.code,
  });
  // Same amount, same computation: the deduction shares the income line's explanation.
  slip.add({
    code: line.deductionCode,
    label: line.deductionLabel,
    amount: line.amount,
    kind: 'POTONGAN',
    group: line.group,
    ruleId: line.ruleId,
    citation: line.rule.citation,
    basis: line.basis,
    explanation: line.explanation,
    passThrough: line.code,
  });
}

export function inputCitation(parameterId: string, regulation: string, month: string): Citation {
  return { parameterId, regulation, refs: [], confidence: 'UNVERIFIED', from: `${month}-01` };
}
