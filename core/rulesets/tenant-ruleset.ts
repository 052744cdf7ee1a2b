import * as z from 'zod';
import { RulesetValidationError } from './errors';
import type { Parameter } from './parameter';
import { parseDocument } from './parse-document';
import { type TenantParameterId, type TenantValue, tenantValueSchemas } from './tenant-schema';

/**
 * A tenant's own rules (its Perkada TPP and the payroll choices left open nationally), as one
 * self-contained JSON document.
 */
export interface TenantRuleset {
  readonly kind: 'tenant';
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly instrument: string;
  readonly parameters: Readonly<Record<string, Parameter<unknown>>>;
}

const tenantEnvelope = z.strictObject({
  ruleset: z.literal('tenant'),
  tenantId: z.string().regex(/^[a-z0-9-]+$/, 'tenant ids are lowercase kebab-case'),
  name: z.string().min(1),
  instrument: z.string().min(1),
  note: z.string().optional(),
  parameters: z.array(z.unknown()).min(1),
});

export function parseTenantRuleset(json: unknown, fileName: string): TenantRuleset {
  const { document, parameters } = parseDocument(json, fileName, tenantEnvelope, (id) =>
    Object.hasOwn(tenantValueSchemas, id) ? tenantValueSchemas[id as TenantParameterId] : undefined,
  );
  const missing = Object.keys(tenantValueSchemas).filter((pid) => !parameters.has(pid));
  if (missing.length > 0) {
    throw new RulesetValidationError(
      fileName,
      missing.map((pid) => ({ path: pid, reason: 'required tenant parameter is missing' })),
    );
  }
  return {
    kind: 'tenant',
    id: `tenant/${document.tenantId}`,
    tenantId: document.tenantId,
    name: document.name,
    instrument: document.instrument,
    parameters: Object.fromEntries(parameters),
  };
}

export function tenantParameter<K extends TenantParameterId>(
  ruleset: TenantRuleset,
  id: K,
): Parameter<TenantValue<K>> {
  return ruleset.parameters[id] as Parameter<TenantValue<K>>;
}
