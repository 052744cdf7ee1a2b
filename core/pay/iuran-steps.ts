import type { InForce } from '../rulesets/rules-in-force';
import { formatBp, formatRupiah } from './format';
import { bpjsKesehatan, iuranJkkJkm, iuranTapera, iuranTaspen, iuranThtPppk } from './iuran';
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

/** Steps 6 and 7: employer premiums (BPJS 4% capped, JKK, JKM) and employee deductions (BPJS 1%, Taspen, THT, Tapera). */
export function iuranGajiStep(
  ctx: PayContext,
  b: { readonly gajiPokok: number; readonly keluarga: number; readonly jabatan: number },
): GajiIuran {
  const { employee, nat, ten, slip, input } = ctx;
  const other = input.otherBpjsBaseThisMonth ?? 0;
  const base = b.gajiPokok + b.keluarga + b.jabatan + other;
  const bpjs = bpjsKesehatan({ base, headroom: nat.bpjs.value.maxMonthlyBase }, nat.bpjs.value);
  const capNote = bpjs.cappedBase < base ? ` (dasar dibatasi ${formatRupiah(bpjs.cappedBase)})` : '';
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
    basis: {
      base,
      cappedBase: bpjs.cappedBase,
      otherBpjsBaseThisMonth: other,
      rateBp: nat.bpjs.value.employerBp,
    },
    explanation: `Iuran BPJS Kesehatan pemberi kerja: ${formatBp(nat.bpjs.value.employerBp)} × ${formatRupiah(bpjs.cappedBase)}${capNote} = ${formatRupiah(bpjs.employer)}`,
  });
  const jk = iuranJkkJkm(b, { jkkBp: nat.jkkBp.value, jkmBp: nat.jkmBp.value });
  addJaminan(ctx, 'JKK', 'Jaminan Kecelakaan Kerja', nat.jkkBp, jk.jkk, b.gajiPokok);
  addJaminan(ctx, 'JKM', 'Jaminan Kematian', nat.jkmBp, jk.jkm, b.gajiPokok);
  let premiums = bpjs.employer + jk.jkk + jk.jkm;

  slip.add({
    code: 'POT_IWP_BPJS_1',
    label: 'Iuran BPJS Kesehatan pegawai (IWP 1%)',
    amount: bpjs.employee,
    kind: 'POTONGAN',
    group: 'GAJI',
    ruleId: 'iuran.bpjs-kesehatan.pegawai',
    citation: nat.bpjs.citation,
    basis: {
      base,
      cappedBase: bpjs.cappedBase,
      otherBpjsBaseThisMonth: other,
      rateBp: nat.bpjs.value.employeeBp,
    },
    explanation: `Iuran BPJS Kesehatan pegawai: ${formatBp(nat.bpjs.value.employeeBp)} × ${formatRupiah(bpjs.cappedBase)}${capNote} = ${formatRupiah(bpjs.employee)}`,
  });

  let iuranPensiun = 0;
  const pensionBase = { gajiPokok: b.gajiPokok, tunjanganKeluarga: b.keluarga };
  if (employee.jenisAsn !== 'PPPK') {
    const t = iuranTaspen(pensionBase, nat.taspen.value);
    iuranPensiun = t.iuran;
    const baseText =
      b.keluarga > 0
        ? `(${formatRupiah(b.gajiPokok)} + ${formatRupiah(b.keluarga)})`
        : formatRupiah(b.gajiPokok);
    const split = `rincian informatif: pensiun ${formatBp(nat.taspen.value.pensiunBp)} ${formatRupiah(t.pensiun)}, THT ${formatBp(nat.taspen.value.thtBp)} ${formatRupiah(t.tht)}`;
    slip.add({
      code: 'POT_IWP_TASPEN_8',
      label: 'Iuran wajib pegawai Taspen (IWP 8%)',
      amount: t.iuran,
      kind: 'POTONGAN',
      group: 'GAJI',
      ruleId: 'iuran.taspen',
      citation: nat.taspen.citation,
      basis: { base: t.base, rateBp: nat.taspen.value.totalBp, pensiun: t.pensiun, tht: t.tht },
      explanation: `Iuran Taspen: ${formatBp(nat.taspen.value.totalBp)} × ${baseText} = ${formatRupiah(t.iuran)} (dibulatkan ke bawah; ${split})`,
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
    const base = b.gajiPokok + b.keluarga;
    const tap = iuranTapera({ base }, nat.tapera.value);
    slip.add({
      code: 'POT_TAPERA',
      label: 'Simpanan Tapera pegawai',
      amount: tap.employee,
      kind: 'POTONGAN',
      group: 'GAJI',
      ruleId: 'iuran.tapera.pegawai',
      citation: nat.tapera.citation,
      basis: { base, rateBp: nat.tapera.value.employeeBp },
      explanation: `Simpanan Tapera: ${formatBp(nat.tapera.value.employeeBp)} × ${formatRupiah(base)} = ${formatRupiah(tap.employee)}`,
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
      basis: { base, rateBp: nat.tapera.value.employerBp },
      explanation: `Simpanan Tapera pemberi kerja: ${formatBp(nat.tapera.value.employerBp)} × ${formatRupiah(base)} = ${formatRupiah(tap.employer)}`,
    });
    premiums += tap.employer;
  }
  return { premiums, iuranPensiun, bpjsBaseUsed: bpjs.cappedBase };
}

function addJaminan(
  ctx: PayContext,
  code: 'JKK' | 'JKM',
  name: string,
  rule: InForce<number>,
  amount: number,
  gajiPokok: number,
) {
  addEmployerPremium(ctx, {
    code: code === 'JKK' ? 'TUNJ_JKK' : 'TUNJ_JKM',
    deductionCode: code === 'JKK' ? 'POT_JKK' : 'POT_JKM',
    label: code === 'JKK' ? 'Tunjangan iuran JKK' : 'Tunjangan iuran JKM',
    deductionLabel: code === 'JKK' ? 'Potongan iuran JKK' : 'Potongan iuran JKM',
    amount,
    group: 'GAJI',
    ruleId: code === 'JKK' ? 'iuran.jkk' : 'iuran.jkm',
    rule,
    basis: { gajiPokok, rateBp: rule.value },
    explanation: `Iuran ${name}: ${formatBp(rule.value)} × ${formatRupiah(gajiPokok)} = ${formatRupiah(amount)} (dibulatkan)`,
  });
}
