/**
 * The identity numbers payroll documents carry besides the NIP: NIK (SIPD list, bukti potong), NPWP and
 * NITKU (tax reports), kode bank and rekening (bank file). Each check names the part a typo broke, in
 * Indonesian, since the message reaches the operator as it is.
 *
 * Identifiers are text: callers strip spaces, dots and dashes first (`digitsOnly`) and never store them
 * as numbers (data-pegawai-import.md §3, pajak-pelaporan.md §2).
 */
export type IdCheck = { ok: true } | { ok: false; reason: string };

/** Removes the separators people type into numbers ("01.103.08888", "3402 0115 0385 0002"). */
export function digitsOnly(value: string): string {
  return value.replace(/[\s.\-/]/g, '');
}

/**
 * Kemendagri province codes (digits 1–2 of every NIK and kode wilayah): Sumatra 11–19, Kepulauan Riau 21,
 * Java 31–36, Bali–Nusa Tenggara 51–53, Kalimantan 61–65, Sulawesi 71–76, Maluku 81–82, Papua 91–96
 * (93–96 are the provinces formed in 2022). The list is Kemendagri's kode wilayah, not from the domain
 * folder; a new province needs its code added here.
 */
// biome-ignore format: a table reads better in rows
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36',
  '51', '52', '53', '61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76', '81', '82',
  '91', '92', '93', '94', '95', '96',
]);

export interface NikParts {
  /** Digits 1–6: province, kabupaten/kota, kecamatan. */
  region: string;
  /** Day and month of birth; the year only as two digits (the century is not in the NIK). */
  birthDay: number;
  birthMonth: number;
  birthYear2: string;
  gender: 'L' | 'P';
}

export type NikCheck = { ok: true; parts: NikParts } | { ok: false; reason: string };

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * NIK (UU 24/2013 Administrasi Kependudukan; layout of Dukcapil): 16 digits = kode wilayah (6: province,
 * kabupaten/kota, kecamatan) + date of birth ddmmyy, women's day + 40 + sequence (4). There is no check
 * digit, so the parts are what can be checked.
 */
export function checkNik(nik: string): NikCheck {
  if (!/^\d{16}$/.test(nik)) return { ok: false, reason: 'NIK harus 16 digit angka' };
  if (!PROVINCE_CODES.has(nik.slice(0, 2))) {
    return { ok: false, reason: `kode provinsi dalam NIK (digit 1–2: ${nik.slice(0, 2)}) tidak dikenal` };
  }
  if (nik.slice(2, 4) === '00' || nik.slice(4, 6) === '00') {
    return { ok: false, reason: 'kode kabupaten/kota atau kecamatan dalam NIK (digit 3–6) tidak boleh 00' };
  }
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) {
    return {
      ok: false,
      reason: 'tanggal lahir dalam NIK (digit 7–12, ddmmyy; perempuan: tanggal + 40) tidak valid',
    };
  }
  if (nik.slice(12) === '0000')
    return { ok: false, reason: 'nomor urut dalam NIK (digit 13–16) tidak boleh 0000' };
  return {
    ok: true,
    parts: {
      region: nik.slice(0, 6),
      birthDay: day,
      birthMonth: month,
      birthYear2: nik.slice(10, 12),
      gender: rawDay > 40 ? 'P' : 'L',
    },
  };
}

/** The mismatches between a NIK and the birth date and gender known from elsewhere (the NIP, the sheet). */
export function nikMismatches(parts: NikParts, birthDate: string, gender: 'L' | 'P' | undefined): string[] {
  const out: string[] = [];
  const [y, m, d] = birthDate.split('-');
  if (Number(d) !== parts.birthDay || Number(m) !== parts.birthMonth || y?.slice(2) !== parts.birthYear2) {
    const shown = `${String(parts.birthDay).padStart(2, '0')}-${String(parts.birthMonth).padStart(2, '0')}-${parts.birthYear2}`;
    out.push(`tanggal lahir dalam NIK (${shown}) berbeda dengan ${d}-${m}-${y?.slice(2)}`);
  }
  if (gender && gender !== parts.gender) {
    out.push(`jenis kelamin dalam NIK (${parts.gender}) berbeda dengan ${gender}`);
  }
  return out;
}

/**
 * NPWP: 16 digits since PMK 112/2022 (PER-6/PJ/2024). A resident individual's NPWP is their NIK; an old
 * 15-digit NPWP is accepted as it was issued (kept for history, pajak-pelaporan.md §2) and its 16-digit
 * form is 0 + the 15 digits.
 */
export function checkNpwp(npwp: string): IdCheck & { legacy?: boolean } {
  if (/^\d{15}$/.test(npwp)) return { ok: true, legacy: true };
  if (!/^\d{16}$/.test(npwp)) {
    return { ok: false, reason: 'NPWP harus 16 digit (NIK) atau 15 digit (format lama)' };
  }
  if (npwp.startsWith('0')) return { ok: true, legacy: true };
  const nik = checkNik(npwp);
  return nik.ok
    ? { ok: true }
    : { ok: false, reason: `NPWP 16 digit orang pribadi adalah NIK: ${nik.reason}` };
}

/** The 16-digit form of an NPWP: a NIK as it is, an old 15-digit number with a leading 0. */
export function npwp16(npwp: string): string {
  return npwp.length === 15 ? `0${npwp}` : npwp;
}

/** NITKU (ID TKU): the 16-digit NPWP + a 6-digit place number, 000000 for the main place (pajak-pelaporan.md §2). */
export function checkNitku(nitku: string, npwp: string | undefined): IdCheck {
  if (!/^\d{22}$/.test(nitku)) {
    return { ok: false, reason: 'NITKU harus 22 digit: NPWP 16 digit + 6 digit nomor tempat usaha' };
  }
  if (npwp && nitku.slice(0, 16) !== npwp16(npwp)) {
    return { ok: false, reason: `16 digit pertama NITKU harus sama dengan NPWP ${npwp16(npwp)}` };
  }
  return { ok: true };
}

/**
 * Kode bank: the 3-digit sandi bank used for transfers between banks (e.g. 002 BRI); a bank file that
 * pays into another bank needs it (bank-dan-laporan.md §3, field BANK_CODE).
 */
export function checkBankCode(code: string): IdCheck {
  return /^\d{3}$/.test(code)
    ? { ok: true }
    : { ok: false, reason: 'kode bank harus 3 digit angka (sandi bank, mis. 002)' };
}

export function checkAccountNumber(accountNumber: string): IdCheck {
  return /^\d{6,20}$/.test(accountNumber)
    ? { ok: true }
    : { ok: false, reason: 'nomor rekening 6–20 digit angka' };
}
