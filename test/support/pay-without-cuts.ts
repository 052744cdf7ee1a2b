import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Imported first (for its side effect) by tests of the run's mechanics on employees who have no
 * monthly appraisal results: a copy of rulesets/ in which every tenant's `tpp.missingData` is
 * PAY_WITHOUT_CUTS, so those employees get slips instead of an error entry each (the demo default,
 * ERROR, is the missing-data tests' subject, not these). The rule files are read on first use, so this
 * must run before anything loads a ruleset. A ruleset without the parameter is copied unchanged.
 */
const source = fileURLToPath(new URL('../../rulesets/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sigap-rulesets-'));
cpSync(source, dir, { recursive: true });
const tenants = join(dir, 'tenants');
for (const file of readdirSync(tenants).filter((f) => f.endsWith('.json'))) {
  const doc = JSON.parse(readFileSync(join(tenants, file), 'utf8'));
  const parameter = (doc.parameters as { id: string; versions: { value: unknown }[] }[]).find(
    (p) => p.id === 'tpp.missingData',
  );
  if (!parameter) continue;
  for (const v of parameter.versions)
    v.value = { attendance: 'PAY_WITHOUT_CUTS', evaluation: 'PAY_WITHOUT_CUTS' };
  writeFileSync(join(tenants, file), JSON.stringify(doc));
}
process.env.SIGAP_RULESETS_DIR = dir;
