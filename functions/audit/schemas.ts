import * as z from 'zod';
import { paginationQuery } from '../http/common-schemas';

export const AUDIT_ENTITY_TYPES = [
  'employee',
  'run',
  'skp',
  'evaluation',
  'attendance',
  'ruleset',
  // appraisal & discipline
  'result',
  'discipline',
  'calendar',
  'library',
  'unit-score',
  // payroll
  'budget',
] as const;

/**
 * `entity=employee` lists every employee change; `entity=employee:<nip>` one employee's. The id is
 * everything after the first colon and may itself hold `:` or `#` (`budget:2031:DINKES`,
 * `evaluation:<nip>#2026-11`): each writer's id format must be readable here, which
 * test/integration/payroll-audit.test.ts checks against every `entityType` written in the code.
 */
export const auditQuery = z.strictObject({
  entity: z
    .string()
    .regex(
      new RegExp(`^(${AUDIT_ENTITY_TYPES.join('|')})(:[A-Za-z0-9#:._-]{1,80})?$`),
      `format: <jenis>[:<id>], jenis salah satu dari ${AUDIT_ENTITY_TYPES.join(', ')}`,
    ),
  ...paginationQuery,
});

export const auditRecordSchema = z
  .object({
    entityType: z.string(),
    entityId: z.string(),
    action: z.string(),
    actor: z.object({ sub: z.string(), roles: z.array(z.string()) }),
    at: z.string(),
    requestId: z.string(),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    reason: z.string().optional(),
  })
  .meta({ id: 'AuditRecord' });

export const auditListResponse = z
  .object({ items: z.array(auditRecordSchema), nextToken: z.string().optional() })
  .meta({ id: 'AuditList' });
