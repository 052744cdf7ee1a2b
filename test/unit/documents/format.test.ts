import { describe, expect, it } from 'vitest';
import {
  formatBulan,
  formatRupiah,
  formatTanggal,
  maskAccount,
  namaLengkap,
  terbilang,
} from '../../../functions/payroll/documents/format';

describe('document formatting (id-ID)', () => {
  it('should format rupiah with dots and dates and months in Indonesian', () => {
    expect(formatRupiah(1_234_567)).toBe('Rp 1.234.567');
    expect(formatTanggal('2026-11-23')).toBe('23 November 2026');
    expect(formatTanggal(new Date('2026-11-22T18:30:00Z'))).toBe('23 November 2026');
    expect(formatBulan('2026-02')).toBe('Februari 2026');
  });

  it('should spell amounts in words', () => {
    expect(terbilang(7_824_600)).toBe('tujuh juta delapan ratus dua puluh empat ribu enam ratus rupiah');
    expect(terbilang(1_111_011)).toBe('satu juta seratus sebelas ribu sebelas rupiah');
    expect(terbilang(1_000)).toBe('seribu rupiah');
    expect(terbilang(2_000_000_015)).toBe('dua miliar lima belas rupiah');
    expect(terbilang(0)).toBe('nol rupiah');
  });

  it('should mask all but the last four digits of an account and write titles around the name', () => {
    expect(maskAccount('0012345678')).toBe('******5678');
    expect(maskAccount('123')).toBe('123');
    expect(namaLengkap({ nama: 'Budi Santoso', gelarDepan: 'Dr.', gelarBelakang: 'S.T., M.Eng.' })).toBe(
      'Dr. Budi Santoso, S.T., M.Eng.',
    );
    expect(namaLengkap({ nama: 'Budi' })).toBe('Budi');
  });
});
