import type { SlipCitation, SlipLine, SlipView, TppPeriodFacts, TraceStep } from './types';

/**
 * "Mengapa TPP saya segini?": the TPP of a slip walked from the ceiling of the kelas jabatan, through
 * the parts and their cuts (predikat, attendance and leave cuts, hukuman disiplin), to the amount and
 * what is deducted from it. Everything comes from the slip itself — the trace steps the engine
 * recorded (core/pay/tpp-steps.ts: `tpp.ceiling`, `tpp.partCut.<PART>`, `tpp.cut.<CODE>`,
 * `tpp.sanction`, `tpp.total`), the TPP lines with their bases, and the input snapshot's facts of the
 * performance month — so it shows what was computed, never a second computation.
 */
export interface TppWalk {
  /** Performance month the TPP pays (the slip's tppPeriod). */
  period?: string;
  kelasJabatan?: number;
  ceiling?: { amount: number; detail: string; citation?: SlipCitation };
  /** Each TPP criterion (beban kerja, kondisi kerja …) with its share of the ceiling and its amount. */
  criteria: { code: string; label: string; ceiling: number; amount: number; explanation: string }[];
  /** The factor formula the engine applied, e.g. "[60% × 90% × (100% − 3%) + 40% × (100% − 3%)]". */
  factors?: string;
  performance?: TppPeriodFacts['performance'];
  /** Cut of each part (produktivitas, disiplin) in percent. */
  partCuts: { code: string; label: string; percent: number }[];
  /** Attendance and leave cuts: the engine's own sentence ("Terlambat masuk kerja (TL2): 3 × 1% = 3%"). */
  cuts: { code: string; detail: string; percent: number; citation?: SlipCitation }[];
  sanctions: { detail: string; percent: number; citation?: SlipCitation }[];
  /** The month's data that was missing and how the tenant's rule treated it. */
  missing?: TppPeriodFacts['missingData'];
  /** Σ of the criteria: the TPP before its own deductions. */
  amount: number;
  /** Deductions taken from the TPP (iuran, PPh atas TPP), pass-through premiums left out. */
  deductions: SlipLine[];
  /** Employer premiums paid on top and deducted again (net zero), shown as a note. */
  passThrough: SlipLine[];
  net: number;
}

const bpToPercent = (bp: number) => bp / 100;

export function tppWalk(view: Pick<SlipView, 'slip' | 'input'>): TppWalk | undefined {
  const { slip } = view;
  const criteria = slip.lines.filter((l) => l.group === 'TPP' && l.ruleId === 'tpp.criterion');
  if (criteria.length === 0) return undefined;
  const step = (name: string): TraceStep | undefined => slip.trace.find((t) => t.step === name);
  const ceiling = step('tpp.ceiling');
  const period = slip.meta.tppPeriod ?? (criteria[0]?.basis.period as string | undefined);
  const facts = view.input.tppPeriods?.find((p) => p.month === period);
  const kelas = criteria[0]?.basis.kelasJabatan;
  const passThroughKeys = new Set(slip.lines.filter((l) => l.passThrough).map((l) => l.passThrough));
  const tppDeductions = slip.lines.filter((l) => l.group === 'TPP' && l.kind === 'POTONGAN');
  const amount = criteria.reduce((s, l) => s + l.amount, 0);
  return {
    ...(period ? { period } : {}),
    ...(typeof kelas === 'number' ? { kelasJabatan: kelas } : {}),
    ...(ceiling
      ? {
          ceiling: {
            amount: ceiling.value,
            detail: ceiling.detail,
            ...(ceiling.citation ? { citation: ceiling.citation } : {}),
          },
        }
      : {}),
    criteria: criteria.map((l) => ({
      code: l.code,
      label: l.label,
      ceiling: Number(l.basis.ceiling ?? 0),
      amount: l.amount,
      explanation: l.explanation,
    })),
    ...(typeof criteria[0]?.basis.factors === 'string' ? { factors: criteria[0].basis.factors } : {}),
    ...(facts ? { performance: facts.performance } : {}),
    partCuts: slip.trace
      .filter((t) => t.step.startsWith('tpp.partCut.'))
      .map((t) => ({
        code: t.step.slice('tpp.partCut.'.length),
        label: t.detail,
        percent: bpToPercent(t.value),
      })),
    cuts: slip.trace
      .filter((t) => t.step.startsWith('tpp.cut.') || t.step.startsWith('tpp.leave'))
      .map((t) => ({
        code: t.step.replace(/^tpp\.(cut|leave)\.?/, ''),
        detail: t.detail,
        percent: bpToPercent(t.value),
        ...(t.citation ? { citation: t.citation } : {}),
      })),
    sanctions: slip.trace
      .filter((t) => t.step.startsWith('tpp.sanction'))
      .map((t) => ({
        detail: t.detail,
        percent: bpToPercent(t.value),
        ...(t.citation ? { citation: t.citation } : {}),
      })),
    ...(facts?.missingData ? { missing: facts.missingData } : {}),
    amount,
    deductions: tppDeductions.filter((l) => !l.passThrough),
    passThrough: slip.lines.filter(
      (l) =>
        l.group === 'TPP' && l.kind === 'PENGHASILAN' && l.passThrough && passThroughKeys.has(l.passThrough),
    ),
    net: slip.totals.tpp.bersih,
  };
}
