import { describe, expect, it } from 'vitest';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import type { PayInput } from '../../../core/pay/types';
import { lineAmounts } from '../../../core/payroll/corrections';
import type { PaidRecord } from '../../../core/payroll/run-types';
import { demoTenantRulesets, nationalRuleset } from '../../../core/rulesets';
import { taxFactsOf, taxYtdFor } from '../../../functions/payroll/run-employee';

const rulesets = { national: nationalRuleset, tenant: demoTenantRulesets.bantul };

function inputFor(month: string): PayInput {
  const performance = { status: 'FINAL', predikat: 'BAIK' } as const;
  const discipline = { counts: {}, leave: [], sanctions: [] };
  return {
    tenantId: 'bantul',
    month,
    employee: {
      nip: '198503152010011002',
      nama: 'Budi',
      jenisAsn: 'PNS',
      golongan: 'III/c',
      mkgYears: 12,
      mkgMonths: 0,
      jabatan: { type: 'PELAKSANA' },
      kelasJabatan: 9,
      family: { children: [] },
      ptkpStatus: 'TK/0',
      tmtStart: '2010-01-01',
      status: 'AKTIF',
      hasNpwp: true,
    },
    tppPeriods: [0, 1].map((lag) => {
      const m = Number(month.slice(5)) - lag;
      const period =
        m === 0
          ? `${Number(month.slice(0, 4)) - 1}-12`
          : `${month.slice(0, 4)}-${String(m).padStart(2, '0')}`;
      return { month: period, performance, discipline };
    }),
  };
}

describe('the paid ledger feeds the last masa', () => {
  it('should carry each month’s TER bruto and PPh so January–November add up for December', () => {
    const months = Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    const paid: PaidRecord[] = months.map((month) => {
      const slip = computeMonthlyPay(inputFor(month), rulesets);
      const amounts = lineAmounts(slip);
      return {
        month,
        kind: 'GAJI_TPP',
        runId: `${month}-GAJI_TPP`,
        inputHash: 'x',
        rulesetVersion: slip.meta.rulesetVersion,
        lineAmounts: amounts.amounts,
        labels: amounts.labels,
        taxFacts: taxFactsOf(slip),
      };
    });
    const terBruto = (month: string) =>
      computeMonthlyPay(inputFor(month), rulesets).trace.find((s) => s.step === 'pph21.bruto')!.value;
    const ytd = taxYtdFor(paid, '2026-12');
    expect(ytd.monthsWorked).toBe(11);
    expect(ytd.brutoGaji + ytd.brutoTpp).toBe(months.reduce((s, m) => s + terBruto(m), 0));
    expect(ytd.brutoTpp).toBeGreaterThan(0);
    expect(ytd.pphGaji + ytd.pphTpp).toBe(
      paid.reduce((sum, p) => sum + p.taxFacts.pphGaji + p.taxFacts.pphTpp, 0),
    );
    const december = computeMonthlyPay({ ...inputFor('2026-12'), taxYtd: ytd }, rulesets);
    expect(december.meta.isLastMasa).toBe(true);
    const decemberBruto = december.trace.find((s) => s.step === 'pph21.bruto')!.value;
    const annual = december.trace.find((s) => s.step === 'pph21.annual.bruto')!.value;
    expect(annual).toBe(ytd.brutoGaji + ytd.brutoTpp + decemberBruto);
  });
});
