import type { PaySlip } from '../../../core/pay/types';

/**
 * What the rekap TPP shows beside the money: pagu, the cut of each part (produktivitas, disiplin, …)
 * and the overall cut. Pagu, period and kelas come from the TPP criterion lines' `basis` (period,
 * kelasJabatan, ceiling — core/pay/tpp-steps.ts). The engine puts no part figures in any line's basis;
 * it records each part's cut as the trace step `tpp.partCut.<CODE>` (value = cut in basis points,
 * detail = the part's label), which is what is read here. Weights and performance factors are not
 * numeric anywhere on the slip, so the rekap does not show them.
 */
export interface TppBreakdown {
  readonly period?: string;
  readonly kelasJabatan?: number;
  /** Σ of the criteria ceilings: the TPP before any factor. */
  readonly pagu: number;
  /** Σ of the criteria amounts. */
  readonly bruto: number;
  readonly parts: readonly TppPartCut[];
}

export interface TppPartCut {
  readonly code: string;
  readonly label: string;
  /** Cut applied to the part (attendance, leave, discipline), basis points. */
  readonly cutBp: number;
}

const PART_CUT = 'tpp.partCut.';

export function tppBreakdown(slip: PaySlip): TppBreakdown {
  let pagu = 0;
  let bruto = 0;
  let period: string | undefined;
  let kelasJabatan: number | undefined;
  for (const line of slip.lines) {
    if (line.group !== 'TPP' || line.ruleId !== 'tpp.criterion') continue;
    bruto += line.amount;
    const { ceiling, period: p, kelasJabatan: k } = line.basis;
    if (typeof ceiling === 'number') pagu += ceiling;
    if (typeof p === 'string') period = p;
    if (typeof k === 'number') kelasJabatan = k;
  }
  const parts = slip.trace
    .filter((step) => step.step.startsWith(PART_CUT))
    .map((step) => {
      const code = step.step.slice(PART_CUT.length);
      return { code, label: step.detail || code, cutBp: step.value };
    });
  return {
    ...(period ? { period } : {}),
    ...(kelasJabatan !== undefined ? { kelasJabatan } : {}),
    pagu,
    bruto,
    parts,
  };
}
