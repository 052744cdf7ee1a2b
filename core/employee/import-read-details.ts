import type { BankAccount, Child, Spouse } from './employee';
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
import { DATE_HINT, FLAG_HINT, type RowReader } from './import-row';
import {
  ageOn,
  parseDate,
  parseFlag,
  parseGender,
  parsePtkp,
  parseStatusAnak,
  parseStatusKawin,
} from './import-values';
import { checkNip } from './nip';

/**
 * What an import row says about tax identity (NIK, NPWP, NITKU, PTKP), family (KP4: spouse and children)
 * and the bank account. Each reader answers `undefined` for "the sheet does not say" where keeping the
 * stored value is right, and reports every bad cell on the reader.
 */
export function readTax(r: RowReader, birth: { date?: string | undefined; gender?: 'L' | 'P' | undefined }) {
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

export function readKeluarga(r: RowReader, ref: ImportReference) {
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

export function readBank(r: RowReader, nama: string | undefined): BankAccount | undefined {
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
