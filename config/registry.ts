import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTenantConfig, type TenantConfig } from '../core/tenant/tenant-config';

/**
 * The tenant registry: every file in config/tenants/ is one tenant. The CDK app and the local runtime
 * read the folder; a bundled Lambda cannot, so the stack injects the same parsed list at bundle time
 * (esbuild `define`) as `__SIGAP_TENANTS__`.
 */
declare const __SIGAP_TENANTS__: unknown;
/** Tenant rule documents (rulesets/<area>/<name>.json), compiled in the same way. */
declare const __SIGAP_RULESET_FILES__: unknown;

export const DEFAULT_TENANTS_DIR = fileURLToPath(new URL('./tenants/', import.meta.url));
export const RULESETS_DIR = fileURLToPath(new URL('../rulesets/', import.meta.url));

export function loadTenantsFromDir(dir: string): TenantConfig[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.map((f) => {
    const path = join(dir, f);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new Error(`${path}: not valid JSON (${(err as Error).message})`);
    }
    return parseTenantConfig(raw, path);
  });
}

let cached: ReadonlyMap<string, TenantConfig> | undefined;

/** All tenants by id. SIGAP_TENANTS_DIR points the runtime at another folder (tests use a fixture). */
export function tenantRegistry(): ReadonlyMap<string, TenantConfig> {
  if (cached) return cached;
  const list =
    typeof __SIGAP_TENANTS__ !== 'undefined'
      ? (__SIGAP_TENANTS__ as unknown[]).map((t, i) => parseTenantConfig(t, `bundled tenant #${i}`))
      : loadTenantsFromDir(process.env.SIGAP_TENANTS_DIR ?? DEFAULT_TENANTS_DIR);
  cached = new Map(list.map((t) => [t.id, t]));
  return cached;
}

export function resetTenantRegistryCache(): void {
  cached = undefined;
}

/** Every tenant rule document under rulesets/ except the national ones, keyed `<area>/<name>`. */
export function loadRulesetFilesFromDir(dir = RULESETS_DIR): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const area of readdirSync(dir, { withFileTypes: true })) {
    if (!area.isDirectory() || area.name === 'national') continue;
    for (const f of readdirSync(join(dir, area.name))
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const path = join(dir, area.name, f);
      try {
        files[`${area.name}/${f.replace(/\.json$/, '')}`] = JSON.parse(readFileSync(path, 'utf8'));
      } catch (err) {
        throw new Error(`${path}: not valid JSON (${(err as Error).message})`);
      }
    }
  }
  return files;
}

let rulesetFiles: Record<string, unknown> | undefined;

/** One tenant rule document by key (e.g. `tenants/bantul`), or undefined when the tenant has none. */
export function rulesetFile(key: string): unknown {
  rulesetFiles ??=
    typeof __SIGAP_RULESET_FILES__ !== 'undefined'
      ? (__SIGAP_RULESET_FILES__ as Record<string, unknown>)
      : loadRulesetFilesFromDir(process.env.SIGAP_RULESETS_DIR ?? RULESETS_DIR);
  return rulesetFiles[key];
}
