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
import { addEmployerPremium, employerPremiumHead, type PayContext } from './pay-context';
import type { LineHead } from './slip-builder';

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

const BPJS_PREMIUM = employerPremiumHead(
  'GAJI',
  'iuran.bpjs-kesehatan.pemberi-kerja',
  { code: 'TUNJ_BPJS_KESEHATAN', label: 'Tunjangan iuran BPJS Kesehatan (4%)' },
  { code: 'POT_BPJS_KESEHATAN_PEMBERI_KERJA', label: 'Potongan iuran BPJS Kesehatan pemberi kerja (4%)' },
);
const JKK_PREMIUM = employerPremiumHead(
  'GAJI',
  'iuran.jkk',
  { code: 'TUNJ_JKK', label: 'Tunjangan iuran JKK' },
  { code: 'POT_JKK', label: 'Potongan iuran JKK' },
);
const JKM_PREMIUM = employerPremiumHead(
  'GAJI',
  'iuran.jkm',
  { code: 'TUNJ_JKM', label: 'Tunjangan iuran JKM' },
  { code: 'POT_JKM', label: 'Potongan iuran JKM' },
);
const TAPERA_PREMIUM = employerPremiumHead(
  'GAJI',
  'iuran.tapera.pemberi-kerja',
  { code: 'TUNJ_TAPERA', label: 'Tunjangan simpanan Tapera pemberi kerja' },
  { code: 'POT_TAPERA_PEMBERI_KERJA', label: 'Potongan simpanan Tapera pemberi kerja' },
);
const BPJS_PEGAWAI_LINE = deduction(
  'POT_IWP_BPJS_1',
  'Iuran BPJS Kesehatan pegawai (IWP 1%)',
  'iuran.bpjs-kesehatan.pegawai',
);
const TASPEN_LINE = deduction('POT_IWP_TASPEN_8', 'Iuran wajib pegawai Taspen (IWP 8%)', 'iuran.taspen');
const THT_PPPK_LINE = deduction('POT_THT_PPPK', 'Iuran THT/JHT PPPK', 'iuran.tht-pppk');
const TAPERA_PEGAWAI_LINE = deduction('POT_TAPERA', 'Simpanan Tapera pegawai', 'iuran.tapera.pegawai');

function deduction(code: string, label: string, ruleId: string): LineHead {
  return { code, label, kind: 'POTONGAN', group: 'GAJI', ruleId };
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
  addEmployerPremium(
    ctx,
    BPJS_PREMIUM,
    bpjs.employer,
    nat.bpjs.citation,
    bpjsTexts.employerBasis,
    bpjsTexts.employerText,
  );
  const jk = jaminanEntry(nat, b.gajiPokok);
  addEmployerPremium(ctx, JKK_PREMIUM, jk.jkk, nat.jkkBp.citation, jk.jkkBasis, jk.jkkText);
  addEmployerPremium(ctx, JKM_PREMIUM, jk.jkm, nat.jkmBp.citation, jk.jkmBasis, jk.jkmText);
  let premiums = bpjs.employer + jk.jkk + jk.jkm;

  slip.add(
    BPJS_PEGAWAI_LINE,
    bpjs.employee,
    nat.bpjs.citation,
    bpjsTexts.employeeBasis,
    bpjsTexts.employeeText,
  );

  let iuranPensiun = 0;
  if (employee.jenisAsn !== 'PPPK') {
    const t = taspenEntry(nat, b.gajiPokok, b.keluarga);
    iuranPensiun = t.taspen.iuran;
    slip.add(TASPEN_LINE, t.taspen.iuran, nat.taspen.citation, t.basis, t.text);
  } else if (ten.pppkThtBp.value > 0) {
    const base = b.gajiPokok + b.keluarga;
    iuranPensiun = iuranThtPppk({ base }, ten.pppkThtBp.value);
    slip.add(
      THT_PPPK_LINE,
      iuranPensiun,
      ten.pppkThtBp.citation,
      { base, rateBp: ten.pppkThtBp.value },
      `Iuran THT PPPK: ${formatBp(ten.pppkThtBp.value)} × ${formatRupiah(base)} = ${formatRupiah(iuranPensiun)} (dibulatkan ke bawah)`,
    );
  }

  if (ten.taperaEnabled.value) {
    const tap = taperaEntry(nat, b.gajiPokok + b.keluarga);
    slip.add(TAPERA_PEGAWAI_LINE, tap.employee, nat.tapera.citation, tap.employeeBasis, tap.employeeText);
    addEmployerPremium(
      ctx,
      TAPERA_PREMIUM,
      tap.employer,
      nat.tapera.citation,
      tap.employerBasis,
      tap.employerText,
    );
    premiums += tap.employer;
  }
  return { premiums, iuranPensiun, bpjsBaseUsed: bpjs.cappedBase };
}
