import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Imported first (for its side effect) by tests that pay this month's appraisal in next month's run on
 * the real clock: a copy of the tenant registry in which every tenant's payroll policy lets a run be
 * one month ahead (config/tenants/*.json `payroll.policy`, default off). Without it the run for next
 * month is refused as MONTH_NOT_YET (issue 13 item 13). The registry is read on first use, so this must
 * run before anything asks for a tenant.
 */
const source = fileURLToPath(new URL('../../config/tenants/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sigap-tenants-ahead-'));
for (const file of readdirSync(source).filter((f) => f.endsWith('.json'))) {
  const tenant = JSON.parse(readFileSync(join(source, file), 'utf8'));
  tenant.payroll.policy = [
    {
      from: '2020-01',
      runMonthsAhead: 1,
      slipVisibleFrom: 'LOCKED',
      source: 'uji: run bulan depan disiapkan di bulan berjalan',
    },
  ];
  writeFileSync(join(dir, file), JSON.stringify(tenant));
}
process.env.SIGAP_TENANTS_DIR = dir;
