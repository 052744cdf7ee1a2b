import { nationalRulesFor } from '../rulesets/national-in-force';
import type { NationalRuleset } from '../rulesets/national-ruleset';
import { rulesetVersion } from '../rulesets/ruleset-version';
import { tenantRulesFor } from '../rulesets/tenant-in-force';
import type { TenantRuleset } from '../rulesets/tenant-ruleset';
import { PayDataError } from './errors';
import { berasStep, gajiPokokStep, jabatanStep, keluargaStep } from './gaji-steps';
import { iuranGajiStep } from './iuran-steps';
import { BP_PER_UNIT } from './money';
import { dateMonthIndex, monthIndex } from './month';
import type { PayContext } from './pay-context';
import { SlipBuilder } from './slip-builder';
import { type GajiBruto, taxAndPembulatanStep } from './tax-steps';
import { tppStep } from './tpp-steps';
import type { PayInput, PaySlip } from './types';

export interface Rulesets {
  readonly national: NationalRuleset;
  readonly tenant: TenantRuleset;
}

/**
 * One employee's monthly payslip: the gaji of the pay month and the TPP paid in it, every line naming
 * its rule. Reads in the calculation order of payroll-run.md §2. Pure and synchronous.
 */
export function computeMonthlyPay(input: PayInput, rulesets: Rulesets): PaySlip {
  const { employee, month } = input;
  if (input.tenantId !== rulesets.tenant.tenantId) {
    throw new PayDataError(
      'tenantId',
      `input is for ${input.tenantId}, ruleset is ${rulesets.tenant.tenantId}`,
    );
  }
  const monthIdx = monthIndex(month);
  const startIdx = dateMonthIndex(employee.tmtStart, 'employee.tmtStart');
  const endIdx = employee.tmtEnd
    ? dateMonthIndex(employee.tmtEnd, 'employee.tmtEnd')
    : Number.POSITIVE_INFINITY;
  const ctx: PayContext = {
    input,
    employee,
    monthIdx,
    startIdx,
    endIdx,
    nat: nationalRulesFor(rulesets.national, month),
    ten: tenantRulesFor(rulesets.tenant, month),
    slip: new SlipBuilder(),
  };
  const { slip, nat } = ctx;

  // 1. Status for the month: in service, and whether any gaji is paid at all.
  if (monthIdx < startIdx || monthIdx > endIdx) {
    throw new PayDataError('month', `employee ${employee.nip} is not in service in ${month}`);
  }
  if (!Number.isInteger(employee.kelasJabatan) || employee.kelasJabatan < 1 || employee.kelasJabatan > 17) {
    throw new PayDataError('employee.kelasJabatan', 'must be 1–17');
  }
  const isLastMasa = input.isLastMasa ?? (monthIdx % 12 === 11 || endIdx === monthIdx);
  const gajiPaid = (nat.statusBp.value[employee.status] ?? BP_PER_UNIT) > 0;
  slip.step('status', 'status', gajiPaid ? 1 : 0, statusDetail(employee, isLastMasa), nat.statusBp.citation);

  let gaji: (GajiBruto & { bpjsBaseUsed: number }) | undefined;
  if (gajiPaid) {
    // 2. Gaji pokok (CPNS 80%).
    const gajiPokok = gajiPokokStep(ctx);
    // 3. Tunjangan keluarga.
    const keluarga = keluargaStep(ctx, gajiPokok);
    const tunjanganKeluarga = keluarga.suamiIstri + keluarga.anak;
    // 4. Tunjangan jabatan: struktural, fungsional or umum.
    const jabatan = jabatanStep(ctx);
    // 5. Tunjangan beras.
    const beras = berasStep(ctx, keluarga);
    // 6–7. Employer premiums and employee deductions.
    const iuran = iuranGajiStep(ctx, { gajiPokok, keluarga: tunjanganKeluarga, jabatan });
    gaji = {
      fixedIncome: gajiPokok + tunjanganKeluarga + jabatan + beras,
      premiums: iuran.premiums,
      iuranPensiun: iuran.iuranPensiun,
      bpjsBaseUsed: iuran.bpjsBaseUsed,
    };
  } else {
    slip.warn(`${employee.status}: no gaji is paid this month`);
  }

  // TPP paid this month (performance month = pay month − lag), with its BPJS after the gaji's share of the cap.
  const tpp = tppStep(ctx, rulesets.tenant, gaji?.bpjsBaseUsed ?? 0);

  // 8–10. Pembulatan and PPh 21 (order depends on who bears the PPh).
  const taxFacts = taxAndPembulatanStep(ctx, gaji, tpp, isLastMasa);

  return slip.finish({
    tenantId: input.tenantId,
    nip: employee.nip,
    month,
    // Present even when undefined (storage drops it): one shape for every slip's meta.
    tppPeriod: tpp?.period,
    isLastMasa,
    rulesetVersion: rulesetVersion(rulesets),
    taxFacts,
  });
}

/** `PNS AKTIF`, `, masa pajak terakhir` in December: a handful of texts, built once each. */
const statusDetails = new Map<string, Map<string, readonly [string, string]>>();

let lastStatus: { jenisAsn: string; status: string; texts: readonly [string, string] } | undefined;

function statusDetail(employee: PayInput['employee'], isLastMasa: boolean): string {
  // Most of a run shares one jenis and status: compare before looking up.
  if (lastStatus?.jenisAsn === employee.jenisAsn && lastStatus.status === employee.status) {
    return lastStatus.texts[isLastMasa ? 1 : 0];
  }
  let byStatus = statusDetails.get(employee.jenisAsn);
  if (!byStatus) {
    byStatus = new Map();
    if (statusDetails.size < 16) statusDetails.set(employee.jenisAsn, byStatus);
  }
  let texts = byStatus.get(employee.status);
  if (!texts) {
    const text = `${employee.jenisAsn} ${employee.status}`;
    texts = [text, `${text}, masa pajak terakhir`];
    // Both keys are validated enums in practice; the guard keeps odd input from growing the memo.
    if (byStatus.size < 16) byStatus.set(employee.status, texts);
  }
  lastStatus = { jenisAsn: employee.jenisAsn, status: employee.status, texts };
  return texts[isLastMasa ? 1 : 0];
}
