import type { SanctionLevel } from './sanctions';

/**
 * PP 94/2021 tentang Disiplin PNS, Pasal 9–11: the hukuman disiplin that absence without a valid reason
 * (TK) calls for, by cumulative days in a year, and PDH after 10 consecutive working days. VERIFIED
 * [S-PP94]. The engine only warns; HR issues the SK, which comes back as a HukumanDisiplinRecord.
 */
export interface AbsenceThreshold {
  readonly code: string;
  readonly minDays: number;
  /** Inclusive; null for the open last band. */
  readonly maxDays: number | null;
  readonly level: SanctionLevel;
  readonly sanction: string;
  readonly article: string;
}

export const PP94_CUMULATIVE_THRESHOLDS: readonly AbsenceThreshold[] = [
  {
    code: 'TEGURAN_LISAN',
    minDays: 3,
    maxDays: 3,
    level: 'RINGAN',
    sanction: 'teguran lisan',
    article: 'Pasal 9',
  },
  {
    code: 'TEGURAN_TERTULIS',
    minDays: 4,
    maxDays: 6,
    level: 'RINGAN',
    sanction: 'teguran tertulis',
    article: 'Pasal 9',
  },
  {
    code: 'PERNYATAAN_TIDAK_PUAS',
    minDays: 7,
    maxDays: 10,
    level: 'RINGAN',
    sanction: 'pernyataan tidak puas secara tertulis',
    article: 'Pasal 9',
  },
  {
    code: 'POTONGAN_TUNJANGAN_25_6_BULAN',
    minDays: 11,
    maxDays: 13,
    level: 'SEDANG',
    sanction: 'pemotongan tunjangan kinerja 25% selama 6 bulan',
    article: 'Pasal 10',
  },
  {
    code: 'POTONGAN_TUNJANGAN_25_9_BULAN',
    minDays: 14,
    maxDays: 16,
    level: 'SEDANG',
    sanction: 'pemotongan tunjangan kinerja 25% selama 9 bulan',
    article: 'Pasal 10',
  },
  {
    code: 'POTONGAN_TUNJANGAN_25_12_BULAN',
    minDays: 17,
    maxDays: 20,
    level: 'SEDANG',
    sanction: 'pemotongan tunjangan kinerja 25% selama 12 bulan',
    article: 'Pasal 10',
  },
  {
    code: 'PENURUNAN_JABATAN',
    minDays: 21,
    maxDays: 24,
    level: 'BERAT',
    sanction: 'penurunan jabatan setingkat lebih rendah selama 12 bulan',
    article: 'Pasal 11',
  },
  {
    code: 'PEMBEBASAN_JABATAN',
    minDays: 25,
    maxDays: 27,
    level: 'BERAT',
    sanction: 'pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan',
    article: 'Pasal 11',
  },
  {
    code: 'PEMBERHENTIAN_DENGAN_HORMAT',
    minDays: 28,
    maxDays: null,
    level: 'BERAT',
    sanction: 'pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS',
    article: 'Pasal 11',
  },
];

export const PP94_CONSECUTIVE_DAYS = 10;

export interface AbsenceWarning {
  readonly code: string;
  readonly level: SanctionLevel;
  readonly basis: 'KUMULATIF_TAHUNAN' | 'BERTURUT_TURUT';
  readonly days: number;
  readonly message: string;
}

/**
 * Warnings for the TK days of the current year: the band the cumulative count is in (bands replace each
 * other, so at most one) and, separately, PDH when 10 or more consecutive working days were missed.
 */
export function absenceWarnings(
  cumulativeTkDaysThisYear: number,
  consecutiveTkDays: number,
): AbsenceWarning[] {
  const warnings: AbsenceWarning[] = [];
  const band = PP94_CUMULATIVE_THRESHOLDS.find(
    (t) =>
      cumulativeTkDaysThisYear >= t.minDays && (t.maxDays === null || cumulativeTkDaysThisYear <= t.maxDays),
  );
  if (band) {
    warnings.push({
      code: band.code,
      level: band.level,
      basis: 'KUMULATIF_TAHUNAN',
      days: cumulativeTkDaysThisYear,
      message:
        `${cumulativeTkDaysThisYear} hari tidak masuk kerja tanpa alasan yang sah dalam tahun berjalan: ` +
        `hukuman disiplin ${band.level.toLowerCase()} berupa ${band.sanction} (PP 94/2021 ${band.article}).`,
    });
  }
  if (consecutiveTkDays >= PP94_CONSECUTIVE_DAYS) {
    warnings.push({
      code: 'PDH_10_HARI_BERTURUT_TURUT',
      level: 'BERAT',
      basis: 'BERTURUT_TURUT',
      days: consecutiveTkDays,
      message:
        `${consecutiveTkDays} hari kerja berturut-turut tidak masuk tanpa alasan yang sah: pemberhentian dengan ` +
        'hormat tidak atas permintaan sendiri; gaji dihentikan mulai bulan berikutnya (PP 94/2021 Pasal 11).',
    });
  }
  return warnings;
}
