/**
 * The columns of the employee import sheet (data-pegawai-import.md §5), with the aliases the files come
 * with: SIASN exports name the same content in camelCase (API) or UPPER_CASE (CSV, DB dump) (§2), regional
 * templates in snake_case or with spaces. A header is matched case-, space- and punctuation-insensitively,
 * so `nama_lengkap`, `Nama Lengkap`, `NAMA_LENGKAP` and `namaLengkap` are one column.
 */
/** Rows per file: a 10,000-row file is checked in about a second and committed within the request. */
export const MAX_IMPORT_ROWS = 10_000;
/** Lambda takes at most 6 MB per request; a file this size is ≈ 5.3 MB as base64 in the JSON body. */
export const MAX_IMPORT_FILE_BYTES = 4 * 1024 * 1024;

export type ColumnGroup = 'identitas' | 'status' | 'pangkat' | 'jabatan' | 'pajak' | 'keluarga' | 'bank';

export interface ColumnSpec {
  /** Canonical name (the template's header). */
  readonly key: string;
  readonly aliases: readonly string[];
  readonly group: ColumnGroup;
  /** What to write, for the template's instruction sheet (Indonesian). */
  readonly help: string;
  /** Digits kept as text (NIP, NIK, rekening): a number cell may have lost digits or leading zeros. */
  readonly identifier?: true;
}

/** Children columns come numbered: nama_anak_1, tanggal_lahir_anak_1, … up to this many children. */
export const MAX_CHILDREN = 10;
/** How many children the template shows; more are added by numbering further columns. */
export const TEMPLATE_CHILDREN = 3;

export const CHILD_FIELDS = [
  { field: 'nama_anak', help: 'nama anak ke-i' },
  { field: 'nik_anak', help: 'NIK anak ke-i (16 digit)', identifier: true },
  { field: 'tanggal_lahir_anak', help: 'tanggal lahir anak ke-i (YYYY-MM-DD)' },
  { field: 'jenis_kelamin_anak', help: 'L atau P' },
  { field: 'status_anak', help: 'kandung, tiri atau angkat' },
  { field: 'status_tunjangan_anak', help: '1 bila tercantum sebagai tanggungan di KP4, 0 bila tidak' },
  { field: 'status_kawin_anak', help: '1 bila sudah menikah, 0 bila belum' },
  { field: 'status_bekerja_anak', help: '1 bila sudah bekerja/berpenghasilan, 0 bila belum' },
  { field: 'status_sekolah_anak', help: '1 bila masih sekolah/kuliah, 0 bila tidak' },
] as const;
export type ChildField = (typeof CHILD_FIELDS)[number]['field'];

const c = (
  key: string,
  group: ColumnGroup,
  help: string,
  aliases: readonly string[] = [],
  identifier = false,
): ColumnSpec => ({ key, group, help, aliases, ...(identifier ? { identifier: true as const } : {}) });

/** Every column SIGAP reads, in template order. */
export const IMPORT_COLUMNS: readonly ColumnSpec[] = [
  c('nip', 'identitas', 'NIP 18 digit, ditulis sebagai teks', ['nipBaru', 'nip_baru'], true),
  c('nik', 'identitas', 'NIK 16 digit (dipakai daftar SIPD dan bukti potong PPh)', [], true),
  c('nama_lengkap', 'identitas', 'nama tanpa gelar', ['nama', 'nama_pegawai']),
  c('gelar_depan', 'identitas', 'mis. dr., Ir.', ['gelarDepan']),
  c('gelar_belakang', 'identitas', 'mis. S.Pd., M.Si.', ['gelarBelakang']),
  c('jenis_kelamin', 'identitas', 'L atau P; dicocokkan dengan digit 15 NIP', ['jenisKelamin', 'gender']),
  c('tanggal_lahir', 'identitas', 'YYYY-MM-DD (atau DD-MM-YYYY); dicocokkan dengan NIP', [
    'tglLahir',
    'tgl_lahir',
  ]),
  c('status_kepegawaian', 'status', 'pns, cpns atau pppk', ['statusPegawai', 'status_pegawai', 'jenis_asn']),
  c(
    'kedudukan_hukum',
    'status',
    'kode SIASN (01 aktif, 02 CLTN, 03 tugas belajar, 04 pemberhentian sementara, 15 hukuman disiplin, 17 non-aktif, 71/101 PPPK aktif) atau namanya',
    ['kedudukanPnsNama', 'kedudukanPnsId', 'kedudukan_pns', 'kedudukan'],
  ),
  c('status_aktif', 'status', '1 aktif, 0 tidak aktif (dipakai bila kedudukan_hukum kosong)', ['aktif']),
  c('tmt_kedudukan', 'status', 'TMT perubahan kedudukan hukum (SK), bila berubah', ['tmt_status']),
  c('tmt_cpns', 'status', 'TMT CPNS (PNS/CPNS): awal masa kerja', ['tmtCpns']),
  c('tmt_pns', 'status', 'TMT PNS (PNS)', ['tmtPns']),
  c('tmt_pppk_awal', 'status', 'TMT awal perjanjian kerja (PPPK)', ['tmt_pppk', 'tmtPppk']),
  c('tmt_pppk_akhir', 'status', 'akhir perjanjian kerja (PPPK)', ['tmtPppkAkhir']),
  c('golongan', 'pangkat', 'golongan/ruang PNS (III/b) atau golongan PPPK (IX)', [
    'golRuangAkhir',
    'gol_ruang_akhir',
    'golongan_ruang',
    'gol_akhir',
  ]),
  c('tmt_golongan', 'pangkat', 'TMT pangkat/golongan terakhir', [
    'tmtGolAkhir',
    'tmt_gol_akhir',
    'tmt_pangkat',
  ]),
  c('mkg_tahun', 'pangkat', 'masa kerja golongan (tahun) menurut SK terakhir', [
    'mkTahun',
    'mk_tahun',
    'masa_kerja_tahun',
  ]),
  c('mkg_bulan', 'pangkat', 'masa kerja golongan (bulan, 0–11)', ['mkBulan', 'mk_bulan', 'masa_kerja_bulan']),
  c('tmt_kgb_terakhir', 'pangkat', 'TMT kenaikan gaji berkala terakhir (MKG berlaku sejak tanggal ini)', [
    'tmt_kgb',
  ]),
  c('jenis_jabatan', 'jabatan', 'struktural, fungsional atau pelaksana', [
    'jenisJabatan',
    'jenisJabatanNama',
  ]),
  c('nama_jabatan', 'jabatan', 'nama jabatan', ['jabatanNama', 'jabatan_nama', 'jabatan']),
  c('kode_jabatan', 'jabatan', 'fungsional: kode tabel tunjangan (mis. GURU); kosong = dari nama jabatan', [
    'kode_jabatan_fungsional',
  ]),
  c('jenjang', 'jabatan', 'fungsional: jenjang (mis. Ahli Pertama, Terampil)', ['jenjangJabatan']),
  c('eselon', 'jabatan', 'struktural: eselon (mis. III.a)', ['eselonNama']),
  c('kelas_jabatan', 'jabatan', 'kelas jabatan 1–17 (TPP)', ['kelasJabatan', 'kelas']),
  c('tunjangan_jabatan', 'jabatan', 'fungsional: tunjangan menurut SK bila tidak ada di tabel (rupiah)', []),
  c('tmt_jabatan', 'jabatan', 'TMT jabatan', ['tmtJabatan']),
  c('opd_kode', 'jabatan', 'kode OPD (SKPD) yang dipakai SIGAP dan SIPD', [
    'kode_opd',
    'opd',
    'kode_skpd',
    'skpd',
  ]),
  c('sub_unit', 'jabatan', 'unit kerja di dalam OPD', ['unit', 'unit_kerja', 'unorNama', 'unor_nama']),
  c(
    'nip_atasan',
    'jabatan',
    'NIP atasan langsung (kosong = tanpa atasan)',
    ['atasan_nip', 'nipAtasan'],
    true,
  ),
  c('tmt_penempatan', 'jabatan', 'TMT pindah OPD/unit (kosong = TMT jabatan)', ['tmt_mutasi']),
  c('status_ptkp', 'pajak', 'TK/0 … K/3', ['ptkp', 'statusPtkp']),
  c(
    'npwp',
    'pajak',
    'NPWP 16 digit (NIK) atau 15 digit lama; kosong = NIK',
    ['noNpwp', 'no_npwp', 'nomor_npwp'],
    true,
  ),
  c('nitku', 'pajak', 'NITKU pegawai (NPWP + 6 digit), bila ada', ['id_tku'], true),
  c('status_perkawinan', 'keluarga', 'TK (belum kawin), K (kawin), CH (cerai hidup), CM (cerai mati)', [
    'statusPerkawinan',
    'status_kawin',
  ]),
  c('nama_pasangan', 'keluarga', 'nama suami/istri (status K)', ['namaPasangan']),
  c('nik_pasangan', 'keluarga', 'NIK suami/istri', [], true),
  c('nip_pasangan', 'keluarga', 'NIP suami/istri bila ASN', [], true),
  c('tanggal_lahir_pasangan', 'keluarga', 'YYYY-MM-DD', []),
  c('tanggal_menikah', 'keluarga', 'YYYY-MM-DD', ['tgl_menikah']),
  c('status_tunjangan_pasangan', 'keluarga', '1 tunjangan suami/istri dibayar di sini, 0 tidak', []),
  c('tmt_keluarga', 'keluarga', 'tanggal KP4/SK perubahan keluarga, bila berubah', ['tanggal_kp4']),
  c('nama_bank', 'bank', 'nama bank', ['bank']),
  c('kode_bank', 'bank', 'sandi bank 3 digit', ['kodeBank', 'sandi_bank'], true),
  c(
    'nomor_rekening',
    'bank',
    'nomor rekening sebagai teks (titik/spasi dibuang)',
    ['no_rekening', 'rekening'],
    true,
  ),
  c('nama_pada_rekening', 'bank', 'nama pemilik rekening', ['nama_rekening', 'atas_nama']),
];

/**
 * Columns of the domain layout (and of SIASN exports) that SIGAP accepts but does not keep yet: they are
 * reported as ignored, not as unknown.
 */
export const KNOWN_NOT_STORED = [
  'tempat_lahir',
  'agama',
  'alamat',
  'no_hp',
  'email',
  'gaji_kontrak',
  'penyetaraan_jabatan',
  'unor_id',
  'pekerjaan_pasangan',
  'no_bpjs',
  'no_taspen',
  'no_karpeg',
  'zakat_opt_in',
  'iuran_korpri_kelas',
  'PNS_ID',
  'nipLama',
  'gajiPokok',
] as const;

/** Columns every sheet must have; each inner list is satisfied by any one of its columns. */
export const REQUIRED_COLUMNS: readonly (readonly string[])[] = [
  ['nip'],
  ['nama_lengkap'],
  ['status_kepegawaian'],
  ['kedudukan_hukum', 'status_aktif'],
  ['tmt_cpns', 'tmt_pppk_awal'],
  ['golongan'],
  ['tmt_golongan'],
  ['mkg_tahun'],
  ['jenis_jabatan'],
  ['nama_jabatan'],
  ['kelas_jabatan'],
  ['opd_kode'],
  ['sub_unit'],
  ['status_ptkp'],
  ['status_perkawinan'],
];

export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const CHILD_PATTERN = new RegExp(
  `^(${CHILD_FIELDS.map((f) => normalizeHeader(f.field)).join('|')})(\\d{1,2})$`,
);
const CHILD_FIELD_BY_NORMALIZED = new Map(CHILD_FIELDS.map((f) => [normalizeHeader(f.field), f.field]));

const BY_NORMALIZED = new Map<string, ColumnSpec>();
for (const spec of IMPORT_COLUMNS) {
  for (const name of [spec.key, ...spec.aliases]) BY_NORMALIZED.set(normalizeHeader(name), spec);
}
const NOT_STORED = new Set(KNOWN_NOT_STORED.map(normalizeHeader));

export const IDENTIFIER_COLUMNS: ReadonlySet<string> = new Set([
  ...IMPORT_COLUMNS.filter((s) => s.identifier).map((s) => s.key),
  ...Array.from({ length: MAX_CHILDREN }, (_, i) => `nik_anak_${i + 1}`),
]);

/** What a header means: a canonical column, or why it is ignored. */
export type HeaderMeaning = { column: string } | { ignored: string };

export function resolveHeader(header: string): HeaderMeaning {
  const n = normalizeHeader(header);
  if (n === '') return { ignored: 'kolom tanpa judul' };
  const spec = BY_NORMALIZED.get(n);
  if (spec) return { column: spec.key };
  const child = CHILD_PATTERN.exec(n);
  if (child) {
    const index = Number(child[2]);
    if (index >= 1 && index <= MAX_CHILDREN) {
      return { column: `${CHILD_FIELD_BY_NORMALIZED.get(child[1] ?? '')}_${index}` };
    }
    return { ignored: `paling banyak ${MAX_CHILDREN} anak` };
  }
  if (NOT_STORED.has(n)) return { ignored: 'dikenal, belum disimpan SIGAP' };
  return { ignored: 'kolom tidak dikenal' };
}

export interface HeaderLayout {
  /** For each column index of the sheet, the canonical column it fills (undefined = ignored). */
  readonly columnAt: readonly (string | undefined)[];
  /** The canonical columns present. */
  readonly present: ReadonlySet<string>;
  readonly ignored: readonly { header: string; reason: string }[];
  /** Required columns (or alternatives, joined by " atau ") the sheet lacks. */
  readonly missing: readonly string[];
}

/**
 * Maps a header row. Two headers meaning the same column (SIASN exports carry both `kedudukanPnsId` and
 * `kedudukanPnsNama`) are not an error: the first one is read and the other is reported as ignored.
 */
export function resolveHeaders(headers: readonly string[]): HeaderLayout {
  const columnAt: (string | undefined)[] = [];
  const present = new Set<string>();
  const ignored: { header: string; reason: string }[] = [];
  const firstHeader = new Map<string, string>();
  for (const header of headers) {
    const meaning = resolveHeader(header);
    if ('ignored' in meaning) {
      columnAt.push(undefined);
      if (header.trim() !== '') ignored.push({ header, reason: meaning.ignored });
      continue;
    }
    if (present.has(meaning.column)) {
      columnAt.push(undefined);
      ignored.push({
        header,
        reason: `sama artinya dengan kolom "${firstHeader.get(meaning.column)}" (${meaning.column}) yang dibaca`,
      });
      continue;
    }
    present.add(meaning.column);
    firstHeader.set(meaning.column, header);
    columnAt.push(meaning.column);
  }
  const missing = REQUIRED_COLUMNS.filter((alternatives) => !alternatives.some((k) => present.has(k))).map(
    (alternatives) => alternatives.join(' atau '),
  );
  return { columnAt, present, ignored, missing };
}

/** The template's headers: every column SIGAP reads, with TEMPLATE_CHILDREN numbered children. */
export function templateHeaders(): string[] {
  const out: string[] = [];
  for (const spec of IMPORT_COLUMNS) {
    out.push(spec.key);
    if (spec.key === 'tmt_keluarga') {
      for (let i = 1; i <= TEMPLATE_CHILDREN; i++) for (const f of CHILD_FIELDS) out.push(`${f.field}_${i}`);
    }
  }
  return out;
}

/**
 * The template's example row: the worked example of data-pegawai-import.md §7 (NIP, NIK, L, III/a from
 * 2020-01-01, MKG 0, pelaksana "Pelaksana Administrasi", TK/0, no family, Bank Jateng "01.103.08888").
 * The name, unit, kelas and OPD are not in the example and are illustrative. Its MKG 0 against a 2015
 * TMT CPNS is the inconsistency §7 says an import should warn about, so a dry run of the template shows
 * what a warning looks like.
 */
export const TEMPLATE_EXAMPLE: Readonly<Record<string, string>> = {
  nip: '199001012015011009',
  nik: '3375010101900009',
  nama_lengkap: 'Agus Prasetyo',
  jenis_kelamin: 'L',
  tanggal_lahir: '1990-01-01',
  status_kepegawaian: 'pns',
  kedudukan_hukum: '01',
  status_aktif: '1',
  tmt_cpns: '2015-01-01',
  tmt_pns: '2016-01-01',
  golongan: 'III/a',
  tmt_golongan: '2020-01-01',
  mkg_tahun: '0',
  mkg_bulan: '0',
  jenis_jabatan: 'pelaksana',
  nama_jabatan: 'Pelaksana Administrasi',
  kelas_jabatan: '6',
  tmt_jabatan: '2020-01-01',
  opd_kode: 'DISDIK',
  sub_unit: 'Sekretariat',
  status_ptkp: 'TK/0',
  status_perkawinan: 'TK',
  nama_bank: 'Bank Jateng',
  nomor_rekening: '01.103.08888',
  nama_pada_rekening: 'AGUS PRASETYO',
};
