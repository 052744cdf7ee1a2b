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
