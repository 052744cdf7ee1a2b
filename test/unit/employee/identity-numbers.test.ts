import { describe, expect, it } from 'vitest';
import {
  checkAccountNumber,
  checkBankCode,
  checkNik,
  checkNitku,
  checkNpwp,
  digitsOnly,
  nikMismatches,
  npwp16,
} from '../../../core/employee/identity-numbers';

describe('checkNik', () => {
  it('should accept the worked example NIK of data-pegawai-import.md §7 and read its parts', () => {
    const check = checkNik('3375010101900009');
    expect(check).toEqual({
      ok: true,
      parts: { region: '337501', birthDay: 1, birthMonth: 1, birthYear2: '90', gender: 'L' },
    });
  });

  it('should read a woman’s birth day as the day + 40', () => {
    const check = checkNik('3402015503850002');
    expect(check.ok && check.parts).toMatchObject({ birthDay: 15, birthMonth: 3, gender: 'P' });
  });

  it.each([
    ['340201150385000', 'NIK harus 16 digit angka'],
    ['34020115038500021', 'NIK harus 16 digit angka'],
    ['34020115O3850002', 'NIK harus 16 digit angka'],
    ['9902011503850002', 'kode provinsi dalam NIK (digit 1–2: 99) tidak dikenal'],
    ['3400011503850002', 'kode kabupaten/kota atau kecamatan dalam NIK (digit 3–6) tidak boleh 00'],
    ['3402001503850002', 'kode kabupaten/kota atau kecamatan dalam NIK (digit 3–6) tidak boleh 00'],
    ['3402013202850002', 'tanggal lahir'],
    ['3402017202850002', 'tanggal lahir'],
    ['3402011513850002', 'tanggal lahir'],
    ['3402013504850002', 'tanggal lahir'],
    ['3402011503850000', 'nomor urut dalam NIK (digit 13–16) tidak boleh 0000'],
  ])('should refuse %s', (nik, reason) => {
    const check = checkNik(nik);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toContain(reason);
  });

  it('should accept 29 February (the century is not in the NIK)', () => {
    expect(checkNik('3402012902000001').ok).toBe(true);
  });

  it('should name the birth date and gender that differ from the NIP', () => {
    const check = checkNik('3375010101900009');
    if (!check.ok) throw new Error('expected a valid NIK');
    expect(nikMismatches(check.parts, '1990-01-01', 'L')).toEqual([]);
    expect(nikMismatches(check.parts, '1990-01-02', 'P')).toEqual([
      'tanggal lahir dalam NIK (01-01-90) berbeda dengan 02-01-90',
      'jenis kelamin dalam NIK (L) berbeda dengan P',
    ]);
  });
});

describe('checkNpwp and checkNitku', () => {
  it('should accept a NIK as NPWP, an old 15-digit NPWP and its 0-prefixed 16-digit form', () => {
    expect(checkNpwp('3375010101900009')).toEqual({ ok: true });
    expect(checkNpwp('012345678901000')).toEqual({ ok: true, legacy: true });
    expect(checkNpwp('0012345678901000')).toEqual({ ok: true, legacy: true });
    expect(npwp16('012345678901000')).toBe('0012345678901000');
  });

  it('should refuse a 16-digit NPWP that is not a NIK, and other lengths', () => {
    const notNik = checkNpwp('9975010101900009');
    expect(!notNik.ok && notNik.reason).toContain('NPWP 16 digit orang pribadi adalah NIK');
    expect(checkNpwp('12345').ok).toBe(false);
  });

  it('should take a NITKU as the 16-digit NPWP + 6 digits (pajak-pelaporan.md §2)', () => {
    expect(checkNitku('3375010101900009000000', '3375010101900009')).toEqual({ ok: true });
    expect(checkNitku('0012345678901000000000', '012345678901000')).toEqual({ ok: true });
    const other = checkNitku('3375010101900008000000', '3375010101900009');
    expect(!other.ok && other.reason).toBe('16 digit pertama NITKU harus sama dengan NPWP 3375010101900009');
    expect(checkNitku('33750101019000090000', undefined).ok).toBe(false);
  });
});

describe('bank numbers', () => {
  it('should keep digits of a typed account number and check it and the 3-digit kode bank', () => {
    expect(digitsOnly('01.103.08888')).toBe('0110308888');
    expect(checkAccountNumber('0110308888')).toEqual({ ok: true });
    expect(checkAccountNumber('12345').ok).toBe(false);
    expect(checkBankCode('002')).toEqual({ ok: true });
    expect(checkBankCode('02').ok).toBe(false);
  });
});
