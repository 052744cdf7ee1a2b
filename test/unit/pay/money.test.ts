import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBp, formatNumber, formatRupiah } from '../../../core/pay/format';
import {
  applyRatio,
  floorToUnit,
  mulDiv,
  percentToBp,
  ratio,
  ratioTimes,
  roundHalfUpRate,
  topUpToUnit,
  truncateRate,
} from '../../../core/pay/money';

describe('integer rupiah arithmetic', () => {
  it('should round 0,24% × 2.785.700 half-up to 6.686', () => {
    expect(roundHalfUpRate(2_785_700, percentToBp(0.24))).toBe(6_686);
  });

  it('should truncate 8% × 7.010.520 to 560.841', () => {
    expect(truncateRate(7_010_520, percentToBp(8))).toBe(560_841);
  });

  it('should truncate 1% × 8.505.441 to 85.054', () => {
    expect(truncateRate(8_505_441, percentToBp(1))).toBe(85_054);
  });

  it('should round 0,72% × 2.785.700 = 20.057,04 down to 20.057 and 4% × 3.938.032 to 157.521', () => {
    expect(roundHalfUpRate(2_785_700, 72)).toBe(20_057);
    expect(roundHalfUpRate(3_938_032, 400)).toBe(157_521);
  });

  it('should round exactly half up', () => {
    expect(mulDiv(50, 1, 100, 'HALF_UP')).toBe(1);
    expect(mulDiv(49, 1, 100, 'HALF_UP')).toBe(0);
  });

  it('should stay exact when the product passes 2^53', () => {
    const a = 9_007_199_254_740;
    expect(mulDiv(a, 3_000_000, 1_000_000, 'TRUNCATE')).toBe(a * 3);
  });

  it('should agree with BigInt arithmetic for any amount and rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (amount, bp) => {
          const exact = (BigInt(amount) * BigInt(bp)) / 10_000n;
          expect(truncateRate(amount, bp)).toBe(Number(exact));
          const half = (BigInt(amount) * BigInt(bp) * 2n + 10_000n) / 20_000n;
          expect(roundHalfUpRate(amount, bp)).toBe(Number(half));
        },
      ),
    );
  });

  it('should keep ratios exact and reduced', () => {
    const r = ratioTimes(ratio(960_000_000_000, 1_000_000_000_000), 8_000, 10_000);
    expect(r).toEqual({ n: 96, d: 125 });
    expect(applyRatio(2_500_000, r)).toEqual([1_920_000, 0]);
  });

  it('should floor to whole thousands and top up to a unit', () => {
    expect(floorToUnit(8_131_695, 1_000)).toBe(8_131_000);
    expect(topUpToUnit(7_824_519, 100)).toBe(81);
    expect(topUpToUnit(7_824_500, 100)).toBe(0);
  });
});

describe('id-ID formatting', () => {
  it('should group thousands with dots', () => {
    expect(formatNumber(3_385_600)).toBe('3.385.600');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-1_000)).toBe('-1.000');
    expect(formatRupiah(135_424)).toBe('Rp 135.424');
    expect(formatRupiah(-93_897)).toBe('-Rp 93.897');
  });

  it('should agree with Intl id-ID grouping for any integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), (n) => {
        expect(formatNumber(n)).toBe(n.toLocaleString('id-ID', { useGrouping: true }).replace('−', '-'));
      }),
    );
  });

  it('should write percentages with a decimal comma', () => {
    expect(formatBp(200)).toBe('2%');
    expect(formatBp(24)).toBe('0,24%');
    expect(formatBp(475)).toBe('4,75%');
    expect(formatBp(50)).toBe('0,5%');
    expect(formatBp(10_000)).toBe('100%');
  });
});
