import { tenantRegistry } from '../../config/registry';
import { rulesInForce } from '../../core/rulesets/rules-in-force';
import { createGroupHandler, implement } from '../http/http-handler';
import { loadTenantRules } from '../payroll/rulesets';
import { routeById } from '../routes';
import { tableForTenant } from '../table/client';
import { getRuleChange, listRuleChanges, previewRuleChange, ruleHistory, rulesDeps } from './changes';

/** The month a question is about: the caller's, or the current one in the tenant's own time zone. */
function monthOr(month: string | undefined, timeZone: string): string {
  if (month) return month;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(new Date());
  return `${parts.find((p) => p.type === 'year')?.value}-${parts.find((p) => p.type === 'month')?.value}`;
}

function tenantOf(tenantId: string) {
  const tenant = tenantRegistry().get(tenantId);
  if (!tenant) throw new Error(`unknown tenant ${tenantId}`);
  return tenant;
}

const list = implement(routeById('listRulesets'), async ({ query, principal }) => {
  const tenant = tenantOf(principal.tenantId);
  const month = monthOr(query.month, tenant.timeZone);
  const { rulesets, version } = await loadTenantRules(tenant.id, tableForTenant(tenant.id));
  return {
    body: {
      month,
      rulesetVersion: version,
      rulesets: [
        {
          id: 'national',
          name: 'Aturan nasional (gaji, tunjangan, iuran, PPh 21)',
          rules: rulesInForce(rulesets.national, month).length,
        },
        { id: 'tenant', name: rulesets.tenant.name, rules: rulesInForce(rulesets.tenant, month).length },
      ],
    },
  };
});

/** National rules come from the reviewed repository files; the tenant's from its own table. */
const get = implement(routeById('getRuleset'), async ({ params, query, principal }) => {
  const tenant = tenantOf(principal.tenantId);
  const month = monthOr(query.month, tenant.timeZone);
  const { rulesets, version } = await loadTenantRules(tenant.id, tableForTenant(tenant.id));
  const ruleset = params.id === 'national' ? rulesets.national : rulesets.tenant;
  return { body: { id: params.id, month, rulesetVersion: version, rules: rulesInForce(ruleset, month) } };
});

const history = implement(routeById('getRuleHistory'), async ({ params, principal, requestId }) => ({
  body: await ruleHistory(params.parameterId, principal, rulesDeps(principal, requestId)),
}));

const changes = implement(routeById('listRuleChanges'), async ({ query, principal, requestId }) => ({
  body: await listRuleChanges(principal, rulesDeps(principal, requestId), query.status),
}));

const change = implement(routeById('getRuleChange'), async ({ params, principal, requestId }) => ({
  body: await getRuleChange(params.changeId, principal, rulesDeps(principal, requestId)),
}));

const preview = implement(
  routeById('previewRuleChange'),
  async ({ params, query, principal, requestId }) => ({
    body: await previewRuleChange(params.changeId, query.month, principal, rulesDeps(principal, requestId)),
  }),
);

export const handler = createGroupHandler('rulesets', [list, get, history, changes, change, preview]);
