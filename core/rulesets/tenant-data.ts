import bantul from '../../rulesets/tenants/bantul.json' with { type: 'json' };
import binjai from '../../rulesets/tenants/binjai.json' with { type: 'json' };
import bukitintan from '../../rulesets/tenants/bukitintan.json' with { type: 'json' };
import sofifi from '../../rulesets/tenants/sofifi.json' with { type: 'json' };
import { parseTenantRuleset, type TenantRuleset } from './tenant-ruleset';

/** DEMO tenant rulesets (every value confidence DEMO, following a named regional example). */
export const demoTenantRulesets: Readonly<
  Record<'bantul' | 'binjai' | 'sofifi' | 'bukitintan', TenantRuleset>
> = {
  bantul: parseTenantRuleset(bantul, 'rulesets/tenants/bantul.json'),
  binjai: parseTenantRuleset(binjai, 'rulesets/tenants/binjai.json'),
  sofifi: parseTenantRuleset(sofifi, 'rulesets/tenants/sofifi.json'),
  bukitintan: parseTenantRuleset(bukitintan, 'rulesets/tenants/bukitintan.json'),
};
