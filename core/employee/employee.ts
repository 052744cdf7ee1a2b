import { PNS_GOLONGAN, PPPK_GOLONGAN, PTKP_STATUSES } from '../rulesets/value-schemas';

/**
 * The employee master as the payroll needs it. Attributes that change pay over time (golongan, MKG,
 * jabatan, OPD/unit, family, status) live on dated timelines so a past month can be recomputed with
 * the data as it was; identity and payment details are plain current values (their changes are
 * still audited).
 */
export const JENIS_ASN = ['PNS', 'CPNS', 'PPPK'] as const;
export type JenisAsn = (typeof JENIS_ASN)[number];

// One list of golongan and PTKP statuses for the whole codebase: the rulesets' own.
export const GOLONGAN_PNS = PNS_GOLONGAN;
export const GOLONGAN_PPPK = PPPK_GOLONGAN;

export const ESELON = ['I.a', 'I.b', 'II.a', 'II.b', 'III.a', 'III.b', 'IV.a', 'IV.b', 'V.a'] as const;
export const STATUS_KAWIN = ['BELUM_KAWIN', 'KAWIN', 'CERAI_HIDUP', 'CERAI_MATI'] as const;
export const PTKP_STATUS = PTKP_STATUSES;
export const STATUS_KEPEGAWAIAN = [
  'AKTIF',
  'TUGAS_BELAJAR',
  'CLTN',
  'PEMBERHENTIAN_SEMENTARA',
  'BERHENTI',
] as const;

export type Jabatan =
  | { type: 'STRUKTURAL'; nama: string; eselon: (typeof ESELON)[number] }
  /** `tunjangan`: the amount stated in the SK where the national reference table has none. */
  | { type: 'FUNGSIONAL'; nama: string; kode: string; jenjang: string; tunjangan?: number }
  | { type: 'PELAKSANA'; nama: string };

export interface Child {
  nama: string;
  birthDate: string;
  status: 'KANDUNG' | 'ANGKAT' | 'TIRI';
  inSchool: boolean;
  married: boolean;
  hasIncome: boolean;
  /** KP4 details, kept for the family statement; the allowance is decided by the fields above. */
  nik?: string;
  gender?: 'L' | 'P';
}

export interface Spouse {
  nama: string;
  isAsn: boolean;
  nip?: string;
  receivesAllowanceHere: boolean;
  /** KP4 section II details (data-pegawai-import.md §4); optional, not used by the pay rules. */
  nik?: string;
  birthDate?: string;
  marriedOn?: string;
}

export interface Keluarga {
  statusKawin: (typeof STATUS_KAWIN)[number];
  spouse?: Spouse;
  children: Child[];
}

export type JabatanWithKelas = Jabatan & { kelasJabatan: number };

/** Each timeline aspect and the value it carries from its effective date on. */
export interface Timelines {
  pangkat: { golongan: string; tmt: string };
  masaKerja: { years: number; months: number; tmt: string };
  jabatan: JabatanWithKelas;
  penempatan: { opd: string; unit: string; atasanNip?: string };
  keluarga: Keluarga;
  kepegawaian: { jenisAsn: JenisAsn; status: (typeof STATUS_KEPEGAWAIAN)[number] };
}
export type TimelineAspect = keyof Timelines;
export const TIMELINE_ASPECTS: readonly TimelineAspect[] = [
  'pangkat',
  'masaKerja',
  'jabatan',
  'penempatan',
  'keluarga',
  'kepegawaian',
];

export interface BankAccount {
  bank: string;
  /** Sandi bank (3 digits) for transfers from another bank; optional, the bank file asks for it. */
  bankCode?: string;
  accountNumber: string;
  accountName: string;
}

export interface EmployeeIdentity {
  nip: string;
  nama: string;
  gelarDepan?: string;
  gelarBelakang?: string;
  /** NIK (16 digits): the SIPD list and the bukti potong identify the employee by it. */
  nik?: string;
  /** Home address, as the SIPD list's `alamat` column carries it (bank-dan-laporan.md §6, sipd-bas.json). */
  alamat?: string;
  /** 16 digits (the NIK since 2024) or an old 15-digit number; absent = no NPWP (higher PPh rate). */
  npwp?: string;
  /** The employee's own NITKU (NPWP + 6 digits), for the reports that name the recipient's place. */
  nitku?: string;
  ptkpStatus: (typeof PTKP_STATUS)[number];
  bankAccount?: BankAccount;
  tmtStart: string;
  tmtEnd?: string;
}

/** The employee as of one date: identity plus the value of every timeline on that date. */
export type EmployeeView = EmployeeIdentity & {
  [A in TimelineAspect]: Timelines[A];
} & { version: number; asOf: string };

export function maskAccountNumber(accountNumber: string): string {
  const tail = accountNumber.slice(-4);
  return `${'*'.repeat(Math.max(0, accountNumber.length - 4))}${tail}`;
}
