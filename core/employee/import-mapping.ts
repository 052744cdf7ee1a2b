import { PayDataError } from '../pay/errors';
import { lookupGajiPokok } from '../pay/gaji-pokok';
import type {
  BankAccount,
  Child,
  EmployeeIdentity,
  JabatanWithKelas,
  JenisAsn,
  Spouse,
  Timelines,
} from './employee';
import {
  checkAccountNumber,
  checkBankCode,
  checkNik,
  checkNitku,
  checkNpwp,
  digitsOnly,
  nikMismatches,
} from './identity-numbers';
import { MAX_CHILDREN } from './import-columns';
import type { ImportReference } from './import-reference';
import { type RowIssue, RowReader, type SheetRow } from './import-row';
import {
  ageOn,
  type JabatanType,
  monthsBetween,
  parseDate,
  parseEselon,
  parseFlag,
  parseGender,
  parseGolongan,
  parseJenisAsn,
  parseJenisJabatan,
  parseKedudukan,
  parsePtkp,
  parseStatusAnak,
  parseStatusKawin,
  parseWhole,
  upperSnake,
} from './import-values';
import { checkNip } from './nip';

/**
 * One import row read into the employee master's shape (data-pegawai-import.md §5) and checked against
 * the rules in force. Pure: the stored employee, the OPD registry and the caller's scope are looked at
 * later (import-plan.ts), so a row is checked the same way whether its employee is new or not.
 *
 * Values the sheet does not state are `undefined` ("keep what is stored"): a sheet without bank columns
 * does not erase accounts. `null` clears a value (an empty `gelar_depan` or `nip_atasan` cell).
 */
export interface ImportedEmployee {
  row: number;
  nip: string;
  identity: {
    nama: string;
    gelarDepan?: string | null;
    gelarBelakang?: string | null;
    nik?: string;
    npwp?: string;
    nitku?: string | null;
    ptkpStatus: EmployeeIdentity['ptkpStatus'];
    bankAccount?: BankAccount;
    tmtStart: string;
    tmtEnd?: string | null;
  };
  pangkat: { value: Timelines['pangkat']; from: string };
  masaKerja: { value: Timelines['masaKerja']; from: string };
  jabatan: { value: JabatanWithKelas; from?: string };
  penempatan: { opd: string; unit: string; atasanNip?: string | null; from?: string };
  keluarga: {
    statusKawin: Timelines['keluarga']['statusKawin'];
    spouse: Spouse | undefined | 'KEEP';
    children: Child[] | 'KEEP';
    from?: string;
  };
  kepegawaian: {
    value: Timelines['kepegawaian'];
    /** TMT PNS: from when a CPNS became PNS. */
    pnsFrom?: string;
    /** TMT of the kedudukan (status) change. */
    statusFrom?: string;
  };
}

export interface MappedRow {
  employee?: ImportedEmployee;
  issues: RowIssue[];
}

const DATE_HINT = 'tanggal YYYY-MM-DD atau DD-MM-YYYY';
const FLAG_HINT = '1 atau 0';
/** MKG (an SK value) may differ from the service since TMT CPNS by ijazah adjustments; beyond this, warn. */
const MKG_TOLERANCE_YEARS = 2;

export function mapImportRow(
  sheetRow: SheetRow,
  present: ReadonlySet<string>,
  ref: ImportReference,
): MappedRow {
  const r = new RowReader(sheetRow, present);
  const nip = readNip(r);
  const nama = r.required('nama_lengkap');
  if (nama !== undefined && (nama.length < 2 || nama.length > 120))
    r.error('nama_lengkap', 'panjang 2–120 karakter');

  const jenisParse =
    r.required('status_kepegawaian') === undefined ? undefined : parseJenisAsn(r.text('status_kepegawaian'));
  let jenis: JenisAsn | undefined;
  if (jenisParse && 'jenis' in jenisParse) jenis = jenisParse.jenis;
  else if (jenisParse) r.error('status_kepegawaian', jenisParse.unsupported);
  else if (r.text('status_kepegawaian') !== '') {
    r.error('status_kepegawaian', `"${r.text('status_kepegawaian')}" tidak dikenal: pns, cpns atau pppk`);
  }

  const birth = readBirth(r, nip, jenis, ref);
  const status = readKedudukan(r);
  const tmt = readTmt(r, nip, jenis);
  const pangkat = jenis && tmt ? readPangkat(r, jenis, tmt.start, ref) : undefined;
  const jabatan = readJabatan(r, ref, tmt?.start);
  const penempatan = readPenempatan(r, nip, tmt?.start);
  const tax = readTax(r, birth);
  const keluarga = readKeluarga(r, ref);
  const bankAccount = readBank(r, nama);

  if (r.hasErrors || !nip || !nama || !jenis || !status || !tmt || !pangkat || !jabatan || !penempatan) {
    return { issues: r.issues };
  }
  if (!tax.ptkpStatus || !keluarga) return { issues: r.issues };
  const optionalText = (column: string) => (r.has(column) ? r.text(column) || null : undefined);
  const employee: ImportedEmployee = {
    row: sheetRow.row,
    nip,
    identity: {
      nama,
      ptkpStatus: tax.ptkpStatus,
      tmtStart: tmt.start,
      ...(r.has('gelar_depan') ? { gelarDepan: optionalText('gelar_depan') } : {}),
      ...(r.has('gelar_belakang') ? { gelarBelakang: optionalText('gelar_belakang') } : {}),
      ...(tax.nik ? { nik: tax.nik } : {}),
      ...(tax.npwp ? { npwp: tax.npwp } : {}),
      ...(tax.nitku !== undefined ? { nitku: tax.nitku } : {}),
      ...(bankAccount ? { bankAccount } : {}),
      ...(tmt.end !== undefined ? { tmtEnd: tmt.end } : {}),
    },
    pangkat: pangkat.pangkat,
    masaKerja: pangkat.masaKerja,
    jabatan,
    penempatan,
    keluarga,
    kepegawaian: {
      value: { jenisAsn: jenis, status: status.status },
      ...(tmt.pns ? { pnsFrom: tmt.pns } : {}),
      ...(status.from ? { statusFrom: status.from } : {}),
    },
  };
  return { employee, issues: r.issues };
}

function readNip(r: RowReader): string | undefined {
  if (r.required('nip') === undefined) return undefined;
  const check = checkNip(r.nip);
  if (!check.ok) {
    r.error('nip', check.reason);
    return undefined;
  }
  return r.nip;
}

function readBirth(r: RowReader, nip: string | undefined, jenis: JenisAsn | undefined, ref: ImportReference) {
  const date = r.optional('tanggal_lahir', parseDate, DATE_HINT);
  const gender = r.optional('jenis_kelamin', parseGender, 'L atau P');
  if (date && date >= ref.today) r.error('tanggal_lahir', 'tanggal lahir harus sebelum hari ini');
  const parts = nip ? checkNip(nip) : undefined;
  if (parts?.ok) {
    // PPPK numbers have 18 digits but their own layout (UNVERIFIED): a mismatch there only warns.
    const report = jenis === 'PPPK' ? r.warn.bind(r) : r.error.bind(r);
    if (date && date !== parts.parts.birthDate) {
      report(
        'tanggal_lahir',
        `${date} tidak sama dengan tanggal lahir dalam NIP (${parts.parts.birthDate}); periksa NIP atau tanggal lahir`,
      );
    }
    if (gender && gender !== parts.parts.gender) {
      report('jenis_kelamin', `${gender} tidak sama dengan digit jenis kelamin NIP (${parts.parts.gender})`);
    }
  }
  return {
    date: date ?? (parts?.ok ? parts.parts.birthDate : undefined),
    gender: gender ?? (parts?.ok ? parts.parts.gender : undefined),
  };
}

function readKedudukan(r: RowReader) {
  const statusFrom = r.optional('tmt_kedudukan', parseDate, DATE_HINT);
  const from = statusFrom ? { from: statusFrom } : {};
  const text = r.text('kedudukan_hukum');
  if (text !== '') {
    const k = parseKedudukan(text);
    if (!k) {
      r.error(
        'kedudukan_hukum',
        `"${text}" tidak dikenal: kode SIASN (01, 02, 03, 04, 15, 17, 71, 101) atau nama kedudukan`,
      );
      return undefined;
    }
    if ('unsupported' in k) {
      r.error('kedudukan_hukum', k.unsupported);
      return undefined;
    }
    if (k.note) r.warn('kedudukan_hukum', k.note);
    const aktif = r.text('status_aktif') === '' ? undefined : parseFlag(r.text('status_aktif'));
    if (aktif !== undefined && aktif !== (k.status !== 'BERHENTI')) {
      r.warn('status_aktif', `bertentangan dengan kedudukan_hukum "${text}"; yang dipakai kedudukan_hukum`);
    }
    return { status: k.status, ...from };
  }
  if (r.text('status_aktif') !== '') {
    const aktif = r.optional('status_aktif', parseFlag, FLAG_HINT);
    return aktif === undefined
      ? undefined
      : { status: aktif ? ('AKTIF' as const) : ('BERHENTI' as const), ...from };
  }
  r.error('kedudukan_hukum', 'kedudukan_hukum atau status_aktif wajib diisi');
  return undefined;
}

interface Tmt {
  start: string;
  /** undefined = keep, null = clear (PPPK contract end). */
  end: string | null | undefined;
  pns?: string;
}

function readTmt(r: RowReader, nip: string | undefined, jenis: JenisAsn | undefined): Tmt | undefined {
  if (!jenis) return undefined;
  if (jenis === 'PPPK') {
    const start = r.parsed('tmt_pppk_awal', parseDate, DATE_HINT);
    const endText = r.text('tmt_pppk_akhir');
    const end = r.optional('tmt_pppk_akhir', parseDate, DATE_HINT);
    if (start && end && end < start) r.error('tmt_pppk_akhir', 'tidak boleh sebelum tmt_pppk_awal');
    if (!start) return undefined;
    return { start, end: r.has('tmt_pppk_akhir') ? (endText === '' ? null : end) : undefined };
  }
  const start = r.parsed('tmt_cpns', parseDate, DATE_HINT);
  const pns = r.optional('tmt_pns', parseDate, DATE_HINT);
  if (start && pns && pns < start) r.error('tmt_pns', 'tidak boleh sebelum tmt_cpns');
  if (jenis === 'CPNS' && pns) r.warn('tmt_pns', 'CPNS dengan tmt_pns terisi: periksa status_kepegawaian');
  const parts = nip ? checkNip(nip) : undefined;
  if (start && parts?.ok && start.slice(0, 7) !== parts.parts.tmtMonth) {
    r.warn('tmt_cpns', `${start} berbeda dengan TMT dalam NIP (${parts.parts.tmtMonth})`);
  }
  if (!start) return undefined;
  return { start, ...(jenis === 'PNS' && pns ? { pns } : {}), end: undefined };
}

function readPangkat(r: RowReader, jenis: JenisAsn, tmtStart: string, ref: ImportReference) {
  const golongan = r.parsed(
    'golongan',
    (t) => parseGolongan(t, jenis),
    jenis === 'PPPK' ? 'golongan PPPK I sampai XVII' : 'golongan/ruang PNS I/a sampai IV/e',
  );
  const tmtGolongan = r.parsed('tmt_golongan', parseDate, DATE_HINT);
  const years = r.parsed('mkg_tahun', parseWhole, 'bilangan bulat tahun');
  const monthsText = r.text('mkg_bulan');
  const months = monthsText === '' ? 0 : r.optional('mkg_bulan', parseWhole, 'bilangan bulat 0–11');
  const kgb = r.optional('tmt_kgb_terakhir', parseDate, DATE_HINT);
  if (years !== undefined && years > 45) r.error('mkg_tahun', 'paling banyak 45 tahun');
  if (months !== undefined && months > 11) r.error('mkg_bulan', 'harus 0–11');
  if (tmtGolongan && tmtGolongan < tmtStart)
    r.error('tmt_golongan', `tidak boleh sebelum TMT awal ${tmtStart}`);
  if (kgb && kgb < tmtStart) r.error('tmt_kgb_terakhir', `tidak boleh sebelum TMT awal ${tmtStart}`);
  if (!golongan || !tmtGolongan || years === undefined || months === undefined || years > 45 || months > 11) {
    return undefined;
  }
  try {
    lookupGajiPokok({ golongan, mkgYears: years }, jenis === 'PPPK' ? ref.gajiGrid.PPPK : ref.gajiGrid.PNS);
  } catch (err) {
    if (!(err instanceof PayDataError)) throw err;
    const first = (jenis === 'PPPK' ? ref.gajiGrid.PPPK : ref.gajiGrid.PNS).get(golongan)?.mkg[0];
    r.error(
      'mkg_tahun',
      `MKG ${years} tahun di bawah langkah pertama tabel gaji golongan ${golongan} (${first} tahun)`,
    );
    return undefined;
  }
  const mkTmt = kgb && kgb > tmtGolongan ? kgb : tmtGolongan;
  if (jenis !== 'PPPK') {
    const served = Math.floor(monthsBetween(tmtStart, mkTmt) / 12);
    if (Math.abs(served - years) > MKG_TOLERANCE_YEARS) {
      r.warn(
        'mkg_tahun',
        `MKG ${years} tahun per ${mkTmt}, sedangkan sejak TMT CPNS ${tmtStart} sudah ${served} tahun; periksa SK (penyesuaian ijazah boleh berbeda)`,
      );
    }
  }
  return {
    pangkat: { value: { golongan, tmt: tmtGolongan }, from: tmtGolongan },
    masaKerja: { value: { years, months, tmt: mkTmt }, from: mkTmt },
  };
}

function readJabatan(r: RowReader, ref: ImportReference, tmtStart: string | undefined) {
  const type: JabatanType | undefined = r.parsed(
    'jenis_jabatan',
    parseJenisJabatan,
    'struktural, fungsional atau pelaksana',
  );
  const nama = r.required('nama_jabatan');
  const kelas = r.parsed('kelas_jabatan', parseWhole, 'bilangan bulat 1–17');
  const from = r.optional('tmt_jabatan', parseDate, DATE_HINT);
  if (nama !== undefined && (nama.length < 2 || nama.length > 120))
    r.error('nama_jabatan', 'panjang 2–120 karakter');
  if (kelas !== undefined && !ref.kelasJabatan.has(kelas)) {
    r.error(
      'kelas_jabatan',
      `kelas ${kelas} tidak ada dalam tabel TPP tenant (${[...ref.kelasJabatan].sort((a, b) => a - b).join(', ')})`,
    );
  }
  if (from && tmtStart && from < tmtStart) r.error('tmt_jabatan', `tidak boleh sebelum TMT awal ${tmtStart}`);
  if (!type || !nama || kelas === undefined || !ref.kelasJabatan.has(kelas)) return undefined;
  const at = from ? { from } : {};
  if (type === 'PELAKSANA') return { value: { type, nama, kelasJabatan: kelas }, ...at };
  if (type === 'STRUKTURAL') {
    const eselon = r.parsed('eselon', parseEselon, 'eselon I.a sampai V.a');
    if (!eselon) return undefined;
    if (!ref.eselonWithTunjangan.has(eselon)) {
      r.error('eselon', `eselon ${eselon} tidak ada dalam tabel tunjangan struktural`);
      return undefined;
    }
    return { value: { type, nama, eselon, kelasJabatan: kelas }, ...at };
  }
  const jenjang = r.parsed('jenjang', (t) => upperSnake(t) || undefined, 'jenjang jabatan fungsional');
  const tunjangan = r.optional('tunjangan_jabatan', parseWhole, 'rupiah bulat');
  const kode = fungsionalKode(r, nama, ref);
  if (!jenjang || !kode) return undefined;
  if (tunjangan === undefined && ref.fungsional.get(kode)?.[jenjang] === undefined) {
    const known = Object.keys(ref.fungsional.get(kode) ?? {}).join(', ');
    r.error(
      'jenjang',
      known
        ? `jenjang ${jenjang} tidak ada dalam tabel tunjangan fungsional ${kode} (${known}); isi tunjangan_jabatan menurut SK`
        : `jabatan fungsional ${kode} tidak ada dalam tabel tunjangan; isi tunjangan_jabatan menurut SK`,
    );
    return undefined;
  }
  return {
    value: {
      type,
      nama,
      kode,
      jenjang,
      ...(tunjangan !== undefined ? { tunjangan } : {}),
      kelasJabatan: kelas,
    },
    ...at,
  };
}

/** The code of a jabatan fungsional: kode_jabatan, or the table code its name starts with ("Guru Ahli Muda" → GURU). */
function fungsionalKode(r: RowReader, nama: string, ref: ImportReference): string | undefined {
  const explicit = r.text('kode_jabatan');
  if (explicit !== '') {
    const kode = upperSnake(explicit);
    if (!/^[A-Z0-9_]{2,40}$/.test(kode)) {
      r.error('kode_jabatan', 'kode jabatan fungsional: 2–40 huruf, angka atau _');
      return undefined;
    }
    return kode;
  }
  const name = upperSnake(nama);
  let best: string | undefined;
  for (const code of ref.fungsional.keys()) {
    if ((name === code || name.startsWith(`${code}_`)) && code.length > (best?.length ?? 0)) best = code;
  }
  if (best) return best;
  if (r.text('tunjangan_jabatan') !== '') return name.slice(0, 40) || undefined;
  r.error(
    'kode_jabatan',
    `jabatan fungsional "${nama}" tidak ditemukan dalam tabel tunjangan fungsional (${[...ref.fungsional.keys()].join(', ')}); isi kode_jabatan dan tunjangan_jabatan menurut SK`,
  );
  return undefined;
}

function readPenempatan(r: RowReader, nip: string | undefined, tmtStart: string | undefined) {
  const before = r.issues.length;
  const opdText = r.required('opd_kode');
  const unit = r.required('sub_unit');
  const opd = opdText?.toUpperCase();
  if (opd !== undefined && !/^[A-Z0-9][A-Z0-9._-]{1,30}$/.test(opd)) {
    r.error('opd_kode', 'kode OPD: 2–31 huruf besar, angka, . _ -');
  }
  if (unit !== undefined && (unit.length < 2 || unit.length > 120))
    r.error('sub_unit', 'panjang 2–120 karakter');
  let atasanNip: string | null | undefined;
  if (r.has('nip_atasan')) {
    atasanNip = digitsOnly(r.text('nip_atasan')) || null;
    const check = atasanNip ? checkNip(atasanNip) : undefined;
    if (check && !check.ok) r.error('nip_atasan', check.reason);
    if (atasanNip && atasanNip === nip) r.error('nip_atasan', 'atasan tidak boleh diri sendiri');
  }
  // tmt_jabatan was read (and reported) by readJabatan; a mutation without its own TMT takes it.
  const own = r.optional('tmt_penempatan', parseDate, DATE_HINT);
  const from = own ?? parseDate(r.text('tmt_jabatan'));
  if (own && tmtStart && own < tmtStart)
    r.error('tmt_penempatan', `tidak boleh sebelum TMT awal ${tmtStart}`);
  if (!opd || !unit || r.issues.slice(before).some((i) => i.severity === 'ERROR')) return undefined;
  return { opd, unit, ...(atasanNip !== undefined ? { atasanNip } : {}), ...(from ? { from } : {}) };
}

function readTax(r: RowReader, birth: { date?: string | undefined; gender?: 'L' | 'P' | undefined }) {
  const ptkpStatus = r.parsed('status_ptkp', parsePtkp, 'TK/0 … TK/3 atau K/0 … K/3');
  const nik = digitsOnly(r.text('nik'));
  let validNik: string | undefined;
  if (nik !== '') {
    const check = checkNik(nik);
    if (!check.ok) r.error('nik', check.reason);
    else {
      validNik = nik;
      // Dukcapil and BKN records do differ in practice; the NIP is checked on its own.
      if (birth.date) for (const m of nikMismatches(check.parts, birth.date, birth.gender)) r.warn('nik', m);
    }
  } else if (r.has('nik')) {
    r.warn('nik', 'NIK kosong: daftar SIPD dan bukti potong PPh 21 membutuhkan NIK');
  }
  let npwp = digitsOnly(r.text('npwp'));
  if (npwp !== '') {
    const check = checkNpwp(npwp);
    if (!check.ok) r.error('npwp', check.reason);
    else if (validNik && npwp.length === 16 && !npwp.startsWith('0') && npwp !== validNik) {
      r.warn('npwp', `NPWP ${npwp} berbeda dengan NIK ${validNik}; sejak 2024 NPWP orang pribadi adalah NIK`);
    }
  } else if (validNik) {
    npwp = validNik;
    r.warn('npwp', 'NPWP kosong: NIK dipakai sebagai NPWP (PMK 112/2022)');
  } else if (nik === '') {
    r.warn('npwp', 'tanpa NIK dan NPWP: PPh 21 dipotong dengan tarif lebih tinggi (tanpa NPWP)');
  }
  let nitku: string | null | undefined;
  if (r.has('nitku')) {
    nitku = digitsOnly(r.text('nitku')) || null;
    const check = nitku ? checkNitku(nitku, npwp || undefined) : undefined;
    if (check && !check.ok) r.error('nitku', check.reason);
  }
  return { ptkpStatus, nik: validNik, npwp: npwp || undefined, nitku };
}

function readKeluarga(r: RowReader, ref: ImportReference) {
  const statusKawin = r.parsed('status_perkawinan', parseStatusKawin, 'TK, K, CH atau CM');
  const from = r.optional('tmt_keluarga', parseDate, DATE_HINT);
  const spouse = readSpouse(r, statusKawin, ref);
  const children = readChildren(r, ref);
  if (!statusKawin || spouse === null || children === null) return undefined;
  return { statusKawin, spouse, children, ...(from ? { from } : {}) };
}

/** undefined = no spouse, 'KEEP' = the sheet has no spouse columns, null = errors reported. */
function readSpouse(
  r: RowReader,
  statusKawin: string | undefined,
  ref: ImportReference,
): Spouse | undefined | 'KEEP' | null {
  const named = r.text('nama_pasangan');
  if (statusKawin !== 'KAWIN') {
    if (named !== '') r.error('nama_pasangan', 'data pasangan hanya untuk status_perkawinan K');
    return named !== '' ? null : undefined;
  }
  if (!r.has('nama_pasangan')) return 'KEEP';
  const nama = r.required('nama_pasangan');
  const allowance = r.parsed('status_tunjangan_pasangan', parseFlag, FLAG_HINT);
  const nip = digitsOnly(r.text('nip_pasangan'));
  const nipCheck = nip ? checkNip(nip) : undefined;
  if (nipCheck && !nipCheck.ok) r.error('nip_pasangan', nipCheck.reason);
  const nik = digitsOnly(r.text('nik_pasangan'));
  const nikCheck = nik ? checkNik(nik) : undefined;
  if (nikCheck && !nikCheck.ok) r.error('nik_pasangan', nikCheck.reason);
  const birthDate = r.optional('tanggal_lahir_pasangan', parseDate, DATE_HINT);
  const marriedOn = r.optional('tanggal_menikah', parseDate, DATE_HINT);
  if (birthDate && birthDate >= ref.today) r.error('tanggal_lahir_pasangan', 'harus sebelum hari ini');
  if (marriedOn && marriedOn > ref.today) r.error('tanggal_menikah', 'tidak boleh sesudah hari ini');
  if (!nama || allowance === undefined || (nipCheck && !nipCheck.ok) || (nikCheck && !nikCheck.ok))
    return null;
  return {
    nama,
    isAsn: nip !== '',
    ...(nip ? { nip } : {}),
    receivesAllowanceHere: allowance,
    ...(nik ? { nik } : {}),
    ...(birthDate ? { birthDate } : {}),
    ...(marriedOn ? { marriedOn } : {}),
  };
}

/** 'KEEP' when the sheet has no children columns; null when a child has errors. */
function readChildren(r: RowReader, ref: ImportReference): Child[] | 'KEEP' | null {
  const indexes = Array.from({ length: MAX_CHILDREN }, (_, i) => i + 1).filter((i) =>
    r.has(`nama_anak_${i}`),
  );
  if (indexes.length === 0) return 'KEEP';
  const children: Child[] = [];
  let ok = true;
  let flagged = 0;
  for (const i of indexes) {
    const col = (f: string) => `${f}_anak_${i}`;
    const filled = ['nama', 'nik', 'tanggal_lahir', 'status'].some((f) => r.text(col(f)) !== '');
    if (!filled) continue;
    const nama = r.required(col('nama'));
    const birthDate = r.parsed(col('tanggal_lahir'), parseDate, DATE_HINT);
    const status = r.parsed(col('status'), parseStatusAnak, 'kandung, tiri atau angkat');
    const gender = r.optional(col('jenis_kelamin'), parseGender, 'L atau P');
    const nik = digitsOnly(r.text(col('nik')));
    const nikCheck = nik ? checkNik(nik) : undefined;
    if (nikCheck && !nikCheck.ok) r.error(col('nik'), nikCheck.reason);
    // Missing flags read as the KP4's usual case (unmarried, no income, not in school), which never pays
    // more: a child without "sekolah" loses the allowance at 21 instead of 25.
    const married = r.optional(col('status_kawin'), parseFlag, FLAG_HINT) ?? false;
    const hasIncome = r.optional(col('status_bekerja'), parseFlag, FLAG_HINT) ?? false;
    const inSchool = r.optional(col('status_sekolah'), parseFlag, FLAG_HINT) ?? false;
    const listed = r.optional(col('status_tunjangan'), parseFlag, FLAG_HINT);
    if (birthDate && birthDate > ref.today) r.error(col('tanggal_lahir'), 'tidak boleh sesudah hari ini');
    if (!nama || !birthDate || !status || (nikCheck && !nikCheck.ok)) {
      ok = false;
      continue;
    }
    const age = ageOn(birthDate, ref.today);
    const eligible =
      !married && !hasIncome && (age < ref.anak.ageLimit || (inSchool && age < ref.anak.ageLimitIfStudying));
    if (listed === true) flagged++;
    if (listed !== undefined && listed !== eligible) {
      r.warn(
        col('status_tunjangan'),
        `tertulis ${listed ? '1' : '0'}, tetapi menurut usia (${age} tahun), status kawin, bekerja dan sekolah anak ini ${eligible ? 'masih' : 'tidak lagi'} berhak; SIGAP menghitung dari data anak`,
      );
    }
    children.push({
      nama,
      birthDate,
      status,
      inSchool,
      married,
      hasIncome,
      ...(nik ? { nik } : {}),
      ...(gender ? { gender } : {}),
    });
  }
  if (flagged > ref.anak.max) {
    r.warn(
      'status_tunjangan_anak_1',
      `${flagged} anak ditandai tanggungan; tunjangan anak paling banyak ${ref.anak.max} anak (yang tertua lebih dulu)`,
    );
  }
  return ok ? children : null;
}

function readBank(r: RowReader, nama: string | undefined): BankAccount | undefined {
  const cols = ['nama_bank', 'kode_bank', 'nomor_rekening', 'nama_pada_rekening'];
  // An empty bank block keeps the stored account: an import never erases where pay goes.
  if (cols.every((c) => r.text(c) === '')) {
    if (cols.some((c) => r.has(c)))
      r.warn('nomor_rekening', 'tanpa rekening: gaji tidak dapat ditransfer sampai rekening diisi');
    return undefined;
  }
  const bank = r.required('nama_bank');
  const accountNumber = digitsOnly(r.text('nomor_rekening'));
  if (accountNumber === '') r.error('nomor_rekening', 'wajib diisi bila data bank diisi');
  else {
    const check = checkAccountNumber(accountNumber);
    if (!check.ok) r.error('nomor_rekening', check.reason);
  }
  const bankCode = digitsOnly(r.text('kode_bank'));
  if (bankCode) {
    const check = checkBankCode(bankCode);
    if (!check.ok) r.error('kode_bank', check.reason);
  }
  let accountName = r.text('nama_pada_rekening');
  if (accountName === '' && nama) {
    accountName = nama;
    r.warn('nama_pada_rekening', 'kosong: dipakai nama pegawai');
  } else if (nama && !sameName(accountName, nama)) {
    r.warn('nama_pada_rekening', `"${accountName}" berbeda dengan nama pegawai "${nama}"`);
  }
  if (
    !bank ||
    accountNumber === '' ||
    !checkAccountNumber(accountNumber).ok ||
    (bankCode && !checkBankCode(bankCode).ok)
  ) {
    return undefined;
  }
  if (bank.length < 2 || bank.length > 60) {
    r.error('nama_bank', 'panjang 2–60 karakter');
    return undefined;
  }
  return { bank, ...(bankCode ? { bankCode } : {}), accountNumber, accountName };
}

function sameName(a: string, b: string): boolean {
  const n = (s: string) => s.toUpperCase().replace(/[^A-Z]/g, '');
  const [x, y] = [n(a), n(b)];
  return x.includes(y) || y.includes(x);
}
