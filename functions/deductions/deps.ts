import { randomUUID } from 'node:crypto';
import { tenantRegistry } from '../../config/registry';
import type { Principal } from '../../core/auth/principal';
import type { DeductionDeps } from '../../core/deductions/register';
import { depsFor } from '../http/deps';
import { tenantMonth } from '../payroll/scheduled-run';
import { documentClient } from '../table/client';
import { DynamoDeductionStore } from './store';

/** Per request: the caller's tenant table (from the token only), the clock, ids, the tenant's month. */
export function deductionDeps(principal: Principal, requestId: string): DeductionDeps {
  const { table, now, requestId: id } = depsFor(principal, requestId);
  const tenant = tenantRegistry().get(principal.tenantId);
  if (!tenant) throw new Error(`unknown tenant ${principal.tenantId}`);
  return {
    store: new DynamoDeductionStore(documentClient, table),
    now,
    requestId: id,
    newId: () => randomUUID(),
    currentMonth: tenantMonth(tenant.timeZone, new Date(now)),
  };
}
