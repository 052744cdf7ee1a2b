import type { CreateEmployeeBody } from '../../../functions/employees/schemas';
import { childName, type Gender, type NameRegion, personName } from './names';
import type { Prng } from './prng';

/**
 * Families for the demo employees, and the PTKP status that follows from them. PTKP counts the
 * dependants a taxpayer fully supports (unmarried, no income), at most 3 (UU PPh art. 7). A married
 * woman's own withholding uses TK/0: her PTKP is joined to her husband's (PER-16/PJ/2016 practice;
 * UNVERIFIED article).
 */
export type Keluarga = CreateEmployeeBody['keluarga'];
export type Child = Keluarga['children'][number];

export interface FamilyInput {
  prng: Prng;
  region: NameRegion;
  gender: Gender;
  nama: string;
  birthYear: number;
  /** ISO date the ages are computed at. */
  asOf: string;
  /** A spouse NIP when the spouse is ASN too; the generator keeps NIPs unique. */
  spouseNip: (spouseGender: Gender, spouseBirthYear: number) => string;
  /** Forces the showcase family: KAWIN, 3 children, the eldest over 21 and still studying. */
  showcase?: boolean;
}

export function generateFamily(input: FamilyInput): Keluarga {
  const { prng, region, gender, nama, birthYear, asOf } = input;
  const refYear = Number(asOf.slice(0, 4));
  const age = refYear - birthYear;
  const statusKawin: Keluarga['statusKawin'] = input.showcase
    ? 'KAWIN'
    : age < 27 && prng.chance(0.6)
      ? 'BELUM_KAWIN'
      : prng.chance(0.06)
        ? 'CERAI_MATI'
        : prng.chance(0.04)
          ? 'CERAI_HIDUP'
          : 'KAWIN';
  if (statusKawin === 'BELUM_KAWIN') return { statusKawin, children: [] };

  const spouseGender: Gender = gender === 'L' ? 'P' : 'L';
  const spouseBirthYear = birthYear + (gender === 'L' ? prng.int(0, 5) : -prng.int(0, 5));
  const spouseNama = personName(prng, region, spouseGender);
  const fatherName = gender === 'L' ? nama : spouseNama;
  const childCount = input.showcase ? 3 : prng.pick([0, 1, 1, 2, 2, 2, 3]);
  const children = generateChildren(prng, region, fatherName, birthYear, refYear, childCount, input.showcase);
  if (statusKawin !== 'KAWIN') return { statusKawin, children };

  const isAsn = !input.showcase && prng.chance(0.3);
  return {
    statusKawin,
    spouse: {
      nama: spouseNama,
      isAsn,
      ...(isAsn ? { nip: input.spouseNip(spouseGender, spouseBirthYear) } : {}),
      // When both spouses are ASN the family allowance is paid once, with the other spouse's pay.
      receivesAllowanceHere: !isAsn,
    },
    children,
  };
}

function generateChildren(
  prng: Prng,
  region: NameRegion,
  fatherName: string,
  parentBirthYear: number,
  refYear: number,
  count: number,
  showcase = false,
): Child[] {
  const firstBirthYear = Math.min(parentBirthYear + prng.int(25, 31), refYear - 1);
  const children: Child[] = [];
  let year = showcase ? refYear - prng.int(22, 23) : firstBirthYear;
  const names = new Set<string>();
  for (let i = 0; i < count && year < refYear; i++) {
    let nama = childName(prng, region, fatherName);
    for (let tries = 0; names.has(nama) && tries < 10; tries++) nama = childName(prng, region, fatherName);
    names.add(nama);
    const age = refYear - year;
    const adult = age > 25;
    children.push({
      nama,
      birthDate: `${year}-${String(prng.int(1, 12)).padStart(2, '0')}-${String(prng.int(1, 28)).padStart(2, '0')}`,
      status: prng.chance(0.95) ? 'KANDUNG' : 'ANGKAT',
      // Over 21 a child still counts for the family allowance only while studying (up to 25).
      inSchool: (showcase && i === 0) || (age >= 6 && age <= 25 && (age <= 21 || prng.chance(0.5))),
      married: adult && prng.chance(0.6),
      hasIncome: adult && prng.chance(0.8),
    });
    year += prng.int(2, 5);
  }
  return children;
}

export function ptkpStatus(gender: Gender, keluarga: Keluarga): CreateEmployeeBody['ptkpStatus'] {
  type Ptkp = CreateEmployeeBody['ptkpStatus'];
  const dependants = Math.min(3, keluarga.children.filter((c) => !c.married && !c.hasIncome).length);
  if (keluarga.statusKawin === 'KAWIN') return gender === 'L' ? (`K/${dependants}` as Ptkp) : 'TK/0';
  return `TK/${dependants}` as Ptkp;
}
