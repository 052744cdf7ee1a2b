import { describe, expect, it } from 'vitest';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import type { PayInput, PaySlip } from '../../../core/pay/types';
import { correctionLabel, correctionLines, lineAmounts } from '../../../core/payroll/corrections';
import type { PaidRecord } from '../../../core/payroll/run-types';
import { demoTenantRulesets, nationalRuleset } from '../../../core/rulesets';
import { taxFactsOf } from '../../../functions/payroll/run-employee';

const rulesets = { national: nationalRuleset, tenant: demoTenantRulesets.bantul };

/** A III/c pelaksana without family, paid in May 2026 at the given masa kerja golongan. */
function slipAt(mkgYears: number): PaySlip {
  const performance = { status: 'FINAL', predikat: 'BAIK' } as const;
  const discipline = { counts: {}, leave: [], sanctions: [] };
  const input: PayInput = {
    tenantId: 'bantul',
    month: '2026-05',
    employee: {
      nip: '198503152010011002',
      nama: 'Budi',
      jenisAsn: 'PNS',
      golongan: 'III/c',
      mkgYears,
      mkgMonths: 0,
      jabatan: { type: 'PELAKSANA' },
      kelasJabatan: 9,
      family: { children: [] },
      ptkpStatus: 'TK/0',
      tmtStart: '2010-01-01',
      status: 'AKTIF',
      hasNpwp: true,
    },
    tppPeriods: [{ month: '2026-04', performance, discipline }],
  };
  return computeMonthlyPay(input, rulesets);
}

function paidFrom(slip: PaySlip): PaidRecord {
  const amounts = lineAmounts(slip);
  return {
    month: '2026-05',
    kind: 'GAJI_TPP',
    runId: '2026-05-GAJI_TPP',
    inputHash: 'paid',
    rulesetVersion: slip.meta.rulesetVersion,
    lineAmounts: amounts.amounts,
    labels: amounts.labels,
    taxFacts: taxFactsOf(slip),
  };
}

// PP 5/2024 lampiran, golongan III/c: MKG 12 → Rp 3.645.200, MKG 14 → Rp 3.760.100
// (../shared/domain/gaji-pokok-pns-2024.json). IWP Taspen is 8 % of gaji pokok (+ tunjangan
// keluarga, none here): 291.616 → 300.808.
const GAPOK_DIFF = 3_760_100 - 3_645_200;
const TASPEN_DIFF = Math.trunc((3_760_100 * 8) / 100) - Math.trunc((3_645_200 * 8) / 100);

describe('correction lines name the difference from the employee’s side', () => {
  it('should call a late KGB a kekurangan of gaji pokok and a kekurangan potongan of Taspen', () => {
    const lines = correctionLines(paidFrom(slipAt(12)), slipAt(14), 'SK KGB terlambat');
    const gapok = lines.find((l) => l.code === 'GAJI_POKOK');
    const taspen = lines.find((l) => l.code === 'POT_IWP_TASPEN_8');
    expect(gapok).toMatchObject({ amount: GAPOK_DIFF, label: 'Kekurangan Gaji pokok 2026-05' });
    // A larger deduction: the employee was deducted too little, so it is taken now (negative).
    expect(taspen).toMatchObject({
      amount: -TASPEN_DIFF,
      label: 'Kekurangan potongan Iuran wajib pegawai Taspen (IWP 8%) 2026-05',
    });
  });

  it('should call an overpayment a kelebihan of gaji pokok and a kelebihan potongan of Taspen', () => {
    const lines = correctionLines(paidFrom(slipAt(14)), slipAt(12), 'SK KGB dibatalkan');
    expect(lines.find((l) => l.code === 'GAJI_POKOK')).toMatchObject({
      amount: -GAPOK_DIFF,
      label: 'Kelebihan Gaji pokok 2026-05',
    });
    // A smaller deduction: the employee was deducted too much, so it is given back (positive).
    expect(lines.find((l) => l.code === 'POT_IWP_TASPEN_8')).toMatchObject({
      amount: TASPEN_DIFF,
      label: 'Kelebihan potongan Iuran wajib pegawai Taspen (IWP 8%) 2026-05',
    });
  });

  it.each([
    [100, false, 'Kekurangan Gaji pokok 2026-05'],
    [-100, false, 'Kelebihan Gaji pokok 2026-05'],
    [-100, true, 'Kekurangan potongan Gaji pokok 2026-05'],
    [100, true, 'Kelebihan potongan Gaji pokok 2026-05'],
  ])('should name a difference of %i (deduction: %s) as "%s"', (diff, isDeduction, expected) => {
    expect(correctionLabel(diff, isDeduction, 'Gaji pokok', '2026-05')).toBe(expected);
  });

  it('should recognise a deduction that exists only in the paid month by its negative paid amount', () => {
    const paid = paidFrom(slipAt(12));
    const now = slipAt(12);
    const without = { ...now, lines: now.lines.filter((l) => l.code !== 'POT_IWP_TASPEN_8') };
    const taspen = correctionLines(paid, without, 'x').find((l) => l.code === 'POT_IWP_TASPEN_8');
    expect(taspen).toMatchObject({
      amount: Math.trunc((3_645_200 * 8) / 100),
      label: 'Kelebihan potongan Iuran wajib pegawai Taspen (IWP 8%) 2026-05',
    });
  });
});
