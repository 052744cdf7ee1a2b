import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../functions/http/openapi';

/**
 * Every value a client sends is bounded in its schema (#13 items 6–7): a number DynamoDB cannot store
 * (1e308, 1e-300, 2^53 + 1) or a string/array that would push an item past 400 KB is a 400 naming the
 * field, never a 500 from the table. Checked on the served OpenAPI document, so a new route or field
 * without bounds fails here.
 */
type Schema = Record<string, unknown> & {
  type?: string | string[];
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};
type Operation = {
  parameters?: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};

/** DynamoDB stores numbers of magnitude 1e-130 to 1e126 with 38 significant digits; JS integers are exact to 2^53. */
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** A regular expression whose every quantifier is bounded ({m,n}, ?) matches strings of bounded length. */
function boundedPattern(pattern: string): boolean {
  if (!pattern.startsWith('^') || !pattern.endsWith('$')) return false;
  const unescaped = pattern.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
  return !/[*+]|\{\d+,\}/.test(unescaped);
}

function problems(doc: Doc, schema: Schema, path: string, out: string[], seen = new Set<Schema>()): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() as string;
    const target = doc.components?.schemas?.[name];
    if (target) problems(doc, target, path, out, seen);
    return;
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const [i, s] of (schema[key] ?? []).entries()) problems(doc, s, `${path}<${i}>`, out, seen);
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (schema.enum || schema.const !== undefined) return;
  if (types.includes('number') || types.includes('integer')) {
    const max = (schema.maximum ?? schema.exclusiveMaximum) as number | undefined;
    const min = (schema.minimum ?? schema.exclusiveMinimum) as number | undefined;
    if (max === undefined || min === undefined) out.push(`${path}: number without minimum/maximum`);
    else if (Math.abs(max) > MAX_SAFE || Math.abs(min) > MAX_SAFE)
      out.push(`${path}: bound past 2^53 (${min}..${max})`);
    if (!types.includes('integer') && schema.multipleOf === undefined)
      out.push(`${path}: decimal without precision (multipleOf)`);
  }
  if (types.includes('string')) {
    const pattern = schema.pattern as string | undefined;
    if (schema.maxLength === undefined && !(pattern && boundedPattern(pattern)))
      out.push(`${path}: string without maxLength`);
  }
  if (types.includes('array')) {
    if (schema.maxItems === undefined) out.push(`${path}: array without maxItems`);
    if (schema.items) problems(doc, schema.items, `${path}[]`, out, seen);
  }
  if (types.includes('object') || schema.properties) {
    for (const [k, s] of Object.entries(schema.properties ?? {})) problems(doc, s, `${path}.${k}`, out, seen);
    const extra = schema.additionalProperties;
    if (extra && typeof extra === 'object') {
      if (schema.maxProperties === undefined) out.push(`${path}: map without maxProperties`);
      problems(doc, extra, `${path}{}`, out, seen);
    } else if (extra === undefined || extra === true) {
      if (!schema.properties || Object.keys(schema.properties).length === 0 || extra === true)
        out.push(`${path}: open object (any field accepted)`);
    }
  }
}

describe('request schemas in the OpenAPI document', () => {
  const doc = openApiDocument() as Doc;
  const operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([m, op]) => [`${m.toUpperCase()} ${p}`, op] as const),
  );

  it.each(operations)('should bound every number, string, array and map of %s', (_key, op) => {
    const out: string[] = [];
    for (const param of op.parameters ?? []) problems(doc, param.schema, `${param.in}.${param.name}`, out);
    const body = op.requestBody?.content['application/json']?.schema;
    if (body) problems(doc, body, 'body', out);
    expect(out).toEqual([]);
  });

  it('should find an unbounded field (the check itself can fail)', () => {
    const out: string[] = [];
    problems(
      doc,
      {
        type: 'object',
        properties: {
          n: { type: 'number', minimum: 0 },
          s: { type: 'string' },
          a: { type: 'array', items: { type: 'string', maxLength: 3 } },
        },
      },
      'body',
      out,
    );
    expect(out).toEqual([
      'body.n: number without minimum/maximum',
      'body.n: decimal without precision (multipleOf)',
      'body.s: string without maxLength',
      'body.a: array without maxItems',
    ]);
  });
});
