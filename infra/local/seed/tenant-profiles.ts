import type { NameRegion } from './names';

/**
 * What makes each demo tenant recognisable: its OPDs, its regional bank (the BPD that pays its ASN),
 * the first digits of its residents' NIK, the names people there carry, and the place names used for
 * schools and puskesmas. Only the OPD codes must match what operators type; the rest is colour.
 */
export type OpdKind =
  | 'pendidikan'
  | 'kesehatan'
  | 'kepegawaian'
  | 'kependudukan'
  | 'perizinan'
  | 'perencanaan'
  | 'perhubungan'
  | 'lingkungan'
  | 'perikanan';

export interface OpdProfile {
  code: string;
  nama: string;
  kind: OpdKind;
  /** The two bidang headed by a kabid; staff sit in one of them or in a service unit below it. */
  bidang: readonly [string, string];
}

export interface TenantProfile {
  region: NameRegion;
  bank: string;
  /** Sandi bank of that bank (the SIPD list's kode_bank; rulesets/payroll-exports/<tenant>.json knows it). */
  bankCode: string;
  /** Digits 1–4 of a NIK (province + kabupaten/kota); NIK doubles as NPWP since 2024. */
  nikRegion: string;
  places: readonly string[];
  /** Provincial OPD heads are eselon II.a (kelas 15), kabid III.a; kabupaten/kota II.b and III.b. */
  provincial: boolean;
  opds: readonly OpdProfile[];
}

const DISDIK = (code: string, nama: string, jenjang: 'SD/SMP' | 'SMA/SMK'): OpdProfile => ({
  code,
  nama,
  kind: 'pendidikan',
  bidang:
    jenjang === 'SD/SMP'
      ? ['Bidang Pembinaan SD', 'Bidang Pembinaan SMP']
      : ['Bidang Pembinaan SMA', 'Bidang Pembinaan SMK'],
});
const DINKES = (code = 'DINKES'): OpdProfile => ({
  code,
  nama: 'Dinas Kesehatan',
  kind: 'kesehatan',
  bidang: ['Bidang Pelayanan Kesehatan', 'Bidang Pencegahan dan Pengendalian Penyakit'],
});

export const TENANT_PROFILES: Record<string, TenantProfile> = {
  bantul: {
    region: 'jawa',
    bank: 'BPD DIY',
    bankCode: '112',
    nikRegion: '3402',
    places: ['Sewon', 'Kasihan', 'Imogiri', 'Pandak', 'Bambanglipuro', 'Piyungan'],
    provincial: false,
    opds: [
      DISDIK('DISDIK', 'Dinas Pendidikan, Kepemudaan dan Olahraga', 'SD/SMP'),
      DINKES(),
      {
        code: 'DUKCAPIL',
        nama: 'Dinas Kependudukan dan Pencatatan Sipil',
        kind: 'kependudukan',
        bidang: [
          'Bidang Pelayanan Pendaftaran Penduduk',
          'Bidang Pengelolaan Informasi Administrasi Kependudukan',
        ],
      },
      {
        code: 'BKPSDM',
        nama: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
        kind: 'kepegawaian',
        bidang: ['Bidang Mutasi dan Promosi', 'Bidang Pengembangan Kompetensi Aparatur'],
      },
      {
        code: 'DPMPTSP',
        nama: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
        kind: 'perizinan',
        bidang: ['Bidang Pelayanan Perizinan', 'Bidang Pengaduan dan Informasi'],
      },
    ],
  },
  binjai: {
    region: 'sumut',
    bank: 'Bank Sumut',
    bankCode: '117',
    nikRegion: '1275',
    places: ['Binjai Kota', 'Binjai Utara', 'Binjai Timur', 'Binjai Selatan', 'Binjai Barat'],
    provincial: false,
    opds: [
      DISDIK('DISDIK', 'Dinas Pendidikan', 'SD/SMP'),
      DINKES(),
      {
        code: 'DISHUB',
        nama: 'Dinas Perhubungan',
        kind: 'perhubungan',
        bidang: ['Bidang Lalu Lintas Jalan', 'Bidang Sarana dan Prasarana'],
      },
      {
        code: 'BKPSDM',
        nama: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
        kind: 'kepegawaian',
        bidang: ['Bidang Pengadaan dan Informasi', 'Bidang Mutasi dan Promosi'],
      },
      {
        code: 'BAPPEDA',
        nama: 'Badan Perencanaan Pembangunan Daerah',
        kind: 'perencanaan',
        bidang: ['Bidang Perencanaan Pemerintahan', 'Bidang Perencanaan Infrastruktur'],
      },
    ],
  },
  sofifi: {
    region: 'malut',
    bank: 'Bank Maluku Malut',
    bankCode: '131',
    nikRegion: '8272',
    places: ['Sofifi', 'Oba Utara', 'Ternate', 'Tidore', 'Weda', 'Tobelo'],
    provincial: true,
    opds: [
      DISDIK('DIKBUD', 'Dinas Pendidikan dan Kebudayaan', 'SMA/SMK'),
      DINKES(),
      {
        code: 'BKD',
        nama: 'Badan Kepegawaian Daerah',
        kind: 'kepegawaian',
        bidang: ['Bidang Mutasi', 'Bidang Informasi dan Pengembangan Aparatur'],
      },
      {
        code: 'DKP',
        nama: 'Dinas Kelautan dan Perikanan',
        kind: 'perikanan',
        bidang: ['Bidang Perikanan Tangkap', 'Bidang Perikanan Budidaya'],
      },
      {
        code: 'BAPPEDA',
        nama: 'Badan Perencanaan Pembangunan Daerah',
        kind: 'perencanaan',
        bidang: ['Bidang Perencanaan Ekonomi', 'Bidang Perencanaan Sosial Budaya'],
      },
    ],
  },
  bukitintan: {
    region: 'campuran',
    bank: 'Bank BPD',
    bankCode: '990',
    nikRegion: '6399',
    places: ['Bukitintan Hulu', 'Bukitintan Hilir', 'Tanjung Rawa', 'Sungai Lebar'],
    provincial: false,
    opds: [
      DISDIK('DISDIK', 'Dinas Pendidikan', 'SD/SMP'),
      DINKES(),
      {
        code: 'DUKCAPIL',
        nama: 'Dinas Kependudukan dan Pencatatan Sipil',
        kind: 'kependudukan',
        bidang: ['Bidang Pelayanan Pendaftaran Penduduk', 'Bidang Pelayanan Pencatatan Sipil'],
      },
      {
        code: 'BKPSDM',
        nama: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
        kind: 'kepegawaian',
        bidang: ['Bidang Pengadaan dan Mutasi', 'Bidang Pengembangan Aparatur'],
      },
      {
        code: 'DLH',
        nama: 'Dinas Lingkungan Hidup',
        kind: 'lingkungan',
        bidang: ['Bidang Tata Lingkungan', 'Bidang Pengelolaan Sampah'],
      },
    ],
  },
};

/** A tenant added by configuration alone has no demo people: it starts empty. */
export function hasDemoProfile(tenantId: string): boolean {
  return Object.hasOwn(TENANT_PROFILES, tenantId);
}

export function tenantProfile(tenantId: string): TenantProfile {
  const profile = TENANT_PROFILES[tenantId];
  if (!profile) {
    throw new Error(
      `no demo data profile for tenant "${tenantId}"; known: ${Object.keys(TENANT_PROFILES).join(', ')}`,
    );
  }
  return profile;
}
