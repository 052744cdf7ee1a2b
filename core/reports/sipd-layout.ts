import type { LineGroup, PayLine } from '../pay/types';

/**
 * The money columns of the SIPD gaji and TPP lists of a daerah, as bank-dan-laporan.md §6 gives them
 * (VERIFIED against one real row of a West-Java region, January 2026, whose totals reproduce). Each
 * column names the engine line codes it carries (core/pay/*-steps.ts). sipd-bas.json's `gajiDaerahLines`
 * names the same money with other words; they map onto these columns: tunjangan_suami_istri +
 * tunjangan_anak = tunj_keluarga, tunjangan_umum = tunj_fungsional_umum, potongan_iwp_1 = potongan_iwp,
 * potongan_iwp_8 (Taspen 8 %) = potongan_jht (the column that export uses for it, §6).
 * A line no column claims is a readiness issue, never a dropped rupiah.
 */
export interface SipdColumn {
  readonly key: string;
  readonly side: 'PENGHASILAN' | 'POTONGAN';
  readonly codes: readonly string[];
  /** Voluntary deductions the engine has no code for yet: matched on the line's label or rule. */
  readonly pattern?: RegExp;
}

export interface SipdLayout {
  readonly list: 'GAJI' | 'TPP';
  readonly group: LineGroup;
  readonly columns: readonly SipdColumn[];
  readonly totals: readonly [kotor: string, potongan: string, bersih: string];
}

const inc = (key: string, codes: readonly string[] = []): SipdColumn => ({ key, side: 'PENGHASILAN', codes });
const ded = (key: string, codes: readonly string[] = [], pattern?: RegExp): SipdColumn => ({
  key,
  side: 'POTONGAN',
  codes,
  ...(pattern ? { pattern } : {}),
});

const deductions = (tpp: boolean): SipdColumn[] => [
  ded('potongan_iwp', [tpp ? 'POT_IWP_BPJS_1_TPP' : 'POT_IWP_BPJS_1']),
  ded('potongan_pph21', [tpp ? 'POT_PPH21_TPP' : 'POT_PPH21']),
  ded('potongan_zakat', [], /zakat/i),
  ded('potongan_bulog', [], /bulog/i),
  ded('potongan_bpjs_kes', [
    tpp ? 'POT_BPJS_KESEHATAN_TPP_PEMBERI_KERJA' : 'POT_BPJS_KESEHATAN_PEMBERI_KERJA',
  ]),
  ded('potongan_jkk', tpp ? [] : ['POT_JKK']),
  ded('potongan_jkm', tpp ? [] : ['POT_JKM']),
  ded('potongan_tapera', tpp ? [] : ['POT_TAPERA', 'POT_TAPERA_PEMBERI_KERJA']),
  ded('potongan_pensiun'),
  ded('potongan_jht', tpp ? [] : ['POT_IWP_TASPEN_8', 'POT_THT_PPPK']),
];

export const SIPD_GAJI_LAYOUT: SipdLayout = {
  list: 'GAJI',
  group: 'GAJI',
  columns: [
    inc('pokok', ['GAJI_POKOK']),
    inc('tunj_keluarga', ['TUNJ_SUAMI_ISTRI', 'TUNJ_ANAK']),
    inc('tunj_jabatan', ['TUNJ_STRUKTURAL']),
    inc('tunj_fungsional', ['TUNJ_FUNGSIONAL']),
    inc('tunj_fungsional_umum', ['TUNJ_UMUM']),
    inc('tunj_beras', ['TUNJ_BERAS']),
    inc('tunj_pph', ['TUNJ_PPH21']),
    inc('pembulatan', ['PEMBULATAN']),
    inc('tunj_khusus_papua'),
    inc('tunj_bpjs_kes', ['TUNJ_BPJS_KESEHATAN']),
    inc('tunj_jkk', ['TUNJ_JKK']),
    inc('tunj_jkm', ['TUNJ_JKM']),
    inc('tunj_tapera', ['TUNJ_TAPERA']),
    inc('tunj_pensiun'),
    inc('tunj_jht'),
    ...deductions(false),
  ],
  totals: ['jumlah_kotor', 'jumlah_potongan', 'jumlah_bersih'],
};

export const SIPD_TPP_LAYOUT: SipdLayout = {
  list: 'TPP',
  group: 'TPP',
  columns: [
    inc('beban_kerja', ['TPP_BK']),
    inc('tempat_bertugas', ['TPP_TB']),
    inc('kondisi_kerja', ['TPP_KK']),
    inc('kelangkaan_profesi', ['TPP_KP']),
    // The insentif prestasi kerja (tpp.prestasi) is paid from the same prestasi kerja account.
    inc('prestasi_kerja', ['TPP_PK', 'INSENTIF_PRESTASI']),
    inc('tunj_pph', ['TUNJ_PPH21_TPP']),
    inc('tunj_bpjs_kes', ['TUNJ_BPJS_KESEHATAN_TPP']),
    inc('tunj_jkk'),
    inc('tunj_jkm'),
    inc('tunj_tapera'),
    inc('tunj_pensiun'),
    inc('tunj_jht'),
    ...deductions(true),
  ],
  totals: ['jumlah_kotor', 'jumlah_potongan', 'jumlah_bersih'],
};

/** The column a money line of the list goes to; undefined when no column claims it. */
export function sipdColumnOf(layout: SipdLayout, line: PayLine): SipdColumn | undefined {
  const side = line.kind;
  const own = layout.columns.filter((c) => c.side === side);
  return (
    own.find((c) => c.codes.includes(line.code)) ??
    own.find((c) => c.pattern?.test(line.label) || c.pattern?.test(line.ruleId))
  );
}

/**
 * The identity columns of sipd-bas.json `tppSipdColumns.identity`, in its order, on both lists. All
 * are required except `eselon`, which only a structural jabatan has.
 */
export const SIPD_IDENTITY_COLUMNS = [
  'nama_pegawai',
  'nip_pegawai',
  'nik_pegawai',
  'tanggal_lahir_pegawai',
  'tipe_jabatan',
  'nama_jabatan',
  'eselon',
  'status_asn',
  'golongan',
  'masa_kerja_golongan',
  'alamat',
  'kode_bank',
  'nama_bank',
  'nomor_rekening_pegawai',
] as const;
export type SipdIdentityColumn = (typeof SIPD_IDENTITY_COLUMNS)[number];
