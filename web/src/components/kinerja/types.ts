/**
 * What the appraisal routes answer, as the console reads it. The routes declare their answers loosely
 * (functions/appraisal/schemas-skp.ts objectResponse), so the fields are written out here, mirroring
 * core/performance/skp.ts (Skp), progress.ts (SkpProgress) and use-cases/evaluation.ts.
 */
export type Rating = 'DI_ATAS_EKSPEKTASI' | 'SESUAI_EKSPEKTASI' | 'DI_BAWAH_EKSPEKTASI';
export const RATINGS: readonly Rating[] = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'];

export type Predikat = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'CUKUP' | 'KURANG' | 'SANGAT_KURANG';

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

export type SkpStatus = 'DRAFT' | 'DIAJUKAN' | 'DISETUJUI' | 'DITOLAK';

export type IndicatorTarget =
  | { aspect: 'KUANTITAS'; value: number; unit: string }
  | { aspect: 'KUALITAS'; percent: number }
  | { aspect: 'WAKTU'; value: number; unit: 'BULAN' | 'HARI' };

export interface Indicator {
  id: string;
  description: string;
  target: IndicatorTarget;
  direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  aggregation: 'SUM' | 'AVERAGE' | 'LAST';
  weightPercent: number;
  monthlyTarget?: number;
}

export interface RencanaHasilKerja {
  id: string;
  jenis: 'UTAMA' | 'TAMBAHAN';
  description: string;
  cascadedFrom?: { skpId: string; resultId: string };
  indicators: Indicator[];
}

export interface Pejabat {
  nip: string;
  nama?: string;
  jabatan?: string;
}

export interface SkpRevision {
  id: string;
  revision: number;
  nip: string;
  year: number;
  opd: string;
  unit?: string;
  jabatan: { kode?: string; nama: string };
  pejabatPenilai: Pejabat;
  atasanPejabatPenilai?: Pejabat;
  results: RencanaHasilKerja[];
  perilaku: Record<BerakhlakKey, { ekspektasiKhusus: string }>;
  status: SkpStatus;
  rejectionReason?: string;
  approvedBy?: string;
  approvedAt?: string;
  history: { from: SkpStatus | null; to: SkpStatus; by: string; at: string; reason?: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** GET /skp/{nip}/{year}: every revision, newest first. */
export interface SkpOfYear {
  nip: string;
  year: number;
  inForceRevision: number | null;
  revisions: SkpRevision[];
}

/** GET /skp (the pejabat penilai's list). */
export interface SkpToAssess {
  nip: string;
  year: number;
  revision: number;
  status: SkpStatus;
  opd: string;
  jabatan: string;
  version: number;
  updatedAt: string;
}

export interface IndicatorProgress {
  indicatorId: string;
  description: string;
  weightPercent: number;
  direction: Indicator['direction'];
  target: number;
  realized?: number;
  entries: number;
  achievementPercent: number;
  uncappedPercent: number;
  capped: boolean;
}

export interface PeriodProgress {
  capPercent: number;
  indicators: IndicatorProgress[];
  weightedAchievementPercent: number;
  indicatorsWithoutData: string[];
}

/** GET /skp/{nip}/{year}/progress. */
export interface SkpProgressView {
  nip: string;
  year: number;
  period: string;
  skp: { id: string; revision: number; status: SkpStatus };
  month: PeriodProgress;
  yearToDate: PeriodProgress;
}

/** GET /progress/bawahan items. */
export interface BawahanProgress {
  nip: string;
  nama: string;
  opd: string;
  jabatan: string;
  skp: { id: string; revision: number; status: SkpStatus } | null;
  monthPercent?: number;
  yearToDatePercent?: number;
  indicatorsWithoutData?: string[];
}

export interface RealizationView {
  id: string;
  indicatorId: string;
  date: string;
  value: number;
  note?: string;
  evidenceUrl?: string;
  recordedAt: string;
  recordedBy: string;
}

export interface Assessment {
  kind: 'MATRIX' | 'NUMERIC';
  evaluatorNip: string;
  assessedAt: string;
  hasilKerja?: Rating;
  perilaku?: Rating;
  perilakuDetail?: Partial<Record<BerakhlakKey, Rating>>;
  hasInnovation?: boolean;
}

/** GET /evaluations/{month}/{nip}. */
export interface EvaluationView {
  nip: string;
  month: string;
  mode: 'MATRIX' | 'NUMERIC';
  evaluation: { assessment: Assessment; feedback?: string; version: number; updatedAt: string } | null;
  peerFeedback: { enabled: boolean; asked: number; submitted: number; raters?: string[] };
}

/** GET /results/{month}/{nip}: the parts the console shows. */
export interface MonthResultView {
  nip: string;
  month: string;
  facts: {
    performance: { status: string; predikat?: Predikat };
    provisional?: boolean;
  };
  detail: { performance: { explanation?: string[]; nilai?: number } };
  computedAt: string;
}

/** GET /peer-feedback/{month}/assigned items. */
export interface PeerAsk {
  nip: string;
  month: string;
  submitted: boolean;
  nama?: string;
  jabatan?: string;
}
