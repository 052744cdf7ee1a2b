import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A tenant added as the README says — one file in a copy of the registry folder, nothing else — made
 * visible to this test file's process through SIGAP_TENANTS_DIR. Call it at module top, before anything
 * reads the registry (tests then import the local API dynamically).
 */
export function registerFixtureTenantTernate(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sigap-tenants-'));
  cpSync(fileURLToPath(new URL('../../config/tenants/', import.meta.url)), dir, { recursive: true });
  writeFileSync(
    join(dir, 'ternate.json'),
    JSON.stringify({
      id: 'ternate',
      name: 'Pemerintah Kota Ternate (uji)',
      level: 'KOTA',
      timeZone: 'Asia/Jayapura',
      payroll: { runDayOfMonth: 5, runHour: 9 },
    }),
  );
  process.env.SIGAP_TENANTS_DIR = dir;
  return dir;
}
