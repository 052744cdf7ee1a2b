import { createHash } from 'node:crypto';
import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../core/auth/principal';
import { openApiDocument } from '../../functions/http/openapi';
import type { RouteSpec } from '../../functions/http/route-spec';
import { ROUTES } from '../../functions/routes';
import { tenantTableName } from '../../functions/table/table-schema';
import { localDynamoClient } from '../../infra/local/tables';
import { anEmployee, nipNo } from '../builders/employee';
import { dynamoEndpoint } from '../support/dynamo';
import { startTestApi, type TestApi } from '../support/local-api';

/**
 * Requests generated from the served OpenAPI document (#13 "make the tests find these"): for every
 * route, bounded random and boundary inputs — wrong types, sizes, numbers at and past what JS and
 * DynamoDB hold (2^53 + 1, 1e308, 1e-300, 1e400), unicode, impossible dates, NIPs, forged cursors,
 * extra fields, null bodies — sent with a valid token of a role the route allows. Asserted: no 5xx;
 * every 4xx in the one error shape; and a refused write leaves the tenant table exactly as it was.
 *
 * SIGAP_FUZZ_RUNS (default 6) is the number of requests per route; `npm run fuzz` sends 10,000 in all.
 * SIGAP_FUZZ_SEED fixes fast-check's seed (default 20261203) so a failure can be replayed.
 */
const RUNS = Number(process.env.SIGAP_FUZZ_RUNS ?? 6);
const SEED = Number(process.env.SIGAP_FUZZ_SEED ?? 20261203);

type Schema = Record<string, unknown> & {
  type?: string | string[];
  $ref?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
interface Operation {
  parameters?: { name: string; in: 'path' | 'query'; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const doc = openApiDocument() as Doc;
const resolve = (s: Schema): Schema =>
  s.$ref ? resolve(doc.components?.schemas?.[s.$ref.split('/').pop() as string] ?? {}) : s;

/** Values that break naive code: JSON-expressible, placed anywhere in a request. */
const BIG_INT = '"__BIG_INT__"'; // replaced in the JSON text by 9007199254740993 (2^53 + 1)
const OVERFLOW = '"__OVERFLOW__"'; // replaced by 1e400 (Infinity once parsed)
const wild: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -0,
    -1,
    1e308,
    -1e308,
    1e-300,
    5e-324,
    1e126,
    1e127,
    Number.MAX_SAFE_INTEGER,
    2 ** 53,
    '__BIG_INT__',
    '__OVERFLOW__',
    '',
    ' ',
    '0',
    'null',
    '2026-02-30',
    '2026-13',
    '9999-12-31',
    '0000-00-00',
    '198503152010011002',
    '000000000000000000',
    '19850315201001100２',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "'; DROP TABLE x; --",
    'ＤＩＳＤＩＫ',
    '👩‍💼'.repeat(50),
    '\u0000\u0001\u202e',
    '__proto__',
    'eyJzIjo5OTl9',
    'eyJrIjp7InBrIjp7IlMiOiJFTVAjMSJ9fX0',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(1_000, 70_000, 300_000).map((n) => 'x'.repeat(n)),
  fc.array(fc.integer(), { maxLength: 5 }),
  fc.constant(Array.from({ length: 2_000 }, () => 'a')),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 4 }),
  fc.constant({ __proto__: { polluted: true }, constructor: { prototype: { x: 1 } } }),
);

function anyValueOf(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const valid = validOf(s, depth);
  return depth > 6 ? valid : fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: wild });
}

function validOf(s: Schema, depth: number): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => anyValueOf(a, depth + 1)));
  if (s.allOf?.length) return anyValueOf(s.allOf[0] as Schema, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string': {
      const max = Math.min((s.maxLength as number | undefined) ?? 60, 200);
      const pattern = s.pattern as string | undefined;
      const patterned = pattern
        ? fc.stringMatching(new RegExp(pattern)).filter((v) => v.length <= max + 2)
        : undefined;
      return fc.oneof(
        ...(patterned ? [patterned] : []),
        fc.string({ maxLength: max }),
        fc.constant('x'.repeat(max + 1)),
        fc.constantFrom(nipNo(0), nipNo(1), '2026-11', '2026-11-02', 'DISDIK', 'DINKES', '07:30'),
      );
    }
    case 'integer':
    case 'number': {
      const min = (s.minimum ?? s.exclusiveMinimum ?? -1e6) as number;
      const max = (s.maximum ?? s.exclusiveMaximum ?? 1e6) as number;
      const lo = Math.ceil(Math.max(min, -1e9));
      const hi = Math.floor(Math.min(max, 1e9));
      return fc.oneof(
        fc.integer({ min: Math.min(lo, hi), max: hi }),
        fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(min, max, min - 1, max + 1, max + 0.5),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const maxItems = (s.maxItems as number | undefined) ?? 5;
      const item = s.items ? anyValueOf(s.items, depth + 1) : wild;
      return fc.oneof(
        { weight: 5, arbitrary: fc.array(item, { maxLength: Math.min(maxItems, 4) }) },
        // One past the maximum: generated items for short lists, light ones for long lists (20,001 rows).
        {
          weight: 1,
          arbitrary:
            maxItems <= 100
              ? fc.array(item, { minLength: maxItems + 1, maxLength: maxItems + 1 })
              : fc.constant(Array.from({ length: maxItems + 1 }, () => ({}))),
        },
      );
    }
    default: {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const keys = Object.keys(props);
      const record = fc.record(
        Object.fromEntries(keys.map((k) => [k, anyValueOf(props[k] as Schema, depth + 1)])),
        { requiredKeys: keys.filter((k) => required.has(k)) },
      );
      const extras = fc.option(
        fc.dictionary(fc.constantFrom('extra', 'tenantId', 'pk', '__proto__'), wild, { maxKeys: 2 }),
        {
          freq: 6,
        },
      );
      return fc.tuple(record, extras).map(([r, e]) => ({ ...(e ?? {}), ...(r as object) }));
    }
  }
}

/** What a route's request may look like: path and query parameters, and a body as raw text. */
interface Fuzzed {
  path: string;
  query: [string, string][];
  body?: string;
  contentType: string;
}

function requestOf(route: RouteSpec): fc.Arbitrary<Fuzzed> {
  const op = doc.paths[route.path]?.[route.method.toLowerCase()] ?? {};
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  // Path and query values stay within what a URL carries (API Gateway refuses longer ones itself).
  const scalar = (schema: Schema) =>
    fc
      .oneof({ weight: 4, arbitrary: validOf(resolve(schema), 5) }, { weight: 1, arbitrary: wild })
      .map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? 'null')).slice(0, 2_000));
  const pathArb = fc.tuple(...pathParams.map((p) => scalar(p.schema).filter((v) => v.length > 0)));
  const queryArb = fc.tuple(
    ...queryParams.map((p) => fc.option(scalar(p.schema), { freq: 2 }).map((v) => [p.name, v] as const)),
    fc.option(fc.tuple(fc.constantFrom('extra', 'limit', 'nextToken'), fc.string({ maxLength: 20 })), {
      freq: 3,
    }),
  );
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const bodyArb: fc.Arbitrary<string | undefined> = bodySchema
    ? fc.oneof(
        { weight: 8, arbitrary: anyValueOf(bodySchema, 0).map(toJsonText) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'null',
            '',
            '[]',
            '{',
            '{"a":',
            '"text"',
            '1e400',
            `{${'"a":{'.repeat(60)}1${'}'.repeat(61)}`,
          ),
        },
      )
    : fc.option(fc.constantFrom('{}', 'null', '{"x":1}'), { freq: 4 }).map((v) => v ?? undefined);
  const contentType = fc.oneof(
    { weight: 12, arbitrary: fc.constant('application/json') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'application/json; charset=utf-8',
        'application/json-patch+json',
        'text/plain',
        '',
      ),
    },
  );
  const body = route.method === 'GET' ? fc.constant(undefined) : bodyArb;
  return fc.tuple(pathArb, queryArb, body, contentType).map(([values, query, body, type]) => {
    let path = route.path;
    pathParams.forEach((p, i) => {
      path = path.replace(`{${p.name}}`, encodeURIComponent(values[i] as string));
    });
    const pairs = query.filter((q): q is [string, string] => Array.isArray(q) && q[1] != null) as [
      string,
      string,
    ][];
    return { path, query: pairs, ...(body !== undefined ? { body } : {}), contentType: type };
  });
}

function toJsonText(value: unknown): string {
  return (JSON.stringify(value) ?? 'null')
    .replaceAll(BIG_INT, '9007199254740993')
    .replaceAll(OVERFLOW, '1e400');
}

const CALLER: Partial<Record<Role, { sub: string; opds: string[] }>> = {
  bkpsdm: { sub: 'bkpsdm.fuzz', opds: [] },
  operator: { sub: 'operator.fuzz', opds: ['DISDIK'] },
  atasan: { sub: nipNo(0), opds: [] },
  pegawai: { sub: nipNo(1), opds: [] },
  auditor: { sub: 'auditor.fuzz', opds: [] },
};
const PREFERENCE: Role[] = ['bkpsdm', 'operator', 'atasan', 'pegawai', 'auditor'];

describe('fuzzing every route from the OpenAPI document', () => {
  let api: TestApi;
  const raw = localDynamoClient(dynamoEndpoint());
  const tokens = new Map<Role, string>();
  let table = '';
  const stats = { requests: 0, s2xx: 0, s4xx: 0, s5xx: 0, refusedWrites: 0 };

  beforeAll(async () => {
    api = await startTestApi({ tenants: ['bantul'] });
    table = tenantTableName(api.prefix, 'bantul');
    for (const role of PREFERENCE) {
      const c = CALLER[role] as { sub: string; opds: string[] };
      tokens.set(
        role,
        await api.token({ roles: [role, ...(role === 'atasan' ? (['pegawai'] as Role[]) : [])], ...c }),
      );
    }
    // Two employees (the atasan and the pegawai of the tokens), so generated NIPs sometimes hit a row.
    const bk = tokens.get('bkpsdm') as string;
    for (const e of [
      anEmployee({ nip: nipNo(0) }),
      anEmployee({ nip: nipNo(1), penempatan: { opd: 'DISDIK', unit: 'Sekretariat', atasanNip: nipNo(0) } }),
    ]) {
      const res = await fetch(`${api.url}/employees`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bk}`, 'content-type': 'application/json' },
        body: JSON.stringify(e),
      });
      expect(res.status).toBe(201);
    }
  }, 120_000);
  afterAll(async () => {
    console.info(
      `fuzz: ${stats.requests} requests (${RUNS} per route, seed ${SEED}): ${stats.s2xx} 2xx, ${stats.s4xx} 4xx (${stats.refusedWrites} refused writes checked), ${stats.s5xx} ≥ 500`,
    );
    raw.destroy();
    await api?.close();
  });

  /** Every item of the tenant table, hashed: a refused write must leave it as it was. */
  async function tableHash(): Promise<string> {
    const hash = createHash('sha256');
    let start: ScanCommandOutput['LastEvaluatedKey'];
    const items: string[] = [];
    do {
      const out = await raw.send(
        new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }),
      );
      for (const item of out.Items ?? []) items.push(JSON.stringify(item, Object.keys(item).sort()));
      start = out.LastEvaluatedKey;
    } while (start);
    for (const i of items.sort()) hash.update(i);
    return hash.digest('hex');
  }

  const routes = ROUTES.filter((r) => r.path !== '/docs' && r.path !== '/openapi.json');

  it.each(routes.map((r) => [r.method, r.path, r] as const))(
    '%s %s: no 5xx, the error shape, nothing written on a 4xx',
    { timeout: 600_000 },
    async (_m, _p, route) => {
      const role =
        route.roles === 'PUBLIC'
          ? undefined
          : PREFERENCE.find((r) => (route.roles as readonly Role[]).includes(r));
      const token = role ? tokens.get(role) : undefined;
      const writes = route.method !== 'GET';
      let before = writes ? await tableHash() : '';
      await fc.assert(
        fc.asyncProperty(requestOf(route), async (req) => {
          const qs = req.query.length ? `?${new URLSearchParams(req.query)}` : '';
          const call = () =>
            fetch(`${api.url}${req.path}${qs}`, {
              method: route.method,
              headers: {
                ...(token ? { authorization: `Bearer ${token}` } : {}),
                ...(req.body !== undefined ? { 'content-type': req.contentType } : {}),
              },
              ...(req.body !== undefined ? { body: req.body } : {}),
            });
          // A 413 past 6 MB closes its connection; a request queued on it is sent again.
          const res = await call().catch(() => call());
          const text = await res.text();
          stats.requests++;
          const label = `${route.method} ${req.path}${qs} body=${(req.body ?? '').slice(0, 300)}`;
          if (res.status >= 500) {
            stats.s5xx++;
            expect.fail(`${res.status} for ${label}: ${text.slice(0, 300)}`);
          }
          if (res.status < 400) {
            stats.s2xx++;
            if (writes) before = await tableHash();
            return;
          }
          stats.s4xx++;
          let body: { error?: Record<string, unknown> } = {};
          try {
            body = JSON.parse(text);
          } catch {
            expect.fail(`${res.status} without a JSON error body for ${label}: ${text.slice(0, 200)}`);
          }
          expect(body, label).toEqual({
            error: {
              code: expect.any(String),
              message: expect.any(String),
              requestId: expect.any(String),
              issues: expect.any(Array),
            },
          });
          for (const issue of (body.error?.issues ?? []) as { path: unknown; message: unknown }[]) {
            expect(typeof issue.path === 'string' && typeof issue.message === 'string', label).toBe(true);
          }
          if (writes) {
            stats.refusedWrites++;
            expect(await tableHash(), `a refused write changed the table: ${label}`).toBe(before);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    },
  );
});
