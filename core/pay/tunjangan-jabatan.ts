import type { TunjanganFungsionalTable } from '../rulesets/national-schema';
import { PayDataError } from './errors';
import type { Jabatan, JenisAsn } from './types';

export type TunjanganJabatanKind = 'STRUKTURAL' | 'FUNGSIONAL' | 'UMUM' | 'NONE';

export interface TunjanganJabatanResult {
  readonly kind: TunjanganJabatanKind;
  readonly amount: number;
  /** Where the amount came from: table key or 'input'. */
  readonly from: string;
}

export interface JabatanTables {
  readonly struktural: Readonly<Record<string, number>>;
  readonly fungsional: ReadonlyMap<string, TunjanganFungsionalTable>;
  readonly umum: Readonly<Record<string, number>>;
}

/** 'III/a' → 'III'; PPPK golongan have no group in Perpres 12/2006. */
export function golonganGroup(golongan: string): string {
  const slash = golongan.indexOf('/');
  return slash < 0 ? golongan : golongan.slice(0, slash);
}

/**
 * Exactly one of: tunjangan jabatan struktural (Perpres 26/2007, by eselon), tunjangan jabatan
 * fungsional (per jabatan and jenjang), or tunjangan umum (Perpres 12/2006, by golongan group) for
 * PNS/CPNS in jabatan pelaksana. PPPK pelaksana receive no tunjangan umum (open question, see README).
 */
export function tunjanganJabatan(
  input: { readonly jabatan: Jabatan; readonly golongan: string; readonly jenisAsn: JenisAsn },
  tables: JabatanTables,
): TunjanganJabatanResult {
  const { jabatan } = input;
  switch (jabatan.type) {
    case 'STRUKTURAL': {
      const amount = tables.struktural[jabatan.eselon];
      if (amount === undefined) {
        throw new PayDataError(
          'employee.jabatan.eselon',
          `eselon ${jabatan.eselon} has no tunjangan struktural`,
        );
      }
      return { kind: 'STRUKTURAL', amount, from: `eselon ${jabatan.eselon}` };
    }
    case 'FUNGSIONAL': {
      if (jabatan.amount !== undefined) {
        if (!Number.isInteger(jabatan.amount) || jabatan.amount < 0) {
          throw new PayDataError('employee.jabatan.amount', 'must be whole rupiah ≥ 0');
        }
        return { kind: 'FUNGSIONAL', amount: jabatan.amount, from: 'input' };
      }
      const amount = tables.fungsional.get(jabatan.code)?.[jabatan.jenjang];
      if (amount === undefined) {
        throw new PayDataError(
          'employee.jabatan',
          `no tunjangan fungsional for ${jabatan.code}/${jabatan.jenjang} in the reference data; give amount`,
        );
      }
      return { kind: 'FUNGSIONAL', amount, from: `${jabatan.code}/${jabatan.jenjang}` };
    }
    case 'PELAKSANA': {
      if (input.jenisAsn === 'PPPK') return { kind: 'NONE', amount: 0, from: 'PPPK pelaksana' };
      const group = golonganGroup(input.golongan);
      const amount = tables.umum[group];
      if (amount === undefined)
        throw new PayDataError('employee.golongan', `no tunjangan umum for golongan ${group}`);
      return { kind: 'UMUM', amount, from: `golongan ${group}` };
    }
  }
}
