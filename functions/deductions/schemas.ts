import * as z from 'zod';
import {
  DEDUCTION_LAYERS,
  deductionEntryFields,
  deductionPolicySchema,
  deductionTypeFields,
} from '../../core/deductions/model';
import { MAX_IMPORT_FILE_BYTES } from '../../core/employee/import-columns';
import { nipSchema, paginationQuery } from '../http/common-schemas';

/**
 * The edge schemas of potongan lain. The request bodies are checked again in core with the model's own
 * refinements (a FIXED entry needs an amount, an end month not before the start …), so the messages and
 * paths are the same whether a field is wrong here or there.
 */
export const nipParams = z.strictObject({ nip: nipSchema });
export const entryParams = z.strictObject({
  nip: nipSchema,
  entryId: z.string().regex(/^[A-Za-z0-9-]{6,40}$/, 'id potongan tidak dikenal'),
});

const MAX_BASE64_CHARS = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4 + 200;
const version = z.number().int().min(0).max(1_000_000_000);

export const putTypesBody = z
  .strictObject({
    expectedVersion: version,
    types: z.array(z.unknown()).max(200),
    policy: z.unknown().nullable(),
  })
  .meta({ id: 'DeductionTypesInput' });

export const typesResponse = z
  .strictObject({
    types: z.array(deductionTypeFields),
    policy: deductionPolicySchema.nullable(),
    version,
    updatedAt: z.string().optional(),
    updatedBy: z.string().optional(),
  })
  .meta({ id: 'DeductionTypes' });

export const entryBody = z
  .strictObject({ expectedVersion: version, entry: z.unknown() })
  .meta({ id: 'DeductionEntryWrite' });

const entryView = deductionEntryFields
  .extend({
    id: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
    typeName: z.string().optional(),
    layer: z.enum(DEDUCTION_LAYERS).optional(),
    monthlyDue: z.number().int().optional(),
    lastMonth: z.string().optional(),
  })
  .meta({ id: 'DeductionEntry' });

export const employeeDeductionsResponse = z
  .strictObject({
    nip: z.string(),
    nama: z.string(),
    opd: z.string(),
    entries: z.array(entryView),
    version,
  })
  .meta({ id: 'EmployeeDeductions' });

export const listQuery = z.strictObject({
  opd: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,40}$/)
    .optional(),
  type: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{1,29}$/)
    .optional(),
  ...paginationQuery,
});

export const listResponse = z
  .strictObject({
    items: z.array(z.strictObject({ nip: z.string(), nama: z.string(), opd: z.string(), entry: entryView })),
    nextToken: z.string().optional(),
  })
  .meta({ id: 'DeductionList' });

export const importBody = z
  .strictObject({
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/\.[A-Za-z0-9]{1,5}$/, 'nama berkas dengan ekstensi, mis. koperasi.xlsx'),
    contentBase64: z.string().min(1).max(MAX_BASE64_CHARS, 'berkas paling besar 4 MB'),
    /** The creditor whose list this is: every row is an entry of this type. */
    typeCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,29}$/, 'kode jenis potongan'),
    /** true (default): check and report, write nothing; false: write the valid rows. */
    dryRun: z.boolean().default(true),
  })
  .meta({ id: 'DeductionImportRequest' });

export const importResponse = z
  .strictObject({
    dryRun: z.boolean(),
    rows: z.array(
      z.strictObject({
        row: z.number().int(),
        nip: z.string(),
        status: z.enum(['OK', 'ERROR']),
        action: z.enum(['CREATE', 'UPDATE', 'UNCHANGED']).optional(),
        issues: z.array(z.strictObject({ path: z.string(), message: z.string() })),
      }),
    ),
    counts: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'DeductionImportReport' });
