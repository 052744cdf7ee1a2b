import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { issueDevToken } from '../infra/local/dev-keys';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { startLocalApi } from '../infra/local/http-server';
import { demoUsers } from '../infra/local/seed/demo-users';
import { generateTenantSeed } from '../infra/local/seed/employees';
import { seedTenantViaApi } from '../infra/local/seed/seed-api';
import { createTenantTables, localDynamoClient } from '../infra/local/tables';

/**
 * HTTP load on the local stack: DynamoDB Local + the local API, one seeded tenant, autocannon on
 * loopback against GET /employees/{nip}. "child" runs the API in its own process (the honest figure:
 * the load generator does not steal the handlers' event loop); "in-process" shares one loop.
 * These are laptop numbers for spotting regressions, not a prediction of Lambda latency.
 */
export type BenchMode = 'child' | 'in-process';

export interface HttpBenchResult {
  mode: BenchMode;
  route: string;
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  requests: number;
  errors: number;
  non2xx: number;
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
}) => Promise<AutocannonResult>;

// autocannon ships no types; this is the slice of its API we use.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
const TENANT = 'bantul';
const PREFIX = 'bench-';

export async function runHttpBench(
  options: { modes?: BenchMode[]; durationSeconds?: number; connections?: number } = {},
): Promise<HttpBenchResult[]> {
  const { modes = ['child'], durationSeconds = 10, connections = 10 } = options;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.SIGAP_LOG ??= 'silent';
  const dynamo = await startDynamoDbLocal();
  const results: HttpBenchResult[] = [];
  try {
    await createTenantTables(localDynamoClient(dynamo.endpoint), PREFIX, [TENANT]);
    const seed = generateTenantSeed(TENANT);
    const reader = demoUsers(seed).find((u) => u.label === 'bkpsdm')!;
    const target = demoUsers(seed).find((u) => u.label === 'pegawai')!.sub;
    const token = await issueDevToken({
      tenant: TENANT,
      sub: reader.sub,
      roles: reader.roles,
      ttlSeconds: 3600,
    });
    let seeded = false;
    for (const mode of modes) {
      const api = mode === 'child' ? await forkApi(dynamo.endpoint) : await inProcessApi(dynamo.endpoint);
      try {
        if (!seeded) {
          await seedTenantViaApi(api.url, seed);
          seeded = true;
        }
        const url = `${api.url}/employees/${target}`;
        const probe = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        if (probe.status !== 200)
          throw new Error(`GET ${url} answered ${probe.status}: ${await probe.text()}`);
        const r = await autocannon({
          url,
          connections,
          duration: durationSeconds,
          headers: { authorization: `Bearer ${token}` },
        });
        results.push({
          mode,
          route: 'GET /employees/{nip}',
          connections,
          durationSeconds,
          requestsPerSecond: Math.round(r.requests.average),
          latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
          requests: r.requests.total,
          errors: r.errors + r.timeouts,
          non2xx: r.non2xx,
        });
      } finally {
        await api.close();
      }
    }
  } finally {
    await dynamo.stop();
  }
  return results;
}

async function inProcessApi(endpoint: string) {
  const api = await startLocalApi({ port: 0, tablePrefix: PREFIX, dynamoEndpoint: endpoint, quiet: true });
  await api.preload();
  return { url: api.url, close: () => api.close() };
}

async function forkApi(endpoint: string): Promise<{ url: string; close(): Promise<void> }> {
  const entry = fileURLToPath(new URL('../infra/local/api-process.ts', import.meta.url));
  const child: ChildProcess = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DYNAMODB_ENDPOINT: endpoint, TABLE_PREFIX: PREFIX, AWS_REGION: 'local' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((ok, fail) => {
    child.once('message', (m: { url: string }) => ok(m.url));
    child.once('exit', (code) => fail(new Error(`API child process exited early (code ${code})`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

export function formatBench(results: readonly HttpBenchResult[]): string {
  return results
    .map(
      (r) =>
        `${r.route} [${r.mode}] ${r.connections} connections, ${r.durationSeconds} s: ` +
        `${r.requestsPerSecond} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, ` +
        `max ${r.latencyMs.max} ms, ${r.requests} requests, ${r.errors} errors, ${r.non2xx} non-2xx`,
    )
    .join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const modes = process.argv.includes('--both') ? (['child', 'in-process'] as const) : (['child'] as const);
  runHttpBench({ modes: [...modes] }).then(
    (results) => console.log(formatBench(results)),
    (err: Error) => {
      console.error(err.stack ?? err.message);
      process.exit(1);
    },
  );
}
