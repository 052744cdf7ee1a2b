import { rulesetFile } from '../../config/registry';
import type { Rulesets } from '../../core/pay/compute-monthly-pay';
import { nationalRuleset } from '../../core/rulesets/national-data';
import { rulesetVersion } from '../../core/rulesets/ruleset-version';
import { parseTenantRuleset } from '../../core/rulesets/tenant-ruleset';
import type { TenantConfig } from '../../core/tenant/tenant-config';

/** A tenant without a ruleset of its own is paid by the reference defaults (tpp-tenant-examples.json). */
export const REFERENCE_RULESET = 'bukitintan';

const cache = new Map<string, { rulesets: Rulesets; version: string }>();

/**
 * The national ruleset plus the tenant's own, validated once per process. A tenant that names no
 * ruleset gets the reference document re-labelled with its id, so its slips still name their rules.
 */
export function rulesetsFor(tenant: TenantConfig): { rulesets: Rulesets; version: string } {
  const hit = cache.get(tenant.id);
  if (hit) return hit;
  const name = tenant.ruleset ?? REFERENCE_RULESET;
  const raw = rulesetFile(`tenants/${name}`);
  if (!raw) throw new Error(`tenant ${tenant.id}: ruleset rulesets/tenants/${name}.json not found`);
  const json = tenant.ruleset
    ? raw
    : { ...(raw as object), tenantId: tenant.id, name: `${tenant.name} (aturan acuan)` };
  const rulesets: Rulesets = {
    national: nationalRuleset,
    tenant: parseTenantRuleset(json, `rulesets/tenants/${name}.json`),
  };
  const entry = { rulesets, version: rulesetVersion(rulesets) };
  cache.set(tenant.id, entry);
  return entry;
}
