import type { AppraisalSettings, SourceUse } from './appraisal-settings';
import type { Rating } from './predikat';
import { round2 } from './progress';

const num = (n: number) => String(round2(n)).replace('.', ',');

/**
 * Extra evidence some tenants add to the atasan's evaluation: umpan balik rekan kerja, the unit's indeks
 * kepuasan masyarakat (IKM) and the team's own capaian. Each is reduced to one nilai on the SKP's 0–120
 * scale; the tenant decides per source whether it is only shown, weighed into the numeric score, or
 * turned into a factor on the productivity share of TPP.
 */
export type PeerRating =
  | { readonly raterNip: string; readonly score: 1 | 2 | 3 | 4 | 5 }
  | { readonly raterNip: string; readonly rating: Rating };

/** Aggregates only: rater ids never leave this module. */
export interface PeerFeedbackSummary {
  readonly raterCount: number;
  /** True when there were too few raters to keep them anonymous; no nilai is given then. */
  readonly withheld: boolean;
  readonly nilai?: number;
  readonly scoreDistribution: Readonly<Record<string, number>>;
}

export interface IkmScore {
  readonly unitId: string;
  readonly service?: string;
  /** Indeks kepuasan masyarakat 0–100 of the survey. */
  readonly score: number;
  readonly respondents: number;
}

export interface IkmSummary {
  readonly ikm: number;
  readonly respondents: number;
  readonly surveys: number;
}

export interface TeamResult {
  readonly unitId: string;
  readonly achievementPercent: number;
}

export type SourceKind = 'PEER_FEEDBACK' | 'PUBLIC_SATISFACTION' | 'TEAM_RESULT';

export const SOURCE_LABELS: Readonly<Record<SourceKind, string>> = {
  PEER_FEEDBACK: 'umpan balik rekan kerja',
  PUBLIC_SATISFACTION: 'indeks kepuasan masyarakat (IKM)',
  TEAM_RESULT: 'capaian tim/unit kerja',
};

export interface SourceContribution {
  readonly source: SourceKind;
  readonly use: SourceUse;
  /** Nilai on the 0–120 scale; undefined when there was no usable data. */
  readonly nilai?: number;
  readonly weightPercent: number;
}

/**
 * One rating per rater (the latest wins) and none by the pegawai about themself; with fewer raters
 * than the tenant's minimum the feedback is withheld.
 */
export function summarizePeerFeedback(
  ratings: readonly PeerRating[],
  rateeNip: string,
  config: AppraisalSettings['peerFeedback'],
): PeerFeedbackSummary {
  const byRater = new Map<string, PeerRating>();
  for (const rating of ratings) if (rating.raterNip !== rateeNip) byRater.set(rating.raterNip, rating);
  const raterCount = byRater.size;
  const scoreDistribution: Record<string, number> = {};
  let total = 0;
  for (const rating of byRater.values()) {
    const key = 'score' in rating ? String(rating.score) : rating.rating;
    scoreDistribution[key] = (scoreDistribution[key] ?? 0) + 1;
    total += 'score' in rating ? config.nilaiByScore[rating.score] : config.nilaiByRating[rating.rating];
  }
  if (raterCount === 0 || raterCount < config.minRaters) {
    // The distribution of a tiny group would identify raters as surely as their ids.
    return { raterCount, withheld: true, scoreDistribution: {} };
  }
  return { raterCount, withheld: false, nilai: round2(total / raterCount), scoreDistribution };
}

/** IKM of several surveys of the unit, weighted by respondents. */
export function summarizePublicSatisfaction(scores: readonly IkmScore[]): IkmSummary | undefined {
  const respondents = scores.reduce((s, x) => s + x.respondents, 0);
  if (respondents <= 0) return undefined;
  const weighted = scores.reduce((s, x) => s + x.score * x.respondents, 0);
  return { ikm: round2(weighted / respondents), respondents, surveys: scores.length };
}

export function contribution(
  source: SourceKind,
  config: { readonly enabled: boolean; readonly use: SourceUse; readonly weightPercent: number },
  nilai: number | undefined,
): SourceContribution | undefined {
  if (!config.enabled) return undefined;
  return {
    source,
    use: config.use,
    weightPercent: config.use === 'WEIGHTED' ? config.weightPercent : 0,
    ...(nilai !== undefined ? { nilai } : {}),
  };
}

/**
 * Numeric score with WEIGHTED sources: the SKP's capaian keeps what the sources do not take. A source
 * without data gives its weight back to the capaian rather than pulling the score towards zero.
 */
export function weighIn(capaian: number, contributions: readonly SourceContribution[]): number {
  let ownWeight = 100;
  let sum = 0;
  for (const c of contributions) {
    if (c.use !== 'WEIGHTED' || c.nilai === undefined) continue;
    ownWeight -= c.weightPercent;
    sum += c.weightPercent * c.nilai;
  }
  return round2((ownWeight * capaian + sum) / 100);
}

/** TPP_FACTOR: the source's nilai as a percentage of the productivity share, never above 100%. */
export function tppFactorPercent(nilai: number): number {
  return round2(Math.min(100, Math.max(0, nilai)));
}

export interface GatheredSources {
  readonly sources: readonly SourceContribution[];
  readonly evidence: {
    readonly peerFeedback?: PeerFeedbackSummary;
    readonly publicSatisfaction?: IkmSummary;
    readonly teamResult?: TeamResult;
  };
  /** TPP_FACTOR sources with data: a percentage to apply to the productivity share of TPP. */
  readonly tppFactors: readonly { readonly source: SourceKind; readonly factorPercent: number }[];
  readonly explanation: readonly string[];
}

/** Every source the tenant enabled, reduced to a nilai, with what it will be used for. */
export function gatherSources(
  input: {
    readonly nip: string;
    readonly peerFeedback?: readonly PeerRating[];
    readonly publicSatisfaction?: readonly IkmScore[];
    readonly teamResult?: TeamResult;
  },
  settings: AppraisalSettings,
): GatheredSources {
  const cap = settings.evaluation.achievementCapPercent;
  const peer =
    settings.peerFeedback.enabled && input.peerFeedback
      ? summarizePeerFeedback(input.peerFeedback, input.nip, settings.peerFeedback)
      : undefined;
  const ikm =
    settings.publicSatisfaction.enabled && input.publicSatisfaction
      ? summarizePublicSatisfaction(input.publicSatisfaction)
      : undefined;
  const team = settings.teamResult.enabled ? input.teamResult : undefined;
  const sources = [
    contribution('PEER_FEEDBACK', settings.peerFeedback, peer?.nilai),
    contribution('PUBLIC_SATISFACTION', settings.publicSatisfaction, ikm?.ikm),
    contribution('TEAM_RESULT', settings.teamResult, team && Math.min(cap, team.achievementPercent)),
  ].filter((c): c is SourceContribution => c !== undefined);

  const explanation: string[] = [];
  for (const s of sources) {
    const what = SOURCE_LABELS[s.source];
    if (s.nilai === undefined)
      explanation.push(`Sumber ${what} aktif (${s.use}) tetapi tidak ada data yang dapat dipakai bulan ini.`);
    else if (s.use === 'EVIDENCE')
      explanation.push(`${what}: nilai ${num(s.nilai)}, ditampilkan sebagai bukti saja.`);
  }
  if (peer?.withheld) {
    explanation.push(
      `Umpan balik rekan kerja ditahan: ${peer.raterCount} penilai, minimal ${settings.peerFeedback.minRaters} agar anonim.`,
    );
  }
  const tppFactors: { source: SourceKind; factorPercent: number }[] = [];
  for (const s of sources) {
    if (s.use !== 'TPP_FACTOR' || s.nilai === undefined) continue;
    const factorPercent = tppFactorPercent(s.nilai);
    tppFactors.push({ source: s.source, factorPercent });
    explanation.push(
      `${SOURCE_LABELS[s.source]}: faktor ${num(factorPercent)}% atas bagian produktivitas TPP.`,
    );
  }
  return {
    sources,
    evidence: {
      ...(peer ? { peerFeedback: peer } : {}),
      ...(ikm ? { publicSatisfaction: ikm } : {}),
      ...(team ? { teamResult: team } : {}),
    },
    tppFactors,
    explanation,
  };
}
