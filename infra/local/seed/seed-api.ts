import { BatchGetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { keys } from '../../../functions/table/keys';
import { issueDevToken } from '../dev-keys';
import { seedDemoDeductionsViaApi } from './deductions-demo';
import { generateTenantSeed, type SeedMember, type TenantSeed } from './employees';
import { forEachLimited } from './seed-client';
import { seedDemoTaxSettings } from './tax-demo';
import { hasDemoProfile } from './tenant-profiles';

/**
 * Loads the demo data through the API itself (POST /employees with a BKPSDM token), so seeding runs
 * the real validation, repository and audit path. A 409 means the employee is already there, which
 * makes seeding a persisted database a second time harmless; `skipNips` (read straight from the
 * table) only saves the time of a hundred 409s on a restart.
 */
export interface SeedResult {
  tenant: string;
  /** False for a tenant without a demo profile (added by configuration alone): it starts empty. */
  profile: boolean;
  created: number;
  existing: number;
  ms: number;
}

export const SEED_ACTOR = 'sigap-seed';

export async function seedTenantViaApi(
  baseUrl: string,
  seed: TenantSeed,
  options: { concurrency?: number; skipNips?: ReadonlySet<string> } = {},
): Promise<SeedResult> {
  const started = performance.now();
  const token = await issueDevToken({
    tenant: seed.tenantId,
    sub: SEED_ACTOR,
    roles: ['bkpsdm'],
    ttlSeconds: 900,
  });
  const skip = options.skipNips ?? new Set<string>();
  const result: SeedResult = { tenant: seed.tenantId, profile: true, created: 0, existing: skip.size, ms: 0 };
  // Each level only after its atasan exist; inside a level the POSTs are independent.
  for (const level of atasanLevels(seed.members)) {
    const missing = level.filter((m) => !skip.has(m.employee.nip));
    await forEachLimited(missing, options.concurrency ?? 6, async (member) => {
      const status = await postEmployee(baseUrl, token, member);
      if (status === 201) result.created += 1;
      else result.existing += 1;
    });
  }
  // The tax exports need the tenant's withholders (tenant data in its table): a demo one.
  await seedDemoTaxSettings(baseUrl, token, seed.tenantId);
  // Potongan lain of one demo tenant (koperasi instalment, zakat, Korpri): before any run computes.
  await seedDemoDeductionsViaApi(baseUrl, token, seed);
  result.ms = Math.round(performance.now() - started);
  return result;
}

export async function seedTenantsViaApi(
  baseUrl: string,
  tenantIds: readonly string[],
  options: { existing?: (tenantId: string, nips: string[]) => Promise<ReadonlySet<string>> } = {},
): Promise<SeedResult[]> {
  return Promise.all(
    tenantIds.map(async (t) => {
      if (!hasDemoProfile(t)) return { tenant: t, profile: false, created: 0, existing: 0, ms: 0 };
      const seed = generateTenantSeed(t);
      const nips = seed.members.map((m) => m.employee.nip);
      const skipNips = options.existing ? await options.existing(t, nips) : undefined;
      return seedTenantViaApi(baseUrl, seed, skipNips ? { skipNips } : {});
    }),
  );
}

/** Which of these NIPs already have an employee item in the table (BatchGet, keys only). */
export async function existingEmployeeNips(
  client: DynamoDBClient,
  tableName: string,
  nips: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  const nipOfPk = new Map(nips.map((nip) => [keys.employee(nip).pk, nip]));
  for (let i = 0; i < nips.length; i += 100) {
    let request: Record<string, { S: string }>[] = nips.slice(i, i + 100).map((nip) => {
      const key = keys.employee(nip);
      return { pk: { S: key.pk }, sk: { S: key.sk } };
    });
    while (request.length > 0) {
      const out = await client.send(
        new BatchGetItemCommand({
          RequestItems: { [tableName]: { Keys: request, ProjectionExpression: 'pk' } },
        }),
      );
      for (const item of out.Responses?.[tableName] ?? []) {
        const nip = nipOfPk.get(item.pk?.S ?? '');
        if (nip) found.add(nip);
      }
      request = (out.UnprocessedKeys?.[tableName]?.Keys ?? []) as typeof request;
    }
  }
  return found;
}

async function postEmployee(baseUrl: string, token: string, member: SeedMember): Promise<number> {
  const response = await fetch(`${baseUrl}/employees`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(member.employee),
  });
  const text = await response.text();
  if (response.status === 201 || response.status === 409) return response.status;
  throw new Error(
    `seed: POST /employees ${member.employee.nip} answered ${response.status}: ${text.slice(0, 500)}`,
  );
}

export function atasanLevels(members: readonly SeedMember[]): SeedMember[][] {
  const depthOf = new Map<string, number>();
  const levels: SeedMember[][] = [];
  for (const member of members) {
    const atasan = member.employee.penempatan.atasanNip;
    const atasanDepth = atasan === undefined ? -1 : depthOf.get(atasan);
    if (atasanDepth === undefined)
      throw new Error(`seed: ${member.employee.nip} listed before its atasan ${atasan}`);
    const depth = atasanDepth + 1;
    depthOf.set(member.employee.nip, depth);
    const level = levels[depth] ?? [];
    level.push(member);
    levels[depth] = level;
  }
  return levels;
}
