import { describe, expect, it } from 'vitest';
import { resolveHeader, resolveHeaders, templateHeaders } from '../../../core/employee/import-columns';
import { mapImportRow } from '../../../core/employee/import-mapping';
import { importReference } from '../../../core/employee/import-reference';
import type { SheetRow } from '../../../core/employee/import-row';
import { lookupGajiPokok } from '../../../core/pay/gaji-pokok';
import { nationalRuleset } from '../../../core/rulesets/national-data';
import { demoTenantRulesets } from '../../../core/rulesets/tenant-data';
import { exampleRow, generatedRows, type SheetRowValues } from '../../builders/employee-import';

const ref = importReference({ national: nationalRuleset, tenant: demoTenantRulesets.bantul }, '2026-11-20');
const TEMPLATE = new Set(templateHeaders());

/** A sheet row with every template column present ('' where the values leave it empty). */
function sheetRow(values: SheetRowValues, present: ReadonlySet<string> = TEMPLATE, row = 2): SheetRow {
  const cells: Record<string, string> = {};
  for (const h of present) cells[h] = values[h] ?? '';
  return { row, cells };
}

const map = (values: SheetRowValues, present?: ReadonlySet<string>) =>
  mapImportRow(sheetRow(values, present), present ?? TEMPLATE, ref);
const errors = (values: SheetRowValues) =>
  map(values)
    .issues.filter((i) => i.severity === 'ERROR')
    .map((i) => [i.field, i.message]);
const warnings = (values: SheetRowValues) =>
  map(values)
    .issues.filter((i) => i.severity === 'WARNING')
    .map((i) => i.field);

describe('import headers', () => {
  it('should read SIASN camelCase and UPPER_CASE names, spaces and case as the same column', () => {
    expect(resolveHeader('nipBaru')).toEqual({ column: 'nip' });
    expect(resolveHeader('NIP_BARU')).toEqual({ column: 'nip' });
    expect(resolveHeader(' Nama Lengkap ')).toEqual({ column: 'nama_lengkap' });
    expect(resolveHeader('golRuangAkhir')).toEqual({ column: 'golongan' });
    expect(resolveHeader('TMT_GOL_AKHIR')).toEqual({ column: 'tmt_golongan' });
    expect(resolveHeader('mkTahun')).toEqual({ column: 'mkg_tahun' });
    expect(resolveHeader('Tanggal Lahir Anak 2')).toEqual({ column: 'tanggal_lahir_anak_2' });
    expect(resolveHeader('status_tunjangan_anak_1')).toEqual({ column: 'status_tunjangan_anak_1' });
    expect(resolveHeader('agama')).toEqual({ ignored: 'dikenal, belum disimpan SIGAP' });
    expect(resolveHeader('warna_favorit')).toEqual({ ignored: 'kolom tidak dikenal' });
  });

  it('should list the required columns a sheet lacks, alternatives joined by "atau"', () => {
    const layout = resolveHeaders(['nip', 'nama', 'golongan']);
    expect(layout.missing).toEqual([
      'status_kepegawaian',
      'kedudukan_hukum atau status_aktif',
      'tmt_cpns atau tmt_pppk_awal',
      'tmt_golongan',
      'mkg_tahun',
      'jenis_jabatan',
      'nama_jabatan',
      'kelas_jabatan',
      'opd_kode',
      'sub_unit',
      'status_ptkp',
      'status_perkawinan',
    ]);
  });

  it('should read the first of two headers meaning one column and report the other as ignored', () => {
    const layout = resolveHeaders(['kedudukanPnsId', 'kedudukanPnsNama']);
    expect(layout.columnAt).toEqual(['kedudukan_hukum', undefined]);
    expect(layout.ignored[0]?.reason).toContain('"kedudukanPnsId"');
  });

  it('should find nothing missing in the template', () => {
    expect(resolveHeaders(templateHeaders()).missing).toEqual([]);
  });
});

describe('mapImportRow: the worked example of data-pegawai-import.md §7', () => {
  it('should read the example row into the master with its TMTs', () => {
    const { employee } = map(exampleRow());
    expect(employee).toMatchObject({
      nip: '199001012015011009',
      identity: {
        nama: 'Agus Prasetyo',
        nik: '3375010101900009',
        // NPWP for payroll = NIK (§3: the regional import defaults NPWP to NIK).
        npwp: '3375010101900009',
        ptkpStatus: 'TK/0',
        tmtStart: '2015-01-01',
        bankAccount: { bank: 'Bank Jateng', accountNumber: '0110308888', accountName: 'AGUS PRASETYO' },
      },
      pangkat: { value: { golongan: 'III/a', tmt: '2020-01-01' }, from: '2020-01-01' },
      masaKerja: { value: { years: 0, months: 0, tmt: '2020-01-01' } },
      jabatan: { value: { type: 'PELAKSANA', nama: 'Pelaksana Administrasi' } },
      keluarga: { statusKawin: 'BELUM_KAWIN', children: [] },
      kepegawaian: { value: { jenisAsn: 'PNS', status: 'AKTIF' }, pnsFrom: '2016-01-01' },
    });
  });

  it('should check golongan and MKG on the grid in force: III/a MKG 0 is Rp 2.785.700 (§7)', () => {
    expect(lookupGajiPokok({ golongan: 'III/a', mkgYears: 0 }, ref.gajiGrid.PNS).amount).toBe(2_785_700);
  });

  it('should warn, not fail, that MKG 0 does not fit a TMT CPNS in 2015 (§7), and that NPWP came from NIK', () => {
    expect(errors(exampleRow())).toEqual([]);
    expect(warnings(exampleRow())).toEqual(['mkg_tahun', 'npwp']);
  });
});

describe('mapImportRow: every field checked and named', () => {
  it.each<[string, SheetRowValues, string, string]>([
    [
      'a NIP with a 13th month',
      { nip: '199013012015011009' },
      'nip',
      'tanggal lahir dalam NIP (digit 1–8) tidak valid',
    ],
    [
      'a birth date other than the NIP’s',
      { tanggal_lahir: '1990-01-02' },
      'tanggal_lahir',
      'tidak sama dengan tanggal lahir dalam NIP (1990-01-01)',
    ],
    [
      'a gender other than the NIP’s',
      { jenis_kelamin: 'P' },
      'jenis_kelamin',
      'tidak sama dengan digit jenis kelamin NIP (L)',
    ],
    ['a NIK with a 16th digit missing', { nik: '337501010190000' }, 'nik', 'NIK harus 16 digit angka'],
    ['a golongan that does not exist', { golongan: 'III/f' }, 'golongan', 'tidak dapat dibaca'],
    [
      'MKG below the first step of I/b (3 years)',
      { golongan: 'I/b', mkg_tahun: '2' },
      'mkg_tahun',
      'MKG 2 tahun di bawah langkah pertama tabel gaji golongan I/b (3 tahun)',
    ],
    [
      'a kelas jabatan outside the TPP table',
      { kelas_jabatan: '18' },
      'kelas_jabatan',
      'kelas 18 tidak ada dalam tabel TPP',
    ],
    ['a struktural jabatan without eselon', { jenis_jabatan: 'struktural' }, 'eselon', 'wajib diisi'],
    [
      'a fungsional jabatan not in the tunjangan table',
      { jenis_jabatan: 'fungsional', nama_jabatan: 'Arsiparis Ahli Muda', jenjang: 'Ahli Muda' },
      'kode_jabatan',
      'tidak ditemukan dalam tabel tunjangan fungsional',
    ],
    [
      'a fungsional jenjang not in its table',
      { jenis_jabatan: 'fungsional', nama_jabatan: 'Guru Ahli Utama', jenjang: 'Ahli Utama Sekali' },
      'jenjang',
      'jenjang AHLI_UTAMA_SEKALI tidak ada dalam tabel tunjangan fungsional GURU',
    ],
    [
      'an unknown status_kepegawaian',
      { status_kepegawaian: 'honorer' },
      'status_kepegawaian',
      'tidak dikenal',
    ],
    [
      'a PPPK paruh waktu',
      { status_kepegawaian: 'pppk_paruh_waktu' },
      'status_kepegawaian',
      'PPPK paruh waktu (gaji kontrak) belum didukung SIGAP',
    ],
    ['the SIASN code 73', { kedudukan_hukum: '73' }, 'kedudukan_hukum', 'kode 73'],
    [
      'a TMT golongan before TMT CPNS',
      { tmt_golongan: '2014-12-01' },
      'tmt_golongan',
      'tidak boleh sebelum TMT awal 2015-01-01',
    ],
    ['an unreadable date', { tmt_golongan: '2020/13/01' }, 'tmt_golongan', 'tidak dapat dibaca'],
    ['a PTKP status that does not exist', { status_ptkp: 'K/4' }, 'status_ptkp', 'tidak dapat dibaca'],
    [
      'an NPWP that is not a NIK',
      { npwp: '9975010101900009' },
      'npwp',
      'NPWP 16 digit orang pribadi adalah NIK',
    ],
    [
      'a NITKU of another NPWP',
      { nitku: '3375010101900008000000' },
      'nitku',
      '16 digit pertama NITKU harus sama dengan NPWP',
    ],
    [
      'an account number of letters',
      { nomor_rekening: 'ABC' },
      'nomor_rekening',
      'nomor rekening 6–20 digit angka',
    ],
    [
      'bank data without account number',
      { nomor_rekening: '' },
      'nomor_rekening',
      'wajib diisi bila data bank diisi',
    ],
    ['a kode bank of 2 digits', { kode_bank: '12' }, 'kode_bank', 'kode bank harus 3 digit'],
    ['a spouse for status TK', { nama_pasangan: 'Siti' }, 'nama_pasangan', 'hanya untuk status_perkawinan K'],
    [
      'status K without the spouse allowance flag',
      { status_perkawinan: 'K', nama_pasangan: 'Siti Aminah' },
      'status_tunjangan_pasangan',
      'wajib diisi',
    ],
    [
      'a child without birth date',
      { nama_anak_1: 'Putri', status_anak_1: 'kandung' },
      'tanggal_lahir_anak_1',
      'wajib diisi',
    ],
    [
      'a child born in the future',
      { nama_anak_1: 'Putri', status_anak_1: 'kandung', tanggal_lahir_anak_1: '2027-01-01' },
      'tanggal_lahir_anak_1',
      'tidak boleh sesudah hari ini',
    ],
    ['an OPD code with spaces', { opd_kode: 'DINAS PENDIDIKAN' }, 'opd_kode', 'kode OPD'],
    [
      'no kedudukan at all',
      { kedudukan_hukum: '', status_aktif: '' },
      'kedudukan_hukum',
      'kedudukan_hukum atau status_aktif wajib diisi',
    ],
  ])('should refuse %s', (_label, overrides, field, message) => {
    const found = errors(exampleRow(overrides));
    expect(found.map(([f]) => f)).toContain(field);
    expect(found.find(([f]) => f === field)?.[1]).toContain(message);
    expect(map(exampleRow(overrides)).employee).toBeUndefined();
  });

  it('should read SIASN spellings of dates, golongan, kedudukan and PTKP', () => {
    const { employee, issues } = map(
      exampleRow({
        tanggal_lahir: '01-01-1990',
        golongan: 'IIIa',
        kedudukan_hukum: 'Aktif',
        status_ptkp: 'tk0',
        jenis_jabatan: 'Fungsional Umum',
      }),
    );
    expect(issues.filter((i) => i.severity === 'ERROR')).toEqual([]);
    expect(employee?.pangkat.value.golongan).toBe('III/a');
    expect(employee?.identity.ptkpStatus).toBe('TK/0');
    expect(employee?.jabatan.value.type).toBe('PELAKSANA');
  });

  it('should take a fungsional jabatan’s code from its name and its tunjangan from the table', () => {
    const { employee } = map(
      exampleRow({
        jenis_jabatan: 'fungsional',
        nama_jabatan: 'Guru Ahli Muda',
        jenjang: 'Ahli Muda',
        kelas_jabatan: '9',
      }),
    );
    expect(employee?.jabatan.value).toEqual({
      type: 'FUNGSIONAL',
      nama: 'Guru Ahli Muda',
      kode: 'GURU',
      jenjang: 'AHLI_MUDA',
      kelasJabatan: 9,
    });
  });

  it('should accept a fungsional outside the table with its SK amount', () => {
    const { employee } = map(
      exampleRow({
        jenis_jabatan: 'fungsional',
        nama_jabatan: 'Arsiparis Ahli Muda',
        jenjang: 'Ahli Muda',
        kode_jabatan: 'arsiparis',
        tunjangan_jabatan: '1.100.000',
      }),
    );
    expect(employee?.jabatan.value).toMatchObject({ kode: 'ARSIPARIS', tunjangan: 1_100_000 });
  });

  it('should read a family: spouse (ASN when nip_pasangan is filled), children with KP4 flags', () => {
    const { employee, issues } = map(
      exampleRow({
        status_perkawinan: 'K',
        status_ptkp: 'K/2',
        nama_pasangan: 'Siti Aminah',
        nip_pasangan: '199203032016032001',
        tanggal_lahir_pasangan: '1992-03-03',
        tanggal_menikah: '2018-06-01',
        status_tunjangan_pasangan: '0',
        nama_anak_1: 'Putri',
        tanggal_lahir_anak_1: '2019-05-01',
        status_anak_1: 'AK',
        jenis_kelamin_anak_1: 'P',
        status_tunjangan_anak_1: '1',
        nama_anak_2: 'Bagus',
        tanggal_lahir_anak_2: '2002-02-01',
        status_anak_2: 'AA',
        status_tunjangan_anak_2: '1',
      }),
    );
    expect(issues.filter((i) => i.severity === 'ERROR')).toEqual([]);
    expect(employee?.keluarga).toMatchObject({
      statusKawin: 'KAWIN',
      spouse: {
        nama: 'Siti Aminah',
        isAsn: true,
        nip: '199203032016032001',
        receivesAllowanceHere: false,
        birthDate: '1992-03-03',
        marriedOn: '2018-06-01',
      },
      children: [
        { nama: 'Putri', birthDate: '2019-05-01', status: 'KANDUNG', gender: 'P', inSchool: false },
        { nama: 'Bagus', birthDate: '2002-02-01', status: 'ANGKAT' },
      ],
    });
    // Bagus is 24 and not in school: the sheet says tanggungan, the age limit of 21 says no.
    const flagged = issues.find((i) => i.field === 'status_tunjangan_anak_2');
    expect(flagged?.severity).toBe('WARNING');
    expect(flagged?.message).toContain('tidak lagi berhak');
  });

  it('should keep what the sheet does not state: no bank, spouse, children or atasan columns', () => {
    const present = new Set(
      [...TEMPLATE].filter((h) => !/bank|rekening|pasangan|anak|atasan|nik|npwp|nitku/.test(h)),
    );
    const { employee, issues } = map(exampleRow({ status_perkawinan: 'K', status_ptkp: 'K/0' }), present);
    expect(issues.filter((i) => i.severity === 'ERROR')).toEqual([]);
    expect(employee?.identity.bankAccount).toBeUndefined();
    expect(employee?.identity.nik).toBeUndefined();
    expect(employee?.keluarga.spouse).toBe('KEEP');
    expect(employee?.keluarga.children).toBe('KEEP');
    expect(employee?.penempatan.atasanNip).toBeUndefined();
  });

  it('should accept every generated row (the fixtures of the integration tests and the bench)', () => {
    const rows = generatedRows(400, ['DISDIK', 'DINKES']);
    expect(new Set(rows.map((r) => r.nip)).size).toBe(400);
    for (const [i, r] of rows.entries()) {
      const m = mapImportRow(sheetRow(r, TEMPLATE, i + 2), TEMPLATE, ref);
      expect(
        m.issues.filter((x) => x.severity === 'ERROR'),
        `row ${i}`,
      ).toEqual([]);
    }
  });
});
