import { creditorReadiness } from '../deductions/daftar';
import { takeHomeOf } from '../deductions/run';
import type { StoredSlip } from '../payroll/run-types';
import type { BankTemplate } from './bank-template';
import { bankCodeForSlip, type EmployeeFacts, fullName } from './employee-facts';
import { accountForOpd, type ExportSettings, type SourceAccount } from './export-settings';
import { bpjsKesehatanRecap, taspenRecap } from './iuran-recap';
import type { ReadinessIssue } from './readiness';
import { SIPD_GAJI_LAYOUT, SIPD_TPP_LAYOUT } from './sipd-layout';
import { buildSipdList } from './sipd-list';
import { checkTransfers, type TransferCandidate, type TransferCheck } from './transfers';

/** What every export of a run is built from: the stored slips, the employees' facts, the tenant's settings. */
export interface ExportInputs {
  readonly slips: readonly StoredSlip[];
  readonly facts: ReadonlyMap<string, EmployeeFacts>;
  readonly settings: ExportSettings;
  readonly template: (id: string) => BankTemplate;
}

/** The slips a source account pays: those of the OPDs it names (or of every OPD no other account names). */
export function slipsOfAccount(
  inputs: Pick<ExportInputs, 'slips' | 'settings'>,
  account: SourceAccount,
): StoredSlip[] {
  return inputs.slips.filter((s) => accountForOpd(inputs.settings, s.header.opd)?.id === account.id);
}

export function transferCandidates(
  slips: readonly StoredSlip[],
  facts: ReadonlyMap<string, EmployeeFacts>,
): TransferCandidate[] {
  return slips.map((s) => {
    const bank = s.header.bank;
    const bankCode = bankCodeForSlip(s.header, facts.get(s.header.nip));
    return {
      nip: s.header.nip,
      nama: fullName(s.header),
      opd: s.header.opd,
      // The take-home: the SIPD bersih less the potongan lain taken after it (core/deductions).
      amount: takeHomeOf(s),
      ...(bank ? { account: { ...bank, ...(bankCode ? { bankCode } : {}) } } : {}),
    };
  });
}

export function bankTransfers(
  inputs: ExportInputs,
  account: SourceAccount,
  exportId = 'bank-file',
): TransferCheck & {
  template: BankTemplate;
} {
  const template = inputs.template(account.bankTemplate);
  const known = new Set(inputs.settings.banks.map((b) => b.code));
  const candidates = transferCandidates(slipsOfAccount(inputs, account), inputs.facts);
  return { ...checkTransfers(exportId, candidates, template, known), template };
}

/**
 * Every reason, per export, that a file of this run cannot be made yet: the same checks the exports
 * run, so the menu shows beforehand what the export would refuse.
 */
export function readinessIssues(inputs: ExportInputs): ReadinessIssue[] {
  const issues: ReadinessIssue[] = [];
  for (const account of inputs.settings.sourceAccounts) {
    const bank = bankTransfers(inputs, account).issues;
    issues.push(...bank);
    if (inputs.settings.disbursementMode === 'VIA_BENDAHARA_PEMINDAHBUKUAN') {
      for (const id of ['pemindahbukuan-pdf', 'pemindahbukuan-xlsx']) {
        issues.push(...bank.filter((i) => i.column === 'rekening').map((i) => ({ ...i, exportId: id })));
      }
    }
  }
  issues.push(...buildSipdList('sipd-gaji', inputs.slips, SIPD_GAJI_LAYOUT, inputs.facts).issues);
  issues.push(...buildSipdList('sipd-tpp', inputs.slips, SIPD_TPP_LAYOUT, inputs.facts).issues);
  issues.push(...bpjsKesehatanRecap('bpjs-kesehatan', inputs.slips, inputs.facts).issues);
  issues.push(...taspenRecap('taspen', inputs.slips).issues);
  issues.push(...creditorReadiness(inputs.slips));
  return issues;
}
