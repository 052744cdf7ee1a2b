import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { tenantRegistry } from '../../config/registry';
import { keys } from '../../functions/table/keys';
import { TABLE_SCHEMA, tenantTableName } from '../../functions/table/table-schema';
import { ensureConsoleBuild, WEB_DIST } from './console-build';
import { checkJava, type DynamoDbLocal, JavaMissingError, startDynamoDbLocal } from './dynamodb-local';
import type { LocalApi } from './http-server';
import { demoUsersFor, tokenCommand } from './seed/demo-users';
import { tenantSummary } from './seed/seed-report';
import { hasDemoProfile } from './seed/tenant-profiles';
import { createTenantTables, localDynamoClient } from './tables';

/**
 * `npm start`: DynamoDB Local + the tenant tables + the local API + demo data, in one process.
 * Flags: --port <n> (3000), --persist (keep data in infra/local/.data/), --no-seed, --no-history
 * (employees only, no SKP/attendance/runs), --quiet (no access log), --verbose (the handlers' own INFO
 * logs too, as CloudWatch would get them).
 */
const DATA_DIR = fileURLToPath(new URL('./.data/', import.meta.url));
export const LOCAL_TABLE_PREFIX = 'sigap-local-';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3000' },
      persist: { type: 'boolean', default: false },
      'no-seed': { type: 'boolean', default: false },
      'no-history': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, got ${values.port}`);
  const startedAt = performance.now();
  // Before the first AWS SDK client exists (the SDK warns at construction) and before any handler
  // import (their logger reads SIGAP_LOG once): the access log already shows one line per request.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  if (!values.verbose) process.env.SIGAP_LOG ??= 'silent';
  const since = () => `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;

  let dynamo: DynamoDbLocal | undefined;
  let api: LocalApi | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the API and DynamoDB Local…`);
    await api?.close().catch(() => {});
    await dynamo?.stop();
    process.exit(0);
  };
  // Installed first, so the DynamoDB Local module sees another listener and leaves the exit to us.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  checkJava();
  // The console builds (only when web/dist is missing or stale) while DynamoDB Local starts.
  const consoleBuild = ensureConsoleBuild().then(
    (r) => {
      if (r.built) console.log(`Console built in ${(r.ms / 1000).toFixed(1)} s (${r.reason})`);
      return true;
    },
    (err: Error) => {
      console.warn(`! console build failed, serving the API only: ${err.message}`);
      return false;
    },
  );
  console.log(`Starting DynamoDB Local (${values.persist ? `persisted in ${DATA_DIR}` : 'in memory'})…`);
  // A local DynamoDB lives for a session, not for weeks: its JIT's optimising tier (C2) costs more CPU in
  // the first minutes than it ever saves. C1 only halves Java's CPU while the demo history is seeded.
  process.env.JAVA_TOOL_OPTIONS ??= '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';
  dynamo = await startDynamoDbLocal({ port: 0, ...(values.persist ? { dataDir: DATA_DIR } : {}) });
  console.log(`DynamoDB Local ready at ${dynamo.endpoint} in ${(dynamo.readyMs / 1000).toFixed(1)} s`);

  // The handlers' DocumentClient reads these at import time: set them before anything imports a handler.
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.TABLE_PREFIX = LOCAL_TABLE_PREFIX;
  process.env.AWS_REGION = 'local';
  // A run's chunks are computed in the background, as by the SQS worker on AWS: the console shows progress.
  process.env.SIGAP_LOCAL_ASYNC_CHUNKS ??= '1';

  const tenantIds = [...tenantRegistry().keys()].sort();
  const client = localDynamoClient(dynamo.endpoint);
  const tables = await createTenantTables(client, LOCAL_TABLE_PREFIX, tenantIds);
  console.log(`Tables: ${tables.created.length} created, ${tables.existing.length} already there`);
  if (tables.existing.length > 0) {
    const { backfillRoster } = await import('./roster-backfill');
    for (const name of tables.existing) await backfillRoster(client, name);
  }

  const { startLocalApi } = await import('./http-server');
  api = await startLocalApi({
    port,
    host: '127.0.0.1',
    tablePrefix: LOCAL_TABLE_PREFIX,
    dynamoEndpoint: dynamo.endpoint,
    quiet: values.quiet,
    ...((await consoleBuild) ? { consoleDir: WEB_DIST } : {}),
    devSignIn: true,
  });
  for (const { group, error } of await api.preload()) {
    if (error) console.warn(`! handler group ${group} did not load: ${error}`);
  }

  if (!values['no-seed']) {
    const { existingEmployeeNips, seedTenantsViaApi } = await import('./seed/seed-api');
    const { seedHistoryViaApi } = await import('./seed/seed-history');
    const { seedSummary } = await import('./seed/seed-report');
    const seedStarted = performance.now();
    api.setQuiet(true);
    // The demo history is played on a simulated clock before anyone is told the URL (seed-clock.ts).
    const existing = (t: string, nips: string[]) =>
      existingEmployeeNips(client, tenantTableName(LOCAL_TABLE_PREFIX, t), nips);
    const results = values['no-history']
      ? await seedTenantsViaApi(api.url, tenantIds, { existing })
      : await seedHistoryViaApi(api.url, tenantIds, { existing });
    api.setQuiet(values.quiet);
    for (const line of seedSummary(results, Math.round(performance.now() - seedStarted))) console.log(line);
  }

  const counts = await Promise.all(tenantIds.map((t) => countEmployees(client, t)));
  printBanner(port, tenantIds, counts, since());
}

async function countEmployees(
  client: ReturnType<typeof localDynamoClient>,
  tenantId: string,
): Promise<number> {
  const { index, pk } = keys.allEmployees();
  const gsi = TABLE_SCHEMA.globalIndexes.find((g) => g.name === index)!;
  let count = 0;
  let startKey: Record<string, never> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tenantTableName(LOCAL_TABLE_PREFIX, tenantId),
        IndexName: index,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': gsi.partitionKey },
        ExpressionAttributeValues: { ':pk': { S: pk } },
        Select: 'COUNT',
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (startKey);
  return count;
}

function printBanner(port: number, tenantIds: string[], counts: number[], elapsed: string): void {
  const url = `http://localhost:${port}`;
  const tenants = tenantIds.map((t, i) => tenantSummary(t, counts[i] ?? 0, hasDemoProfile(t))).join(', ');
  const users = tenantIds.includes('bantul') ? demoUsersFor('bantul') : [];
  const lines = [
    '',
    `SIGAP local API ready in ${elapsed}: ${url}`,
    `  Console:  ${url}/   (choose a demo user to sign in)`,
    `  Tenants:  ${tenants}`,
    `  Docs:     ${url}/docs   (OpenAPI: ${url}/openapi.json)`,
    '',
    '  Try it:',
    '    TOKEN=$(npm run -s token -- --tenant bantul --role operator --opd DISDIK)',
    `    curl -H "Authorization: Bearer $TOKEN" "${url}/employees?limit=5"`,
    '',
    '  Demo users (bantul; same roles exist for every tenant):',
    ...users.map((u) => `    ${u.label.padEnd(8)} ${u.nama} — ${u.note}\n             ${tokenCommand(u)}`),
    '',
    '  Ctrl-C stops the API and DynamoDB Local.',
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((err: Error) => {
  if (err instanceof JavaMissingError) console.error(err.message);
  else console.error(err.stack ?? err.message);
  process.exit(1);
});
