import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import type { StoredSlip } from '../../../core/payroll/run-types';
import { decodeSlip, encodeSlip, SLIP_DICTIONARY_V1 } from '../../../functions/payroll/slip-codec';
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
  it('gives back exactly the slip it stored, in a small fraction of its JSON size', () => {
    const slip = aStoredSlip();
    const payload = encodeSlip(slip);
    expect(JSON.stringify(decodeSlip(payload))).toBe(JSON.stringify(slip));
    // The dictionary holds what every slip repeats: measured ~1/15 of the JSON; gzip alone gave ~1/5.
    expect(payload.length).toBeLessThan(JSON.stringify(slip).length / 8);
  });

  it('marks what it writes as format 1, so that a later dictionary can be told apart', () => {
    const payload = encodeSlip(aStoredSlip());
    expect([payload[0], payload[1]]).toEqual([0x53, 1]);
  });

  it('keeps the format 1 dictionary byte for byte: every slip stored in format 1 is read with it', () => {
    // A changed dictionary would make every stored format-1 slip unreadable: a new one is a new format.
    expect(SLIP_DICTIONARY_V1.length).toBe(32112);
    expect(createHash('sha256').update(SLIP_DICTIONARY_V1).digest('hex')).toBe(
      '362739db1d0c1410b08f80d210bbf5fc1f4641b088a65d88efbb7424ac21091f',
    );
  });

  it('reads slips stored before the dictionary (gzip, level 6)', async () => {
    const slip = aStoredSlip();
    const before = await promisify(gzip)(Buffer.from(JSON.stringify(slip), 'utf8'), { level: 6 });
    expect(decodeSlip(before)).toEqual(slip);
  });

  it('reads a payload that is a view into a larger buffer, as the SDK may hand it over', () => {
    const slip = aStoredSlip();
    const payload = encodeSlip(slip);
    const larger = new Uint8Array(payload.length + 10);
    larger.set(payload, 7);
    expect(decodeSlip(larger.subarray(7, 7 + payload.length))).toEqual(slip);
  });

  it('refuses bytes in no known format instead of guessing', () => {
    expect(() => decodeSlip(Buffer.from('{"not":"a slip"}'))).toThrow(/unknown slip payload format/);
  });
});
