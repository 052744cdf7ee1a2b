import { type NationalRules, nationalRulesFor } from '../rulesets/national-in-force';
import type { NationalRuleset } from '../rulesets/national-ruleset';
import { RulesByMonth } from '../rulesets/rules-in-force';
import { rulesetVersion } from '../rulesets/ruleset-version';
import { type TenantRules, tenantRulesFor } from '../rulesets/tenant-in-force';
import type { TenantRuleset } from '../rulesets/tenant-ruleset';

export interface Rulesets {
  readonly national: NationalRuleset;
  readonly tenant: TenantRuleset;
}

/**
 * The rules a payroll run computes with: its rulesets, their version, and each month's rules in force
 * resolved once. The caller owns it — a run makes one per chunk and drops it with the chunk — so the
 * only cache the engine has lives exactly as long as the rules it was built from. (Measured: resolving
 * a month's rules for every slip instead makes a 10,000-slip run slower, see bench/pay-bench.ts.)
 */
export class PayRules {
  readonly national: RulesByMonth<NationalRuleset, NationalRules>;
  readonly tenant: RulesByMonth<TenantRuleset, TenantRules>;
  /** Names the exact rules a stored slip used (`sha256:…`). */
  readonly version: string;

  constructor(
    readonly rulesets: Rulesets,
    version?: string,
  ) {
    this.national = new RulesByMonth(rulesets.national, nationalRulesFor);
    this.tenant = new RulesByMonth(rulesets.tenant, tenantRulesFor);
    this.version = version ?? rulesetVersion(rulesets);
  }
}

/** The caller's PayRules, or one for this call alone when it passed bare rulesets. */
export function payRulesOf(rules: PayRules | Rulesets): PayRules {
  return rules instanceof PayRules ? rules : new PayRules(rules);
}
