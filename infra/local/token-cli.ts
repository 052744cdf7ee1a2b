import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { tenantRegistry } from '../../config/registry';
import { ROLES, type Role } from '../../core/auth/principal';
import { issueDevToken } from './dev-keys';
import { demoUsersFor } from './seed/demo-users';

/**
 * `npm run token -- --tenant bantul --role operator [--role bkpsdm] [--sub <nip>] [--opd DISDIK] [--ttl 3600]`
 * prints a dev token and nothing else, so `TOKEN=$(npm run -s token -- …)` works. Without --sub (and
 * --opd) the matching demo user of the tenant is used, so the token points at a seeded employee.
 */
const USAGE =
  'usage: npm run token -- --tenant <id> --role <role> [--role <role>] [--sub <nip>] [--opd <OPD>] [--ttl <seconds>]';

export class UsageError extends Error {
  override name = 'UsageError';
}

export async function tokenFromArgs(argv: readonly string[]): Promise<string> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  const tenants = [...tenantRegistry().keys()].sort();
  const tenant = values.tenant;
  if (!tenant) throw new UsageError(`--tenant is required (one of: ${tenants.join(', ')})\n${USAGE}`);
  if (!tenants.includes(tenant)) {
    throw new UsageError(`unknown tenant "${tenant}"; tenants: ${tenants.join(', ')}`);
  }
  const roles = values.role ?? [];
  if (roles.length === 0)
    throw new UsageError(`at least one --role is required (${ROLES.join(', ')})\n${USAGE}`);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0)
    throw new UsageError(`unknown role ${unknown.join(', ')}; roles: ${ROLES.join(', ')}`);
  const ttl = values.ttl === undefined ? 3600 : Number(values.ttl);
  if (!Number.isInteger(ttl) || ttl <= 0)
    throw new UsageError(`--ttl must be a whole number of seconds, got "${values.ttl}"`);
  for (const opd of values.opd ?? []) {
    if (!/^[A-Z0-9*][A-Z0-9._-]{0,30}$/.test(opd))
      throw new UsageError(`--opd "${opd}" is not an OPD code (e.g. DISDIK)`);
  }

  const demo = demoFor(tenant, roles as Role[]);
  return issueDevToken({
    tenant,
    sub: values.sub ?? demo?.sub ?? `dev.${roles[0]}`,
    roles: roles as Role[],
    opds: values.opd ?? (values.sub ? [] : (demo?.opds ?? [])),
    ttlSeconds: ttl,
  });
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      tenant: { type: 'string' },
      role: { type: 'string', multiple: true },
      sub: { type: 'string' },
      opd: { type: 'string', multiple: true },
      ttl: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
}

function demoFor(tenant: string, roles: readonly Role[]) {
  try {
    return demoUsersFor(tenant).find((u) => u.label === roles[0]);
  } catch {
    // A tenant without a demo profile still gets a token, just not a seeded identity.
    return undefined;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  tokenFromArgs(process.argv.slice(2)).then(
    (token) => process.stdout.write(`${token}\n`),
    (err: Error) => {
      process.stderr.write(`${err instanceof UsageError ? err.message : (err.stack ?? err.message)}\n`);
      process.exitCode = 2;
    },
  );
}
