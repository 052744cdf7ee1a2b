import type { Rulesets } from '../pay/compute-monthly-pay';
import { type GajiGridIndex, nationalRulesFor } from '../rulesets/national-in-force';
import { tenantRulesFor } from '../rulesets/tenant-in-force';

/**
 * What an import row is checked against, taken from the rules in force in the month of the import:
 * the gaji grids (golongan and MKG), the tunjangan fungsional and struktural tables (jabatan), the
 * tenant's TPP kelas jabatan, and the child age limits of tunjangan keluarga.
 */
export interface ImportReference {
  /** The day of the import (YYYY-MM-DD): dates after it cannot be birth or marriage dates. */
  readonly today: string;
  readonly gajiGrid: { readonly PNS: GajiGridIndex; readonly PPPK: GajiGridIndex };
  readonly fungsional: ReadonlyMap<string, Readonly<Record<string, number>>>;
  readonly eselonWithTunjangan: ReadonlySet<string>;
  readonly kelasJabatan: ReadonlySet<number>;
  readonly anak: { readonly ageLimit: number; readonly ageLimitIfStudying: number; readonly max: number };
}

export function importReference(rulesets: Rulesets, today: string): ImportReference {
  const month = today.slice(0, 7);
  const national = nationalRulesFor(rulesets.national, month);
  const tenant = tenantRulesFor(rulesets.tenant, month);
  const keluarga = national.keluarga.value;
  return {
    today,
    // CPNS are paid from the PNS grid (80 %), so they share it.
    gajiGrid: { PNS: national.gajiPokokPns.value, PPPK: national.gajiPokokPppk.value },
    fungsional: national.tunjanganFungsionalTables,
    eselonWithTunjangan: new Set(Object.keys(national.tunjanganStruktural.value)),
    kelasJabatan: new Set(tenant.ceilings.value.keys()),
    anak: {
      ageLimit: keluarga.anakAgeLimit,
      ageLimitIfStudying: keluarga.anakAgeLimitIfStudying,
      max: keluarga.maxAnak,
    },
  };
}
