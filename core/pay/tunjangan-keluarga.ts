import { PayDataError } from './errors';
import { roundHalfUpRate } from './money';
import { dateMonthIndexOrInvalid } from './month';
import type { Child, Family } from './types';

export interface KeluargaRules {
  readonly suamiIstriBp: number;
  readonly anakBp: number;
  readonly maxAnak: number;
  readonly maxAnakAngkat: number;
  readonly anakAgeLimit: number;
  readonly anakAgeLimitIfStudying: number;
}

export interface ChildDecision {
  readonly index: number;
  readonly paid: boolean;
  readonly reason: string;
}

export interface TunjanganKeluargaResult {
  /** This employee holds the family allowance (no ASN spouse, or the ASN spouse's allowance is here). */
  readonly isHolder: boolean;
  readonly suamiIstri: number;
  readonly anak: number;
  readonly anakCount: number;
  readonly children: readonly ChildDecision[];
}

/**
 * PP 7/1977 Pasal 16 as amended (Permendagri 6/2021 for PPPK): spouse 10% and 2% per child of the gaji
 * pokok received, at most 2 children of whom at most 1 anak angkat; a child counts until the month it
 * turns 21 (25 with proof of schooling), unmarried and without own income. When both spouses are ASN
 * only the holder gets any of it. Children are taken oldest first; each amount rounds half-up (exact for
 * grid amounts).
 */
export function tunjanganKeluarga(
  input: { readonly gajiPokok: number; readonly family: Family; readonly monthIndex: number },
  rules: KeluargaRules,
): TunjanganKeluargaResult {
  const family = input.family;
  const spouse = family.spouse;
  const children = family.children;
  const isHolder = spouse ? !spouse.isAsn || spouse.receivesAllowanceHere : true;
  const suamiIstri = spouse?.receivesAllowanceHere ? roundHalfUpRate(input.gajiPokok, rules.suamiIstriBp) : 0;

  const count = children.length;
  if (count === 0) return { isHolder, suamiIstri, anak: 0, anakCount: 0, children: [] };
  const births = children.map((child, i) => {
    const birth = dateMonthIndexOrInvalid(child.birthDate);
    if (birth < 0) throw new PayDataError(`employee.family.children[${i}].birthDate`, 'expected YYYY-MM-DD');
    return birth;
  });
  // Oldest first; children born in the same month keep the order they are listed in.
  const order = children
    .map((_, i) => i)
    .sort((a, b) => (births[a] as number) - (births[b] as number) || a - b);
  const decisions: ChildDecision[] = new Array(count);
  let paid = 0;
  let angkat = 0;
  for (const index of order) {
    const child = children[index] as Child;
    const reason = isHolder
      ? childIneligibility(child, births[index] as number, input.monthIndex, rules)
      : 'tunjangan keluarga pada pasangan ASN';
    if (reason) {
      decisions[index] = { index, paid: false, reason };
    } else if (paid >= rules.maxAnak) {
      decisions[index] = { index, paid: false, reason: `melebihi ${rules.maxAnak} anak` };
    } else if (child.status === 'ANGKAT' && angkat >= rules.maxAnakAngkat) {
      decisions[index] = { index, paid: false, reason: `melebihi ${rules.maxAnakAngkat} anak angkat` };
    } else {
      if (child.status === 'ANGKAT') angkat++;
      paid++;
      decisions[index] = { index, paid: true, reason: 'memenuhi syarat' };
    }
  }
  const perChild = roundHalfUpRate(input.gajiPokok, rules.anakBp);
  return { isHolder, suamiIstri, anak: perChild * paid, anakCount: paid, children: decisions };
}

function childIneligibility(
  child: Child,
  birth: number,
  month: number,
  rules: KeluargaRules,
): string | undefined {
  if (birth >= month) return 'belum lahir sebelum bulan gaji';
  if (child.married) return 'sudah menikah';
  if (child.hasIncome) return 'berpenghasilan sendiri';
  const limit = child.inSchool ? rules.anakAgeLimitIfStudying : rules.anakAgeLimit;
  // Paid up to and including the month the limit age is reached; it stops the month after.
  if (month > birth + limit * 12) return `usia melewati ${limit} tahun`;
  return undefined;
}

/** Jiwa for tunjangan beras: the employee, a non-ASN spouse on this slip, and the children paid here. */
export function jiwaTunjanganBeras(family: Family, keluarga: TunjanganKeluargaResult): number {
  const spouseCounted = family.spouse?.receivesAllowanceHere && !family.spouse.isAsn ? 1 : 0;
  return 1 + spouseCounted + keluarga.anakCount;
}
