import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderBankFile } from '../../../core/reports/bank-file';
import { parseBankTemplate } from '../../../core/reports/bank-template';
import type { EmployeeFacts } from '../../../core/reports/employee-facts';
import { parseExportSettings } from '../../../core/reports/export-settings';
import { bankTransfers, type ExportInputs, readinessIssues } from '../../../core/reports/run-exports';
import { anEmployeeSlip } from '../../fixtures/slips';

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../rulesets/${path}`, import.meta.url), 'utf8'));
const TEMPLATES = {
  'mandiri-mcm-bulk': parseBankTemplate(read('bank-templates/mandiri-mcm-bulk.json'), 'mcm'),
  'generic-csv': parseBankTemplate(read('bank-templates/generic-csv.json'), 'generic'),
};

/** A tenant paying DISDIK from a Mandiri account (MCM template) and every other OPD from the RKUD (generic CSV). */
function twoAccountSettings() {
  const raw = read('payroll-exports/binjai.json');
  return parseExportSettings(
    {
      ...raw,
      sourceAccounts: [
        {
          ...raw.sourceAccounts[0],
          id: 'mandiri-disdik',
          bank: 'Bank Mandiri',
          bankCode: '008',
          accountNumber: '1370012345678',
          opds: ['DISDIK'],
          bankTemplate: 'mandiri-mcm-bulk',
        },
        raw.sourceAccounts[0],
      ],
    },
    'two-accounts',
  );
}

describe('bank file per source account and its template', () => {
  const disdik = [0, 1, 2].map((n) =>
    anEmployeeSlip(n, 'DISDIK', {
      header: {
        bank: { bank: 'Bank Mandiri', accountNumber: `13700${n}765432`, accountName: `Pegawai ${n + 1}` },
      },
    }),
  );
  const dinkes = [3, 4].map((n) => anEmployeeSlip(n, 'DINKES'));
  const slips = [...disdik, ...dinkes];
  const facts = new Map<string, EmployeeFacts>(
    slips.map((s) => [
      s.header.nip,
      {
        nik: '1275011503850001',
        alamat: 'Jl. Uji No. 1',
        bankCode:
          s.header.bank!.bank === 'Bank Mandiri' ? '008' : s.header.bank!.bank === 'BRI' ? '002' : '117',
        accountNumber: s.header.bank!.accountNumber,
      },
    ]),
  );
  const inputs: ExportInputs = {
    slips,
    facts,
    settings: twoAccountSettings(),
    template: (id) => TEMPLATES[id as keyof typeof TEMPLATES],
  };

  it('should write each account’s own slips with its own template, totals = Σ take-home of those slips', () => {
    const [mandiri, rkud] = inputs.settings.sourceAccounts;

    const mcm = bankTransfers(inputs, mandiri!);
    const generic = bankTransfers(inputs, rkud!);

    expect(mcm.template.id).toBe('mandiri-mcm-bulk');
    expect(mcm.issues).toEqual([]);
    expect(mcm.transfers.map((t) => t.nip)).toEqual(disdik.map((s) => s.header.nip));
    expect(generic.template.id).toBe('generic-csv');
    expect(generic.transfers.map((t) => t.nip)).toEqual(dinkes.map((s) => s.header.nip));
    const file = renderBankFile(mcm.template, mcm.transfers, {
      run: { runId: '2026-11-GAJI_TPP', month: '2026-11', runState: 'LOCKED', exportState: 'FINAL' },
      valueDate: '2026-11-28',
      debitAccount: mandiri!.accountNumber,
      accountId: mandiri!.id,
    });
    const takeHome = disdik.reduce((s, x) => s + x.slip.totals.bersih, 0);
    expect(file.total).toBe(takeHome);
    expect(file.content.toString('latin1').split('\r\n')[0]).toBe(
      `P,20261128,1370012345678,3,${takeHome}${','.repeat(14)}`,
    );
  });

  it('should hold back the MCM file for a DISDIK employee paid at another bank, and say so in the readiness list', () => {
    const moved = anEmployeeSlip(5, 'DISDIK');
    const withOther: ExportInputs = {
      ...inputs,
      slips: [...slips, moved],
      facts: new Map([
        ...facts,
        [
          moved.header.nip,
          {
            ...facts.get(slips[0]!.header.nip)!,
            bankCode: '002',
            accountNumber: moved.header.bank!.accountNumber,
          },
        ],
      ]),
    };

    const issues = readinessIssues(withOther).filter((i) => i.exportId === 'bank-file');

    expect(issues).toEqual([
      expect.objectContaining({
        nip: moved.header.nip,
        column: 'kode_bank',
        message: expect.stringContaining('bukan rekening Bank Mandiri'),
      }),
    ]);
  });
});
