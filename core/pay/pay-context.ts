import type { NationalRules } from '../rulesets/national-in-force';
import type { InForce } from '../rulesets/rules-in-force';
import type { TenantRules } from '../rulesets/tenant-in-force';
import type { SlipBuilder } from './slip-builder';
import type { Citation, EmployeeSnapshot, LineGroup, LineKind, PayInput, PayLine } from './types';

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
    slip.add(premiumLine(line, line.code, line.label, 'IURAN_PEMBERI_KERJA', undefined));
    return;
  }
  slip.add(premiumLine(line, line.code, line.label, 'PENGHASILAN', line.code));
  // Same amount, same computation: the deduction shares the income line's explanation.
  slip.add(premiumLine(line, line.deductionCode, line.deductionLabel, 'POTONGAN', line.code));
}

function premiumLine(
  line: EmployerPremiumLine,
  code: string,
  label: string,
  kind: LineKind,
  passThrough: string | undefined,
): PayLine {
  return {
    code,
    label,
    amount: line.amount,
    kind,
    group: line.group,
    ruleId: line.ruleId,
    citation: line.rule.citation,
    basis: line.basis,
    explanation: line.explanation,
    passThrough,
    refund: undefined,
  };
}

export function inputCitation(parameterId: string, regulation: string, month: string): Citation {
  return { parameterId, regulation, refs: [], confidence: 'UNVERIFIED', from: `${month}-01` };
}
