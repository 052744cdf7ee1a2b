import { describe, expect, it } from 'vitest';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import type { PaySlip } from '../../../core/pay/types';
import { aDiscipline, aPayInput, aPerformance, aTppPeriod, rulesetsFor } from './builders';

const TENANTS = ['bantul', 'binjai', 'sofifi', 'bukitintan'] as const;

/** One employee, one pay month; March and February facts differ so the lag shows. */
function slipFor(
  tenantId: (typeof TENANTS)[number],
  counts: Record<string, number> = { TL2: 1, TK: 1 },
): PaySlip {
  const input = aPayInput({
    tenantId,
    month: '2026-03',
    tppPeriods: [
      aTppPeriod('2026-03', {
        performance: aPerformance({ predikat: 'BAIK' }),
        discipline: aDiscipline({ counts }),
      }),
      aTppPeriod('2026-02', {
        performance: aPerformance({ predikat: 'BAIK' }),
        discipline: aDiscipline({ counts }),
      }),
    ],
  });
  return computeMonthlyPay(input, rulesetsFor(tenantId));
}

const tppOf = (slip: PaySlip) =>
  slip.lines.filter((l) => l.code.startsWith('TPP_')).reduce((s, l) => s + l.amount, 0);

describe('tenant rules drive the TPP', () => {
  it('should give four different TPP amounts for the same employee and month', () => {
    const amounts = TENANTS.map((t) => tppOf(slipFor(t)));
    expect(amounts).toEqual([2_400_000, 2_020_450, 3_120_000, 2_400_000]);
  });

  it('should pay the performance month per the tenant lag (binjai 0, others 1)', () => {
    expect(TENANTS.map((t) => slipFor(t).meta.tppPeriod)).toEqual([
      '2026-02',
      '2026-03',
      '2026-02',
      '2026-02',
    ]);
  });

  it('should cut binjai only on its 18% kehadiran part, the others on the whole TPP', () => {
    const reduction = (t: (typeof TENANTS)[number]) =>
      tppOf(slipFor(t, {})) - tppOf(slipFor(t, { TL2: 1, TK: 1 }));
    expect(reduction('bantul')).toBe(100_000);
    expect(reduction('binjai')).toBe(Math.round(2_125_000 * 0.18 * 0.04));
  });

  it('should take APEL from the discipline part in bantul and from the whole TPP in bukitintan', () => {
    expect(tppOf(slipFor('bantul', { APEL: 1 }))).toBe(2_480_000);
    expect(tppOf(slipFor('bukitintan', { APEL: 1 }))).toBe(2_450_000);
  });

  it('should pay sofifi a tempat bertugas criterion and round its kotor, with premiums outside the TER bruto', () => {
    const slip = slipFor('sofifi');
    expect(slip.lines.some((l) => l.code === 'TPP_TB')).toBe(true);
    expect(slip.totals.gaji.penghasilan % 100).toBe(0);
    expect(slip.trace.find((t) => t.step === 'pph21.bruto')?.detail).toContain('tidak termasuk');
  });

  it('should book binjai TPP PPh as APBD-borne (tunjangan PPh TPP = potongan)', () => {
    const slip = computeMonthlyPay(
      aPayInput({ tenantId: 'binjai', employee: { kelasJabatan: 14 } }),
      rulesetsFor('binjai'),
    );
    const amount = (code: string) => slip.lines.find((l) => l.code === code)?.amount;
    expect(amount('TUNJ_PPH21_TPP')).toBe(amount('POT_PPH21_TPP'));
  });

  it('should compute a 2025 bantul month with the 2025 ceilings (superseded, never overwritten)', () => {
    const march2025 = computeMonthlyPay(
      aPayInput({ tenantId: 'bantul', month: '2025-03' }),
      rulesetsFor('bantul'),
    );
    expect(tppOf(march2025)).toBe(2_375_000);
  });
});
