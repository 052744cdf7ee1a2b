import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AttributeValue,
  BatchWriteItemCommand,
  type DynamoDBClient,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { drainLocalChunks } from '../../functions/payroll/local-chunk-queue';
import { tenantTableName } from '../../functions/table/table-schema';

/**
 * The demo seed of a tenant, played through the API once per test run and copied into the tables of every
 * later file that asks for the same seed. Playing Bantul's demo history costs about 45 s of CPU (the API's
 * validation and DynamoDB Local's transactions); copying its ~5,400 items with BatchWriteItem about 4 s.
 * The first file that needs a seed plays it exactly as before (startTestApi → seed-api / seed-history),
 * then writes its table's items and the seed's result to the run's snapshot folder (global-setup.ts);
 * a file that asks while it is being played waits for it. A copy is what `npm start` on persisted data
 * serves after a restart: the same items, read by a fresh API process.
 *
 * What makes two seeds the same: the kind (employees or the history), the tenant, the environment the
 * seed reads (SIGAP_TENANTS_DIR and SIGAP_RULESETS_DIR copies of a test file, any other SIGAP_ or
 * PAYROLL_ setting) and the hour (the history is dated from "now": a copy never crosses a day in any
 * tenant's time zone). Whether run chunks are computed in the background (SIGAP_LOCAL_ASYNC_CHUNKS) does
 * not change what they compute, so it is not part of the key.
 *
 * SIGAP_TEST_SEED_SNAPSHOTS=0 plays every seed in every file, as before.
 */
export const SEED_SNAPSHOTS_ENV = 'SIGAP_TEST_SEED_SNAPSHOTS';

/** Settings that decide scheduling or logging, not the seeded data. */
const NOT_IN_KEY = new Set(['SIGAP_LOG', 'SIGAP_LOCAL_ASYNC_CHUNKS', SEED_SNAPSHOTS_ENV]);
/** Longer than any seed takes on a loaded machine; a holder that died leaves its lock behind. */
const WAIT_LIMIT_MS = 15 * 60_000;

export type SeedKind = 'employees' | 'history';

function snapshotDir(): string | undefined {
  if (process.env[SEED_SNAPSHOTS_ENV] === '0') return undefined;
  return inject('seedSnapshotDir') || undefined;
}

function fingerprint(kind: SeedKind): string {
  const settings = Object.entries(process.env)
    .filter(([k]) => (k.startsWith('SIGAP_') || k.startsWith('PAYROLL_')) && !NOT_IN_KEY.has(k))
    .sort(([a], [b]) => a.localeCompare(b));
  const hour = new Date().toISOString().slice(0, 13);
  return createHash('sha256')
    .update(JSON.stringify([kind, hour, settings]))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Seeds `tenantIds` into the tables under `prefix`: copies a seed this run already played, plays the
 * others with `play` (only the tenants given to it) and keeps them for the files after. Results in the
 * order of `tenantIds`. Without a snapshot folder (another config, or SIGAP_TEST_SEED_SNAPSHOTS=0) it is
 * `play(tenantIds)`.
 */
export async function seedWithSnapshots<R extends { tenant: string }>(options: {
  kind: SeedKind;
  tenantIds: readonly string[];
  client: DynamoDBClient;
  prefix: string;
  play: (tenantIds: readonly string[]) => Promise<R[]>;
}): Promise<R[]> {
  const { kind, tenantIds, client, prefix, play } = options;
  const dir = snapshotDir();
  if (!dir || tenantIds.length === 0) return play(tenantIds);
  const key = fingerprint(kind);
  const fileOf = (t: string) => join(dir, `${kind}-${t}-${key}.json`);
  const lockOf = (t: string) => join(dir, `${kind}-${t}-${key}.lock`);

  const results = new Map<string, R>();
  let pending = [...tenantIds];
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (pending.length > 0) {
    const ready: string[] = [];
    const owned: string[] = [];
    const waiting: string[] = [];
    for (const t of pending) {
      if (existsSync(fileOf(t))) ready.push(t);
      else if (tryLock(lockOf(t))) owned.push(t);
      else waiting.push(t);
    }
    await Promise.all(
      ready.map(async (t) => {
        results.set(t, await restore<R>(fileOf(t), client, tenantTableName(prefix, t)));
      }),
    );
    if (owned.length > 0) {
      try {
        const played = await play(owned);
        // With SIGAP_LOCAL_ASYNC_CHUNKS (the browser harness) the seed answers while the last run's lock
        // is still being finished in the background: copied then, the copy would stay LOCKING forever.
        await drainLocalChunks();
        await Promise.all(
          played.map(async (result) => {
            await save(fileOf(result.tenant), result, client, tenantTableName(prefix, result.tenant));
            results.set(result.tenant, result);
          }),
        );
      } finally {
        // Saved or failed: a file waiting for it copies it, or plays it itself (and reports the failure).
        for (const t of owned) rmSync(lockOf(t), { recursive: true, force: true });
      }
    }
    pending = waiting;
    if (pending.length === 0) break;
    if (Date.now() > deadline)
      throw new Error(`seed snapshots: ${pending.join(', ')} (${kind}) still locked in ${dir}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return tenantIds.map((t) => results.get(t) as R);
}

function tryLock(path: string): boolean {
  try {
    mkdirSync(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

interface Snapshot<R> {
  result: R;
  items: Record<string, AttributeValue>[];
}

// Binary attributes (gzipped slips) are Uint8Array: JSON keeps them as base64.
const B64 = '$b64';
function replacer(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? { [B64]: Buffer.from(value).toString('base64') } : value;
}
function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && B64 in value) {
    const b64 = (value as Record<string, unknown>)[B64];
    if (typeof b64 === 'string' && Object.keys(value).length === 1)
      return new Uint8Array(Buffer.from(b64, 'base64'));
  }
  return value;
}

async function save<R>(file: string, result: R, client: DynamoDBClient, table: string): Promise<void> {
  const segments = 4;
  const items: Record<string, AttributeValue>[] = [];
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({
            TableName: table,
            ConsistentRead: true,
            Segment: segment,
            TotalSegments: segments,
            ExclusiveStartKey: start,
          }),
        );
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
    }),
  );
  const snapshot: Snapshot<R> = { result, items };
  // Written whole, then renamed: a reader never sees half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(snapshot, replacer));
  renameSync(tmp, file);
}

async function restore<R>(file: string, client: DynamoDBClient, table: string): Promise<R> {
  const snapshot = JSON.parse(readFileSync(file, 'utf8'), reviver) as Snapshot<R>;
  const batches: Record<string, AttributeValue>[][] = [];
  for (let i = 0; i < snapshot.items.length; i += 25) batches.push(snapshot.items.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < batches.length) {
        let requests = (batches[next++] ?? []).map((Item) => ({ PutRequest: { Item } }));
        for (let attempt = 0; requests.length > 0; attempt++) {
          if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
          const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
          requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests;
        }
      }
    }),
  );
  return snapshot.result;
}
