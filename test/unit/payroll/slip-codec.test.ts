import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import type { StoredSlip } from '../../../core/payroll/run-types';
import { decodeSlip, encodeSlip } from '../../../functions/payroll/slip-codec';
import { aPayInput, rulesetsFor } from '../pay/builders';

/** A stored slip as the run writes it: a real explained slip (lines, citations, trace) and its input. */
function aStoredSlip(): StoredSlip {
  const input = aPayInput();
  return {
    tenantId: input.tenantId,
    runId: `${input.month}-GAJI_TPP`,
    month: input.month,
    kind: 'GAJI_TPP',
    header: { nip: input.employee.nip, nama: input.employee.nama, opd: 'DISDIK' } as StoredSlip['header'],
    slip: computeMonthlyPay(input, rulesetsFor('bukitintan')),
    input,
    inputHash: '0'.repeat(32),
    rulesetVersion: 'sha256:0000000000000000',
    computedAt: '2026-03-25T01:00:00.000Z',
    computedBy: 'operator-uji',
  };
}

describe('slip codec', () => {
  it('gives back exactly the slip it stored, in a fraction of its JSON size', () => {
    const slip = aStoredSlip();
    const payload = encodeSlip(slip);
    expect(JSON.stringify(decodeSlip(payload))).toBe(JSON.stringify(slip));
    expect(payload.length).toBeLessThan(JSON.stringify(slip).length / 3);
  });

  it('reads slips stored before compression moved off the thread pool (same gzip format)', async () => {
    const slip = aStoredSlip();
    const before = await promisify(gzip)(Buffer.from(JSON.stringify(slip), 'utf8'), { level: 6 });
    expect(decodeSlip(before)).toEqual(slip);
  });
});
