import type { LineGroup, PayLine } from '../../../core/pay/types';

/**
 * The one place that says which pay line goes into which money column of a list. Columns follow
 * shared/domain/sipd-bas.json: `gajiDaerahLines` for the gaji list, `tppSipdColumns` for the TPP list;
 * `key` is the SIPD column name, `header` what a spreadsheet shows. Line codes are the pay engine's
 * (core/pay/*-steps.ts). A line whose code no column claims goes into the side's lain-lain column, so
 * no rupiah is ever dropped: Σ income columns = penghasilan and Σ deduction columns = potongan.
 */

export type ColumnSide = 'PENGHASILAN' | 'POTONGAN';

export interface MoneyColumn {
  readonly key: string;
  readonly header: string;
  readonly side: ColumnSide;
  /** Engine line codes booked in this column. */
  readonly codes: readonly string[];
  /** For lines the engine has no code for yet (voluntary deductions): matched on label or ruleId. */
  readonly pattern?: RegExp;
  /** Spreadsheets show the column only when a line of the list lands in it; CSV files always do. */
  readonly optional?: true;
  /** The side's catch-all: lines no other column claims. */
  readonly other?: true;
  /** A TPP criterion (BK, TB, …): its sum is the TPP bruto. */
  readonly criterion?: string;
}

export interface ListLayout {
  readonly group: LineGroup;
  readonly columns: readonly MoneyColumn[];
}

const income = (key: string, header: string, codes: readonly string[], extra: Partial<MoneyColumn> = {}) =>
  ({ key, header, side: 'PENGHASILAN', codes, ...extra }) as MoneyColumn;
const deduction = (key: string, header: string, codes: readonly string[], extra: Partial<MoneyColumn> = {}) =>
  ({ key, header, side: 'POTONGAN', codes, ...extra }) as MoneyColumn;
const optional = { optional: true } as const;

/** Daftar gaji (gaji induk) of a daerah: sipd-bas.json gajiDaerahLines. */
export const GAJI_LAYOUT: ListLayout = {
  group: 'GAJI',
  columns: [
    income('gaji_pokok', 'Gaji Pokok', ['GAJI_POKOK']),
    income('tunjangan_suami_istri', 'Tunj. Suami/Istri', ['TUNJ_SUAMI_ISTRI']),
    income('tunjangan_anak', 'Tunj. Anak', ['TUNJ_ANAK']),
    income('tunjangan_jabatan', 'Tunj. Jabatan (Struktural)', ['TUNJ_STRUKTURAL']),
    income('tunjangan_fungsional', 'Tunj. Fungsional', ['TUNJ_FUNGSIONAL']),
    income('tunjangan_umum', 'Tunj. Umum', ['TUNJ_UMUM']),
    income('tunjangan_beras', 'Tunj. Beras', ['TUNJ_BERAS']),
    income('tunjangan_pph', 'Tunj. PPh', ['TUNJ_PPH21']),
    income('tunjangan_bpjs', 'Tunj. BPJS 4%', ['TUNJ_BPJS_KESEHATAN']),
    income('tunjangan_jkk', 'Tunj. JKK', ['TUNJ_JKK']),
    income('tunjangan_jkm', 'Tunj. JKM', ['TUNJ_JKM']),
    income('tunjangan_tapera', 'Tunj. Tapera', ['TUNJ_TAPERA'], optional),
    income('pembulatan', 'Pembulatan', ['PEMBULATAN']),
    income('penghasilan_lain', 'Penghasilan Lain-lain', [], { other: true }),
    deduction('potongan_iwp_1', 'IWP 1% (BPJS)', ['POT_IWP_BPJS_1']),
    deduction('potongan_iwp_8', 'IWP 8% (Taspen)', ['POT_IWP_TASPEN_8']),
    deduction('potongan_tht_pppk', 'Iuran THT PPPK', ['POT_THT_PPPK'], optional),
    deduction('potongan_bpjs', 'BPJS 4%', ['POT_BPJS_KESEHATAN_PEMBERI_KERJA']),
    deduction('potongan_jkk', 'JKK', ['POT_JKK']),
    deduction('potongan_jkm', 'JKM', ['POT_JKM']),
    deduction('potongan_pph', 'PPh 21', ['POT_PPH21']),
    deduction('potongan_tapera', 'Tapera', ['POT_TAPERA', 'POT_TAPERA_PEMBERI_KERJA']),
    // In-list potongan lain (core/deductions): the SIPD gaji list's zakat and Bulog columns.
    deduction('zakat', 'Zakat', [], { optional: true, pattern: /zakat/i }),
    deduction('bulog', 'Bulog', [], { optional: true, pattern: /bulog/i }),
    deduction('potongan_lain', 'Potongan Lain-lain', [], { other: true }),
  ],
};

const criterion = (code: string, key: string, header: string, extra: Partial<MoneyColumn> = {}) =>
  income(key, header, [`TPP_${code}`], { criterion: code, ...extra });

/**
 * The TPP list: sipd-bas.json tppSipdColumns (employer items on both sides). The deduction twins of
 * the employer items are prefixed `potongan_` so every CSV column name is unique. TPP_POL (pertimbangan
 * objektif lainnya, BAS 5.1.01.03) has no SIPD TPP column: it gets its own.
 */
export const TPP_LAYOUT: ListLayout = {
  group: 'TPP',
  columns: [
    criterion('BK', 'tpp_beban_kerja', 'TPP Beban Kerja'),
    criterion('TB', 'tpp_tempat_bertugas', 'TPP Tempat Bertugas', optional),
    criterion('KK', 'tpp_kondisi_kerja', 'TPP Kondisi Kerja', optional),
    criterion('KP', 'tpp_kelangkaan_profesi', 'TPP Kelangkaan Profesi', optional),
    criterion('PK', 'tpp_prestasi_kerja', 'TPP Prestasi Kerja', optional),
    criterion('POL', 'tpp_pertimbangan_objektif_lainnya', 'TPP Pertimbangan Objektif Lainnya', optional),
    income('tunjangan_pph', 'Tunj. PPh', ['TUNJ_PPH21_TPP'], optional),
    income('iuran_pemberi_kerja', 'Tunj. BPJS 4%', ['TUNJ_BPJS_KESEHATAN_TPP']),
    income('iuran_jaminan_kecelakaan_kerja', 'Tunj. JKK', [], optional),
    income('iuran_jaminan_kematian', 'Tunj. JKM', [], optional),
    income('iuran_simpanan_tapera', 'Tunj. Tapera', [], optional),
    income('iuran_pensiun', 'Tunj. Iuran Pensiun', [], optional),
    income('tunjangan_jaminan_hari_tua', 'Tunj. Jaminan Hari Tua', [], optional),
    income('penghasilan_lain', 'Penghasilan Lain-lain', [], { other: true }),
    deduction('potongan_iuran_pemberi_kerja', 'BPJS 4%', ['POT_BPJS_KESEHATAN_TPP_PEMBERI_KERJA']),
    deduction('potongan_iuran_jaminan_kecelakaan_kerja', 'JKK', [], optional),
    deduction('potongan_iuran_jaminan_kematian', 'JKM', [], optional),
    deduction('potongan_iuran_simpanan_tapera', 'Tapera', [], optional),
    deduction('potongan_iuran_pensiun', 'Iuran Pensiun', [], optional),
    deduction('potongan_tunjangan_jaminan_hari_tua', 'Jaminan Hari Tua', [], optional),
    deduction('potongan_iwp', 'IWP 1% (BPJS)', ['POT_IWP_BPJS_1_TPP']),
    deduction('potongan_pph_21', 'PPh 21', ['POT_PPH21_TPP']),
    deduction('zakat', 'Zakat', [], { optional: true, pattern: /zakat/i }),
    deduction('bulog', 'Bulog', [], { optional: true, pattern: /bulog/i }),
    deduction('potongan_lain', 'Potongan Lain-lain', [], { other: true }),
  ],
};

function sideOf(line: PayLine): ColumnSide | undefined {
  return line.kind === 'PENGHASILAN' || line.kind === 'POTONGAN' ? line.kind : undefined;
}

/**
 * The column a line is booked in, or undefined for lines that are not money of the list (another group,
 * INFORMASI, or employer premiums kept off the slip). `known` is false when the lain-lain column took it.
 */
export function columnOf(
  layout: ListLayout,
  line: PayLine,
): { column: MoneyColumn; known: boolean } | undefined {
  const side = sideOf(line);
  if (!side || line.group !== layout.group) return undefined;
  const sideColumns = layout.columns.filter((c) => c.side === side);
  const byCode = sideColumns.find((c) => c.codes.includes(line.code));
  if (byCode) return { column: byCode, known: true };
  const byPattern = sideColumns.find((c) => c.pattern?.test(line.label) || c.pattern?.test(line.ruleId));
  if (byPattern) return { column: byPattern, known: true };
  const other = sideColumns.find((c) => c.other);
  if (!other) throw new Error(`layout ${layout.group} has no lain-lain column for ${side}`);
  return { column: other, known: false };
}
