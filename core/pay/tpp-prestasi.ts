import { PREDIKAT_LABELS } from '../performance/predikat';
import type { CeilingEntry } from '../rulesets/tenant-in-force';
import type { PrestasiRule } from '../rulesets/tpp-prestasi-schema';
import { PayDataError } from './errors';
import { formatBp, formatNumber, formatRupiah } from './format';
import { BP_PER_UNIT, mulDivRem } from './money';
import type { MonthlyPerformanceResult, PayLine } from './types';

/**
 * Insentif prestasi kerja (tenant rule tpp.prestasi): an amount on top of the month's TPP for an
 * employee whose predikat the rule names and, where the rule asks for it, whose unit's capaian is above
 * its target; and, where the rule gives one, for a penghargaan prestasi BKPSDM decided by decree. Shares
 * are exact: the incentive is base × min(share, cap), share = flat share + share per percentage point ×
 * points above target + award share, rounded once as the rule says. Never where no TPP is paid, nor
 * (when the rule says so) under a hukuman disiplin.
 */
export interface PrestasiInput {
  readonly performance: MonthlyPerformanceResult;
  /** The kelas jabatan's ceilings in force in the performance month. */
  readonly ceilings: readonly CeilingEntry[];
  readonly kelasJabatan: number;
  /** The month's TPP after every factor: no incentive where no TPP is paid (CLTN, tugas belajar …). */
  readonly tppTotal: number;
  /** The hukuman disiplin cut applied to the TPP this month (0 when none). */
  readonly sanctionBp: number;
}

export type PrestasiOutcome =
  | {
      readonly paid: false;
      /** Why not, in Indonesian (the trace step's text). */
      readonly reason: string;
      /** A condition could not be checked because data is missing: the slip says so (never silent). */
      readonly missingData?: true;
    }
  | {
      readonly paid: true;
      readonly amount: number;
      readonly reason: string;
      readonly basis: Readonly<Record<string, number | string | boolean>>;
      /** Paid on the award alone: the achievement part could not be checked, and why. */
      readonly missingData?: true;
      readonly missingReason?: string;
    };

/** Share in millionths of the base: 1% = 10 000; a bp × a capaian bp / 100 stays whole. */
const SHARE_PER_BP = 100;
const SHARE_UNIT = BP_PER_UNIT * SHARE_PER_BP;

/** Millionths of the base as a percentage (`4,5%`, `0,2275%`). */
export function formatShare(share: number): string {
  if (share % SHARE_PER_BP === 0) return formatBp(share / SHARE_PER_BP);
  const perPercent = SHARE_UNIT / 100;
  const fraction = String(share % perPercent)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return `${formatNumber(Math.trunc(share / perPercent))},${fraction}%`;
}

type Basis = Record<string, number | string | boolean>;

/** The predikat (and unit capaian) part: its share, or why it gives none. */
function achievementShare(
  rule: Extract<PrestasiRule, { enabled: true }>,
  perf: MonthlyPerformanceResult,
  basis: Basis,
  field: string,
): { share: number; reason: string } | { share: 0; reason: string; missingData?: true } {
  const wanted = rule.predikat.map((p) => PREDIKAT_LABELS[p]).join('/');
  if (perf.paidWithoutEvaluation) {
    return {
      share: 0,
      missingData: true,
      reason: `penilaian bulanan belum ada: syarat predikat ${wanted} tidak dapat diperiksa`,
    };
  }
  const predikat = perf.status === 'FINAL' ? perf.predikat : undefined;
  if (!predikat || !rule.predikat.includes(predikat)) {
    const actual = predikat ? `predikat ${PREDIKAT_LABELS[predikat]}` : `status penilaian ${perf.status}`;
    return { share: 0, reason: `${actual}; insentif hanya untuk predikat ${wanted}` };
  }
  const share = rule.baseBp * SHARE_PER_BP;
  // The basis names the predikat only where this part pays: the explanation lists what was paid.
  const granted = () => {
    basis.predikat = PREDIKAT_LABELS[predikat];
    basis.flatBp = rule.baseBp;
  };
  if (!rule.team) {
    granted();
    return { share, reason: `predikat ${PREDIKAT_LABELS[predikat]}` };
  }
  const team = perf.teamResult;
  if (!team) {
    return {
      share: 0,
      missingData: true,
      reason: `capaian tim/unit kerja bulan ini belum ada: syarat capaian di atas ${formatBp(rule.team.targetBp)} tidak dapat diperiksa`,
    };
  }
  const raw = team.achievementPercent;
  if (!Number.isFinite(raw) || raw < 0) {
    throw new PayDataError(`${field}.performance.teamResult.achievementPercent`, 'must be a percentage ≥ 0');
  }
  // Capaian is kept to two decimals (whole basis points), the precision of every rate in the rules.
  const achievedBp = Math.round(raw * 100);
  if (achievedBp <= rule.team.targetBp) {
    return {
      share: 0,
      reason: `capaian unit ${team.unitId} ${formatBp(achievedBp)} tidak di atas target ${formatBp(rule.team.targetBp)}`,
    };
  }
  granted();
  basis.unitId = team.unitId;
  basis.achievedBp = achievedBp;
  basis.targetBp = rule.team.targetBp;
  basis.perPointBp = rule.team.perPointBp;
  basis.teamMillionths = share + rule.team.perPointBp * (achievedBp - rule.team.targetBp);
  return {
    share: Number(basis.teamMillionths),
    reason: `predikat ${PREDIKAT_LABELS[predikat]}, capaian unit ${formatBp(achievedBp)} di atas target ${formatBp(rule.team.targetBp)}`,
  };
}

export function prestasiIncentive(rule: PrestasiRule, input: PrestasiInput, field: string): PrestasiOutcome {
  if (!rule.enabled) return { paid: false, reason: 'aturan tenant: tidak ada insentif prestasi' };
  const perf = input.performance;
  const basis: Basis = { baseKind: rule.base, kelasJabatan: input.kelasJabatan, capBp: rule.capBp };
  const achievement = achievementShare(rule, perf, basis, field);
  // A penghargaan decided by BKPSDM (its SK) pays the rule's award share whatever the predikat.
  const award = rule.awardBp !== undefined && rule.awardBp > 0 ? perf.award : undefined;
  if (award && rule.awardBp !== undefined) {
    basis.awardSk = award.skNumber;
    basis.awardSkDate = award.skDate;
    basis.awardBp = rule.awardBp;
  }
  const missing = 'missingData' in achievement && achievement.missingData === true;
  const reasons = [
    achievement.share > 0 || !award ? achievement.reason : '',
    award ? `penghargaan SK ${award.skNumber}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const none = (reason: string, missingData = false): PrestasiOutcome => ({
    paid: false,
    reason,
    ...(missingData ? { missingData: true as const } : {}),
  });
  if (achievement.share === 0 && !award) return none(achievement.reason, missing);
  if (input.tppTotal <= 0) return none('tidak menerima TPP bulan ini');
  if (rule.notWithSanction && input.sanctionBp > 0) {
    return none('sedang menjalani hukuman disiplin yang memotong TPP');
  }

  const share = achievement.share + (award ? (rule.awardBp ?? 0) * SHARE_PER_BP : 0);
  const capShare = rule.capBp * SHARE_PER_BP;
  const capped = share > capShare;
  const applied = capped ? capShare : share;
  let baseAmount = 0;
  if (rule.base === 'CEILING_TOTAL') for (const c of input.ceilings) baseAmount += c.amount;
  else baseAmount = input.ceilings.find((c) => c.criterion === 'PK')?.amount ?? 0;
  if (baseAmount <= 0) {
    return none(`kelas jabatan ${input.kelasJabatan} tidak mempunyai pagu prestasi kerja`);
  }
  const [q, r] = mulDivRem(baseAmount, applied, SHARE_UNIT);
  const amount = rule.rounding === 'HALF_UP' && r * 2 >= SHARE_UNIT ? q + 1 : q;
  basis.shareMillionths = share;
  basis.appliedMillionths = applied;
  basis.capped = capped;
  basis.baseAmount = baseAmount;
  basis.rounding = rule.rounding;
  return {
    paid: true,
    amount,
    reason: `${reasons}: ${formatShare(applied)}${capped ? ' (batas)' : ''} × ${formatNumber(baseAmount)}`,
    basis,
    ...(missing ? { missingData: true as const, missingReason: achievement.reason } : {}),
  };
}

const BASE_TEXT: Readonly<Record<string, string>> = {
  CEILING_TOTAL: 'pagu TPP',
  CEILING_PK: 'pagu TPP prestasi kerja',
};

/**
 * The slip's explanation of the incentive, from its basis alone (core/pay/explain.ts):
 * `Insentif Prestasi Kerja 2026-02: predikat Sangat Baik; capaian unit X 130% di atas target 100%: 30 poin ×
 * 1% = 30%, dibatasi 10%; 10% × pagu TPP kelas 9 Rp 4.420.000 = Rp 442.000 (dibulatkan ke rupiah terdekat)`.
 */
export function explainPrestasi(line: PayLine): string {
  const b = line.basis;
  const n = (key: string) => Number(b[key]);
  const parts: string[] = [];
  const several = b.predikat !== undefined && b.awardSk !== undefined;
  if (b.predikat !== undefined) {
    let text = `predikat ${String(b.predikat)}`;
    const flat = n('flatBp');
    if (b.achievedBp !== undefined) {
      // Points above target are percentage points: `30 poin`, `4,5 poin`.
      const points = formatBp(n('achievedBp') - n('targetBp')).replace('%', '');
      text += `; capaian unit ${String(b.unitId)} ${formatBp(n('achievedBp'))} di atas target ${formatBp(n('targetBp'))}: `;
      text += `${flat > 0 ? `${formatBp(flat)} + ` : ''}${points} poin × ${formatBp(n('perPointBp'))} = ${formatShare(n('teamMillionths'))}`;
    } else if (several) text += ` ${formatBp(flat)}`;
    parts.push(text);
  }
  if (b.awardSk !== undefined) {
    parts.push(
      `penghargaan prestasi SK ${String(b.awardSk)} tanggal ${String(b.awardSkDate)}${several ? ` ${formatBp(n('awardBp'))}` : ''}`,
    );
  }
  let share = parts.join('; ');
  if (several) share += `; jumlah ${formatShare(n('shareMillionths'))}`;
  if (b.capped === true) share += `, dibatasi ${formatBp(n('capBp'))}`;
  const rounding = b.rounding === 'HALF_UP' ? 'dibulatkan ke rupiah terdekat' : 'dibulatkan ke bawah';
  return `${line.label} ${String(b.period)}: ${share}; ${formatShare(n('appliedMillionths'))} × ${BASE_TEXT[String(b.baseKind)] ?? 'pagu'} kelas ${String(b.kelasJabatan)} ${formatRupiah(n('baseAmount'))} = ${formatRupiah(line.amount)} (${rounding})`;
}
