import { rulesetFile, tenantRegistry } from '../../config/registry';
import type { Rulesets } from '../../core/pay/compute-monthly-pay';
import { nationalRuleset } from '../../core/rulesets/national-data';
import { rulesetVersion } from '../../core/rulesets/ruleset-version';
import { applyApprovedChanges, type RuleChange } from '../../core/rulesets/tenant-change';
import { parseTenantRuleset, type TenantRuleset } from '../../core/rulesets/tenant-ruleset';
import type { TenantConfig } from '../../core/tenant/tenant-config';
import { type RulesPartition, RulesStore, type SeedItem } from '../rulesets/store';

/** A tenant without a ruleset of its own is paid by the reference defaults (tpp-tenant-examples.json). */
export const REFERENCE_RULESET = 'bukitintan';

const cache = new Map<string, { rulesets: Rulesets; version: string }>();

/** The repository document a tenant starts from: its own file, or the reference re-labelled with its id. */
export function seedDocumentFor(tenant: TenantConfig): { file: string; document: unknown } {
  const name = tenant.ruleset ?? REFERENCE_RULESET;
  const raw = rulesetFile(`tenants/${name}`);
  if (!raw) throw new Error(`tenant ${tenant.id}: ruleset rulesets/tenants/${name}.json not found`);
  const document = tenant.ruleset
    ? raw
    : { ...(raw as object), tenantId: tenant.id, name: `${tenant.name} (aturan acuan)` };
  return { file: `rulesets/tenants/${name}.json`, document };
}

/**
 * The SEED rules only (the repository file), validated once per process — what a tenant starts with.
 * Pay is computed with `loadRulesets` (the tenant's table); this stays for reference data (the employee
 * import's grids), tools and fixtures.
 */
export function rulesetsFor(tenant: TenantConfig): { rulesets: Rulesets; version: string } {
  const hit = cache.get(tenant.id);
  if (hit) return hit;
  const { file, document } = seedDocumentFor(tenant);
  const rulesets: Rulesets = { national: nationalRuleset, tenant: parseTenantRuleset(document, file) };
  const entry = { rulesets, version: rulesetVersion(rulesets) };
  cache.set(tenant.id, entry);
  return entry;
}

export interface TenantRulesState {
  readonly tenant: TenantConfig;
  /** The seed as stored in the table, or undefined while the tenant still follows the repository file. */
  readonly seedItem?: SeedItem;
  readonly seed: TenantRuleset;
  readonly seq: number;
  readonly changes: readonly RuleChange[];
  readonly rulesets: Rulesets;
  readonly version: string;
}

/**
 * Built rules by tenant and (seed, approvals): the Query is made on every load, but an unchanged answer
 * reuses the same ruleset objects, so the per-month resolution and the version hash stay cached.
 */
const built = new Map<string, { key: string; seed: TenantRuleset; rulesets: Rulesets; version: string }>();

function tenantConfig(tenantId: string): TenantConfig {
  const tenant = tenantRegistry().get(tenantId);
  if (!tenant) throw new Error(`unknown tenant ${tenantId}`);
  return tenant;
}

function buildState(tenant: TenantConfig, partition: RulesPartition, table: string): TenantRulesState {
  const key = `${table}|${partition.seed?.seededAt ?? 'file'}|${partition.seq}`;
  let entry = built.get(tenant.id);
  if (!entry || entry.key !== key) {
    const seed = partition.seed
      ? parseTenantRuleset(withLaterParameters(partition.seed.document, tenant), partition.seed.file)
      : rulesetsFor(tenant).rulesets.tenant;
    const tenantRules = applyApprovedChanges(seed, partition.changes);
    const rulesets: Rulesets = { national: nationalRuleset, tenant: tenantRules };
    entry = { key, seed, rulesets, version: rulesetVersion(rulesets) };
    built.set(tenant.id, entry);
  }
  return {
    tenant,
    ...(partition.seed ? { seedItem: partition.seed } : {}),
    seed: entry.seed,
    seq: partition.seq,
    changes: partition.changes,
    rulesets: entry.rulesets,
    version: entry.version,
  };
}

/**
 * A seed copied into the table before SIGAP knew a tenant parameter (tpp.prestasi, specialPayment.tpp of
 * issue 15) lacks it: that parameter comes from the repository document the tenant started from, as a
 * tenant that never changed its rules has it — instead of a parse error stopping every request of the
 * tenant. Parameters the table holds are never replaced.
 */
export function withLaterParameters(stored: unknown, tenant: TenantConfig): unknown {
  const doc = stored as { parameters?: unknown };
  if (!doc || !Array.isArray(doc.parameters)) return stored;
  const have = new Set(doc.parameters.map((p) => (p as { id?: unknown }).id));
  const repo = seedDocumentFor(tenant).document as { parameters: { id: string }[] };
  const later = repo.parameters.filter((p) => !have.has(p.id));
  return later.length === 0 ? stored : { ...doc, parameters: [...doc.parameters, ...later] };
}

/**
 * The table client, on first use: this module is imported (through functions/appraisal/settings.ts) by
 * the local seed before the local runtime has set DYNAMODB_ENDPOINT, and the client reads it when built.
 */
const tableClient = () => import('../table/client');

/** Everything about a tenant's rules, from ONE Query of its table (seed, approvals, every change). */
export async function loadTenantRules(tenantId: string, table?: string): Promise<TenantRulesState> {
  const tenant = tenantConfig(tenantId);
  const { documentClient, tableForTenant } = await tableClient();
  const name = table ?? tableForTenant(tenantId);
  const partition = await new RulesStore(documentClient, name).load();
  return buildState(tenant, partition, name);
}

/**
 * The rules pay is computed with: national files + the tenant's seed with its approved changes. One
 * read per call; a run calls it once (at start, per chunk invocation, per recompute).
 */
export async function loadRulesets(
  tenantId: string,
  table?: string,
): Promise<{ rulesets: Rulesets; version: string }> {
  const { rulesets, version } = await loadTenantRules(tenantId, table);
  return { rulesets, version };
}

/**
 * The rules a stored slip was computed with, by its `rulesetVersion`: the seed with the first n
 * approvals for some n (approvals are never undone). Undefined when none matches (the repository seed
 * changed under a tenant that had not yet copied it).
 */
export async function rulesetsAtVersion(
  tenantId: string,
  version: string,
  table?: string,
): Promise<Rulesets | undefined> {
  const state = await loadTenantRules(tenantId, table);
  if (state.version === version) return state.rulesets;
  const approved = state.changes
    .filter((c) => c.status === 'APPROVED')
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  for (let n = approved.length - 1; n >= 0; n--) {
    const rulesets: Rulesets = {
      national: nationalRuleset,
      tenant: applyApprovedChanges(state.seed, approved.slice(0, n)),
    };
    if (rulesetVersion(rulesets) === version) return rulesets;
  }
  const file = rulesetsFor(state.tenant);
  return file.version === version ? file.rulesets : undefined;
}

/**
 * Replaces a run's rules (filled from the seed by `runDepsFor`, which stays synchronous) with the
 * tenant's rules from its table; once per deps object.
 */
export async function withCurrentRules<
  D extends { tenant: TenantConfig; rulesets: Rulesets; rulesetVersion: string },
>(deps: D & { repo?: { table?: string } }): Promise<D> {
  if (loaded.has(deps)) return deps;
  const { rulesets, version } = await loadRulesets(deps.tenant.id, deps.repo?.table);
  deps.rulesets = rulesets;
  deps.rulesetVersion = version;
  loaded.add(deps);
  return deps;
}

const loaded = new WeakSet<object>();
