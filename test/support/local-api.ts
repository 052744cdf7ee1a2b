import { tenantRegistry } from '../../config/registry';
import type { Role } from '../../core/auth/principal';
import { drainLocalChunks } from '../../functions/payroll/local-chunk-queue';
import { tenantTableName } from '../../functions/table/table-schema';
import { WEB_DIST } from '../../infra/local/console-build';
import { type DevTokenOptions, issueDevToken } from '../../infra/local/dev-keys';
import { startLocalApi } from '../../infra/local/http-server';
import { type SeedResult, seedTenantsViaApi } from '../../infra/local/seed/seed-api';
import { seedHistoryViaApi, type TenantHistoryResult } from '../../infra/local/seed/seed-history';
import { createTenantTables, deleteTable, localDynamoClient } from '../../infra/local/tables';
import { dynamoEndpoint, uniquePrefix } from './dynamo';
import { seedWithSnapshots } from './seed-snapshots';

/**
 * The local API on a free port, over fresh tables of every tenant, for end-to-end tests that go
 * through real HTTP, real signed tokens and the real handlers:
 *
 *   const api = await startTestApi();              // in beforeAll
 *   const res = await fetch(`${api.url}/me`, { headers: { authorization: `Bearer ${await api.token()}` } });
 */
export interface TestTokenOptions extends Partial<Omit<DevTokenOptions, 'roles'>> {
  roles?: Role[];
}

export interface TestApi {
  url: string;
  prefix: string;
  /** Seeding results, when seeding was asked for. */
  seeded: SeedResult[];
  /** The demo history's results per seeded tenant, when `history` was asked for. */
  history: TenantHistoryResult[];
  /** A signed token; defaults: tenant bantul, role pegawai, sub `test.pegawai`. */
  token(options?: TestTokenOptions): Promise<string>;
  close(): Promise<void>;
}

export async function startTestApi(
  options: {
    tenants?: readonly string[];
    seed?: boolean | readonly string[];
    /** Serve the built console (web/dist) and the dev sign-in routes, as `npm start` does. */
    console?: boolean;
    /**
     * Seed the demo history as `npm start` does (approved SKPs, attendance, ratings, results, two locked
     * runs), not just the employees. Slow (tens of seconds for four tenants): browser and seed tests only.
     */
    history?: boolean;
  } = {},
): Promise<TestApi> {
  const endpoint = dynamoEndpoint();
  const prefix = uniquePrefix();
  const tenants = options.tenants ?? [...tenantRegistry().keys()];
  // The handlers' own request logs would drown the test output; errors still print.
  process.env.SIGAP_LOG ??= 'silent';
  const raw = localDynamoClient(endpoint);
  await createTenantTables(raw, prefix, tenants);
  const api = await startLocalApi({
    port: 0,
    tablePrefix: prefix,
    dynamoEndpoint: endpoint,
    quiet: true,
    ...(options.console ? { consoleDir: WEB_DIST, devSignIn: true } : {}),
  });

  const seedTenants = options.seed === true ? tenants : options.seed || [];
  // A seed another file of this run already played is copied, not played again (seed-snapshots.ts).
  const snapshot = { tenantIds: seedTenants, client: raw, prefix };
  const history =
    seedTenants.length > 0 && options.history
      ? await seedWithSnapshots({ ...snapshot, kind: 'history', play: (t) => seedHistoryViaApi(api.url, t) })
      : [];
  const seeded =
    seedTenants.length === 0
      ? []
      : options.history
        ? history
        : await seedWithSnapshots({
            ...snapshot,
            kind: 'employees',
            play: (t) => seedTenantsViaApi(api.url, t),
          });

  return {
    url: api.url,
    prefix,
    seeded,
    history,
    token: (o = {}) => {
      const roles = o.roles ?? ['pegawai'];
      return issueDevToken({
        tenant: o.tenant ?? 'bantul',
        sub: o.sub ?? `test.${roles[0]}`,
        roles,
        opds: o.opds ?? [],
        ...(o.ttlSeconds !== undefined ? { ttlSeconds: o.ttlSeconds } : {}),
        ...(o.issuedAt !== undefined ? { issuedAt: o.issuedAt } : {}),
      });
    },
    async close() {
      // Background chunks (SIGAP_LOCAL_ASYNC_CHUNKS) still write to these tables: let them finish first.
      await drainLocalChunks();
      await api.close();
      await Promise.all(tenants.map((t) => deleteTable(raw, tenantTableName(prefix, t))));
      raw.destroy();
    },
  };
}
