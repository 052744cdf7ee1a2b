import { describe, expect, it } from 'vitest';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import { PayDataError } from '../../../core/pay/errors';
import { explainLine } from '../../../core/pay/explain';
import { monthIndex } from '../../../core/pay/month';
import { tunjanganBeras } from '../../../core/pay/tunjangan-beras';
import { tunjanganJabatan } from '../../../core/pay/tunjangan-jabatan';
import { jiwaTunjanganBeras, tunjanganKeluarga } from '../../../core/pay/tunjangan-keluarga';
import type { Family } from '../../../core/pay/types';
import { nationalRuleset } from '../../../core/rulesets/national-data';
import { nationalRulesFor } from '../../../core/rulesets/national-in-force';
import { aChild, aPayInput, rulesetsFor } from './builders';

const rules = nationalRulesFor(nationalRuleset, '2026-03');
const keluarga = (family: Family, gajiPokok = 3_385_600) =>
  tunjanganKeluarga({ gajiPokok, family, monthIndex: monthIndex('2026-03') }, rules.keluarga.value);

describe('tunjanganKeluarga', () => {
  it('should pay 10% for the spouse and 2% per child', () => {
    const result = keluarga({
      spouse: { isAsn: false, receivesAllowanceHere: true },
      children: [aChild(), aChild()],
    });
    expect(result).toMatchObject({ suamiIstri: 338_560, anak: 135_424, anakCount: 2 });
  });

  it('should pay at most two of three children, oldest first', () => {
    const result = keluarga({
      children: [
        aChild({ birthDate: '2018-01-01' }),
        aChild({ birthDate: '2012-01-01' }),
        aChild({ birthDate: '2015-01-01' }),
      ],
    });
    expect(result.anakCount).toBe(2);
    expect(result.children.map((c) => c.paid)).toEqual([false, true, true]);
  });

  it('should pay at most one anak angkat', () => {
    const result = keluarga({
      children: [aChild({ status: 'ANGKAT' }), aChild({ status: 'ANGKAT', birthDate: '2016-01-01' })],
    });
    expect(result.anakCount).toBe(1);
  });

  it('should count a child until the month it turns 21, or 25 while in school', () => {
    const turning21ThisMonth = aChild({ birthDate: '2005-03-20', inSchool: false });
    const turned21LastMonth = aChild({ birthDate: '2005-02-20', inSchool: false });
    const studying23 = aChild({ birthDate: '2003-01-01', inSchool: true });
    expect(keluarga({ children: [turning21ThisMonth] }).anakCount).toBe(1);
    expect(keluarga({ children: [turned21LastMonth] }).anakCount).toBe(0);
    expect(keluarga({ children: [studying23] }).anakCount).toBe(1);
  });

  it('should not pay a married child or one with own income', () => {
    expect(keluarga({ children: [aChild({ married: true }), aChild({ hasIncome: true })] }).anakCount).toBe(
      0,
    );
  });

  it('should pay everything to the holder when both spouses are ASN and nothing to the other', () => {
    const holder = keluarga({ spouse: { isAsn: true, receivesAllowanceHere: true }, children: [aChild()] });
    const other = keluarga({ spouse: { isAsn: true, receivesAllowanceHere: false }, children: [aChild()] });
    expect([holder.suamiIstri, holder.anakCount]).toEqual([338_560, 1]);
    expect([other.suamiIstri, other.anakCount, other.isHolder]).toEqual([0, 0, false]);
  });
});

describe('tunjanganBeras', () => {
  it('should pay 72.420 per jiwa capped at the maximum', () => {
    expect(tunjanganBeras({ jiwa: 2 }, { rupiahPerJiwa: 72_420, maxJiwa: 4 }).amount).toBe(144_840);
    expect(tunjanganBeras({ jiwa: 6 }, { rupiahPerJiwa: 72_420, maxJiwa: 4 })).toMatchObject({
      jiwaPaid: 4,
      amount: 289_680,
    });
  });

  it('should count an ASN spouse for beras on their own slip, and the children only with the holder', () => {
    const family: Family = { spouse: { isAsn: true, receivesAllowanceHere: true }, children: [aChild()] };
    expect(jiwaTunjanganBeras(family, keluarga(family))).toBe(2);
    const other: Family = { spouse: { isAsn: true, receivesAllowanceHere: false }, children: [aChild()] };
    expect(jiwaTunjanganBeras(other, keluarga(other))).toBe(1);
  });
});

describe('tunjanganJabatan', () => {
  const tables = {
    struktural: rules.tunjanganStruktural.value,
    fungsional: new Map([...rules.tunjanganFungsional].map(([k, v]) => [k, v.value])),
    umum: rules.tunjanganUmum.value,
  };

  it('should pay struktural by eselon, fungsional by jabatan/jenjang, umum by golongan group', () => {
    expect(
      tunjanganJabatan(
        { jabatan: { type: 'STRUKTURAL', eselon: 'III.a' }, golongan: 'IV/a', jenisAsn: 'PNS' },
        tables,
      ),
    ).toMatchObject({ kind: 'STRUKTURAL', amount: 1_260_000 });
    expect(
      tunjanganJabatan(
        {
          jabatan: { type: 'FUNGSIONAL', code: 'DOSEN', jenjang: 'GURU_BESAR' },
          golongan: 'IV/e',
          jenisAsn: 'PNS',
        },
        tables,
      ),
    ).toMatchObject({ kind: 'FUNGSIONAL', amount: 1_350_000 });
    expect(
      tunjanganJabatan({ jabatan: { type: 'PELAKSANA' }, golongan: 'II/c', jenisAsn: 'PNS' }, tables),
    ).toMatchObject({ kind: 'UMUM', amount: 180_000 });
  });

  it('should pay PPPK pelaksana no tunjangan umum', () => {
    expect(
      tunjanganJabatan({ jabatan: { type: 'PELAKSANA' }, golongan: 'IX', jenisAsn: 'PPPK' }, tables).kind,
    ).toBe('NONE');
  });

  it('should reject a fungsional missing from the reference data', () => {
    expect(() =>
      tunjanganJabatan(
        {
          jabatan: { type: 'FUNGSIONAL', code: 'ARSIPARIS', jenjang: 'AHLI_MUDA' },
          golongan: 'III/c',
          jenisAsn: 'PNS',
        },
        tables,
      ),
    ).toThrow(PayDataError);
  });

  it.each([
    [{ type: 'STRUKTURAL', eselon: 'IV.a' } as const, 'TUNJ_STRUKTURAL'],
    [{ type: 'FUNGSIONAL', code: 'GURU', jenjang: 'AHLI_MUDA' } as const, 'TUNJ_FUNGSIONAL'],
    [{ type: 'PELAKSANA' } as const, 'TUNJ_UMUM'],
  ])('should put exactly one jabatan allowance on the slip for %o', (jabatan, code) => {
    const slip = computeMonthlyPay(aPayInput({ employee: { jabatan } }), rulesetsFor('bukitintan'));
    const codes = slip.lines
      .map((l) => l.code)
      .filter((c) => ['TUNJ_STRUKTURAL', 'TUNJ_FUNGSIONAL', 'TUNJ_UMUM'].includes(c));
    expect(codes).toEqual([code]);
  });

  it('should explain the child allowance with id-ID numbers', () => {
    const slip = computeMonthlyPay(
      aPayInput({
        employee: { golongan: 'III/c', mkgYears: 8, family: { children: [aChild(), aChild(), aChild()] } },
      }),
      rulesetsFor('bukitintan'),
    );
    expect(explainLine(slip.lines.find((l) => l.code === 'TUNJ_ANAK')!)).toBe(
      'Tunjangan anak: 2 × 2% × Rp 3.426.000 = Rp 137.040',
    );
  });
});
