import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTenantConfig } from '../../core/tenant/tenant-config';
import { bundleDefines } from '../../infra/lib/bundle-defines';
import { realTenants } from './support/sigap-template';

const REGISTRY_SOURCE = fileURLToPath(new URL('../../config/registry.ts', import.meta.url));

describe('bundleDefines', () => {
  it('should only define globals that config/ declares, so none is silently ignored by esbuild', () => {
    const source = readFileSync(REGISTRY_SOURCE, 'utf8');
    for (const name of Object.keys(bundleDefines({ tenants: [] }))) {
      expect(source, name).toContain(`declare const ${name}`);
    }
  });

  it('should compile in a tenant list the registry parses back unchanged', () => {
    const tenants = realTenants();
    const define = bundleDefines({ tenants });
    const compiled = JSON.parse(define.__SIGAP_TENANTS__!) as unknown[];
    expect(compiled.map((raw, i) => parseTenantConfig(raw, `bundled tenant #${i}`))).toEqual(tenants);
  });
});
