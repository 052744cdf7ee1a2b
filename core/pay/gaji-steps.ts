import { formatBp, formatRupiah } from './format';
import { gajiPokokReceived, lookupGajiPokok } from './gaji-pokok';
import { BP_PER_UNIT } from './money';
import { inputCitation, type PayContext } from './pay-context';
import { tunjanganBeras } from './tunjangan-beras';
import { golonganGroup, tunjanganJabatan } from './tunjangan-jabatan';
import { jiwaTunjanganBeras, type TunjanganKeluargaResult, tunjanganKeluarga } from './tunjangan-keluarga';

/** Step 2: gaji pokok from the dated grid; CPNS 80% and the status factor reduce it. */
export function gajiPokokStep(ctx: PayContext): number {
  const { employee, nat, slip } = ctx;
  const grid = employee.jenisAsn === 'PPPK' ? nat.gajiPokokPppk : nat.gajiPokokPns;
  const found = lookupGajiPokok(employee, grid.value);
  slip.step(
    'gajiPokok.table',
    'gaji-pokok.lookup',
    found.amount,
    `${employee.golongan} baris MKG ${found.stepMkg}`,
    grid.citation,
  );
  const factors: number[] = [];
  let text = `Gaji pokok ${employee.golongan} MKG ${employee.mkgYears} tahun (baris MKG ${found.stepMkg}): ${formatRupiah(found.amount)}`;
  if (employee.jenisAsn === 'CPNS') {
    factors.push(nat.cpnsBp.value);
    text += ` × ${formatBp(nat.cpnsBp.value)} (CPNS)`;
  }
  const statusBp = nat.statusBp.value[employee.status] ?? BP_PER_UNIT;
  if (statusBp !== BP_PER_UNIT) {
    factors.push(statusBp);
    text += ` × ${formatBp(statusBp)} (${employee.status})`;
  }
  const amount = gajiPokokReceived(found.amount, factors);
  if (factors.length > 0) {
    slip.step(
      'gajiPokok.reduced',
      'gaji-pokok.factors',
      amount,
      text,
      employee.jenisAsn === 'CPNS' ? nat.cpnsBp.citation : nat.statusBp.citation,
    );
    text += ` = ${formatRupiah(amount)}`;
  }
  slip.add({
    code: 'GAJI_POKOK',
    label: 'Gaji pokok',
    amount,
    kind: 'PENGHASILAN',
    group: 'GAJI',
    ruleId: 'gaji-pokok.lookup',
    citation: grid.citation,
    basis: {
      golongan: employee.golongan,
      mkgYears: employee.mkgYears,
      stepMkg: found.stepMkg,
      tableAmount: found.amount,
    },
    explanation: text,
  });
  return amount;
}

/** Step 3: tunjangan suami/istri and anak. */
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
    slip.add({
      code: 'TUNJ_SUAMI_ISTRI',
      label: 'Tunjangan suami/istri',
      amount: result.suamiIstri,
      kind: 'PENGHASILAN',
      group: 'GAJI',
      ruleId: 'tunjangan-keluarga.suami-istri',
      citation: nat.keluarga.citation,
      basis: { gajiPokok, rateBp: rules.suamiIstriBp },
      explanation: `Tunjangan suami/istri: ${formatBp(rules.suamiIstriBp)} × ${formatRupiah(gajiPokok)} = ${formatRupiah(result.suamiIstri)}`,
    });
  }
  if (result.anakCount > 0) {
    slip.add({
      code: 'TUNJ_ANAK',
      label: 'Tunjangan anak',
      amount: result.anak,
      kind: 'PENGHASILAN',
      group: 'GAJI',
      ruleId: 'tunjangan-keluarga.anak',
      citation: nat.keluarga.citation,
      basis: {
        gajiPokok,
        rateBp: rules.anakBp,
        children: result.anakCount,
        childrenListed: employee.family.children.length,
      },
      explanation: `Tunjangan anak: ${result.anakCount} × ${formatBp(rules.anakBp)} × ${formatRupiah(gajiPokok)} = ${formatRupiah(result.anak)}`,
    });
  }
  return result;
}

const JABATAN_RULE = {
  STRUKTURAL: 'tunjangan-jabatan.struktural',
  FUNGSIONAL: 'tunjangan-jabatan.fungsional',
  UMUM: 'tunjangan-jabatan.umum',
  NONE: 'tunjangan-jabatan.none',
} as const;

/** Step 4: exactly one of tunjangan struktural, fungsional or umum. */
export function jabatanStep(ctx: PayContext): number {
  const { employee, nat, slip, input } = ctx;
  const result = tunjanganJabatan(employee, {
    struktural: nat.tunjanganStruktural.value,
    fungsional: nat.tunjanganFungsionalTables,
    umum: nat.tunjanganUmum.value,
  });
  if (result.kind === 'NONE') {
    slip.step('tunjanganJabatan', 'tunjangan-jabatan', 0, result.from);
    return 0;
  }
  const spec = {
    STRUKTURAL: {
      code: 'TUNJ_STRUKTURAL',
      label: 'Tunjangan jabatan struktural',
      rule: nat.tunjanganStruktural,
    },
    FUNGSIONAL: { code: 'TUNJ_FUNGSIONAL', label: 'Tunjangan jabatan fungsional', rule: undefined },
    UMUM: { code: 'TUNJ_UMUM', label: 'Tunjangan umum', rule: nat.tunjanganUmum },
  }[result.kind];
  const jabatan = employee.jabatan;
  const citation =
    spec.rule?.citation ??
    (result.from === 'input' || jabatan.type !== 'FUNGSIONAL'
      ? inputCitation(
          'input.employee.jabatan.amount',
          'Jumlah tunjangan fungsional pada data jabatan pegawai',
          input.month,
        )
      : (nat.tunjanganFungsional.get(jabatan.code)?.citation ??
        inputCitation('input.employee.jabatan', 'Tunjangan fungsional', input.month)));
  slip.step('tunjanganJabatan', JABATAN_RULE[result.kind], result.amount, result.from, citation);
  slip.add({
    code: spec.code,
    label: spec.label,
    amount: result.amount,
    kind: 'PENGHASILAN',
    group: 'GAJI',
    ruleId: JABATAN_RULE[result.kind],
    citation,
    basis: { source: result.from, golonganGroup: golonganGroup(employee.golongan) },
    explanation: `${spec.label} (${result.from}): ${formatRupiah(result.amount)}`,
  });
  return result.amount;
}

/** Step 5: tunjangan beras per jiwa. */
export function berasStep(ctx: PayContext, keluarga: TunjanganKeluargaResult): number {
  const { employee, nat, slip } = ctx;
  const jiwa = jiwaTunjanganBeras(employee.family, keluarga);
  const perJiwa = nat.berasPerJiwa.value;
  const result = tunjanganBeras({ jiwa }, { rupiahPerJiwa: perJiwa, maxJiwa: nat.berasMaxJiwa.value });
  slip.step(
    'tunjanganBeras',
    'tunjangan-beras',
    result.amount,
    `${result.jiwaPaid} jiwa`,
    nat.berasPerJiwa.citation,
  );
  slip.add({
    code: 'TUNJ_BERAS',
    label: 'Tunjangan beras',
    amount: result.amount,
    kind: 'PENGHASILAN',
    group: 'GAJI',
    ruleId: 'tunjangan-beras',
    citation: nat.berasPerJiwa.citation,
    basis: {
      jiwa: result.jiwa,
      jiwaPaid: result.jiwaPaid,
      rupiahPerJiwa: perJiwa,
      maxJiwa: nat.berasMaxJiwa.value,
    },
    explanation: `Tunjangan beras: ${result.jiwaPaid} jiwa × ${formatRupiah(perJiwa)} = ${formatRupiah(result.amount)}`,
  });
  return result.amount;
}
