import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNip } from '../../../core/employee/nip';

describe('checkNip', () => {
  it('should split a valid NIP into birth date, TMT month, gender and sequence', () => {
    const result = checkNip('198503152010011002');
    expect(result).toEqual({
      ok: true,
      parts: { birthDate: '1985-03-15', tmtMonth: '2010-01', gender: 'L', sequence: '002' },
    });
  });

  it.each([
    ['19850315201001100', 'NIP harus 18 digit angka'],
    ['1985031520100110a2', 'NIP harus 18 digit angka'],
    ['198502302010011002', 'tanggal lahir'],
    ['198513012010011002', 'tanggal lahir'],
    ['198503152001011002', 'TMT'],
    ['198503152010131002', 'TMT'],
    ['198503152010013002', 'jenis kelamin'],
    ['198503152010011000', 'nomor urut'],
  ])('should reject %s naming the broken part', (nip, reason) => {
    const result = checkNip(nip);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('should accept 29 February only in leap years', () => {
    expect(checkNip('198802292010012001').ok).toBe(true);
    expect(checkNip('198702292010012001').ok).toBe(false);
  });

  it('should never throw on any 18-character string', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 30 }), (s) => {
        const r = checkNip(s);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});
