import type { NationalRules } from '../rulesets/national-in-force';
import {
  type BpjsKesehatanResult,
  bpjsKesehatan,
  iuranJkkJkm,
  iuranTapera,
  iuranTaspen,
  iuranThtPppk,
} from './iuran';
import { BoundedMemo, perObject } from './memo';
import { addEmployerPremium, employerPremiumHead, type PayContext } from './pay-context';
import { lineHead } from './slip-builder';

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

/** Each iuran is a rate of a base: the amounts and bases a base gives, per line. */
interface BpjsEntry {
  readonly bpjs: BpjsKesehatanResult;
  readonly employerBasis: Basis;
  readonly employeeBasis: Basis;
}
interface JaminanEntry {
  readonly jkk: number;
  readonly jkm: number;
  readonly jkkBasis: Basis;
  readonly jkmBasis: Basis;
}
interface TaperaEntry {
  readonly employee: number;
  readonly employer: number;
  readonly employeeBasis: Basis;
  readonly employerBasis: Basis;
}

/** JKK/JKM and Tapera follow from a base shared by many employees: built once per month's rules. */
const iuranMemos = perObject((_nat: NationalRules) => ({
  jaminan: new BoundedMemo<number, JaminanEntry>(),
  tapera: new BoundedMemo<number, TaperaEntry>(),
}));

/** A BPJS base is rarely shared (gaji pokok, family and jabatan together): built per slip. */
function bpjsEntry(nat: NationalRules, base: number, other: number): BpjsEntry {
  const rates = nat.bpjs.value;
  const bpjs = bpjsKesehatan({ base, headroom: rates.maxMonthlyBase }, rates);
  return {
    bpjs,
    employerBasis: {
      base,
      cappedBase: bpjs.cappedBase,
      otherBpjsBaseThisMonth: other,
      rateBp: rates.employerBp,
    },
    employeeBasis: {
      base,
      cappedBase: bpjs.cappedBase,
      otherBpjsBaseThisMonth: other,
      rateBp: rates.employeeBp,
    },
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
    jkmBasis: { gajiPokok, rateBp: nat.jkmBp.value },
  });
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
    employerBasis: { base, rateBp: rates.employerBp },
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
const BPJS_PEGAWAI_LINE = lineHead(
  'GAJI',
  'POTONGAN',
  'iuran.bpjs-kesehatan.pegawai',
  'POT_IWP_BPJS_1',
  'Iuran BPJS Kesehatan pegawai (IWP 1%)',
);
const TASPEN_LINE = lineHead(
  'GAJI',
  'POTONGAN',
  'iuran.taspen',
  'POT_IWP_TASPEN_8',
  'Iuran wajib pegawai Taspen (IWP 8%)',
);
const THT_PPPK_LINE = lineHead('GAJI', 'POTONGAN', 'iuran.tht-pppk', 'POT_THT_PPPK', 'Iuran THT/JHT PPPK');
const TAPERA_PEGAWAI_LINE = lineHead(
  'GAJI',
  'POTONGAN',
  'iuran.tapera.pegawai',
  'POT_TAPERA',
  'Simpanan Tapera pegawai',
);

/** Steps 6 and 7: employer premiums (BPJS 4% capped, JKK, JKM) and employee deductions (BPJS 1%, Taspen, THT, Tapera). */
export function iuranGajiStep(
  ctx: PayContext,
  b: { readonly gajiPokok: number; readonly keluarga: number; readonly jabatan: number },
): GajiIuran {
  const { employee, nat, ten, slip, input } = ctx;
  const other = input.otherBpjsBaseThisMonth ?? 0;
  const base = b.gajiPokok + b.keluarga + b.jabatan + other;
  const bpjsLines = bpjsEntry(nat, base, other);
  const { bpjs } = bpjsLines;
  slip.step(
    'bpjs.base',
    'iuran.bpjs-kesehatan',
    bpjs.cappedBase,
    other > 0 ? BPJS_BASE_WITH_OTHER : BPJS_BASE,
    nat.bpjs.citation,
  );
  addEmployerPremium(ctx, BPJS_PREMIUM, bpjs.employer, nat.bpjs.citation, bpjsLines.employerBasis);
  const jk = jaminanEntry(nat, b.gajiPokok);
  addEmployerPremium(ctx, JKK_PREMIUM, jk.jkk, nat.jkkBp.citation, jk.jkkBasis);
  addEmployerPremium(ctx, JKM_PREMIUM, jk.jkm, nat.jkmBp.citation, jk.jkmBasis);
  let premiums = bpjs.employer + jk.jkk + jk.jkm;

  slip.add(BPJS_PEGAWAI_LINE, bpjs.employee, nat.bpjs.citation, bpjsLines.employeeBasis);

  let iuranPensiun = 0;
  if (employee.jenisAsn !== 'PPPK') {
    const rates = nat.taspen.value;
    const t = iuranTaspen({ gajiPokok: b.gajiPokok, tunjanganKeluarga: b.keluarga }, rates);
    iuranPensiun = t.iuran;
    slip.add(TASPEN_LINE, t.iuran, nat.taspen.citation, {
      base: t.base,
      gajiPokok: b.gajiPokok,
      tunjanganKeluarga: b.keluarga,
      rateBp: rates.totalBp,
      pensiunBp: rates.pensiunBp,
      pensiun: t.pensiun,
      thtBp: rates.thtBp,
      tht: t.tht,
    });
  } else if (ten.pppkThtBp.value > 0) {
    const base = b.gajiPokok + b.keluarga;
    iuranPensiun = iuranThtPppk({ base }, ten.pppkThtBp.value);
    slip.add(THT_PPPK_LINE, iuranPensiun, ten.pppkThtBp.citation, { base, rateBp: ten.pppkThtBp.value });
  }

  if (ten.taperaEnabled.value) {
    const tap = taperaEntry(nat, b.gajiPokok + b.keluarga);
    slip.add(TAPERA_PEGAWAI_LINE, tap.employee, nat.tapera.citation, tap.employeeBasis);
    addEmployerPremium(ctx, TAPERA_PREMIUM, tap.employer, nat.tapera.citation, tap.employerBasis);
    premiums += tap.employer;
  }
  return { premiums, iuranPensiun, bpjsBaseUsed: bpjs.cappedBase };
}
