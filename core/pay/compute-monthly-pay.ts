import { PayDataError } from './errors';
import { berasStep, gajiPokokStep, jabatanStep, keluargaStep } from './gaji-steps';
import { iuranGajiStep } from './iuran-steps';
import { BP_PER_UNIT } from './money';
import { dateMonthIndex, monthIndex } from './month';
import type { PayContext } from './pay-context';
import { type PayRules, payRulesOf, type Rulesets } from './pay-rules';
import { SlipBuilder } from './slip-builder';
import { type GajiBruto, taxAndPembulatanStep } from './tax-steps';
import { tppStep } from './tpp-steps';
import type { PayInput, PaySlip } from './types';

export { PayRules, type Rulesets } from './pay-rules';

/**
 * One employee's monthly payslip: the gaji of the pay month and the TPP paid in it, every line naming
 * its rule. Reads in the calculation order of payroll-run.md §2. Pure and synchronous. A run passes
 * one PayRules for all its slips (each month's rules resolved once); bare rulesets are resolved for
 * this slip alone.
 */
export function computeMonthlyPay(input: PayInput, rulesOrRulesets: PayRules | Rulesets): PaySlip {
  const rules = payRulesOf(rulesOrRulesets);
  const { employee, month } = input;
  if (input.tenantId !== rules.rulesets.tenant.tenantId) {
    throw new PayDataError(
      'tenantId',
      `input is for ${input.tenantId}, ruleset is ${rules.rulesets.tenant.tenantId}`,
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
    nat: rules.national.in(month),
    ten: rules.tenant.in(month),
    rules,
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
  slip.step(
    'status',
    'status',
    gajiPaid ? 1 : 0,
    `${employee.jenisAsn} ${employee.status}${isLastMasa ? ', masa pajak terakhir' : ''}`,
    nat.statusBp.citation,
  );

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
  const tpp = tppStep(ctx, gaji?.bpjsBaseUsed ?? 0);

  // 8–10. Pembulatan and PPh 21 (order depends on who bears the PPh).
  const taxFacts = taxAndPembulatanStep(ctx, gaji, tpp, isLastMasa);

  return slip.finish({
    tenantId: input.tenantId,
    nip: employee.nip,
    month,
    // Present even when undefined (storage drops it): one shape for every slip's meta.
    tppPeriod: tpp?.period,
    isLastMasa,
    rulesetVersion: rules.version,
    taxFacts,
  });
}
