import { DomainError } from '../errors';

/**
 * The annual SKP (sasaran kinerja pegawai) per PermenPANRB 6/2022: rencana hasil kerja with their
 * indikator and targets, cascaded from the atasan's SKP, plus the atasan's ekspektasi khusus for each
 * BerAKHLAK value. Its lifecycle is a pure state machine: every transition returns a new SKP or throws
 * a DomainError; persistence and the clock belong to the caller.
 */
export const BERAKHLAK_KEYS = [
  'berorientasi_pelayanan',
  'akuntabel',
  'kompeten',
  'harmonis',
  'loyal',
  'adaptif',
  'kolaboratif',
] as const;
export type BerakhlakKey = (typeof BERAKHLAK_KEYS)[number];

export type IndicatorTarget =
  | { readonly aspect: 'KUANTITAS'; readonly value: number; readonly unit: string }
  | { readonly aspect: 'KUALITAS'; readonly percent: number }
  | { readonly aspect: 'WAKTU'; readonly value: number; readonly unit: 'BULAN' | 'HARI' };
export type IndicatorAspect = IndicatorTarget['aspect'];

/** Waktu penyelesaian is better when lower; counts and quality are better when higher. */
export type Direction = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';

/** How the daily realizations of a period add up: counts are summed, rates and durations averaged. */
export type Aggregation = 'SUM' | 'AVERAGE' | 'LAST';

export interface Indicator {
  readonly id: string;
  readonly description: string;
  readonly target: IndicatorTarget;
  readonly direction: Direction;
  readonly aggregation: Aggregation;
  /** Share of this indicator in the SKP; all indicators of one SKP add up to 100. */
  readonly weightPercent: number;
  /** Target for one month when it is not the annual target ÷ 12 (SUM) or the annual target itself. */
  readonly monthlyTarget?: number;
}

export interface RencanaHasilKerja {
  readonly id: string;
  readonly jenis: 'UTAMA' | 'TAMBAHAN';
  readonly description: string;
  /** The atasan's hasil kerja this one supports (cascading, PermenPANRB 6/2022). */
  readonly cascadedFrom?: { readonly skpId: string; readonly resultId: string };
  readonly indicators: readonly Indicator[];
}

export interface Pejabat {
  readonly nip: string;
  readonly nama?: string;
  readonly jabatan?: string;
}

export type SkpStatus = 'DRAFT' | 'DIAJUKAN' | 'DISETUJUI' | 'DITOLAK';

export interface SkpTransition {
  readonly from: SkpStatus | null;
  readonly to: SkpStatus;
  readonly by: string;
  readonly at: string;
  readonly reason?: string;
}

export interface Skp {
  readonly id: string;
  /** 1 for the first SKP of the year; a change after approval makes revision + 1. */
  readonly revision: number;
  readonly nip: string;
  readonly year: number;
  readonly opd: string;
  readonly unit?: string;
  readonly jabatan: { readonly kode?: string; readonly nama: string };
  readonly pejabatPenilai: Pejabat;
  readonly atasanPejabatPenilai?: Pejabat;
  readonly results: readonly RencanaHasilKerja[];
  readonly perilaku: Readonly<Record<BerakhlakKey, { readonly ekspektasiKhusus: string }>>;
  readonly status: SkpStatus;
  readonly rejectionReason?: string;
  readonly approvedBy?: string;
  readonly approvedAt?: string;
  readonly history: readonly SkpTransition[];
}

export type SkpContent = Pick<
  Skp,
  'opd' | 'unit' | 'jabatan' | 'pejabatPenilai' | 'atasanPejabatPenilai' | 'results' | 'perilaku'
>;

export interface SkpIssue {
  readonly path: string;
  readonly message: string;
}

export function indicatorsOf(skp: Pick<Skp, 'results'>): Indicator[] {
  return skp.results.flatMap((r) => r.indicators);
}

/** Weights are compared in basis points so 33.33 + 33.33 + 33.34 is exactly 100. */
export function weightBasisPoints(indicators: readonly Indicator[]): number {
  return indicators.reduce((sum, i) => sum + Math.round(i.weightPercent * 100), 0);
}

function targetValue(target: IndicatorTarget): number {
  return target.aspect === 'KUALITAS' ? target.percent : target.value;
}

/** What must hold before an SKP can be submitted; messages are for the pegawai (Indonesian). */
export function validateSkp(skp: Skp): SkpIssue[] {
  const issues: SkpIssue[] = [];
  if (skp.pejabatPenilai.nip === skp.nip)
    issues.push({ path: 'pejabatPenilai.nip', message: 'pejabat penilai tidak boleh pegawai itu sendiri' });
  if (!skp.results.some((r) => r.jenis === 'UTAMA'))
    issues.push({ path: 'results', message: 'SKP wajib memuat minimal satu hasil kerja utama' });
  const ids = new Set<string>();
  skp.results.forEach((result, r) => {
    if (ids.has(result.id))
      issues.push({ path: `results[${r}].id`, message: `id hasil kerja ${result.id} ganda` });
    ids.add(result.id);
    if (result.indicators.length === 0)
      issues.push({
        path: `results[${r}].indicators`,
        message: 'setiap hasil kerja wajib memiliki indikator',
      });
    result.indicators.forEach((indicator, i) => {
      const path = `results[${r}].indicators[${i}]`;
      if (ids.has(indicator.id))
        issues.push({ path: `${path}.id`, message: `id indikator ${indicator.id} ganda` });
      ids.add(indicator.id);
      if (!(indicator.weightPercent > 0))
        issues.push({ path: `${path}.weightPercent`, message: 'bobot indikator harus lebih dari 0' });
      const value = targetValue(indicator.target);
      if (!(value > 0)) issues.push({ path: `${path}.target`, message: 'target harus lebih dari 0' });
      if (indicator.target.aspect === 'KUALITAS' && value > 100)
        issues.push({ path: `${path}.target`, message: 'target kualitas paling tinggi 100%' });
    });
  });
  const total = weightBasisPoints(indicatorsOf(skp));
  if (total !== 10_000) {
    issues.push({ path: 'results', message: `jumlah bobot indikator harus 100, saat ini ${total / 100}` });
  }
  for (const key of BERAKHLAK_KEYS) {
    if (!skp.perilaku[key])
      issues.push({ path: `perilaku.${key}`, message: `ekspektasi perilaku ${key} belum diisi` });
  }
  return issues;
}

/**
 * Cascaded results (PermenPANRB 6/2022: a pegawai's hasil kerja supports one of the atasan's) must point
 * at a hasil kerja that exists in the pejabat penilai's own SKP of the year: in the revision in force or
 * in the latest one (the plan as it stands). `atasanRevisions` are every revision of that SKP, empty when
 * the atasan has none; `at` prefixes the paths (`body.` when the results came in the request).
 */
export function cascadeIssues(
  skp: Pick<Skp, 'results' | 'pejabatPenilai' | 'year'>,
  atasanRevisions: readonly Skp[],
  at = '',
): SkpIssue[] {
  const issues: SkpIssue[] = [];
  const own = atasanRevisions.filter((a) => a.nip === skp.pejabatPenilai.nip && a.year === skp.year);
  const latest = own.reduce<Skp | undefined>((l, a) => (!l || a.revision > l.revision ? a : l), undefined);
  const inForce = approvedRevision(own);
  const resultIds = new Set([...(latest?.results ?? []), ...(inForce?.results ?? [])].map((r) => r.id));
  skp.results.forEach((result, r) => {
    const from = result.cascadedFrom;
    if (!from) return;
    const path = `${at}results[${r}].cascadedFrom`;
    if (!latest) {
      issues.push({
        path: `${path}.skpId`,
        message: `pejabat penilai ${skp.pejabatPenilai.nip} belum menyusun SKP tahun ${skp.year}`,
      });
    } else if (from.skpId !== latest.id) {
      issues.push({
        path: `${path}.skpId`,
        message: `SKP pejabat penilai adalah ${latest.id}, bukan ${from.skpId}`,
      });
    } else if (!resultIds.has(from.resultId)) {
      issues.push({
        path: `${path}.resultId`,
        message: `hasil kerja ${from.resultId} tidak ada di SKP pejabat penilai (${[...resultIds].join(', ') || 'kosong'})`,
      });
    }
  });
  return issues;
}

const conflict = (code: string, message: string) => new DomainError('CONFLICT', code, message);

function transition(skp: Skp, to: SkpStatus, by: string, at: string, reason?: string): SkpTransition {
  return { from: skp.status, to, by, at, ...(reason !== undefined ? { reason } : {}) };
}

export function submitSkp(skp: Skp, by: string, at: string): Skp {
  if (skp.status !== 'DRAFT')
    throw conflict('SKP_NOT_DRAFT', `SKP berstatus ${skp.status} tidak dapat diajukan; hanya SKP DRAFT`);
  if (by !== skp.nip)
    throw new DomainError(
      'FORBIDDEN',
      'SKP_NOT_OWNER',
      'Hanya pegawai pemilik SKP yang dapat mengajukan SKP',
    );
  const issues = validateSkp(skp);
  if (issues.length > 0) throw new DomainError('INVALID', 'SKP_INVALID', 'SKP belum lengkap', [...issues]);
  return { ...skp, status: 'DIAJUKAN', history: [...skp.history, transition(skp, 'DIAJUKAN', by, at)] };
}

function assertPenilai(skp: Skp, by: string): void {
  if (by !== skp.pejabatPenilai.nip) {
    throw new DomainError(
      'FORBIDDEN',
      'SKP_NOT_PENILAI',
      'Hanya pejabat penilai yang dapat menyetujui atau menolak SKP',
    );
  }
}

export function approveSkp(skp: Skp, by: string, at: string): Skp {
  if (skp.status !== 'DIAJUKAN')
    throw conflict(
      'SKP_NOT_SUBMITTED',
      `SKP berstatus ${skp.status} belum diajukan sehingga tidak dapat disetujui`,
    );
  assertPenilai(skp, by);
  const { rejectionReason: _previous, ...rest } = skp;
  return {
    ...rest,
    status: 'DISETUJUI',
    approvedBy: by,
    approvedAt: at,
    history: [...skp.history, transition(skp, 'DISETUJUI', by, at)],
  };
}

export function rejectSkp(skp: Skp, by: string, reason: string, at: string): Skp {
  if (skp.status !== 'DIAJUKAN')
    throw conflict(
      'SKP_NOT_SUBMITTED',
      `SKP berstatus ${skp.status} belum diajukan sehingga tidak dapat ditolak`,
    );
  assertPenilai(skp, by);
  const why = reason.trim();
  if (why === '')
    throw new DomainError('INVALID', 'SKP_REJECTION_REASON_REQUIRED', 'Alasan penolakan SKP wajib diisi');
  return {
    ...skp,
    status: 'DITOLAK',
    rejectionReason: why,
    history: [...skp.history, transition(skp, 'DITOLAK', by, at, why)],
  };
}

/** Edits a DRAFT, or reopens a DITOLAK SKP as DRAFT with the changes; the rejection stays in the history. */
export function editSkp(skp: Skp, changes: Partial<SkpContent>, by: string, at: string): Skp {
  if (skp.status === 'DIAJUKAN')
    throw conflict('SKP_LOCKED_WHILE_SUBMITTED', 'SKP yang sedang diajukan tidak dapat diubah');
  if (skp.status === 'DISETUJUI')
    throw conflict(
      'SKP_APPROVED_REVISE_INSTEAD',
      'SKP yang telah disetujui hanya dapat diubah melalui revisi',
    );
  if (by !== skp.nip)
    throw new DomainError('FORBIDDEN', 'SKP_NOT_OWNER', 'Hanya pegawai pemilik SKP yang dapat mengubah SKP');
  const { rejectionReason: _previous, ...rest } = skp;
  const history = skp.status === 'DITOLAK' ? [...skp.history, transition(skp, 'DRAFT', by, at)] : skp.history;
  return { ...rest, ...changes, status: 'DRAFT', history };
}

/**
 * A change after approval: a new revision (number + 1) starting as DRAFT with the approved content. The
 * approved revision is not touched and stays in force until the new one is approved.
 */
export function reviseSkp(skp: Skp, by: string, reason: string, at: string): Skp {
  if (skp.status !== 'DISETUJUI')
    throw conflict(
      'SKP_NOT_APPROVED',
      'Revisi hanya untuk SKP yang telah disetujui; ubah SKP secara langsung',
    );
  if (by !== skp.nip && by !== skp.pejabatPenilai.nip) {
    throw new DomainError(
      'FORBIDDEN',
      'SKP_NOT_OWNER',
      'Revisi SKP hanya oleh pegawai atau pejabat penilainya',
    );
  }
  if (reason.trim() === '')
    throw new DomainError('INVALID', 'SKP_REVISION_REASON_REQUIRED', 'Alasan revisi SKP wajib diisi');
  const { approvedBy: _by, approvedAt: _at, ...content } = skp;
  return {
    ...content,
    revision: skp.revision + 1,
    status: 'DRAFT',
    history: [
      { from: null, to: 'DRAFT', by, at, reason: `revisi dari revisi ${skp.revision}: ${reason.trim()}` },
    ],
  };
}

/**
 * The revision in force for appraisal: the highest approved one, optionally only among those approved on
 * or before a date (a revision approved in June does not re-rate May).
 */
export function approvedRevision(revisions: readonly Skp[], approvedOnOrBefore?: string): Skp | undefined {
  let found: Skp | undefined;
  for (const skp of revisions) {
    if (skp.status !== 'DISETUJUI') continue;
    if (approvedOnOrBefore !== undefined && (skp.approvedAt ?? '').slice(0, 10) > approvedOnOrBefore)
      continue;
    if (!found || skp.revision > found.revision) found = skp;
  }
  return found;
}
