import { describe, expect, it } from 'vitest';
import type { EmployeeView } from '../../../core/employee/employee';
import { employeeSnapshot } from '../../../core/payroll/snapshot';
import { anEmployee } from '../../builders/employee';

/** The employee as the payroll run reads it on one date (the create body already carries every aspect). */
function aView(overrides: Parameters<typeof anEmployee>[0] = {}): EmployeeView {
  return { ...anEmployee(overrides), version: 1, asOf: '2026-03-01' } as unknown as EmployeeView;
}

const keysAt = (value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keysAt(v)]))
    : typeof value;

describe('employeeSnapshot', () => {
  it('should give every employee the same keys in the same order, optional ones included', () => {
    // Same keys in the same order is what gives one hidden class, which keeps the pay engine's reads
    // monomorphic; spreading optional fields in gave nearly every employee its own.
    const guru = {
      type: 'FUNGSIONAL',
      nama: 'Guru Ahli Muda',
      kode: 'GURU',
      jenjang: 'Ahli Muda',
      kelasJabatan: 9,
    };
    const full = employeeSnapshot(
      aView({ tmtEnd: '2026-06-30', jabatan: { ...guru, tunjangan: 850_000 } } as Parameters<
        typeof anEmployee
      >[0]),
    );
    const bare = employeeSnapshot(
      aView({
        jabatan: guru,
        keluarga: { statusKawin: 'BELUM_KAWIN', children: [] },
      } as Parameters<typeof anEmployee>[0]),
    );
    expect(Object.keys(bare)).toEqual(Object.keys(full));
    expect(Object.keys(bare.family)).toEqual(Object.keys(full.family));
    expect(Object.keys(bare.jabatan)).toEqual(Object.keys(full.jabatan));
    expect(full.jabatan).toEqual({ type: 'FUNGSIONAL', code: 'GURU', jenjang: 'AHLI_MUDA', amount: 850_000 });
    expect(full.tmtEnd).toBe('2026-06-30');
    expect(bare.tmtEnd).toBeUndefined();
    expect(bare.family.spouse).toBeUndefined();
    expect(full.family.spouse).toEqual({ isAsn: false, receivesAllowanceHere: true });
  });

  it('should store no trace of the absent optional fields', () => {
    const snapshot = employeeSnapshot(aView({ keluarga: { statusKawin: 'BELUM_KAWIN', children: [] } }));
    const stored = JSON.parse(JSON.stringify(snapshot));
    expect('tmtEnd' in stored).toBe(false);
    expect('spouse' in stored.family).toBe(false);
    expect(keysAt(stored.family)).toEqual({ children: 'object' });
  });
});
