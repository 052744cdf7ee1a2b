import { describe, expect, it } from 'vitest';
import { predikatFromMatrix, predikatFromNilai, type Rating } from '../../../core/performance/predikat';

const A: Rating = 'DI_ATAS_EKSPEKTASI';
const S: Rating = 'SESUAI_EKSPEKTASI';
const B: Rating = 'DI_BAWAH_EKSPEKTASI';

describe('predikatFromMatrix (PermenPANRB 6/2022)', () => {
  it.each([
    [A, A, 'SANGAT_BAIK'],
    [A, S, 'BAIK'],
    [A, B, 'KURANG'],
    [S, A, 'BAIK'],
    [S, S, 'BAIK'],
    [S, B, 'KURANG'],
    [B, A, 'BUTUH_PERBAIKAN'],
    [B, S, 'BUTUH_PERBAIKAN'],
    [B, B, 'SANGAT_KURANG'],
  ] as const)('should rate hasil kerja %s with perilaku %s as %s', (hasil, perilaku, expected) => {
    expect(predikatFromMatrix(hasil, perilaku)).toBe(expected);
  });

  it('should say Cukup instead of Butuh Perbaikan for a tenant with the PP 30/2019 vocabulary', () => {
    expect(predikatFromMatrix(B, S, 'CUKUP')).toBe('CUKUP');
    expect(predikatFromMatrix(S, S, 'CUKUP')).toBe('BAIK');
  });
});

describe('predikatFromNilai (PP 30/2019)', () => {
  const cukup = { vocabulary: 'CUKUP' as const, sangatBaikRequiresInnovation: false };

  it.each([
    [120, 'SANGAT_BAIK'],
    [110, 'SANGAT_BAIK'],
    [109.99, 'BAIK'],
    [90, 'BAIK'],
    [89.99, 'CUKUP'],
    [70, 'CUKUP'],
    [69.99, 'KURANG'],
    [50, 'KURANG'],
    [49.99, 'SANGAT_KURANG'],
    [0, 'SANGAT_KURANG'],
  ] as const)('should map nilai %d to %s, inclusive at each minimum', (nilai, expected) => {
    expect(predikatFromNilai(nilai, cukup)).toBe(expected);
  });

  it('should use Butuh Perbaikan for the 70–<90 range in the PermenPANRB vocabulary', () => {
    expect(predikatFromNilai(70, { ...cukup, vocabulary: 'BUTUH_PERBAIKAN' })).toBe('BUTUH_PERBAIKAN');
    expect(predikatFromNilai(89.99, { ...cukup, vocabulary: 'BUTUH_PERBAIKAN' })).toBe('BUTUH_PERBAIKAN');
  });

  it('should give Baik instead of Sangat Baik without an innovation when the tenant requires one', () => {
    const strict = { ...cukup, sangatBaikRequiresInnovation: true };
    expect(predikatFromNilai(115, strict)).toBe('BAIK');
    expect(predikatFromNilai(115, { ...strict, hasInnovation: true })).toBe('SANGAT_BAIK');
  });

  it('should refuse a nilai that is not a number', () => {
    expect(() => predikatFromNilai(Number.NaN, cukup)).toThrow(RangeError);
  });
});
