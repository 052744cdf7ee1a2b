import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../functions/http/openapi';

const run = promisify(execFile);

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

/**
 * The served document passes `redocly lint` with the recommended rules (#13): servers declared, public
 * routes with an explicit empty security, a license, no ambiguous paths. Warnings are listed too, so a
 * new one shows in the failure instead of piling up.
 */
describe('OpenAPI document under redocly lint (recommended)', () => {
  it('should have no errors and no warnings', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sigap-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      await writeFile(file, JSON.stringify(openApiDocument()));
      const cli = join(process.cwd(), 'node_modules', '.bin', 'redocly');
      // redocly exits 1 when it finds errors; the report on stdout is what is asserted either way.
      const { stdout } = await run(cli, ['lint', file, '--extends', 'recommended', '--format', 'json'], {
        maxBuffer: 16 * 1024 * 1024,
      }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
      const report = JSON.parse(stdout) as LintReport;
      const listed = report.problems.map(
        (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`,
      );

      expect(listed).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
