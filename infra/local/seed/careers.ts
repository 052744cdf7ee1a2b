import { GOLONGAN_PNS } from '../../../core/employee/employee';
import type { CreateEmployeeBody } from '../../../functions/employees/schemas';
import type { Prng } from './prng';
import type { OpdKind } from './tenant-profiles';

/**
 * Career rules the demo data follows so its numbers look right to a BKPSDM reader: entry golongan by
 * education, a regular promotion every 4 years, fungsional jenjang by golongan, kelas jabatan by
 * jenjang/eselon, and PPPK golongan by education. They are plausible, not a regulation.
 */
export type Education = 'SMA' | 'D3' | 'S1' | 'S2' | 'PROFESI';
export type Jabatan = CreateEmployeeBody['jabatan'];

/** Entry golongan of a CPNS by the diploma of the formasi (PP 99/2000 practice). */
const PNS_ENTRY: Record<Education, (typeof GOLONGAN_PNS)[number]> = {
  SMA: 'II/a',
  D3: 'II/c',
  S1: 'III/a',
  S2: 'III/b',
  PROFESI: 'III/b',
};
/** PPPK golongan by diploma (Perpres 11/2024 table, as used in formasi announcements). */
export const PPPK_GOLONGAN: Record<Education, string> = {
  SMA: 'V',
  D3: 'VII',
  S1: 'IX',
  S2: 'X',
  PROFESI: 'X',
};

export function golonganIndex(golongan: string): number {
  const i = GOLONGAN_PNS.indexOf(golongan as (typeof GOLONGAN_PNS)[number]);
  if (i < 0) throw new Error(`unknown golongan ${golongan}`);
  return i;
}

export function entryGolongan(education: Education): string {
  return PNS_ENTRY[education];
}

/** Golongan after `serviceYears` of regular promotions, capped at the ceiling of the jabatan. */
export function golonganAfter(education: Education, serviceYears: number, ceiling: string): string {
  const index = Math.min(
    golonganIndex(PNS_ENTRY[education]) + Math.floor(serviceYears / 4),
    golonganIndex(ceiling),
  );
  return GOLONGAN_PNS[index]!;
}

/** Promotions needed from the entry golongan to reach `golongan`. */
export function promotionsTo(education: Education, golongan: string): number {
  return Math.max(0, golonganIndex(golongan) - golonganIndex(PNS_ENTRY[education]));
}

interface FungsionalFamily {
  nama: string;
  kode: string;
  /** Diplomas the family recruits; D3 enters the keterampilan track, the rest the keahlian track. */
  educations: readonly Education[];
}

export const FUNGSIONAL_BY_KIND: Record<OpdKind, readonly FungsionalFamily[]> = {
  pendidikan: [{ nama: 'Guru', kode: 'GURU', educations: ['S1', 'S2'] }],
  kesehatan: [
    { nama: 'Perawat', kode: 'PERAWAT', educations: ['D3', 'S1'] },
    { nama: 'Dokter', kode: 'DOKTER', educations: ['PROFESI'] },
  ],
  kepegawaian: [
    { nama: 'Analis Sumber Daya Manusia Aparatur', kode: 'ANALIS_SDM_APARATUR', educations: ['S1', 'S2'] },
  ],
  kependudukan: [{ nama: 'Pranata Komputer', kode: 'PRANATA_KOMPUTER', educations: ['D3', 'S1'] }],
  perizinan: [{ nama: 'Analis Kebijakan', kode: 'ANALIS_KEBIJAKAN', educations: ['S1', 'S2'] }],
  perencanaan: [{ nama: 'Perencana', kode: 'PERENCANA', educations: ['S1', 'S2'] }],
  perhubungan: [
    { nama: 'Penguji Kendaraan Bermotor', kode: 'PENGUJI_KENDARAAN_BERMOTOR', educations: ['D3', 'S1'] },
  ],
  lingkungan: [{ nama: 'Pengendali Dampak Lingkungan', kode: 'PEDAL', educations: ['S1', 'S2'] }],
  perikanan: [{ nama: 'Penyuluh Perikanan', kode: 'PENYULUH_PERIKANAN', educations: ['D3', 'S1'] }],
};

/** Service units (schools, puskesmas) exist for these kinds; staff elsewhere sit in a bidang. */
export function serviceUnit(
  kind: OpdKind,
  place: string,
  provincial: boolean,
  n: number,
): string | undefined {
  if (kind === 'pendidikan') {
    const level = provincial ? (n % 2 === 0 ? 'SMA' : 'SMK') : n % 2 === 0 ? 'SD' : 'SMP';
    return `${level} Negeri ${1 + (n % 3)} ${place}`;
  }
  if (kind === 'kesehatan') return `Puskesmas ${place}`;
  return undefined;
}

const JENJANG: { from: string; name: string; kelas: number; track: 'terampil' | 'ahli' }[] = [
  { from: 'II/c', name: 'Terampil', kelas: 7, track: 'terampil' },
  { from: 'III/a', name: 'Mahir', kelas: 8, track: 'terampil' },
  { from: 'III/a', name: 'Ahli Pertama', kelas: 8, track: 'ahli' },
  { from: 'III/c', name: 'Ahli Muda', kelas: 9, track: 'ahli' },
  { from: 'IV/a', name: 'Ahli Madya', kelas: 10, track: 'ahli' },
];

/** The jenjang a golongan qualifies for (PermenPAN-RB 1/2023 bands); PPPK take the entry jenjang. */
export function fungsionalJabatan(
  family: FungsionalFamily,
  education: Education,
  golongan?: string,
): Jabatan {
  const track = education === 'D3' ? 'terampil' : 'ahli';
  const bands = JENJANG.filter((j) => j.track === track);
  const index = golongan ? golonganIndex(golongan) : -1;
  const band = bands.filter((b) => golonganIndex(b.from) <= index).at(-1) ?? bands[0]!;
  return {
    type: 'FUNGSIONAL',
    nama: `${family.nama} ${band.name}`,
    kode: `${family.kode}_${band.name.toUpperCase().replace(/ /g, '_')}`,
    jenjang: band.name,
    kelasJabatan: band.kelas,
  };
}

/** Pelaksana titles after the 2021 simplification (PermenPAN-RB 41/2018 nomenclature). */
export function pelaksanaJabatan(education: Education): Jabatan {
  if (education === 'SMA')
    return { type: 'PELAKSANA', nama: 'Pengadministrasi Perkantoran', kelasJabatan: 5 };
  if (education === 'D3') return { type: 'PELAKSANA', nama: 'Pengolah Data dan Informasi', kelasJabatan: 6 };
  return { type: 'PELAKSANA', nama: 'Penata Layanan Operasional', kelasJabatan: 7 };
}

const S1_GELAR: Record<OpdKind, readonly string[]> = {
  pendidikan: ['S.Pd.'],
  kesehatan: ['S.Kep., Ns.', 'S.KM.'],
  kepegawaian: ['S.Psi.', 'S.IP.', 'S.H.'],
  kependudukan: ['S.Kom.', 'S.T.'],
  perizinan: ['S.E.', 'S.H.'],
  perencanaan: ['S.E.', 'S.T.', 'S.P.'],
  perhubungan: ['S.T.', 'S.SiT.'],
  lingkungan: ['S.T.', 'S.Si.'],
  perikanan: ['S.Pi.', 'S.P.'],
};
const S2_GELAR: Record<OpdKind, readonly string[]> = {
  pendidikan: ['M.Pd.'],
  kesehatan: ['M.Kes.'],
  kepegawaian: ['M.Si.', 'M.AP.'],
  kependudukan: ['M.Kom.', 'M.Si.'],
  perizinan: ['M.M.', 'M.Si.'],
  perencanaan: ['M.Si.', 'M.T.', 'M.E.'],
  perhubungan: ['M.T.', 'M.M.'],
  lingkungan: ['M.Sc.', 'M.T.'],
  perikanan: ['M.Si.'],
};

/**
 * Academic titles as written on SK: "dr." and doctorates in front, the rest behind. `postgraduate`
 * adds the master's title someone earned while in service (most kepala and kabid did).
 */
export function gelar(
  prng: Prng,
  kind: OpdKind,
  education: Education,
  options: { family?: string; postgraduate?: boolean } = {},
): { gelarDepan?: string; gelarBelakang?: string } {
  const postgraduate = options.postgraduate || education === 'S2';
  const s2 = prng.pick(S2_GELAR[kind]);
  if (education === 'PROFESI') return { gelarDepan: 'dr.', ...(postgraduate ? { gelarBelakang: s2 } : {}) };
  if (education === 'SMA') return {};
  if (education === 'D3') return { gelarBelakang: options.family === 'Perawat' ? 'A.Md.Kep.' : 'A.Md.' };
  const s1 = options.family === 'Perawat' ? 'S.Kep., Ns.' : prng.pick(S1_GELAR[kind]);
  if (!postgraduate) return { gelarBelakang: s1 };
  return { ...(prng.chance(0.12) ? { gelarDepan: 'Dr.' } : {}), gelarBelakang: `${s1}, ${s2}` };
}
