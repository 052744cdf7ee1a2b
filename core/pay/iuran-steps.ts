import { formatBp } from './format';
import { bpjsKesehatan, iuranJkkJkm, iuranTapera, iuranTaspen, iuranThtPppk } from './iuran';
import { addEmployerPremium, employerPremiumHead, type PayContext } from './pay-context';
import { lineHead } from './slip-builder';

const BPJS_BASE = 'dasar: gaji pokok + tunjangan keluarga + tunjangan jabatan/umum, dibatasi';
const BPJS_BASE_WITH_OTHER = `${BPJS_BASE}; termasuk penghasilan di daftar lain (tunjangan profesi)`;

export interface GajiIuran {
  /** Employer premiums of the gaji list (BPJS Kesehatan, JKK, JKM, Tapera). */
  readonly premiums: number;
  /** Employee iuran pensiun/THT deductible in the annual PPh computation. */
  readonly iuranPensiun: number;
  /** Part of the BPJS cap used by the gaji list. */
  readonly bpjsBaseUsed: number;
}

/**
 * The BPJS Kesehatan premium's lines, labelled with the rates in force (`… (4%)`, `… (IWP 1%)`): a
 * changed rate changes the slip's words with its amounts. The line codes stay as they are: documents
 * and stored slips key on them.
 */
function bpjsHeads(rates: { readonly employerBp: number; readonly employeeBp: number }) {
  const employer = formatBp(rates.employerBp);
  return {
    premium: employerPremiumHead(
      'GAJI',
      'iuran.bpjs-kesehatan.pemberi-kerja',
      { code: 'TUNJ_BPJS_KESEHATAN', label: `Tunjangan iuran BPJS Kesehatan (${employer})` },
      {
        code: 'POT_BPJS_KESEHATAN_PEMBERI_KERJA',
        label: `Potongan iuran BPJS Kesehatan pemberi kerja (${employer})`,
      },
    ),
    employee: lineHead(
      'GAJI',
      'POTONGAN',
      'iuran.bpjs-kesehatan.pegawai',
      'POT_IWP_BPJS_1',
      `Iuran BPJS Kesehatan pegawai (IWP ${formatBp(rates.employeeBp)})`,
    ),
  };
}

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
const THT_PPPK_LINE = lineHead('GAJI', 'POTONGAN', 'iuran.tht-pppk', 'POT_THT_PPPK', 'Iuran THT/JHT PPPK');
const TAPERA_PEGAWAI_LINE = lineHead(
  'GAJI',
  'POTONGAN',
  'iuran.tapera.pegawai',
  'POT_TAPERA',
  'Simpanan Tapera pegawai',
);

/**
 * Steps 6 and 7 of the gaji list: the employer premiums (BPJS Kesehatan up to the cap, JKK, JKM, Tapera)
 * and the employee's deductions (BPJS Kesehatan, Taspen or the PPPK THT, Tapera), each a rate of its base.
 */
export function iuranGajiStep(
  ctx: PayContext,
  b: { readonly gajiPokok: number; readonly keluarga: number; readonly jabatan: number },
): GajiIuran {
  const { employee, nat, ten, slip, input } = ctx;

  // BPJS Kesehatan: gaji pokok + keluarga + jabatan (+ what another list pays this month), capped.
  const bpjsRates = nat.bpjs.value;
  const other = input.otherBpjsBaseThisMonth ?? 0;
  const bpjsBase = b.gajiPokok + b.keluarga + b.jabatan + other;
  const bpjs = bpjsKesehatan({ base: bpjsBase, headroom: bpjsRates.maxMonthlyBase }, bpjsRates);
  const bpjsLines = bpjsHeads(bpjsRates);
  slip.step(
    'bpjs.base',
    'iuran.bpjs-kesehatan',
    bpjs.cappedBase,
    other > 0 ? BPJS_BASE_WITH_OTHER : BPJS_BASE,
    nat.bpjs.citation,
  );
  const bpjsBasis = (rateBp: number) => ({
    base: bpjsBase,
    cappedBase: bpjs.cappedBase,
    otherBpjsBaseThisMonth: other,
    rateBp,
  });
  addEmployerPremium(
    ctx,
    bpjsLines.premium,
    bpjs.employer,
    nat.bpjs.citation,
    bpjsBasis(bpjsRates.employerBp),
  );

  // JKK and JKM: rates of the gaji pokok, paid by the employer.
  const jk = iuranJkkJkm({ gajiPokok: b.gajiPokok }, { jkkBp: nat.jkkBp.value, jkmBp: nat.jkmBp.value });
  addEmployerPremium(ctx, JKK_PREMIUM, jk.jkk, nat.jkkBp.citation, {
    gajiPokok: b.gajiPokok,
    rateBp: nat.jkkBp.value,
  });
  addEmployerPremium(ctx, JKM_PREMIUM, jk.jkm, nat.jkmBp.citation, {
    gajiPokok: b.gajiPokok,
    rateBp: nat.jkmBp.value,
  });
  let premiums = bpjs.employer + jk.jkk + jk.jkm;

  slip.add(bpjsLines.employee, bpjs.employee, nat.bpjs.citation, bpjsBasis(bpjsRates.employeeBp));

  // Pension: Taspen for PNS and CPNS; for PPPK the tenant's THT/JHT, if it has one.
  let iuranPensiun = 0;
  if (employee.jenisAsn !== 'PPPK') {
    const rates = nat.taspen.value;
    const t = iuranTaspen({ gajiPokok: b.gajiPokok, tunjanganKeluarga: b.keluarga }, rates);
    iuranPensiun = t.iuran;
    const taspenLine = lineHead(
      'GAJI',
      'POTONGAN',
      'iuran.taspen',
      'POT_IWP_TASPEN_8',
      `Iuran wajib pegawai Taspen (IWP ${formatBp(rates.totalBp)})`,
    );
    slip.add(taspenLine, t.iuran, nat.taspen.citation, {
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

  // Tapera: only where the tenant has switched it on; base gaji pokok + keluarga.
  if (ten.taperaEnabled.value) {
    const rates = nat.tapera.value;
    const base = b.gajiPokok + b.keluarga;
    const tap = iuranTapera({ base }, rates);
    slip.add(TAPERA_PEGAWAI_LINE, tap.employee, nat.tapera.citation, { base, rateBp: rates.employeeBp });
    addEmployerPremium(ctx, TAPERA_PREMIUM, tap.employer, nat.tapera.citation, {
      base,
      rateBp: rates.employerBp,
    });
    premiums += tap.employer;
  }
  return { premiums, iuranPensiun, bpjsBaseUsed: bpjs.cappedBase };
}
