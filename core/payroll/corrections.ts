import type { PayLine, PaySlip } from '../pay/types';
import { KELEBIHAN_CODE } from './rapel';
import type { CorrectionLine, PaidRecord } from './run-types';

/**
 * The money a slip moves, per line code: income positive, deductions negative. Pass-through employer
 * premiums cancel out on the slip and pembulatan is re-derived every month, so neither can owe anyone
 * anything and both are left out of the comparison (a rapel differences the premiums from the ledger's
 * `employerAmounts`, rapel.ts).
 */
export function lineAmounts(slip: PaySlip): {
  amounts: Record<string, number>;
  labels: Record<string, string>;
} {
  const amounts: Record<string, number> = {};
  const labels: Record<string, string> = {};
  for (const line of slip.lines) {
    if (!countsForCorrection(line)) continue;
    const signed = line.kind === 'PENGHASILAN' ? line.amount : -line.amount;
    amounts[line.code] = (amounts[line.code] ?? 0) + signed;
    labels[line.code] = line.label;
  }
  return { amounts, labels };
}

function countsForCorrection(line: PayLine): boolean {
  if (line.passThrough) return false;
  if (line.code === 'PEMBULATAN') return false;
  // A kelebihan instalment repays an earlier month: recomputing its month must not give it back.
  if (line.code === KELEBIHAN_CODE) return false;
  return line.kind === 'PENGHASILAN' || line.kind === 'POTONGAN';
}

/**
 * How a difference is named, from the employee's side (domain/rapel.md):
 * - a penghasilan line paid too little is a *kekurangan* (paid now), paid too much a *kelebihan*
 *   (recovered);
 * - a potongan line deducted too little is a *kekurangan potongan* (deducted now), deducted too much a
 *   *kelebihan potongan* (given back).
 * `diff` is signed as the money moves to the employee, so a larger deduction is a negative diff.
 */
export function correctionLabel(diff: number, isDeduction: boolean, label: string, month: string): string {
  if (isDeduction) return `${diff < 0 ? 'Kekurangan' : 'Kelebihan'} potongan ${label} ${month}`;
  return `${diff > 0 ? 'Kekurangan' : 'Kelebihan'} ${label} ${month}`;
}

/**
 * Kekurangan (positive) or kelebihan (negative) per line of one locked month: recomputed minus paid.
 * The locked run is never touched; the difference is paid (or recovered) in the run that carries it.
 */
export function correctionLines(paid: PaidRecord, recomputed: PaySlip, cause: string): CorrectionLine[] {
  const now = lineAmounts(recomputed);
  // The paid ledger keeps deductions negative; a code only on the recomputed slip has its kind there.
  const deductions = new Set(recomputed.lines.filter((l) => l.kind === 'POTONGAN').map((l) => l.code));
  const codes = new Set([...Object.keys(paid.lineAmounts), ...Object.keys(now.amounts)]);
  const lines: CorrectionLine[] = [];
  for (const code of [...codes].sort()) {
    const diff = (now.amounts[code] ?? 0) - (paid.lineAmounts[code] ?? 0);
    if (diff === 0) continue;
    const label = now.labels[code] ?? paid.labels[code] ?? code;
    const isDeduction = deductions.has(code) || (paid.lineAmounts[code] ?? 0) < 0;
    lines.push({
      month: paid.month,
      runId: paid.runId,
      code,
      label: correctionLabel(diff, isDeduction, label, paid.month),
      amount: diff,
      cause,
    });
  }
  return lines;
}
