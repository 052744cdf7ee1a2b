import { formatBp, formatRupiah } from './format';
import { gajiPokokReceived, lookupGajiPokok } from './gaji-pokok';
import { BP_PER_UNIT } from './money';
import { inputCitation, type PayContext } from './pay-context';
import { type LineBasis, type LineHead, lineHead } from './slip-builder';
import { tunjanganBeras } from './tunjangan-beras';
import { golonganGroup, type TunjanganJabatanKind, tunjanganJabatan } from './tunjangan-jabatan';
import { jiwaTunjanganBeras, type TunjanganKeluargaResult, tunjanganKeluarga } from './tunjangan-keluarga';
import type { Citation } from './types';

const GAJI_POKOK_LINE = lineHead('GAJI', 'PENGHASILAN', 'gaji-pokok.lookup', 'GAJI_POKOK', 'Gaji pokok');

/**
 * Step 2: gaji pokok from the dated grid (PP 5/2024 for PNS, Perpres 11/2024 for PPPK) by golongan and
 * MKG; a CPNS receives 80% of it, and a status factor (CLTN, pemberhentian sementara) reduces it.
 */
export function gajiPokokStep(ctx: PayContext): number {
  const { employee, nat, slip } = ctx;
  const { golongan, mkgYears } = employee;
  const grid = employee.jenisAsn === 'PPPK' ? nat.gajiPokokPppk : nat.gajiPokokPns;
  const found = lookupGajiPokok(employee, grid.value);
  slip.step(
    'gajiPokok.table',
    'gaji-pokok.lookup',
    found.amount,
    `${golongan} baris MKG ${found.stepMkg}`,
    grid.citation,
  );

  const cpns = employee.jenisAsn === 'CPNS';
  const statusBp = nat.statusBp.value[employee.status] ?? BP_PER_UNIT;
  const byStatus = statusBp !== BP_PER_UNIT;
  if (!cpns && !byStatus) {
    return slip.add(GAJI_POKOK_LINE, found.amount, grid.citation, {
      golongan,
      mkgYears,
      stepMkg: found.stepMkg,
      tableAmount: found.amount,
    });
  }

  // The factors in the order applied: the CPNS share, then the status factor.
  const factors: number[] = [];
  let text = `Gaji pokok ${golongan} MKG ${mkgYears} tahun (baris MKG ${found.stepMkg}): ${formatRupiah(found.amount)}`;
  if (cpns) {
    factors.push(nat.cpnsBp.value);
    text += ` × ${formatBp(nat.cpnsBp.value)} (CPNS)`;
  }
  if (byStatus) {
    factors.push(statusBp);
    text += ` × ${formatBp(statusBp)} (${employee.status})`;
  }
  const amount = gajiPokokReceived(found.amount, factors);
  slip.step(
    'gajiPokok.reduced',
    'gaji-pokok.factors',
    amount,
    text,
    cpns ? nat.cpnsBp.citation : nat.statusBp.citation,
  );
  // The basis names each factor applied (absent ones undefined: one shape for every reduced line).
  return slip.add(GAJI_POKOK_LINE, amount, grid.citation, {
    golongan,
    mkgYears,
    stepMkg: found.stepMkg,
    tableAmount: found.amount,
    cpnsBp: cpns ? nat.cpnsBp.value : undefined,
    statusBp: byStatus ? statusBp : undefined,
    status: byStatus ? employee.status : undefined,
  } as LineBasis);
}

const SUAMI_ISTRI_LINE = lineHead(
  'GAJI',
  'PENGHASILAN',
  'tunjangan-keluarga.suami-istri',
  'TUNJ_SUAMI_ISTRI',
  'Tunjangan suami/istri',
);
const ANAK_LINE = lineHead('GAJI', 'PENGHASILAN', 'tunjangan-keluarga.anak', 'TUNJ_ANAK', 'Tunjangan anak');

/** Step 3: tunjangan suami/istri and anak, rates of the gaji pokok received (PP 7/1977 Pasal 16). */
export function keluargaStep(ctx: PayContext, gajiPokok: number): TunjanganKeluargaResult {
  const { employee, nat, slip } = ctx;
  const rules = nat.keluarga.value;
  const result = tunjanganKeluarga({ gajiPokok, family: employee.family, monthIndex: ctx.monthIdx }, rules);
  slip.step(
    'tunjanganKeluarga',
    'tunjangan-keluarga',
    result.suamiIstri + result.anak,
    `pemegang tunjangan: ${result.isHolder ? 'ya' : 'tidak'}; anak dibayar ${result.anakCount}`,
    nat.keluarga.citation,
  );
  if (employee.family.spouse?.receivesAllowanceHere) {
    slip.add(SUAMI_ISTRI_LINE, result.suamiIstri, nat.keluarga.citation, {
      gajiPokok,
      rateBp: rules.suamiIstriBp,
    });
  }
  if (result.anakCount > 0) {
    slip.add(ANAK_LINE, result.anak, nat.keluarga.citation, {
      gajiPokok,
      rateBp: rules.anakBp,
      children: result.anakCount,
      childrenListed: employee.family.children.length,
    });
  }
  return result;
}

const JABATAN_RULE = {
  STRUKTURAL: 'tunjangan-jabatan.struktural',
  FUNGSIONAL: 'tunjangan-jabatan.fungsional',
  UMUM: 'tunjangan-jabatan.umum',
} as const;

const JABATAN_LINE: Readonly<Record<Exclude<TunjanganJabatanKind, 'NONE'>, LineHead>> = {
  STRUKTURAL: lineHead(
    'GAJI',
    'PENGHASILAN',
    JABATAN_RULE.STRUKTURAL,
    'TUNJ_STRUKTURAL',
    'Tunjangan jabatan struktural',
  ),
  FUNGSIONAL: lineHead(
    'GAJI',
    'PENGHASILAN',
    JABATAN_RULE.FUNGSIONAL,
    'TUNJ_FUNGSIONAL',
    'Tunjangan jabatan fungsional',
  ),
  UMUM: lineHead('GAJI', 'PENGHASILAN', JABATAN_RULE.UMUM, 'TUNJ_UMUM', 'Tunjangan umum'),
};

/** Step 4: exactly one of tunjangan jabatan struktural, fungsional or tunjangan umum. */
export function jabatanStep(ctx: PayContext): number {
  const { employee, nat, slip } = ctx;
  const result = tunjanganJabatan(employee, {
    struktural: nat.tunjanganStruktural.value,
    fungsional: nat.tunjanganFungsionalTables,
    umum: nat.tunjanganUmum.value,
  });
  if (result.kind === 'NONE') {
    slip.step('tunjanganJabatan', 'tunjangan-jabatan', 0, result.from);
    return 0;
  }
  const citation =
    result.kind === 'STRUKTURAL'
      ? nat.tunjanganStruktural.citation
      : result.kind === 'UMUM'
        ? nat.tunjanganUmum.citation
        : fungsionalCitation(ctx, result.from);
  slip.step('tunjanganJabatan', JABATAN_RULE[result.kind], result.amount, result.from, citation);
  slip.add(JABATAN_LINE[result.kind], result.amount, citation, {
    source: result.from,
    golonganGroup: golonganGroup(employee.golongan),
  });
  return result.amount;
}

/** A fungsional amount cites its jabatan's table, or the employee's SK amount as input. */
function fungsionalCitation(ctx: PayContext, from: string): Citation {
  const { jabatan } = ctx.employee;
  const { month } = ctx.input;
  if (from === 'input' || jabatan.type !== 'FUNGSIONAL') {
    return inputCitation(
      'input.employee.jabatan.amount',
      'Jumlah tunjangan fungsional pada data jabatan pegawai',
      month,
    );
  }
  return (
    ctx.nat.tunjanganFungsional.get(jabatan.code)?.citation ??
    inputCitation('input.employee.jabatan', 'Tunjangan fungsional', month)
  );
}

const BERAS_LINE = lineHead('GAJI', 'PENGHASILAN', 'tunjangan-beras', 'TUNJ_BERAS', 'Tunjangan beras');

/** Step 5: tunjangan beras per jiwa (the employee, a non-ASN spouse, the children paid), up to a cap. */
export function berasStep(ctx: PayContext, keluarga: TunjanganKeluargaResult): number {
  const { employee, nat, slip } = ctx;
  const jiwa = jiwaTunjanganBeras(employee.family, keluarga);
  const rupiahPerJiwa = nat.berasPerJiwa.value;
  const maxJiwa = nat.berasMaxJiwa.value;
  const result = tunjanganBeras({ jiwa }, { rupiahPerJiwa, maxJiwa });
  slip.step(
    'tunjanganBeras',
    'tunjangan-beras',
    result.amount,
    `${result.jiwaPaid} jiwa`,
    nat.berasPerJiwa.citation,
  );
  slip.add(BERAS_LINE, result.amount, nat.berasPerJiwa.citation, {
    jiwa: result.jiwa,
    jiwaPaid: result.jiwaPaid,
    rupiahPerJiwa,
    maxJiwa,
  });
  return result.amount;
}
