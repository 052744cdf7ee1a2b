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
import { readBank, readKeluarga, readTax } from './import-read-details';
import { readJabatan, readPenempatan } from './import-read-position';
import type { ImportReference } from './import-reference';
import { DATE_HINT, FLAG_HINT, type RowIssue, RowReader, type SheetRow } from './import-row';
import {
  monthsBetween,
  parseDate,
  parseFlag,
  parseGender,
  parseGolongan,
  parseJenisAsn,
  parseKedudukan,
  parseWhole,
} from './import-values';
import { checkNip, type NipParts } from './nip';

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

  const birth = readBirth(r, nip?.parts, jenis, ref);
  const status = readKedudukan(r);
  const tmt = readTmt(r, nip?.parts, jenis);
  const pangkat = jenis && tmt ? readPangkat(r, jenis, tmt.start, ref) : undefined;
  const jabatan = readJabatan(r, ref, tmt?.start);
  const penempatan = readPenempatan(r, nip?.nip, tmt?.start);
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
    nip: nip.nip,
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

/** The NIP and its parts (birth date, TMT month, gender), checked once for the whole row. */
function readNip(r: RowReader): { nip: string; parts: NipParts } | undefined {
  if (r.required('nip') === undefined) return undefined;
  const check = checkNip(r.nip);
  if (!check.ok) {
    r.error('nip', check.reason);
    return undefined;
  }
  return { nip: r.nip, parts: check.parts };
}

function readBirth(
  r: RowReader,
  nip: NipParts | undefined,
  jenis: JenisAsn | undefined,
  ref: ImportReference,
) {
  const date = r.optional('tanggal_lahir', parseDate, DATE_HINT);
  const gender = r.optional('jenis_kelamin', parseGender, 'L atau P');
  if (date && date >= ref.today) r.error('tanggal_lahir', 'tanggal lahir harus sebelum hari ini');
  if (nip) {
    // PPPK numbers have 18 digits but their own layout (UNVERIFIED): a mismatch there only warns.
    const report = jenis === 'PPPK' ? r.warn.bind(r) : r.error.bind(r);
    if (date && date !== nip.birthDate) {
      report(
        'tanggal_lahir',
        `${date} tidak sama dengan tanggal lahir dalam NIP (${nip.birthDate}); periksa NIP atau tanggal lahir`,
      );
    }
    if (gender && gender !== nip.gender) {
      report('jenis_kelamin', `${gender} tidak sama dengan digit jenis kelamin NIP (${nip.gender})`);
    }
  }
  return {
    date: date ?? nip?.birthDate,
    gender: gender ?? nip?.gender,
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

function readTmt(r: RowReader, nip: NipParts | undefined, jenis: JenisAsn | undefined): Tmt | undefined {
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
  if (start && nip && start.slice(0, 7) !== nip.tmtMonth) {
    r.warn('tmt_cpns', `${start} berbeda dengan TMT dalam NIP (${nip.tmtMonth})`);
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
