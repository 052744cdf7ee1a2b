import type * as z from 'zod';
import { RulesetValidationError } from './errors';
import { type Parameter, parameterEnvelopeSchema } from './parameter';

type Issue = { path: string; reason: string };

/** `['versions', 0, 'value', 'I/b']` → `versions[0].value.I/b` */
export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function zodIssues(error: z.ZodError, prefix: string): Issue[] {
  return error.issues.map((issue) => {
    const rest = formatPath(issue.path);
    const path =
      prefix === ''
        ? rest
        : rest === ''
          ? prefix
          : rest.startsWith('[')
            ? prefix + rest
            : `${prefix}.${rest}`;
    return { path: path || '(root)', reason: issue.message };
  });
}

/**
 * Validates a document envelope, then every parameter: versions strictly ascending by date and each value
 * against the schema registered for its id. Collects every issue before throwing so one load names them all.
 */
export function parseDocument<T>(
  json: unknown,
  file: string,
  envelope: z.ZodType<T & { parameters: unknown[] }>,
  schemaFor: (id: string) => z.ZodType | undefined,
): { document: T; parameters: Map<string, Parameter<unknown>> } {
  const head = envelope.safeParse(json);
  if (!head.success) throw new RulesetValidationError(file, zodIssues(head.error, ''));

  const issues: Issue[] = [];
  const parameters = new Map<string, Parameter<unknown>>();
  head.data.parameters.forEach((raw, index) => {
    const rawId = (raw as { id?: unknown } | null)?.id;
    const where = typeof rawId === 'string' ? rawId : `parameters[${index}]`;
    const parsed = parameterEnvelopeSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, where));
      return;
    }
    const parameter = parsed.data;
    const schema = schemaFor(parameter.id);
    if (!schema) {
      issues.push({ path: where, reason: 'unknown parameter id' });
      return;
    }
    if (parameters.has(parameter.id)) {
      issues.push({ path: where, reason: 'parameter defined twice' });
      return;
    }
    const versions = parameter.versions.map((version, v) => {
      const previous = parameter.versions[v - 1];
      if (previous && version.from <= previous.from) {
        issues.push({
          path: `${where}.versions[${v}].from`,
          reason: `version dates must be strictly ascending (${version.from} after ${previous.from})`,
        });
      }
      const value = schema.safeParse(version.value);
      if (!value.success) issues.push(...zodIssues(value.error, `${where}.versions[${v}].value`));
      return { ...version, value: value.success ? value.data : version.value };
    });
    parameters.set(parameter.id, { id: parameter.id, label: parameter.label, versions });
  });
  if (issues.length > 0) throw new RulesetValidationError(file, issues);
  return { document: head.data, parameters };
}
