import { randomUUID } from 'node:crypto';
import type { Principal } from '../../core/auth/principal';
import type { UseCaseDeps } from '../../core/employee/use-cases';
import { DynamoEmployeeRepository } from '../employees/dynamo-employee-repository';
import { documentClient, tableForTenant } from '../table/client';

/**
 * Per-request dependencies. The table is the caller's tenant table, chosen from the verified token
 * only: no code path takes a tenant from the URL or the body.
 */
export function depsFor(principal: Principal, requestId: string): UseCaseDeps & { table: string } {
  const table = tableForTenant(principal.tenantId);
  return {
    table,
    employees: new DynamoEmployeeRepository(documentClient, table),
    now: new Date().toISOString(),
    requestId: requestId || randomUUID(),
  };
}
