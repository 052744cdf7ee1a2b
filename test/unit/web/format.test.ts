import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateShort,
  formatDateTime,
  formatMonth,
  formatNip,
  formatNumber,
  formatPercent,
  formatRupiah,
  formatRupiahDelta,
  normalizeNip,
} from '../../../web/src/format';

// Expected forms from /work/shared/ux/console-reference.md ("Microcopy and formats").
describe('console formats', () => {
  it('should write rupiah without a space, period thousands, whole rupiah, no ",-"', () => {
    expect(formatRupiah(1_250_000)).toBe('Rp1.250.000');
    expect(formatRupiah(4_491_800)).toBe('Rp4.491.800');
    expect(formatRupiah(0)).toBe('Rp0');
    expect(formatRupiah(999)).toBe('Rp999');
    expect(formatRupiah(-150_000)).toBe('-Rp150.000');
    expect(formatRupiah(1_000_000_000_000)).toBe('Rp1.000.000.000.000');
  });

  it('should refuse a fractional rupiah instead of rounding it silently', () => {
    expect(() => formatRupiah(10.5)).toThrow(RangeError);
    expect(() => formatRupiah(Number.NaN)).toThrow(RangeError);
  });

  it('should sign a difference and group counts', () => {
    expect(formatRupiahDelta(12_000)).toBe('+Rp12.000');
    expect(formatRupiahDelta(-3_500)).toBe('-Rp3.500');
    expect(formatRupiahDelta(0)).toBe('Rp0');
    expect(formatNumber(1284)).toBe('1.284');
    expect(formatPercent(12.5)).toBe('12,5%');
    expect(formatPercent(100)).toBe('100%');
  });

  it('should write dates and months in Indonesian', () => {
    expect(formatDate('2026-12-03')).toBe('3 Desember 2026');
    expect(formatDate('2026-01-05')).toBe('5 Januari 2026');
    expect(formatMonth('2026-12')).toBe('Desember 2026');
    expect(formatMonth('2026-01')).toBe('Januari 2026');
    expect(formatDateShort('2026-08-05')).toBe('5 Agu 2026');
    expect(() => formatMonth('2026-13')).toThrow(RangeError);
    expect(() => formatDate('3/12/2026')).toThrow(RangeError);
  });

  it("should show a time in the tenant's own zone with its abbreviation", () => {
    // 2026-12-03 07:05 UTC is 14.05 in Jakarta (UTC+7) and 16.05 in Sofifi (UTC+9).
    expect(formatDateTime('2026-12-03T07:05:00Z', 'Asia/Jakarta')).toBe('3 Desember 2026 14.05 WIB');
    expect(formatDateTime('2026-12-03T07:05:00Z', 'Asia/Makassar')).toBe('3 Desember 2026 15.05 WITA');
    expect(formatDateTime('2026-12-03T20:30:00Z', 'Asia/Jayapura')).toBe('4 Desember 2026 05.30 WIT');
  });

  it('should group an 18-digit NIP as printed and take it back without spaces', () => {
    expect(formatNip('197805122008011001')).toBe('19780512 200801 1 001');
    expect(formatNip('inspektorat.bantul')).toBe('inspektorat.bantul');
    expect(normalizeNip(' 19780512 200801 1 001 ')).toBe('197805122008011001');
  });
});
