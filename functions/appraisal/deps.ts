import { randomUUID } from 'node:crypto';
import type { Principal } from '../../core/auth/principal';
import type { TenantRuleset } from '../../core/rulesets/tenant-ruleset';
import { loadRulesets } from '../payroll/rulesets';
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
  /**
   * The tenant's rules in force, as the payroll run pays them: the seed with its approved changes from
   * the tenant's table (not the repository file). One Query per deps object, i.e. per request or per
   * results-job invocation, however many employees and months it reads.
   */
  tenantRules(): Promise<TenantRuleset>;
}

export function appraisalDeps(principal: Principal, requestId: string): AppraisalDeps {
  const table = tableForTenant(principal.tenantId);
  let rules: Promise<TenantRuleset> | undefined;
  return {
    store: new DynamoItemStore(documentClient, table),
    tenantId: principal.tenantId,
    now: new Date().toISOString(),
    requestId: requestId || randomUUID(),
    newId: () => randomUUID().replace(/-/g, '').slice(0, 16),
    tenantRules() {
      rules ??= loadRulesets(principal.tenantId, table).then(
        (r) => r.rulesets.tenant,
        (err) => {
          // A failed read is not kept: the next call of this request tries again.
          rules = undefined;
          throw err;
        },
      );
      return rules;
    },
  };
}
