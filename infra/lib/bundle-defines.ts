import type { TenantConfig } from '../../core/tenant/tenant-config';

/** What the stack compiles into every function bundle. */
export interface BundleInputs {
  tenants: readonly TenantConfig[];
  /** Tenant rule documents keyed `<area>/<name>` (see loadRulesetFilesFromDir). */
  rulesetFiles?: Record<string, unknown>;
}

/**
 * The esbuild `define` map shared by every function. A bundled Lambda cannot read config/ at run time,
 * so the data the registry modules would read from disk is compiled in as constant expressions; each
 * key matches a `declare const` in config/ (registry.ts declares `__SIGAP_TENANTS__`). Adding a key
 * here is one line, and because the asset hash is computed from the bundle output, changing the data
 * redeploys every function that reads it.
 */
export function bundleDefines(inputs: BundleInputs): Record<string, string> {
  return {
    __SIGAP_TENANTS__: JSON.stringify(inputs.tenants),
    __SIGAP_RULESET_FILES__: JSON.stringify(inputs.rulesetFiles ?? {}),
  };
}
