export { RuleNotInForceError, RulesetValidationError } from './errors';
export { loadNationalRuleset, NATIONAL_RULESET_FILES, nationalRuleset } from './national-data';
export { type NationalRules, nationalRulesFor } from './national-in-force';
export {
  assembleNationalRuleset,
  type NationalRuleset,
  type NationalRulesetNode,
  parseNationalRuleset,
  parseNationalRulesetNode,
} from './national-ruleset';
export type { Confidence, Parameter, ParameterVersion, Source } from './parameter';
export { versionInForce } from './parameter';
export { type RuleInForce, rulesInForce } from './rules-in-force';
export { rulesetVersion, sha256Hex, stableStringify } from './ruleset-version';
export { demoTenantRulesets } from './tenant-data';
export { type TenantRules, tenantRulesFor } from './tenant-in-force';
export { parseTenantRuleset, type TenantRuleset } from './tenant-ruleset';
