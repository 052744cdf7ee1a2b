import { describe, expect, it } from 'vitest';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import type { StoredSlip } from '../../../core/payroll/run-types';
import { slipTax } from '../../../core/tax/slip-tax';
import { rulesetsFor } from '../pay/builders';
import { goldenCases } from '../pay/golden/worked-examples';

/** The engine's slip for worked-examples.md Example 3 (Example 2 gaji + TPP February paid in March, Bantul). */
function example3Slip(): StoredSlip {
  const golden = goldenCases.find((g) => g.name.startsWith('Example 3'));
  if (!golden) throw new Error('Example 3 golden case not found');
  const slip = computeMonthlyPay(golden.input, rulesetsFor('bantul'));
  return {
    tenantId: 'bantul',
    runId: '2026-03-GAJI_TPP',
    month: '2026-03',
    kind: 'GAJI_TPP',
    header: {
      nip: golden.input.employee.nip,
      nama: golden.input.employee.nama,
      jenisAsn: 'PNS',
      golongan: 'III/a',
      jabatan: 'Pelaksana',
      kelasJabatan: 7,
      opd: 'DISDIK',
      unit: 'Sekretariat',
    },
    slip,
    input: golden.input,
    inputHash: 'x',
    rulesetVersion: slip.meta.rulesetVersion,
    computedAt: '2026-03-01T00:00:00Z',
    computedBy: 'test',
  };
}

describe('the tax view of a stored slip', () => {
  it('should read the A2 gaji lines, the TER bruto and the PPh of Examples 2–3 from the engine’s slip', () => {
    const t = slipTax(example3Slip(), 'LOCKED');
    // worked-examples.md Example 2: gaji pokok 2.785.700, tunjangan umum 185.000, beras 72.420, pembulatan 43;
    // employer premiums 118.828 + 6.686 + 20.057 shown as income but not on A2 lines 1–8.
    expect(t.gajiLines).toEqual({
      GAJI_POKOK: 2_785_700,
      TUNJ_UMUM: 185_000,
      TUNJ_BERAS: 72_420,
      PEMBULATAN: 43,
    });
    expect(t.gajiIncome).toBe(3_188_734);
    expect(t.brutoGaji).toBe(3_188_734);
    // Example 3: TPP 2.400.000 + BPJS 4 % 96.000 in the TER bruto; PPh on TPP 28.423, on gaji 0.
    expect(t.tppIncome).toBe(2_400_000);
    expect(t.brutoTpp).toBe(2_496_000);
    expect([t.pphGaji, t.pphTpp]).toEqual([0, 28_423]);
    expect(t.pphPotongan).toBe(28_423);
    expect(t.pphDtp).toBe(0);
    expect(t.iuranPensiun).toBe(222_856);
    expect(t.isLastMasa).toBe(false);
  });
});
