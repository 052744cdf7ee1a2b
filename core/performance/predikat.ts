import type { Predikat } from '../pay/types';

/**
 * The two ways a predikat kinerja is reached.
 *
 * 1. PermenPANRB 6/2022 (current): the pejabat penilai rates hasil kerja and perilaku kerja each as
 *    di atas / sesuai / di bawah ekspektasi, and the predikat is read from a fixed 3×3 matrix.
 *    VERIFIED [S-SKP-MATRIX].
 * 2. PP 30/2019 (older, still used by some TPP rules): a nilai 0–120 mapped by ranges, inclusive at each
 *    minimum. VERIFIED [S-PP30]; the innovation condition for Sangat Baik is UNVERIFIED, hence a flag.
 *
 * The rank between Baik and Kurang is Butuh Perbaikan in PermenPANRB 6/2022 and Cukup in PP 30/2019;
 * which word a tenant's TPP table uses is its vocabulary setting.
 */
export const RATINGS = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  DI_ATAS_EKSPEKTASI: 'di atas ekspektasi',
  SESUAI_EKSPEKTASI: 'sesuai ekspektasi',
  DI_BAWAH_EKSPEKTASI: 'di bawah ekspektasi',
};

export type Vocabulary = 'BUTUH_PERBAIKAN' | 'CUKUP';

export const PREDIKAT_LABELS: Readonly<Record<Predikat, string>> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  CUKUP: 'Cukup',
  KURANG: 'Kurang/Misconduct',
  SANGAT_KURANG: 'Sangat Kurang',
};

/** Best first; CUKUP and BUTUH_PERBAIKAN share a rank. */
export const PREDIKAT_RANK: Readonly<Record<Predikat, number>> = {
  SANGAT_BAIK: 0,
  BAIK: 1,
  BUTUH_PERBAIKAN: 2,
  CUKUP: 2,
  KURANG: 3,
  SANGAT_KURANG: 4,
};

/** matrix[hasil kerja][perilaku kerja] — PermenPANRB 6/2022 [S-SKP-MATRIX]. */
export const PREDIKAT_MATRIX: Readonly<Record<Rating, Readonly<Record<Rating, Predikat>>>> = {
  DI_ATAS_EKSPEKTASI: {
    DI_ATAS_EKSPEKTASI: 'SANGAT_BAIK',
    SESUAI_EKSPEKTASI: 'BAIK',
    DI_BAWAH_EKSPEKTASI: 'KURANG',
  },
  SESUAI_EKSPEKTASI: {
    DI_ATAS_EKSPEKTASI: 'BAIK',
    SESUAI_EKSPEKTASI: 'BAIK',
    DI_BAWAH_EKSPEKTASI: 'KURANG',
  },
  DI_BAWAH_EKSPEKTASI: {
    DI_ATAS_EKSPEKTASI: 'BUTUH_PERBAIKAN',
    SESUAI_EKSPEKTASI: 'BUTUH_PERBAIKAN',
    DI_BAWAH_EKSPEKTASI: 'SANGAT_KURANG',
  },
};

/** Renames the middle rank to the tenant's vocabulary; every other predikat is the same in both. */
export function inVocabulary(predikat: Predikat, vocabulary: Vocabulary): Predikat {
  if (predikat === 'BUTUH_PERBAIKAN' || predikat === 'CUKUP') return vocabulary;
  return predikat;
}

export function predikatFromMatrix(
  hasilKerja: Rating,
  perilakuKerja: Rating,
  vocabulary: Vocabulary = 'BUTUH_PERBAIKAN',
): Predikat {
  return inVocabulary(PREDIKAT_MATRIX[hasilKerja][perilakuKerja], vocabulary);
}

export interface NumericScaleOptions {
  readonly vocabulary: Vocabulary;
  /** PP 30/2019: Sangat Baik also needs an innovation; without it the nilai yields Baik. */
  readonly sangatBaikRequiresInnovation: boolean;
  readonly hasInnovation?: boolean;
}

/** PP 30/2019 ranges: first row whose minimum ≤ nilai. */
export const PP30_RANGES: readonly { readonly min: number; readonly predikat: Predikat }[] = [
  { min: 110, predikat: 'SANGAT_BAIK' },
  { min: 90, predikat: 'BAIK' },
  { min: 70, predikat: 'CUKUP' },
  { min: 50, predikat: 'KURANG' },
  { min: Number.NEGATIVE_INFINITY, predikat: 'SANGAT_KURANG' },
];

export function predikatFromNilai(nilai: number, options: NumericScaleOptions): Predikat {
  if (!Number.isFinite(nilai)) throw new RangeError(`nilai SKP harus berupa angka, diterima ${nilai}`);
  const row = PP30_RANGES.find((r) => nilai >= r.min) as (typeof PP30_RANGES)[number];
  if (row.predikat === 'SANGAT_BAIK' && options.sangatBaikRequiresInnovation && !options.hasInnovation)
    return 'BAIK';
  return inVocabulary(row.predikat, options.vocabulary);
}

/** Butuh Perbaikan/Cukup or worse: the ranks that call for pembinaan. */
export function isBelowExpectation(predikat: Predikat): boolean {
  return PREDIKAT_RANK[predikat] >= PREDIKAT_RANK.BUTUH_PERBAIKAN;
}
