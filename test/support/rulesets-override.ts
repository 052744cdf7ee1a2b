import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A copy of the rulesets (the repository's, or the copy an earlier support module made) in which the
 * named tenant parameters take the given value in every version, for tests of a tenant setting the demo
 * rulesets do not use (a payment lag of 3 months). Call before anything loads a ruleset: the rule files
 * are read on first use, so at the top of the test file, with the code under test imported in beforeAll.
 */
export function overrideTenantParameters(overrides: Record<string, Record<string, unknown>>): void {
  const source = process.env.SIGAP_RULESETS_DIR ?? fileURLToPath(new URL('../../rulesets/', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'sigap-rulesets-'));
  cpSync(source, dir, { recursive: true });
  for (const [tenantId, parameters] of Object.entries(overrides)) {
    const file = join(dir, 'tenants', `${tenantId}.json`);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    for (const [id, value] of Object.entries(parameters)) {
      const parameter = (doc.parameters as { id: string; versions: { value: unknown }[] }[]).find(
        (p) => p.id === id,
      );
      if (!parameter) throw new Error(`${tenantId} has no parameter ${id}`);
      for (const v of parameter.versions) v.value = value;
    }
    writeFileSync(file, JSON.stringify(doc));
  }
  process.env.SIGAP_RULESETS_DIR = dir;
}
