import { spawn } from 'node:child_process';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checks `npm test` runs before vitest: typecheck (server and console), lint, the console build and
 * `cdk synth`. Run one after another they took about two minutes, almost all of it one process using
 * one core (tsc is single-threaded, synth spawns esbuild once per function): on two cores, running the
 * independent ones side by side halves that. Every check still runs to its end and a failure of any
 * fails the whole; its output is printed whole, after the others, so it is not interleaved.
 *
 * Order that matters: the API types (web/src/api/schema.d.ts) are generated first, the console's
 * typecheck and build read them; `cdk synth` packs web/dist, so it runs after the build.
 *
 *   node --import tsx test/support/checks.ts     (from package.json "test", before vitest)
 */
interface Check {
  name: string;
  command: string;
  /** Checks run one after another within a lane; the lanes run side by side. */
  lane: number;
}

const CHECKS: Check[] = [
  { name: 'typecheck server', command: 'tsc --noEmit -p tsconfig.json', lane: 0 },
  { name: 'typecheck console', command: 'tsc --noEmit -p web/tsconfig.json', lane: 1 },
  { name: 'lint', command: 'npm run -s lint', lane: 1 },
  { name: 'console build', command: 'node --import tsx infra/local/console-build.ts --force', lane: 2 },
  { name: 'synth', command: 'npm run -s synth', lane: 2 },
];

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** As `npm run` does: the project's binaries (tsc, biome, cdk) first on the PATH, also when run directly. */
const ENV = { ...process.env, PATH: `${ROOT}node_modules/.bin${delimiter}${process.env.PATH ?? ''}` };

interface Outcome {
  check: Check;
  code: number;
  ms: number;
  output: string;
}

function run(name: string, command: string): Promise<Omit<Outcome, 'check'>> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, cwd: ROOT, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('close', (code, signal) => {
      const ms = Math.round(performance.now() - started);
      resolve({ code: code ?? (signal ? 1 : 0), ms, output: output || `(${name}: no output)` });
    });
  });
}

async function main(): Promise<number> {
  const started = performance.now();
  const types = await run('api types', 'npm run -s web:types');
  if (types.code !== 0) {
    process.stderr.write(types.output);
    console.error(`✗ api types (${(types.ms / 1000).toFixed(1)} s): the other checks need them`);
    return 1;
  }
  const lanes = [...new Set(CHECKS.map((c) => c.lane))];
  const outcomes: Outcome[] = [];
  await Promise.all(
    lanes.map(async (lane) => {
      for (const check of CHECKS.filter((c) => c.lane === lane)) {
        const outcome = { check, ...(await run(check.name, check.command)) };
        outcomes.push(outcome);
        console.log(`${outcome.code === 0 ? '✓' : '✗'} ${check.name} (${(outcome.ms / 1000).toFixed(1)} s)`);
        // The synth of a console that failed to build would fail for a reason already printed.
        if (outcome.code !== 0) break;
      }
    }),
  );
  const failed = outcomes.filter((o) => o.code !== 0);
  for (const o of outcomes.filter((x) => x.code === 0 && x.check.name === 'console build'))
    process.stdout.write(o.output);
  for (const o of failed) {
    console.error(`\n── ${o.check.name} failed (exit ${o.code}): ${o.check.command}`);
    process.stderr.write(o.output);
  }
  const total = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`checks: ${failed.length === 0 ? 'all passed' : `${failed.length} failed`} in ${total} s`);
  return failed.length === 0 ? 0 : 1;
}

process.exitCode = await main();
