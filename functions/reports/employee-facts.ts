import type { EmployeeIdentity } from '../../core/employee/employee';
import type { EmployeeFacts } from '../../core/reports/employee-facts';
import { batchGetAll } from '../table/batch';
import { documentClient, tableForTenant } from '../table/client';
import { keys } from '../table/keys';

/** NIK, address and sandi bank of the employees of a file, from their records (one BatchGet per 100). */
export async function employeeFacts(
  tenantId: string,
  nips: readonly string[],
): Promise<Map<string, EmployeeFacts>> {
  const items = await batchGetAll(
    documentClient,
    tableForTenant(tenantId),
    [...new Set(nips)].map((nip) => keys.employee(nip)),
  );
  const facts = new Map<string, EmployeeFacts>();
  for (const item of items) {
    const identity = item.identity as (EmployeeIdentity & { alamat?: string }) | undefined;
    if (!identity) continue;
    facts.set(identity.nip, {
      ...(identity.nik ? { nik: identity.nik } : {}),
      ...(identity.alamat ? { alamat: identity.alamat } : {}),
      ...(identity.bankAccount?.bankCode ? { bankCode: identity.bankAccount.bankCode } : {}),
      ...(identity.bankAccount ? { accountNumber: identity.bankAccount.accountNumber } : {}),
    });
  }
  return facts;
}
