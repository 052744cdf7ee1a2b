/**
 * `npm run bench`: every benchmark in one run, each printed as it finishes. The pay engine and the
 * appraisal domain are pure CPU; the payroll run and the HTTP figures include DynamoDB Local, which
 * bounds them on this machine (see README: AWS capacity estimate).
 * `npm run bench -- --quick` runs the payroll run on 2,000 employees, HTTP for 5 s and the console's
 * browser timings over 3 samples instead of 7.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.SIGAP_LOG ??= 'silent';
const quick = process.argv.includes('--quick');

async function section(title: string, fn: () => Promise<unknown> | unknown) {
  console.log(`\n## ${title}`);
  const t0 = performance.now();
  const result = await fn();
  if (Array.isArray(result)) {
    if (result.length > 0) console.table(result);
  } else console.table(result as Record<string, unknown>);
  console.log(`(${Math.round(performance.now() - t0)} ms)`);
}

const has = (file: string) => existsSync(fileURLToPath(new URL(file, import.meta.url)));

/**
 * A bench that imports the handlers runs in a process of its own: like a Lambda, the functions read
 * their environment (DynamoDB endpoint, table prefix) once when first imported (functions/env.ts), and
 * each of these benches starts its own DynamoDB Local.
 */
function inOwnProcess(file: string, args: readonly string[]): void {
  const out = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL(file, import.meta.url)), ...args],
    {
      stdio: 'inherit',
      env: process.env,
    },
  );
  if (out.status !== 0) throw new Error(`${file} failed (exit ${out.status})`);
}

await section('Pay engine: explained payslips, 10,000 synthetic employees', async () =>
  (await import('./pay-bench')).runPayBench(),
);
await section('Appraisal & discipline (pure): 5,000-row import, 1,000 monthly results', async () =>
  (await import('./appraisal-bench')).runAppraisalBench(),
);
if (has('./attendance-bench.ts')) {
  await section('Attendance import and results on DynamoDB Local', () => {
    inOwnProcess('./attendance-bench.ts', []);
    return [];
  });
}
const importRows = quick ? 2_000 : 10_000;
await section(
  `Employee import: ${importRows}-row XLSX/CSV validated, committed on DynamoDB Local`,
  async () => (await import('./employee-import-bench')).runEmployeeImportBench(importRows),
);
const employees = quick ? 2_000 : 10_000;
await section(
  `Payroll run: ${employees} employees on DynamoDB Local, beside its floor (same reads and writes)`,
  () => {
    inOwnProcess('./payroll-bench.ts', [String(employees)]);
    return [];
  },
);
await section('HTTP: GET /employees/{nip} on the local server', async () =>
  (await import('./http-bench')).runHttpBench({ durationSeconds: quick ? 5 : 10 }),
);
await section('Console: initial JS, employee list of 10,000, slip page (headless Chromium)', async () =>
  (await import('./console-bench')).runConsoleBench({ samples: quick ? 3 : 7 }),
);
