import type { CreateEmployeeBody } from '../../../functions/employees/schemas';
import {
  type Education,
  entryGolongan,
  FUNGSIONAL_BY_KIND,
  fungsionalJabatan,
  gelar,
  golonganAfter,
  golonganIndex,
  type Jabatan,
  PPPK_GOLONGAN,
  pelaksanaJabatan,
  promotionsTo,
  serviceUnit,
} from './careers';
import { generateFamily, ptkpStatus } from './family';
import { IdentityRegistry } from './identity';
import type { Gender } from './names';
import { createPrng, type Prng } from './prng';
import { type OpdProfile, type TenantProfile, tenantProfile } from './tenant-profiles';

/**
 * The demo employees of one tenant, generated from a PRNG seeded with the tenant id: per OPD a kepala,
 * two kabid and a kasubbag (the structural chain), then 2–4 staff below them, mixing PNS, CPNS and PPPK.
 * Everything is dated relative to SEED_AS_OF, never to today, so the output never changes.
 */
export const SEED_AS_OF = '2026-07-01';
const GRID_STARTS_AT_3 = new Set([
  'I/b',
  'I/c',
  'I/d',
  'II/b',
  'II/c',
  'II/d',
  'II',
  'III',
  'IV',
  'VI',
  'VII',
  'VIII',
]);
const REF_YEAR = Number(SEED_AS_OF.slice(0, 4));

export type SeedRole = 'kepala' | 'kabid' | 'kasubbag' | 'staff';

export interface SeedMember {
  role: SeedRole;
  opd: string;
  employee: CreateEmployeeBody;
}

export interface TenantSeed {
  tenantId: string;
  asOf: string;
  opds: { code: string; nama: string }[];
  /** Atasan always before their bawahan, the order POST /employees needs. */
  members: SeedMember[];
}

interface Plan {
  role: SeedRole;
  opd: OpdProfile;
  unit: string;
  atasanNip?: string;
  jenis: 'PNS' | 'CPNS' | 'PPPK';
  /** The diploma the person was recruited with; it fixes the entry golongan. */
  education: Education;
  postgraduate?: boolean;
  golongan: string;
  serviceYears: number;
  ageAtEntry?: number;
  /** Contract or CPNS TMT when it is not derived from serviceYears. */
  tmt?: { year: number; month: number };
  jabatan: (golongan: string) => Jabatan;
  family?: string;
  showcaseFamily?: boolean;
  status?: CreateEmployeeBody['kepegawaian']['status'];
}

export function generateTenantSeed(tenantId: string): TenantSeed {
  const profile = tenantProfile(tenantId);
  const prng = createPrng(`sigap-demo:${tenantId}`);
  const ids = new IdentityRegistry(prng, profile);
  const members: SeedMember[] = [];
  let staffIndex = 0;
  let pppkIndex = 0;

  for (const [opdIndex, opd] of profile.opds.entries()) {
    const structural = (role: SeedRole, plan: Omit<Plan, 'role' | 'opd' | 'jenis'>) => {
      const employee = buildEmployee(prng, ids, profile, { role, opd, jenis: 'PNS', ...plan });
      members.push({ role, opd: opd.code, employee });
      return employee.nip;
    };
    const kesehatan = opd.kind === 'kesehatan';
    const kepalaGolongan = prng.pick(profile.provincial ? ['IV/c', 'IV/d'] : ['IV/b', 'IV/c', 'IV/c']);
    const kepala = structural('kepala', {
      unit: opd.nama,
      education: kesehatan ? 'PROFESI' : 'S1',
      postgraduate: true,
      golongan: kepalaGolongan,
      serviceYears: promotionsTo(kesehatan ? 'PROFESI' : 'S1', kepalaGolongan) * 4 + prng.int(1, 6),
      jabatan: () => ({
        type: 'STRUKTURAL',
        nama: `Kepala ${opd.nama}`,
        eselon: profile.provincial ? 'II.a' : 'II.b',
        kelasJabatan: profile.provincial ? 15 : 14,
      }),
      showcaseFamily: opdIndex === 0,
    });
    const kabid = opd.bidang.map((bidang) => {
      const golongan = prng.pick(['IV/a', 'IV/a', 'IV/b']);
      return structural('kabid', {
        unit: bidang,
        atasanNip: kepala,
        education: 'S1',
        postgraduate: prng.chance(0.7),
        golongan,
        serviceYears: promotionsTo('S1', golongan) * 4 + prng.int(1, 6),
        jabatan: () => ({
          type: 'STRUKTURAL',
          nama: `Kepala ${bidang}`,
          eselon: profile.provincial ? 'III.a' : 'III.b',
          kelasJabatan: profile.provincial ? 12 : prng.pick([11, 12]),
        }),
      });
    });
    const kasubbagGolongan = prng.pick(['III/c', 'III/d']);
    const kasubbag = structural('kasubbag', {
      unit: 'Subbagian Umum dan Kepegawaian',
      // In a full OPD the kasubbag reports to the sekretaris; the demo has no sekretariat layer.
      atasanNip: kepala,
      education: 'S1',
      golongan: kasubbagGolongan,
      serviceYears: promotionsTo('S1', kasubbagGolongan) * 4 + prng.int(1, 5),
      jabatan: () => ({
        type: 'STRUKTURAL',
        nama: 'Kepala Subbagian Umum dan Kepegawaian',
        eselon: 'IV.a',
        kelasJabatan: 9,
      }),
    });

    const staffCount = prng.int(2, 4);
    for (let i = 0; i < staffCount; i++, staffIndex++) {
      const jenis =
        staffIndex % 5 === 1 || staffIndex % 5 === 3 ? 'PPPK' : staffIndex % 7 === 5 ? 'CPNS' : 'PNS';
      const plan = staffPlan(prng, opd, jenis, jenis === 'PPPK' ? pppkIndex++ : 0);
      const bidangIndex = i % 2;
      const inSekretariat = plan.jabatanKind === 'pelaksana' && prng.chance(0.5);
      const place = profile.places[(opdIndex + i) % profile.places.length]!;
      const unit = inSekretariat
        ? 'Subbagian Umum dan Kepegawaian'
        : (serviceUnit(opd.kind, place, profile.provincial, i) ?? opd.bidang[bidangIndex]!);
      const employee = buildEmployee(prng, ids, profile, {
        ...plan,
        role: 'staff',
        opd,
        unit,
        atasanNip: inSekretariat ? kasubbag : kabid[bidangIndex]!,
        // One PNS per tenant is away on study leave, which pay rules treat differently.
        ...(jenis === 'PNS' && staffIndex === 2 ? { status: 'TUGAS_BELAJAR' as const } : {}),
      });
      members.push({ role: 'staff', opd: opd.code, employee });
    }
  }
  return {
    tenantId,
    asOf: SEED_AS_OF,
    opds: profile.opds.map(({ code, nama }) => ({ code, nama })),
    members,
  };
}

function staffPlan(prng: Prng, opd: OpdProfile, jenis: Plan['jenis'], pppkIndex: number) {
  const families = FUNGSIONAL_BY_KIND[opd.kind];
  // PPPK cycle through the diplomas so every tenant shows golongan V, VII, IX and X.
  const education: Education =
    jenis === 'PPPK'
      ? (['SMA', 'D3', 'S1', 'S2'] as const)[pppkIndex % 4]!
      : prng.chance(0.7)
        ? prng.pick(prng.pick(families).educations)
        : prng.pick(['SMA', 'D3', 'S1'] as const);
  const family = families.find(
    (f) => f.educations.includes(education) || (education === 'S2' && f.educations.includes('S1')),
  );
  const fungsional = education !== 'SMA' && family !== undefined && (jenis === 'PPPK' || prng.chance(0.75));
  const ageAtEntry = jenis === 'PPPK' ? prng.int(24, 45) : entryAge(education, prng);
  // Non-structural ASN retire at 58; keep everyone below it on SEED_AS_OF.
  const serviceYears = jenis === 'PNS' ? prng.int(3, Math.min(30, 57 - ageAtEntry)) : 0;
  const ceiling = fungsional
    ? education === 'D3'
      ? 'III/b'
      : 'IV/b'
    : education === 'SMA'
      ? 'III/b'
      : 'III/d';
  const golongan =
    jenis === 'PPPK'
      ? PPPK_GOLONGAN[education]
      : jenis === 'CPNS'
        ? entryGolongan(education)
        : golonganAfter(education, serviceYears, ceiling);
  const tmt =
    jenis === 'PPPK'
      ? prng.pick([
          { year: 2022, month: 3 },
          { year: 2023, month: 3 },
          { year: 2024, month: 1 },
          { year: 2025, month: 10 },
        ])
      : jenis === 'CPNS'
        ? prng.pick([
            { year: 2025, month: 10 },
            { year: 2026, month: 3 },
          ])
        : undefined;
  return {
    jenis,
    education,
    golongan,
    serviceYears,
    ageAtEntry,
    ...(tmt ? { tmt } : {}),
    jabatanKind: fungsional ? ('fungsional' as const) : ('pelaksana' as const),
    ...(fungsional && family ? { family: family.nama } : {}),
    // PPPK hold the entry jenjang of their formasi whatever their golongan number.
    jabatan: (g: string) =>
      fungsional && family
        ? fungsionalJabatan(family, education, jenis === 'PPPK' ? undefined : g)
        : pelaksanaJabatan(education),
  };
}

function entryAge(education: Education, prng: Prng): number {
  const [min, max] = { SMA: [19, 24], D3: [21, 26], S1: [23, 29], S2: [26, 32], PROFESI: [25, 30] }[
    education
  ];
  return prng.int(min!, max!);
}

const pad = (n: number) => String(n).padStart(2, '0');

const nikAndNpwp = (nik: string) => ({ nik, npwp: nik });

/** A street address in one of the tenant's places, derived from the NIP (no PRNG draw: the rest of the seed stays as it was). */
function demoAddress(profile: TenantProfile, nip: string): string {
  const n = Number(nip.slice(-3));
  const street = ['Jl. Melati', 'Jl. Kenanga', 'Jl. Flamboyan', 'Jl. Cempaka', 'Jl. Mawar'][n % 5];
  return `${street} No. ${(n % 87) + 1}, ${profile.places[n % profile.places.length]}`;
}

function buildEmployee(
  prng: Prng,
  ids: IdentityRegistry,
  profile: TenantProfile,
  plan: Plan,
): CreateEmployeeBody {
  const gender: Gender = prng.chance(plan.role === 'kepala' ? 0.35 : 0.5) ? 'P' : 'L';
  const nama = ids.uniqueName(gender);
  const tmt = plan.tmt ?? { year: REF_YEAR - plan.serviceYears, month: prng.pick([1, 2, 3, 4, 12]) };
  const ageAtEntry = plan.ageAtEntry ?? entryAge(plan.education, prng);
  const birth = { year: tmt.year - ageAtEntry, month: prng.int(1, 12), day: prng.int(1, 28) };
  const nip = ids.nip(birth, tmt, gender);
  const tmtStart = `${tmt.year}-${pad(tmt.month)}-01`;

  const promotions =
    plan.jenis === 'PNS' ? golonganIndex(plan.golongan) - golonganIndex(entryGolongan(plan.education)) : 0;
  const pangkatTmt = promotions > 0 ? `${tmt.year + promotions * 4}-${prng.pick(['04', '10'])}-01` : tmtStart;
  const safePangkatTmt = pangkatTmt > SEED_AS_OF ? `${pangkatTmt.slice(0, 4)}-04-01` : pangkatTmt;
  const serviceMonths =
    (Number(safePangkatTmt.slice(0, 4)) - tmt.year) * 12 + Number(safePangkatTmt.slice(5, 7)) - tmt.month;
  const keluarga = generateFamily({
    prng,
    region: profile.region,
    gender,
    nama,
    birthYear: birth.year,
    asOf: SEED_AS_OF,
    spouseNip: (g, year) => {
      const spouseBirth = { year, month: prng.int(1, 12), day: prng.int(1, 28) };
      return ids.nip(spouseBirth, { year: Math.min(year + prng.int(22, 28), REF_YEAR - 1), month: 3 }, g);
    },
    ...(plan.showcaseFamily ? { showcase: true } : {}),
  });

  return {
    nip,
    nama,
    ...gelarFor(prng, plan),
    // NIK doubles as the 16-digit NPWP since 2024; the SIPD list and the bukti potong carry both.
    ...nikAndNpwp(ids.nik(birth, gender)),
    alamat: demoAddress(profile, nip),
    ptkpStatus: ptkpStatus(gender, keluarga),
    bankAccount: {
      bank: profile.bank,
      bankCode: profile.bankCode,
      accountNumber: ids.accountNumber(),
      accountName: nama.toUpperCase(),
    },
    tmtStart,
    pangkat: { golongan: plan.golongan, tmt: safePangkatTmt },
    masaKerja: {
      // Grids of I/b–I/d, II/b–II/d and PPPK II–IV, VI–VIII start at MKG 3: entry at these golongan
      // carries a starting masa kerja, and a lower MKG is a data error the payroll would refuse.
      years: Math.max(
        GRID_STARTS_AT_3.has(plan.golongan) ? 3 : 0,
        Math.min(Math.floor(serviceMonths / 12), plan.golongan.startsWith('II/') ? 33 : 32),
      ),
      months: serviceMonths % 12,
      tmt: safePangkatTmt,
    },
    jabatan: plan.jabatan(plan.golongan),
    penempatan: {
      opd: plan.opd.code,
      unit: plan.unit,
      ...(plan.atasanNip ? { atasanNip: plan.atasanNip } : {}),
    },
    keluarga,
    kepegawaian: { jenisAsn: plan.jenis, status: plan.status ?? 'AKTIF' },
  };
}

function gelarFor(prng: Prng, plan: Plan) {
  return gelar(prng, plan.opd.kind, plan.education, {
    ...(plan.family ? { family: plan.family } : {}),
    postgraduate: plan.postgraduate ?? false,
  });
}
