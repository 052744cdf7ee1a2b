import { randomUUID } from 'node:crypto';
import type { Principal } from '../../core/auth/principal';
import { documentClient, tableForTenant } from '../table/client';
import { DynamoItemStore } from './store/dynamo-item-store';
import type { ItemStore } from './store/ports';

/**
 * Per-request dependencies of the appraisal use cases. The table is the caller's tenant table, chosen
 * from the verified token only; time and ids come from here because the use cases have no clock.
 */
export interface AppraisalDeps {
  store: ItemStore;
  tenantId: string;
  /** ISO timestamp of "now". */
  now: string;
  requestId: string;
  newId(): string;
}

export function appraisalDeps(principal: Principal, requestId: string): AppraisalDeps {
  return {
    store: new DynamoItemStore(documentClient, tableForTenant(principal.tenantId)),
    tenantId: principal.tenantId,
    now: new Date().toISOString(),
    requestId: requestId || randomUUID(),
    newId: () => randomUUID().replace(/-/g, '').slice(0, 16),
  };
}
