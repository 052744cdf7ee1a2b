import * as z from 'zod';
import { isoDate, paginationQuery } from '../http/common-schemas';

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
  // BKPSDM's predikat per unit for a month: `unit-rating:<yyyy-mm>`
  'unit-rating',
  // BKPSDM's penghargaan prestasi by decree: `prestasi-award:<yyyy-mm>:<nip>`
  'prestasi-award',
  // realisasi imported from a sector spreadsheet: `realization-import:<opd>#<yyyy>`
  'realization-import',
  // opening balances (saldo awal): `opening-balance:<yyyy>:<nip>`
  'opening-balance',
  // payroll
  'budget',
  // employee imports: `employee-import:<sha256 of the sheet>`
  'employee-import',
  // files handed out for the outside world (bank, BPJS, Taspen, SIPD): `export:<runId>`
  'export',
  // tax reporting: `tax-settings:tenant` (withholders), `tax-export:<FORM>:<period>:<withholder|nip|opd>`
  'tax-settings',
  'tax-export',
  // potongan lain: `deduction:<nip>` (an employee's entries), `deduction-types:tenant` (types and policy)
  'deduction',
  'deduction-types',
] as const;

/**
 * `entity=employee` lists every employee change; `entity=employee:<nip>` one employee's. The id is
 * everything after the first colon and may itself hold `:` or `#` (`budget:2031:DINKES`,
 * `evaluation:<nip>#2026-11`): each writer's id format must be readable here, which
 * test/integration/payroll-audit.test.ts checks against every `entityType` written in the code.
 */
export const auditQuery = z
  .strictObject({
    entity: z
      .string()
      .regex(
        new RegExp(`^(${AUDIT_ENTITY_TYPES.join('|')})(:[A-Za-z0-9#:._-]{1,80})?$`),
        `format: <jenis>[:<id>], jenis salah satu dari ${AUDIT_ENTITY_TYPES.join(', ')}`,
      ),
    /** Who made the change: the token's `sub` (a NIP, or e.g. `inspektorat.bantul`). */
    actor: z.string().trim().min(1).max(80).optional(),
    /** The action as written (CREATE, UPDATE, IMPORT, APPROVE, LOCK …). */
    action: z
      .string()
      .regex(/^[A-Z_]{2,40}$/, 'aksi: huruf besar dan _, mis. UPDATE')
      .optional(),
    /** First and last day (inclusive), dates in the tenant's time zone. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    ...paginationQuery,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'tanggal akhir tidak boleh sebelum tanggal awal',
    path: ['to'],
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
