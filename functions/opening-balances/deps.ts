import { tenantRegistry } from '../../config/registry';
import type { Principal } from '../../core/auth/principal';
import type { OpeningBalanceDeps } from '../../core/payroll/opening-balance-use-cases';
import { depsFor } from '../http/deps';
import { tenantMonth } from '../payroll/scheduled-run';
import { documentClient } from '../table/client';
import { DynamoOpeningBalanceStore, type StoreOptions } from './store';

/** Per request: the caller's tenant table (from the token only) and the tenant's own current month. */
export function openingBalanceDeps(
  principal: Principal,
  requestId: string,
  options: StoreOptions = {},
): OpeningBalanceDeps {
  const { table, now, requestId: id } = depsFor(principal, requestId);
  const tenant = tenantRegistry().get(principal.tenantId);
  if (!tenant) throw new Error(`unknown tenant ${principal.tenantId}`);
  return {
    store: new DynamoOpeningBalanceStore(documentClient, table, options),
    now,
    requestId: id,
    currentMonth: tenantMonth(tenant.timeZone, new Date(now)),
  };
}
