import { describe, expect, it } from 'vitest';
import { absenceWarnings } from '../../../core/discipline/absence-warnings';

describe('absenceWarnings (PP 94/2021)', () => {
  it.each([
    [0, undefined],
    [2, undefined],
    [3, 'TEGURAN_LISAN'],
    [4, 'TEGURAN_TERTULIS'],
    [6, 'TEGURAN_TERTULIS'],
    [7, 'PERNYATAAN_TIDAK_PUAS'],
    [10, 'PERNYATAAN_TIDAK_PUAS'],
    [11, 'POTONGAN_TUNJANGAN_25_6_BULAN'],
    [13, 'POTONGAN_TUNJANGAN_25_6_BULAN'],
    [14, 'POTONGAN_TUNJANGAN_25_9_BULAN'],
    [16, 'POTONGAN_TUNJANGAN_25_9_BULAN'],
    [17, 'POTONGAN_TUNJANGAN_25_12_BULAN'],
    [20, 'POTONGAN_TUNJANGAN_25_12_BULAN'],
    [21, 'PENURUNAN_JABATAN'],
    [24, 'PENURUNAN_JABATAN'],
    [25, 'PEMBEBASAN_JABATAN'],
    [27, 'PEMBEBASAN_JABATAN'],
    [28, 'PEMBERHENTIAN_DENGAN_HORMAT'],
    [60, 'PEMBERHENTIAN_DENGAN_HORMAT'],
  ])('should warn for %i cumulative TK days with %s', (days, code) => {
    const warnings = absenceWarnings(days, 0);
    expect(warnings.map((w) => w.code)).toEqual(code ? [code] : []);
  });

  it('should name the level and the regulation in the message', () => {
    const [warning] = absenceWarnings(11, 0);
    expect(warning).toMatchObject({ level: 'SEDANG', basis: 'KUMULATIF_TAHUNAN' });
    expect(warning?.message).toMatch(/25% selama 6 bulan.*PP 94\/2021 Pasal 10/);
  });

  it('should warn PDH from 10 consecutive working days, not 9', () => {
    expect(absenceWarnings(9, 9).map((w) => w.code)).toEqual(['PERNYATAAN_TIDAK_PUAS']);
    expect(absenceWarnings(10, 10).map((w) => w.code)).toEqual([
      'PERNYATAAN_TIDAK_PUAS',
      'PDH_10_HARI_BERTURUT_TURUT',
    ]);
  });
});
