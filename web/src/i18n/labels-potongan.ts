import { formatRupiah } from '../format';

/**
 * Potongan lain (issue #15): the deductions for third parties on the slip (in the SIPD list and after
 * it, from the transfer), and the register page "Potongan" (entries per employee, creditor import).
 */
export const POTONGAN_SLIP_LABELS = {
  potonganLain: 'Potongan lain',
  potonganLainNote:
    'Dipotong dari transfer setelah daftar gaji (SIPD) dan disetor bendahara kepada kreditur; tidak mengubah jumlah bersih daftar.',
  totalPotonganLain: 'Jumlah potongan lain',
  diterima: 'Diterima',
  diterimaNote: 'Jumlah bersih dikurangi potongan lain: yang ditransfer ke rekening Anda.',
  creditor: (name: string) => `Kepada ${name}`,
  instalment: (no: number, tenor: number) => `angsuran ke-${no} dari ${tenor}`,
  accountRef: (ref: string) => `nomor rekening/pinjaman ${ref}`,
  reference: (kind: string, number: string) => `${REFERENCE_KIND_LABELS[kind] ?? kind} ${number}`,
  arrearIn: (amount: number) => `termasuk tunggakan bulan lalu ${formatRupiah(amount)}`,
  arrearCarried: (amount: number) => `kurang dipotong ${formatRupiah(amount)}, dibawa ke bulan berikutnya`,
  fromList: { GAJI: 'dari gaji', TPP: 'dari TPP', GAJI_TPP: 'dari gaji dan TPP' } as Record<string, string>,
} as const;

export const REFERENCE_KIND_LABELS: Record<string, string> = {
  SURAT_KUASA_POTONG_GAJI: 'Surat kuasa potong gaji',
  SIP_RUMAH_DINAS: 'SIP rumah dinas',
  PERBUP: 'Perbup',
  PERNYATAAN: 'Surat pernyataan',
  LAINNYA: 'Dokumen',
};

/** The register page "Potongan lain": entries per employee, filters, the entry form, the creditor import. */
export const POTONGAN_LABELS = {
  nav: 'Potongan lain',
  title: 'Potongan lain',
  intro:
    'Potongan untuk pihak ketiga per pegawai (koperasi, bank, zakat, Korpri, Dharma Wanita, rumah dinas …) dengan dasar surat kuasa atau keputusan. Setiap perubahan dicatat di jejak audit dan berlaku pada proses gaji berikutnya.',
  tabList: 'Daftar potongan',
  tabImport: 'Impor dari kreditur',
  opd: 'OPD',
  allOpds: 'Semua OPD',
  type: 'Jenis potongan (kreditur)',
  allTypes: 'Semua jenis',
  add: 'Tambah potongan',
  noun: 'potongan',
  caption: (filter: string) => `Potongan lain${filter ? ` — ${filter}` : ''}`,
  empty: 'Belum ada potongan lain tercatat. Tambahkan satu per pegawai atau impor daftar dari kreditur.',
  noTypes:
    'Belum ada jenis potongan (kreditur) untuk pemda ini. BKPSDM menetapkan jenis potongan dan kreditur lebih dahulu.',
  columns: {
    pegawai: 'Pegawai',
    opd: 'OPD',
    type: 'Jenis',
    amount: 'Besaran',
    period: 'Periode',
    reference: 'Dasar',
    status: 'Status',
    actions: 'Tindakan',
  },
  status: { AKTIF: 'Aktif', NONAKTIF: 'Berakhir' } as Record<string, string>,
  kinds: { FIXED: 'Jumlah tetap', PERCENT: 'Persentase', INSTALMENT: 'Angsuran' } as Record<string, string>,
  bases: {
    GAPOK: 'gaji pokok',
    GAJI_KOTOR: 'gaji kotor',
    GAJI_BERSIH: 'gaji bersih',
    TPP_BRUTO: 'TPP bruto',
    TPP_BERSIH: 'TPP bersih',
    GAJI_PLUS_TPP: 'gaji + TPP',
  } as Record<string, string>,
  layers: { IN_LIST: 'dalam daftar SIPD', POST_LIST: 'setelah daftar (dari transfer)' } as Record<
    string,
    string
  >,
  amountOf: {
    fixed: (rp: string) => `${rp} per bulan`,
    percent: (p: string, base: string) => `${p} dari ${base}`,
    instalment: (total: string, tenor: number, monthly: string) =>
      `${monthly}/bulan × ${tenor} (total ${total})`,
  },
  period: (from: string, to?: string) => (to ? `${from} – ${to}` : `sejak ${from}`),
  edit: 'Ubah',
  editOf: (type: string, nama: string) => `Ubah ${type} ${nama}`,
  end: 'Akhiri',
  endOf: (type: string, nama: string) => `Akhiri ${type} ${nama}`,
  form: {
    titleNew: 'Tambah potongan lain',
    titleEdit: (type: string, nama: string) => `Ubah ${type} — ${nama}`,
    titleEnd: (type: string, nama: string) => `Akhiri ${type} — ${nama}`,
    nip: 'NIP pegawai',
    typeCode: 'Jenis potongan (kreditur)',
    kind: 'Bentuk potongan',
    amount: 'Jumlah per bulan',
    percent: 'Persentase',
    base: 'Dasar persentase',
    baseDefault: 'Bawaan jenis potongan',
    total: 'Jumlah pinjaman/angsuran total',
    tenor: 'Lama angsuran (bulan)',
    startMonth: 'Bulan mulai',
    endMonth: 'Bulan akhir (opsional)',
    endMonthInstalment: 'Bulan akhir dihitung dari bulan mulai dan lama angsuran.',
    referenceKind: 'Jenis dasar',
    referenceNumber: 'Nomor dasar',
    referenceDate: 'Tanggal dasar (opsional)',
    accountRef: 'Nomor rekening/pinjaman di kreditur (opsional)',
    note: 'Catatan (opsional)',
    stopReason: 'Alasan diakhiri',
    endMonthStop: 'Bulan terakhir dipotong',
    save: 'Simpan',
    saveEnd: 'Akhiri potongan',
    saved: 'Potongan disimpan',
    ended: 'Potongan diakhiri',
    nipRequired: 'NIP harus 18 digit angka',
  },
  import: {
    intro:
      'Impor daftar potongan dari kreditur (mis. koperasi) untuk satu jenis potongan: periksa dahulu (tidak ada yang disimpan), lalu simpan baris yang benar.',
    stepType: 'Pilih kreditur',
    stepUpload: 'Unggah',
    stepPreview: 'Pratinjau',
    stepImport: 'Simpan',
    dropHint: 'Berkas Excel (.xlsx) atau CSV dari kreditur, paling besar 4 MB.',
    chosen: (name: string) => `Berkas dipilih: ${name}`,
    check: 'Periksa berkas',
    commit: (n: string) => `Simpan ${n} baris yang benar`,
    previewTitle: 'Pratinjau (belum disimpan)',
    resultTitle: 'Hasil impor',
    counts: (ok: string, bad: string) => `${ok} baris benar, ${bad} baris bermasalah`,
    caption: 'Baris berkas dan hasil pemeriksaannya',
    row: 'Baris',
    nip: 'NIP',
    status: 'Hasil',
    action: 'Tindakan',
    issues: 'Masalah',
    statusOk: 'Benar',
    statusError: 'Bermasalah',
    actions: { CREATE: 'Tambah', UPDATE: 'Ubah', UNCHANGED: 'Tidak berubah' } as Record<string, string>,
    template: 'Unduh templat (CSV)',
    templateHint:
      'Kolom wajib: NIP, BULAN_MULAI (YYYY-MM), NOMOR_REFERENSI (surat kuasa potong gaji). Bentuk: JUMLAH per bulan, PERSEN, atau TOTAL dan TENOR untuk angsuran; JENIS (TETAP, PERSEN, ANGSURAN) boleh kosong.',
    downloadIssues: 'Unduh daftar masalah',
    refused: 'Berkas ditolak',
  },
} as const;
