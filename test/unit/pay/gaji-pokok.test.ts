import { describe, expect, it } from 'vitest';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import { PayDataError } from '../../../core/pay/errors';
import { explainLine } from '../../../core/pay/explain';
import { lookupGajiPokok } from '../../../core/pay/gaji-pokok';
import { nationalRuleset } from '../../../core/rulesets/national-data';
import { nationalRulesFor } from '../../../core/rulesets/national-in-force';
import pnsGrid from '../../../rulesets/national/gaji-pokok-pns.json' with { type: 'json' };
import pppkGrid from '../../../rulesets/national/gaji-pokok-pppk.json' with { type: 'json' };
import { aPayInput, rulesetsFor } from './builders';

const rules = nationalRulesFor(nationalRuleset, '2026-01');
const cells = (doc: { parameters: { versions: { value: unknown }[] }[] }) =>
  Object.entries(doc.parameters[0]?.versions[0]?.value as Record<string, Record<string, number>>).flatMap(
    ([golongan, steps]) =>
      Object.entries(steps).map(([mkg, amount]) => ({ golongan, mkg: Number(mkg), amount })),
  );

describe('lookupGajiPokok', () => {
  it('should round-trip all 272 PNS cells', () => {
    const all = cells(pnsGrid);
    expect(all).toHaveLength(272);
    for (const c of all)
      expect(
        lookupGajiPokok({ golongan: c.golongan, mkgYears: c.mkg }, rules.gajiPokokPns.value).amount,
      ).toBe(c.amount);
  });

  it('should round-trip all 272 PPPK cells', () => {
    const all = cells(pppkGrid);
    expect(all).toHaveLength(272);
    for (const c of all)
      expect(
        lookupGajiPokok({ golongan: c.golongan, mkgYears: c.mkg }, rules.gajiPokokPppk.value).amount,
      ).toBe(c.amount);
  });

  it.each([
    { golongan: 'I/b', mkgYears: 4, stepMkg: 3, amount: 1_840_800 },
    { golongan: 'II/a', mkgYears: 2, stepMkg: 1, amount: 2_218_400 },
    { golongan: 'III/b', mkgYears: 5, stepMkg: 4, amount: 3_089_300 },
    { golongan: 'IV/e', mkgYears: 40, stepMkg: 32, amount: 6_373_200 },
  ])('should take the lower step for $golongan MKG $mkgYears', ({ golongan, mkgYears, stepMkg, amount }) => {
    expect(lookupGajiPokok({ golongan, mkgYears }, rules.gajiPokokPns.value)).toMatchObject({
      stepMkg,
      amount,
    });
  });

  it('should flag MKG 40 as clamped to the last step', () => {
    expect(
      lookupGajiPokok({ golongan: 'IV/e', mkgYears: 40 }, rules.gajiPokokPns.value).clampedToLastStep,
    ).toBe(true);
  });

  it('should throw a PayDataError naming the field for I/b with MKG 1', () => {
    const act = () => lookupGajiPokok({ golongan: 'I/b', mkgYears: 1 }, rules.gajiPokokPns.value);
    expect(act).toThrow(PayDataError);
    expect(act).toThrow(/employee\.mkgYears: MKG 1 is below the first step \(3\)/);
  });

  it('should reject an unknown golongan and a PNS golongan on the PPPK grid', () => {
    expect(() => lookupGajiPokok({ golongan: 'V/a', mkgYears: 0 }, rules.gajiPokokPns.value)).toThrow(
      /employee\.golongan/,
    );
    expect(() => lookupGajiPokok({ golongan: 'III/a', mkgYears: 0 }, rules.gajiPokokPppk.value)).toThrow(
      /employee\.golongan/,
    );
  });
});

describe('gaji pokok on the slip', () => {
  it('should pay a CPNS 80% and base the family allowance on it', () => {
    const input = aPayInput({
      employee: {
        jenisAsn: 'CPNS',
        family: { spouse: { isAsn: false, receivesAllowanceHere: true }, children: [] },
      },
    });
    const slip = computeMonthlyPay(input, rulesetsFor('bukitintan'));
    const amount = (code: string) => slip.lines.find((l) => l.code === code)?.amount;
    expect(amount('GAJI_POKOK')).toBe(2_228_560);
    expect(amount('TUNJ_SUAMI_ISTRI')).toBe(222_856);
    expect(explainLine(slip.lines.find((l) => l.code === 'GAJI_POKOK')!)).toContain(
      '× 80% (CPNS) = Rp 2.228.560',
    );
  });

  it('should compute a past month with the table in force then', () => {
    expect(() => computeMonthlyPay(aPayInput({ month: '2023-12' }), rulesetsFor('bukitintan'))).toThrow(
      /no version in force for 2023-12/,
    );
  });
});
