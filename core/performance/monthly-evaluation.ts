import { addMonths, daysInMonth } from '../discipline/calendar-date';
import { DomainError } from '../errors';
import type { MonthlyPerformanceResult, Predikat } from '../pay/types';
import type { AppraisalSettings } from './appraisal-settings';
import {
  type GatheredSources,
  gatherSources,
  type IkmScore,
  type PeerRating,
  SOURCE_LABELS,
  type SourceContribution,
  type TeamResult,
  weighIn,
} from './evaluation-sources';
import {
  PREDIKAT_LABELS,
  predikatFromMatrix,
  predikatFromNilai,
  RATING_LABELS,
  type Rating,
} from './predikat';
import { type Realization, round2, type SkpProgress, skpProgress } from './progress';
import { approvedRevision, type BerakhlakKey, type Skp } from './skp';

/**
 * Evaluasi kinerja bulanan → the pay engine's MonthlyPerformanceResult, with the steps explained in
 * Indonesian. The order follows the rules: is there an SKP, was it approved, did the pejabat penilai
 * evaluate, then the predikat by the tenant's mode (PermenPANRB 6/2022 matrix or PP 30/2019 nilai).
 */
export interface MatrixAssessment {
  readonly kind: 'MATRIX';
  readonly evaluatorNip: string;
  readonly assessedAt: string;
  readonly hasilKerja: Rating;
  readonly perilaku: Rating;
  /** Per-value ratings are detail only; the regulation needs one overall perilaku rating. */
  readonly perilakuDetail?: Readonly<Partial<Record<BerakhlakKey, Rating>>>;
}

/** Numeric tenants: the pejabat penilai confirms the realisasi; the nilai itself is computed. */
export interface NumericAssessment {
  readonly kind: 'NUMERIC';
  readonly evaluatorNip: string;
  readonly assessedAt: string;
  /** PP 30/2019: an innovation is needed for Sangat Baik. */
  readonly hasInnovation?: boolean;
  readonly perilaku?: Rating;
}

export interface BawahanAssessment {
  readonly bawahanNip: string;
  /** When the atasan assessed this bawahan for the month; absent if not (yet). */
  readonly assessedAt?: string;
}

export interface MonthlyEvaluationInput {
  readonly nip: string;
  readonly month: string;
  readonly settings: AppraisalSettings;
  /** Every revision of the pegawai's SKP; empty when none was made. */
  readonly skpRevisions: readonly Skp[];
  readonly assessment?: MatrixAssessment | NumericAssessment;
  readonly realizations?: readonly Realization[];
  readonly peerFeedback?: readonly PeerRating[];
  readonly publicSatisfaction?: readonly IkmScore[];
  readonly teamResult?: TeamResult;
  /** For an atasan: each bawahan and when they were assessed. Omit for pegawai without bawahan. */
  readonly bawahan?: readonly BawahanAssessment[];
}

export interface EvaluationOutcome {
  readonly nip: string;
  readonly month: string;
  readonly mode: AppraisalSettings['evaluation']['mode'];
  readonly result: MonthlyPerformanceResult;
  readonly skp?: { readonly id: string; readonly revision: number };
  readonly ratings?: { readonly hasilKerja: Rating; readonly perilaku: Rating };
  /** PP 30/2019 nilai 0–120 (numeric mode). */
  readonly nilai?: number;
  readonly progress?: SkpProgress;
  readonly sources: readonly SourceContribution[];
  readonly evidence: GatheredSources['evidence'];
  /** What the pay types have no field for. */
  readonly extras: {
    readonly tppFactors: GatheredSources['tppFactors'];
    /** Capaian to date before the evaluation (tenants with real-time progress). */
    readonly provisionalNilai?: number;
  };
  readonly explanation: readonly string[];
}

const num = (n: number) => String(round2(n)).replace('.', ',');
const PERMEN = 'PermenPANRB 6/2022';
const PP30 = 'PP 30/2019';

/** Last day on which the month's assessments count as on time: the deadline day of the next month. */
export function evaluationDeadline(month: string, deadlineDay: number): string {
  return `${addMonths(month, 1)}-${String(deadlineDay).padStart(2, '0')}`;
}

function lateBawahan(bawahan: readonly BawahanAssessment[], deadline: string): number {
  return bawahan.filter((b) => b.assessedAt === undefined || b.assessedAt.slice(0, 10) > deadline).length;
}

export function atasanTidakMenilai(bawahan: readonly BawahanAssessment[], deadline: string): boolean {
  return lateBawahan(bawahan, deadline) > 0;
}

/** PP 30/2019 nilai: the SKP's weighted capaian with the WEIGHTED sources mixed in, at most 120. */
function numericNilai(
  progress: SkpProgress | undefined,
  sources: GatheredSources,
  explanation: string[],
): number {
  if (!progress) explanation.push('Tidak ada realisasi yang dilaporkan bulan ini: capaian SKP 0%.');
  else {
    explanation.push(
      `Capaian tertimbang SKP ${num(progress.weightedAchievementPercent)}% ` +
        `(capaian per indikator dibatasi ${num(progress.capPercent)}%).`,
    );
  }
  for (const s of sources.sources) {
    if (s.use === 'WEIGHTED' && s.nilai !== undefined) {
      explanation.push(
        `${SOURCE_LABELS[s.source]} ${num(s.nilai)} berbobot ${num(s.weightPercent)}% dalam nilai.`,
      );
    }
  }
  return Math.min(120, weighIn(progress?.weightedAchievementPercent ?? 0, sources.sources));
}

export function monthlyEvaluation(input: MonthlyEvaluationInput): EvaluationOutcome {
  const { settings, month } = input;
  const { mode, vocabulary } = settings.evaluation;
  const explanation: string[] = [];
  const base = { nip: input.nip, month, mode, sources: [], evidence: {}, extras: { tppFactors: [] } };

  // 1. Atasan tidak menilai: a fact about this pegawai as a supervisor, whatever their own SKP state.
  let flag: { atasanTidakMenilai?: boolean } = {};
  if (input.bawahan && input.bawahan.length > 0) {
    const deadline = evaluationDeadline(month, settings.evaluation.deadlineDay);
    const late = lateBawahan(input.bawahan, deadline);
    flag = { atasanTidakMenilai: late > 0 };
    explanation.push(
      late > 0
        ? `Sebagai atasan, ${late} dari ${input.bawahan.length} bawahan belum dinilai sampai batas ${deadline}: atasan tidak menilai.`
        : `Sebagai atasan, seluruh ${input.bawahan.length} bawahan telah dinilai sebelum batas ${deadline}.`,
    );
  }

  // 2. An SKP for the year, approved by the end of the month (PermenPANRB 6/2022).
  const year = Number(month.slice(0, 4));
  const revisions = input.skpRevisions.filter((s) => s.nip === input.nip && s.year === year);
  if (revisions.length === 0) {
    explanation.unshift(`Pegawai tidak menyusun SKP tahun ${year} (${PERMEN}): status TIDAK_ADA_SKP.`);
    return { ...base, result: { status: 'TIDAK_ADA_SKP', ...flag }, explanation };
  }
  const monthEnd = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  const skp = approvedRevision(revisions, monthEnd);
  if (!skp) {
    explanation.unshift(
      `SKP tahun ${year} belum disetujui pejabat penilai sampai akhir ${month}: status SKP_BELUM_DISETUJUI.`,
    );
    return { ...base, result: { status: 'SKP_BELUM_DISETUJUI', ...flag }, explanation };
  }
  explanation.unshift(
    `SKP ${skp.id} revisi ${skp.revision} disetujui oleh ${skp.approvedBy ?? '-'} pada ${skp.approvedAt ?? '-'}.`,
  );

  // 3. Realisasi and the extra sources, gathered the same way in both modes.
  const cap = settings.evaluation.achievementCapPercent;
  const progress = input.realizations && skpProgress(skp, input.realizations, { kind: 'MONTH', month }, cap);
  const gathered = gatherSources(input, settings);
  explanation.push(...gathered.explanation);
  const common = {
    ...base,
    skp: { id: skp.id, revision: skp.revision },
    sources: gathered.sources,
    evidence: gathered.evidence,
    ...(progress ? { progress } : {}),
  };

  // 4. No evaluation yet: BELUM_DINILAI, with the capaian so far where the tenant shows it in real time.
  const assessment = input.assessment;
  if (!assessment) {
    explanation.push(`Pejabat penilai belum menilai kinerja bulan ${month}: status BELUM_DINILAI.`);
    const realTime = mode === 'NUMERIC' && settings.evaluation.realTimeProgress && progress;
    const provisional = realTime ? weighIn(progress.weightedAchievementPercent, gathered.sources) : undefined;
    if (provisional !== undefined)
      explanation.push(`Capaian sementara: nilai ${num(provisional)} (belum final).`);
    return {
      ...common,
      result: { status: 'BELUM_DINILAI', ...flag },
      extras: {
        tppFactors: gathered.tppFactors,
        ...(provisional !== undefined ? { provisionalNilai: provisional } : {}),
      },
      explanation,
    };
  }
  if (assessment.kind !== mode) {
    throw new DomainError(
      'INVALID',
      'ASSESSMENT_MODE_MISMATCH',
      `Penilaian ${assessment.kind} tidak sesuai mode tenant ${mode}`,
    );
  }

  // 5. The predikat: PermenPANRB 6/2022 matrix, or PP 30/2019 ranges over the nilai.
  const perilakuMap = settings.evaluation.perilakuPercentByRating;
  const perilakuPercent =
    perilakuMap && assessment.perilaku ? { perilakuPercent: perilakuMap[assessment.perilaku] } : {};
  if (assessment.kind === 'MATRIX') {
    const predikat = predikatFromMatrix(assessment.hasilKerja, assessment.perilaku, vocabulary);
    explanation.push(
      `Hasil kerja ${RATING_LABELS[assessment.hasilKerja]} dan perilaku kerja ${RATING_LABELS[assessment.perilaku]}; ` +
        `menurut matriks ${PERMEN} predikat kinerja: ${PREDIKAT_LABELS[predikat]}.`,
    );
    return {
      ...common,
      result: { status: 'FINAL', predikat, ...flag, ...perilakuPercent },
      ratings: { hasilKerja: assessment.hasilKerja, perilaku: assessment.perilaku },
      extras: { tppFactors: gathered.tppFactors },
      explanation,
    };
  }
  const nilai = numericNilai(progress, gathered, explanation);
  const needsInnovation = settings.evaluation.sangatBaikRequiresInnovation;
  const predikat: Predikat = predikatFromNilai(nilai, {
    vocabulary,
    sangatBaikRequiresInnovation: needsInnovation,
    hasInnovation: assessment.hasInnovation ?? false,
  });
  const middle = vocabulary === 'CUKUP' ? 'Cukup' : 'Butuh Perbaikan';
  explanation.push(
    `Nilai ${num(nilai)}; menurut rentang ${PP30} (≥110 Sangat Baik, ≥90 Baik, ≥70 ${middle}, ≥50 Kurang, ` +
      `di bawahnya Sangat Kurang) predikat: ${PREDIKAT_LABELS[predikat]}.`,
  );
  if (nilai >= 110 && needsInnovation && !assessment.hasInnovation) {
    explanation.push(`${PP30} mensyaratkan inovasi untuk Sangat Baik; tanpa inovasi predikat menjadi Baik.`);
  }
  return {
    ...common,
    // The pay engine reads capaian as 0–100; the nilai above 100 lives in `nilai`.
    result: {
      status: 'FINAL',
      predikat,
      capaianPercent: round2(Math.min(100, nilai)),
      ...flag,
      ...perilakuPercent,
    },
    nilai,
    extras: { tppFactors: gathered.tppFactors },
    explanation,
  };
}

/** The pay engine's input alone. */
export function monthlyPerformanceResult(input: MonthlyEvaluationInput): MonthlyPerformanceResult {
  return monthlyEvaluation(input).result;
}
