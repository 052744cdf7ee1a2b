import type { NationalRules } from '../rulesets/national-in-force';
import type { InForce } from '../rulesets/rules-in-force';
import { formatBp, formatRupiah } from './format';
import {
  type BpjsKesehatanResult,
  bpjsKesehatan,
  iuranJkkJkm,
  iuranTapera,
  iuranTaspen,
  iuranThtPppk,
  type TaspenResult,
} from './iuran';
import { BoundedMemo, perObject } from './memo';
import { addEmployerPremium, type PayContext } from './pay-context';

const BPJS_BASE = 'dasar: gaji pokok + tunjangan keluarga + tunjangan jabatan/umum, dibatasi';
const BPJS_BASE_WITH_OTHER = `${BPJS_BASE}; termasuk penghasilan di daftar lain (tunjangan profesi)`;

export interface GajiIuran {
  /** Employer premiums of the gaji list (BPJS 4%, JKK, JKM, Tapera 0,5%). */
  readonly premiums: number;
  /** Employee iuran pensiun/THT deductible in the annual PPh computation. */
  readonly iuranPensiun: number;
  /** Part of the BPJS cap used by the gaji list. */
  readonly bpjsBaseUsed: number;
}

type Basis = Readonly<Record<string, number>>;

/** Each iuran is a rate of a base, so the base keys its amounts and texts for the whole month. */
interface BpjsEntry {
  readonly bpjs: BpjsKesehatanResult;
  readonly employerBasis: Basis;
  readonly employerText: string;
  readonly employeeBasis: Basis;
  readonly employeeText: string;
}
interface JaminanEntry {
  readonly jkk: number;
  readonly jkm: number;
  readonly jkkBasis: Basis;
  readonly jkkText: string;
  readonly jkmBasis: Basis;
  readonly jkmText: string;
}
interface TaspenEntry {
  readonly taspen: TaspenResult;
  readonly basis: Basis;
  readonly text: string;
}
interface TaperaEntry {
  readonly employee: number;
  readonly employer: number;
  readonly employeeBasis: Basis;
  readonly employeeText: string;
  readonly employerBasis: Basis;
  readonly employerText: string;
}

const iuranMemos = perObject((nat: NationalRules) => ({
  bpjsPrefixes: {
    employer: `Iuran BPJS Kesehatan pemberi kerja: ${formatBp(nat.bpjs.value.employerBp)} × `,
    employee: `Iuran BPJS Kesehatan pegawai: ${formatBp(nat.bpjs.value.employeeBp)} × `,
  },
  jaminan: new BoundedMemo<number, JaminanEntry>(),
  taspenTexts: {
    lead: `Iuran Taspen: ${formatBp(nat.taspen.value.totalBp)} × `,
    split: ` (dibulatkan ke bawah; rincian informatif: pensiun ${formatBp(nat.taspen.value.pensiunBp)} `,
    tht: `, THT ${formatBp(nat.taspen.value.thtBp)} `,
  },
  tapera: new BoundedMemo<number, TaperaEntry>(),
}));

/** A base is rarely shared (gaji pokok, family and jabatan together): only the rate texts are memoised. */
function bpjsEntry(nat: NationalRules, base: number, other: number): BpjsEntry {
  const rates = nat.bpjs.value;
  const prefixes = iuranMemos(nat).bpjsPrefixes;
  const bpjs = bpjsKesehatan({ base, headroom: rates.maxMonthlyBase }, rates);
  const baseText =
    bpjs.cappedBase < base
      ? `${formatRupiah(bpjs.cappedBase)} (dasar dibatasi ${formatRupiah(bpjs.cappedBase)}) = `
      : `${formatRupiah(bpjs.cappedBase)} = `;
  return {
    bpjs,
    employerBasis: {
      base,
      cappedBase: bpjs.cappedBase,
      otherBpjsBaseThisMonth: other,
      rateBp: rates.employerBp,
    },
    employerText: prefixes.employer + baseText + formatRupiah(bpjs.employer),
    employeeBasis: {
      base,
      cappedBase: bpjs.cappedBase,
      otherBpjsBaseThisMonth: other,
      rateBp: rates.employeeBp,
    },
    employeeText: prefixes.employee + baseText + formatRupiah(bpjs.employee),
  };
}

function jaminanEntry(nat: NationalRules, gajiPokok: number): JaminanEntry {
  const memo = iuranMemos(nat).jaminan;
  const memoised = memo.get(gajiPokok);
  if (memoised) return memoised;
  const jk = iuranJkkJkm({ gajiPokok }, { jkkBp: nat.jkkBp.value, jkmBp: nat.jkmBp.value });
  return memo.set(gajiPokok, {
    jkk: jk.jkk,
    jkm: jk.jkm,
    jkkBasis: { gajiPokok, rateBp: nat.jkkBp.value },
    jkkText: jaminanText('Jaminan Kecelakaan Kerja', nat.jkkBp, jk.jkk, gajiPokok),
    jkmBasis: { gajiPokok, rateBp: nat.jkmBp.value },
    jkmText: jaminanText('Jaminan Kematian', nat.jkmBp, jk.jkm, gajiPokok),
  });
}

function jaminanText(name: string, rule: InForce<number>, amount: number, gajiPokok: number): string {
  return `Iuran ${name}: ${formatBp(rule.value)} × ${formatRupiah(gajiPokok)} = ${formatRupiah(amount)} (dibulatkan)`;
}

function taspenEntry(nat: NationalRules, gajiPokok: number, keluarga: number): TaspenEntry {
  const rates = nat.taspen.value;
  const texts = iuranMemos(nat).taspenTexts;
  const t = iuranTaspen({ gajiPokok, tunjanganKeluarga: keluarga }, rates);
  const baseText =
    keluarga > 0 ? `(${formatRupiah(gajiPokok)} + ${formatRupiah(keluarga)})` : formatRupiah(gajiPokok);
  return {
    taspen: t,
    basis: { base: t.base, rateBp: rates.totalBp, pensiun: t.pensiun, tht: t.tht },
    text: `${texts.lead}${baseText} = ${formatRupiah(t.iuran)}${texts.split}${formatRupiah(t.pensiun)}${texts.tht}${formatRupiah(t.tht)})`,
  };
}

function taperaEntry(nat: NationalRules, base: number): TaperaEntry {
  const memo = iuranMemos(nat).tapera;
  const memoised = memo.get(base);
  if (memoised) return memoised;
  const rates = nat.tapera.value;
  const tap = iuranTapera({ base }, rates);
  return memo.set(base, {
    employee: tap.employee,
    employer: tap.employer,
    employeeBasis: { base, rateBp: rates.employeeBp },
    employeeText: `Simpanan Tapera: ${formatBp(rates.employeeBp)} × ${formatRupiah(base)} = ${formatRupiah(tap.employee)}`,
    employerBasis: { base, rateBp: rates.employerBp },
    employerText: `Simpanan Tapera pemberi kerja: ${formatBp(rates.employerBp)} × ${formatRupiah(base)} = ${formatRupiah(tap.employer)}`,
  });
}

/** Steps 6 and 7: employer premiums (BPJS 4% capped, JKK, JKM) and employee deductions (BPJS 1%, Taspen, THT, Tapera). */
export function iuranGajiStep(
  ctx: PayContext,
  b: { readonly gajiPokok: number; readonly keluarga: number; readonly jabatan: number },
): GajiIuran {
  const { employee, nat, ten, slip, input } = ctx;
  const other = input.otherBpjsBaseThisMonth ?? 0;
  const base = b.gajiPokok + b.keluarga + b.jabatan + other;
  const bpjsTexts = bpjsEntry(nat, base, other);
  const { bpjs } = bpjsTexts;
  slip.step(
    'bpjs.base',
    'iuran.bpjs-kesehatan',
    bpjs.cappedBase,
    other > 0 ? BPJS_BASE_WITH_OTHER : BPJS_BASE,
    nat.bpjs.citation,
  );
  addEmployerPremium(ctx, {
    code: 'TUNJ_BPJS_KESEHATAN',
    deductionCode: 'POT_BPJS_KESEHATAN_PEMBERI_KERJA',
    label: 'Tunjangan iuran BPJS Kesehatan (4%)',
    deductionLabel: 'Potongan iuran BPJS Kesehatan pemberi kerja (4%)',
    amount: bpjs.employer,
    group: 'GAJI',
    ruleId: 'iuran.bpjs-kesehatan.pemberi-kerja',
    rule: nat.bpjs,
    basis: bpjsTexts.employerBasis,
    explanation: bpjsTexts.employerText,
  });
  const jk = jaminanEntry(nat, b.gajiPokok);
  addEmployerPremium(ctx, {
    code: 'TUNJ_JKK',
    deductionCode: 'POT_JKK',
    label: 'Tunjangan iuran JKK',
    deductionLabel: 'Potongan iuran JKK',
    amount: jk.jkk,
    group: 'GAJI',
    ruleId: 'iuran.jkk',
    rule: nat.jkkBp,
    basis: jk.jkkBasis,
    explanation: jk.jkkText,
  });
  addEmployerPremium(ctx, {
    code: 'TUNJ_JKM',
    deductionCode: 'POT_JKM',
    label: 'Tunjangan iuran JKM',
    deductionLabel: 'Potongan iuran JKM',
    amount: jk.jkm,
    group: 'GAJI',
    ruleId: 'iuran.jkm',
    rule: nat.jkmBp,
    basis: jk.jkmBasis,
    explanation: jk.jkmText,
  });
  let premiums = bpjs.employer + jk.jkk + jk.jkm;

  slip.add({
    code: 'POT_IWP_BPJS_1',
    label: 'Iuran BPJS Kesehatan pegawai (IWP 1%)',
    amount: bpjs.employee,
    kind: 'POTONGAN',
    group: 'GAJI',
    ruleId: 'iuran.bpjs-kesehatan.pegawai',
    citation: nat.bpjs.citation,
    basis: bpjsTexts.employeeBasis,
    explanation: bpjsTexts.employeeText,
  });

  let iuranPensiun = 0;
  if (employee.jenisAsn !== 'PPPK') {
    const t = taspenEntry(nat, b.gajiPokok, b.keluarga);
    iuranPensiun = t.taspen.iuran;
    slip.add({
      code: 'POT_IWP_TASPEN_8',
      label: 'Iuran wajib pegawai Taspen (IWP 8%)',
      amount: t.taspen.iuran,
      kind: 'POTONGAN',
      group: 'GAJI',
      ruleId: 'iuran.taspen',
      citation: nat.taspen.citation,
      basis: t.basis,
      explanation: t.text,
    });
  } else if (ten.pppkThtBp.value > 0) {
    const base = b.gajiPokok + b.keluarga;
    iuranPensiun = iuranThtPppk({ base }, ten.pppkThtBp.value);
    slip.add({
      code: 'POT_THT_PPPK',
      label: 'Iuran THT/JHT PPPK',
      amount: iuranPensiun,
      kind: 'POTONGAN',
      group: 'GAJI',
      ruleId: 'iuran.tht-pppk',
      citation: ten.pppkThtBp.citation,
      basis: { base, rateBp: ten.pppkThtBp.value },
      explanation: `Iuran THT PPPK: ${formatBp(ten.pppkThtBp.value)} × ${formatRupiah(base)} = ${formatRupiah(iuranPensiun)} (dibulatkan ke bawah)`,
    });
  }

  if (ten.taperaEnabled.value) {
    const tap = taperaEntry(nat, b.gajiPokok + b.keluarga);
    slip.add({
      code: 'POT_TAPERA',
      label: 'Simpanan Tapera pegawai',
      amount: tap.employee,
      kind: 'POTONGAN',
      group: 'GAJI',
      ruleId: 'iuran.tapera.pegawai',
      citation: nat.tapera.citation,
      basis: tap.employeeBasis,
      explanation: tap.employeeText,
    });
    addEmployerPremium(ctx, {
      code: 'TUNJ_TAPERA',
      deductionCode: 'POT_TAPERA_PEMBERI_KERJA',
      label: 'Tunjangan simpanan Tapera pemberi kerja',
      deductionLabel: 'Potongan simpanan Tapera pemberi kerja',
      amount: tap.employer,
      group: 'GAJI',
      ruleId: 'iuran.tapera.pemberi-kerja',
      rule: nat.tapera,
      basis: tap.employerBasis,
      explanation: tap.employerText,
    });
    premiums += tap.employer;
  }
  return { premiums, iuranPensiun, bpjsBaseUsed: bpjs.cappedBase };
}
