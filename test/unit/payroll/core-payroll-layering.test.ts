import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Issue 14: the run's use cases live in core/payroll as plain functions over ports. Held here against
 * the source: no import from functions/, infra/ or config/, no AWS SDK, no table key, no clock or
 * environment read of its own.
 */
const dir = fileURLToPath(new URL('../../../core/payroll/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
const source = (f: string) => readFileSync(join(dir, f), 'utf8');

describe('core/payroll (the run as use cases over ports)', () => {
  it('should hold the run’s use cases', () => {
    for (const f of [
      'start-run.ts',
      'process-chunk.ts',
      'recompute-run.ts',
      'approve-run.ts',
      'lock-run.ts',
      'verify-run.ts',
      'exclusions.ts',
      'ports.ts',
    ]) {
      expect(files).toContain(f);
    }
  });

  it.each(files)('%s should import nothing from functions/, infra/, config/ or the AWS SDK', (f) => {
    const imports = [...source(f).matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    expect(
      imports.filter((i) => /(^|\/)(functions|infra|config)\//.test(i) || i.startsWith('@aws-sdk')),
    ).toEqual([]);
  });

  it.each(files)('%s should build no table key and read no clock or environment', (f) => {
    const text = source(f);
    expect(text).not.toMatch(/['`](RUN|EMP|SLIP|ERR|CHUNK|PAID|LOCK|BUDGET|RUNOPD)#/);
    expect(text).not.toMatch(/process\.env|Date\.now\(\)|new Date\(\)/);
  });
});
