import type { SanctionEntry } from '../pay/types';
import { addMonths, isYearMonth } from './calendar-date';

/**
 * Hukuman disiplin per PP 94/2021 Pasal 8: the SK names the jenis, its level and, for the sanctions that
 * run over time (pemotongan tunjangan kinerja, penurunan/pembebasan jabatan), the first month and the
 * duration. The engine only reads SK records; it never decides a sanction.
 */
export const SANCTION_LEVELS = ['RINGAN', 'SEDANG', 'BERAT'] as const;
export type SanctionLevel = (typeof SANCTION_LEVELS)[number];

export const SANCTION_JENIS = {
  TEGURAN_LISAN: 'RINGAN',
  TEGURAN_TERTULIS: 'RINGAN',
  PERNYATAAN_TIDAK_PUAS: 'RINGAN',
  POTONGAN_TUNJANGAN_25_6_BULAN: 'SEDANG',
  POTONGAN_TUNJANGAN_25_9_BULAN: 'SEDANG',
  POTONGAN_TUNJANGAN_25_12_BULAN: 'SEDANG',
  PENURUNAN_JABATAN: 'BERAT',
  PEMBEBASAN_JABATAN: 'BERAT',
  PEMBERHENTIAN_DENGAN_HORMAT: 'BERAT',
} as const satisfies Record<string, SanctionLevel>;
export type SanctionJenis = keyof typeof SANCTION_JENIS;

export interface HukumanDisiplinRecord {
  readonly nip: string;
  readonly skNumber: string;
  readonly skDate?: string;
  readonly level: SanctionLevel;
  readonly jenis: SanctionJenis;
  /** 'YYYY-MM': the first month the sanction runs. */
  readonly startMonth: string;
  /** Whole months; null while it runs until further notice. */
  readonly durationMonths: number | null;
  /** Cut stated in the SK; absent means the tenant's default for the level. */
  readonly cutPercent?: number;
  /** 'YYYY-MM' from which a decision on appeal (upaya administratif) annulled it. */
  readonly cancelledFrom?: string;
}

/** Reasons (Indonesian) why a record cannot be used as entered; empty when it is consistent. */
export function sanctionIssues(record: HukumanDisiplinRecord): string[] {
  const issues: string[] = [];
  if (record.skNumber.trim() === '') issues.push('nomor SK wajib diisi');
  if (SANCTION_JENIS[record.jenis] !== record.level) {
    issues.push(
      `jenis ${record.jenis} adalah hukuman disiplin ${SANCTION_JENIS[record.jenis]}, bukan ${record.level}`,
    );
  }
  if (!isYearMonth(record.startMonth)) issues.push('bulan mulai harus berformat YYYY-MM');
  if (
    record.durationMonths !== null &&
    (!Number.isInteger(record.durationMonths) || record.durationMonths < 1)
  ) {
    issues.push('lama hukuman harus bilangan bulat bulan ≥ 1');
  }
  if (record.cutPercent !== undefined && (record.cutPercent < 0 || record.cutPercent > 100)) {
    issues.push('persentase potongan harus 0–100');
  }
  return issues;
}

export function isActiveIn(record: HukumanDisiplinRecord, month: string): boolean {
  if (month < record.startMonth) return false;
  if (record.cancelledFrom !== undefined && month >= record.cancelledFrom) return false;
  if (record.durationMonths === null) return true;
  return month < addMonths(record.startMonth, record.durationMonths);
}

/** Sanctions whose period covers the month (start inclusive, start + duration exclusive). */
export function activeSanctions(
  records: readonly HukumanDisiplinRecord[],
  month: string,
): HukumanDisiplinRecord[] {
  return records.filter((record) => isActiveIn(record, month));
}

export function toSanctionEntry(record: HukumanDisiplinRecord): SanctionEntry {
  return {
    level: record.level,
    skNumber: record.skNumber,
    ...(record.cutPercent !== undefined ? { cutPercent: record.cutPercent } : {}),
  };
}
