import type { PTKP_STATUSES } from '../rulesets/value-schemas';
import {
  ESELON,
  GOLONGAN_PNS,
  GOLONGAN_PPPK,
  type JenisAsn,
  type STATUS_KAWIN,
  type STATUS_KEPEGAWAIAN,
} from './employee';

/**
 * Cell values of an import sheet as people and SIASN write them, read into the master's codes. Each
 * parser answers `undefined` for a value it cannot read; the row mapper turns that into a message naming
 * the column and what it expects.
 */
export type StatusKepegawaian = (typeof STATUS_KEPEGAWAIAN)[number];
export type StatusKawin = (typeof STATUS_KAWIN)[number];

const key = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]+/g, ' ');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (DAYS_IN_MONTH[m - 1] ?? 0) + (leap ? 1 : 0);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A calendar date as YYYY-MM-DD. Accepted: YYYY-MM-DD (the template), DD-MM-YYYY and DD/MM/YYYY (SIASN
 * exports and Indonesian Excel), YYYY/MM/DD. Month-first dates are not accepted: 03/04/2020 is 3 April.
 */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  let y: number;
  let mo: number;
  let d: number;
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
    if (!m) return undefined;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  return isRealDate(y, mo, d) ? `${y}-${pad2(mo)}-${pad2(d)}` : undefined;
}

const TRUE = new Set(['1', 'ya', 'y', 'true', 'benar', 'yes']);
const FALSE = new Set(['0', 'tidak', 't', 'n', 'false', 'salah', 'no', 'bukan']);

/** 1/0 columns (status_aktif, status_tunjangan_*): also ya/tidak, true/false. */
export function parseFlag(text: string): boolean | undefined {
  const k = key(text);
  if (TRUE.has(k)) return true;
  if (FALSE.has(k)) return false;
  return undefined;
}

/** Whole numbers as typed: "3", "3.0" from a number cell; "1.350.000" with Indonesian thousand dots. */
export function parseWhole(text: string): number | undefined {
  const t = text.trim();
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) return Number(t.replace(/\./g, ''));
  if (/^\d+(\.0+)?$/.test(t)) return Number(t.split('.')[0]);
  return undefined;
}

export function parseGender(text: string): 'L' | 'P' | undefined {
  const k = key(text);
  if (['l', 'laki laki', 'laki', 'pria', 'm', 'male', '1'].includes(k)) return 'L';
  if (['p', 'perempuan', 'wanita', 'f', 'female', '2'].includes(k)) return 'P';
  return undefined;
}

export type JenisParse = { jenis: JenisAsn } | { unsupported: string } | undefined;

export function parseJenisAsn(text: string): JenisParse {
  const k = key(text);
  if (k === 'pns') return { jenis: 'PNS' };
  if (k === 'cpns') return { jenis: 'CPNS' };
  if (['pppk', 'p3k', 'pppk penuh waktu'].includes(k)) return { jenis: 'PPPK' };
  if (['pppk paruh waktu', 'p3k paruh waktu', 'paruh waktu'].includes(k)) {
    return { unsupported: 'PPPK paruh waktu (gaji kontrak) belum didukung SIGAP' };
  }
  return undefined;
}

export type KedudukanParse =
  | { status: StatusKepegawaian; note?: string }
  | { unsupported: string }
  | undefined;

/**
 * Kedudukan hukum by SIASN code or name (data-pegawai-import.md §2; codes SINGLE-SOURCE [S-KORPRI]).
 * 15 (hukuman disiplin) keeps the employee active: the sanction itself belongs to the discipline module.
 * 73 ("PPPK other") is not explained by the source, so it is refused rather than guessed.
 */
export function parseKedudukan(text: string): KedudukanParse {
  const k = key(text).replace(/^0+(?=\d)/, '');
  switch (k) {
    case '1':
    case 'aktif':
    case '71':
    case 'pppk aktif':
    case '101':
    case 'pppk purnawaktu':
      return { status: 'AKTIF' };
    case '2':
    case 'cltn':
    case 'cuti di luar tanggungan negara':
      return { status: 'CLTN' };
    case '3':
    case 'tugas belajar':
      return { status: 'TUGAS_BELAJAR' };
    case '4':
    case 'pemberhentian sementara':
      return { status: 'PEMBERHENTIAN_SEMENTARA' };
    case '15':
    case 'hukuman disiplin':
      return {
        status: 'AKTIF',
        note: 'kedudukan 15 (hukuman disiplin) dicatat aktif; hukumannya dicatat di modul disiplin',
      };
    case '17':
    case 'non aktif':
    case 'nonaktif':
    case 'tidak aktif':
    case 'berhenti':
    case 'pensiun':
    case 'meninggal':
      return { status: 'BERHENTI' };
    case '73':
      return { unsupported: 'kode 73 (PPPK lainnya) tidak jelas artinya bagi gaji; isi kode yang tepat' };
    default:
      return undefined;
  }
}

const ROMAN_PNS = ['I', 'II', 'III', 'IV'];

/** III/b, III-b, IIIb, III.B → "III/b" (PNS); IX or 9 → "IX" (PPPK). */
export function parseGolongan(text: string, jenis: JenisAsn): string | undefined {
  const t = text.trim().toUpperCase().replace(/\s+/g, '');
  if (jenis === 'PPPK') {
    const roman = /^\d{1,2}$/.test(t) ? GOLONGAN_PPPK[Number(t) - 1] : t;
    return roman && (GOLONGAN_PPPK as readonly string[]).includes(roman) ? roman : undefined;
  }
  const m = /^(IV|III|II|I)[/\-.]?([A-E])$/.exec(t);
  if (!m || !ROMAN_PNS.includes(m[1] ?? '')) return undefined;
  const g = `${m[1]}/${(m[2] ?? '').toLowerCase()}`;
  return (GOLONGAN_PNS as readonly string[]).includes(g) ? g : undefined;
}

/** III.a, III/a, IIIa, III-A → "III.a". */
export function parseEselon(text: string): (typeof ESELON)[number] | undefined {
  const m = /^(IV|III|II|I|V)[/\-. ]?([AB])$/.exec(text.trim().toUpperCase());
  if (!m) return undefined;
  const e = `${m[1]}.${(m[2] ?? '').toLowerCase()}`;
  return (ESELON as readonly string[]).includes(e) ? (e as (typeof ESELON)[number]) : undefined;
}

export type JabatanType = 'STRUKTURAL' | 'FUNGSIONAL' | 'PELAKSANA';

/** SIASN's jenis jabatan names and UU ASN's struktural levels (JPT, administrator, pengawas). */
export function parseJenisJabatan(text: string): JabatanType | undefined {
  const k = key(text);
  if (['struktural', 'jpt', 'jabatan pimpinan tinggi', 'administrator', 'pengawas'].includes(k)) {
    return 'STRUKTURAL';
  }
  if (['fungsional', 'fungsional tertentu', 'jft', 'jabatan fungsional'].includes(k)) return 'FUNGSIONAL';
  if (['pelaksana', 'fungsional umum', 'jfu', 'jabatan pelaksana'].includes(k)) return 'PELAKSANA';
  return undefined;
}

/** "Ahli Pertama" → "AHLI_PERTAMA": the key form of the tunjangan fungsional tables. */
export function upperSnake(text: string): string {
  return text
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** TK/0, TK0, tk-0, K 1 → "TK/0" … "K/3". */
export function parsePtkp(text: string): (typeof PTKP_STATUSES)[number] | undefined {
  const m = /^(TK|K)\s*[/\-.]?\s*([0-3])$/.exec(text.trim().toUpperCase());
  if (!m) return undefined;
  return `${m[1]}/${m[2]}` as (typeof PTKP_STATUSES)[number];
}

export function parseStatusKawin(text: string): StatusKawin | undefined {
  const k = key(text);
  if (['tk', 'bk', 'belum kawin', 'belum menikah', 'lajang'].includes(k)) return 'BELUM_KAWIN';
  if (['k', 'kawin', 'menikah'].includes(k)) return 'KAWIN';
  if (['ch', 'cerai hidup', 'cerai'].includes(k)) return 'CERAI_HIDUP';
  if (['cm', 'cerai mati', 'janda mati', 'duda mati'].includes(k)) return 'CERAI_MATI';
  return undefined;
}

/** Status anak of the KP4: kandung, tiri ("AT"), angkat ("AA") [S-KP4]. */
export function parseStatusAnak(text: string): 'KANDUNG' | 'TIRI' | 'ANGKAT' | undefined {
  const k = key(text);
  if (['kandung', 'ak', 'anak kandung'].includes(k)) return 'KANDUNG';
  if (['tiri', 'at', 'anak tiri'].includes(k)) return 'TIRI';
  if (['angkat', 'aa', 'anak angkat'].includes(k)) return 'ANGKAT';
  return undefined;
}

/** Whole months from one date to another (day of month ignored), for masa kerja plausibility. */
export function monthsBetween(from: string, to: string): number {
  return (
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7))
  );
}

/** Age in whole years on a date. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
