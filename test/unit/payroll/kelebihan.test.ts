import { describe, expect, it } from 'vitest';
import { PayRules } from '../../../core/pay/pay-rules';
import type { PaySlip } from '../../../core/pay/types';
import { lineAmounts } from '../../../core/payroll/corrections';
import { applyKelebihanRecovery, kelebihanBalance } from '../../../core/payroll/kelebihan';
import { KELEBIHAN_CODE } from '../../../core/payroll/rapel';
import { computeSlipOfKind } from '../../../core/payroll/run-kinds';
import type { PaidRecord } from '../../../core/payroll/run-types';
import { rulesetsFor } from '../pay/builders';
import { example2Employee } from '../pay/golden/worked-examples';

/**
 * rapel.md §7: a kelebihan is recovered by a deduction on the following gaji slips, spread over months
 * (maxRecoveryPerMonth), never making the net negative, the outstanding balance kept until repaid.
 * The Example 2 employee's gaji net is 2.790.600 (worked-examples.md Example 2).
 */
const rules = new PayRules(rulesetsFor('bantul'));
const gaji = (month: string) =>
  computeSlipOfKind({ tenantId: 'bantul', month, employee: example2Employee }, rules, 'GAJI');
const cap = (value: number) => ({
  value,
  citation: {
    parameterId: 'gaji.rapel',
    regulation: 'test',
    refs: [],
    confidence: 'DEMO' as const,
    from: '2024-01-01',
  },
});

function record(
  month: string,
  kelebihan: PaidRecord['kelebihan'],
  kind: PaidRecord['kind'] = 'GAJI',
): PaidRecord {
  return {
    month,
    kind,
    runId: `${month}-${kind}`,
    inputHash: 'h',
    rulesetVersion: 'v',
    lineAmounts: {},
    labels: {},
    taxFacts: { brutoGaji: 0, brutoTpp: 0, pphGaji: 0, pphTpp: 0, iuranPensiun: 0 },
    ...(kelebihan ? { kelebihan } : {}),
  };
}

const line = (slip: PaySlip) => slip.lines.find((l) => l.code === KELEBIHAN_CODE);

describe('kelebihan recovery by instalments', () => {
  it('takes at most maxRecoveryPerMonth each month until repaid, the balance read from the ledger', () => {
    // A rapel in April 2026 established 1.250.000 for February–March; cap 500.000 a month.
    const ledger: PaidRecord[] = [
      record('2026-04', { established: 1_250_000, months: ['2026-02', '2026-03'] }, 'RAPEL'),
    ];
    const taken: number[] = [];
    for (const month of ['2026-05', '2026-06', '2026-07', '2026-08']) {
      const balance = kelebihanBalance(ledger);
      const r = applyKelebihanRecovery(gaji(month), balance, cap(500_000));
      taken.push(r.recovered);
      // What the lock writes: the slip's own ledger record carries the instalment.
      if (r.recovered > 0) ledger.push(record(month, { recovered: r.recovered }));
    }
    expect(taken).toEqual([500_000, 500_000, 250_000, 0]);
    expect(kelebihanBalance(ledger).outstanding).toBe(0);
  });

  it('shows the instalment as its own deduction line naming the months and the remaining balance', () => {
    const balance = kelebihanBalance([
      record('2026-04', { established: 1_250_000, months: ['2026-02', '2026-03'] }, 'RAPEL'),
    ]);
    const { slip, outstandingAfter } = applyKelebihanRecovery(gaji('2026-05'), balance, cap(500_000));
    expect(outstandingAfter).toBe(750_000);
    expect(line(slip)).toMatchObject({ kind: 'POTONGAN', group: 'GAJI', amount: 500_000 });
    expect(line(slip)?.label).toBe('Angsuran kelebihan gaji 2026-02, 2026-03 (sisa Rp 750.000)');
    expect(slip.totals.gaji.bersih).toBe(2_790_600 - 500_000);
    expect(slip.totals.bersih).toBe(2_790_600 - 500_000);
  });

  it('never takes more than the slip’s gaji net: the net stops at zero, the rest waits', () => {
    const balance = kelebihanBalance([
      record('2026-04', { established: 5_000_000, months: ['2026-01'] }, 'RAPEL'),
    ]);
    const r = applyKelebihanRecovery(gaji('2026-05'), balance, cap(9_000_000));
    expect(r.recovered).toBe(2_790_600);
    expect(r.slip.totals.gaji.bersih).toBe(0);
    expect(r.outstandingAfter).toBe(5_000_000 - 2_790_600);
  });

  it('leaves a slip with nothing owed untouched, and the instalment out of later corrections', () => {
    const slip = gaji('2026-05');
    expect(applyKelebihanRecovery(slip, kelebihanBalance([]), cap(500_000)).slip).toBe(slip);
    const balance = kelebihanBalance([
      record('2026-04', { established: 100_000, months: ['2026-03'] }, 'RAPEL'),
    ]);
    const recovered = applyKelebihanRecovery(slip, balance, cap(500_000)).slip;
    expect(lineAmounts(recovered).amounts).toEqual(lineAmounts(slip).amounts);
  });
});
