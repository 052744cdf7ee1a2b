import { tenantRegistry } from '../../config/registry';
import type { Principal } from '../../core/auth/principal';
import { DomainError } from '../../core/errors';
import type { StoredTaxSettings } from '../../core/tax/withholders';
import type { TenantConfig } from '../../core/tenant/tenant-config';
import { depsFor } from '../http/deps';
import { documentClient } from '../table/client';
import { PayrollSource } from './payroll-source';
import { DynamoTaxStore } from './store';

export interface TaxDeps {
  tenant: TenantConfig;
  store: DynamoTaxStore;
  payroll: PayrollSource;
  now: string;
  requestId: string;
}

/** Per request: the caller's tenant table (from the token only). */
export function taxDeps(principal: Principal, requestId: string): TaxDeps {
  const { table, now, requestId: id } = depsFor(principal, requestId);
  const tenant = tenantRegistry().get(principal.tenantId);
  if (!tenant) throw new Error(`unknown tenant ${principal.tenantId}`);
  return {
    tenant,
    store: new DynamoTaxStore(documentClient, table),
    payroll: new PayrollSource(documentClient, table),
    now,
    requestId: id,
  };
}

/** Exports need the withholders: a tenant that has not set them gets a 409 naming what to fill in. */
export async function requireSettings(deps: TaxDeps): Promise<StoredTaxSettings> {
  const settings = await deps.store.settings();
  if (!settings) {
    throw new DomainError(
      'CONFLICT',
      'TAX_SETTINGS_MISSING',
      'Pemotong PPh 21 (NPWP, NITKU, bendahara) belum diisi: isi di PUT /tax/settings terlebih dahulu',
      [{ path: 'withholders', message: 'belum diisi' }],
    );
  }
  return settings;
}
