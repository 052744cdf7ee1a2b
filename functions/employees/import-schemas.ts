import * as z from 'zod';
import { MAX_IMPORT_FILE_BYTES } from '../../core/employee/import-columns';
import { paginationQuery } from '../http/common-schemas';

/**
 * The import travels as JSON, like every other SIGAP request: the file's name and its bytes in base64.
 * API Gateway's JSON path and the one body parser stay as they are, and the browser sends what
 * FileReader gives it. The limit follows from Lambda's 6 MB request payload: a 4 MB file is ≈ 5.3 MB
 * of base64.
 */
const MAX_BASE64_CHARS = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4 + 200;

const opdCode = z.string().regex(/^[A-Z0-9][A-Z0-9._-]{1,30}$/, 'kode OPD: huruf besar, angka, . _ -');

export const importBody = z
  .strictObject({
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/\.[A-Za-z0-9]{1,5}$/, 'nama berkas dengan ekstensi, mis. pegawai.xlsx'),
    contentBase64: z.string().min(1).max(MAX_BASE64_CHARS, 'berkas paling besar 4 MB'),
    /** dry-run (default) checks and reports; commit writes the valid rows. */
    mode: z.enum(['dry-run', 'commit']).default('dry-run'),
    /** With commit: a single bad row stops the whole file, nothing is written. */
    allOrNothing: z.boolean().default(false),
    /** OPD codes not yet known to the tenant that this file introduces (BKPSDM only). */
    newOpds: z.array(opdCode).max(200).default([]),
  })
  .meta({ id: 'EmployeeImportRequest' });

export const templateQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

export const importsQuery = z.strictObject({ ...paginationQuery });

const issue = z.object({
  row: z.number(),
  nip: z.string(),
  field: z.string(),
  message: z.string(),
  severity: z.enum(['ERROR', 'WARNING']),
});

export const importReportResponse = z
  .object({
    mode: z.enum(['dry-run', 'commit']),
    file: z.object({
      name: z.string(),
      sha256: z.string(),
      type: z.enum(['xlsx', 'csv']),
      sheet: z.string().optional(),
      rows: z.number(),
    }),
    counts: z.object({
      rows: z.number(),
      valid: z.number(),
      invalid: z.number(),
      withWarnings: z.number(),
      create: z.number(),
      update: z.number(),
      unchanged: z.number(),
    }),
    summary: z.string(),
    ignoredColumns: z.array(z.object({ header: z.string(), reason: z.string() })),
    issues: z.array(issue),
    issuesTruncated: z.boolean(),
    rows: z.array(
      z.object({
        row: z.number(),
        nip: z.string(),
        action: z.enum(['CREATE', 'UPDATE', 'UNCHANGED', 'REJECTED']),
        changes: z.array(z.string()).optional(),
      }),
    ),
    commit: z
      .object({
        complete: z.boolean(),
        created: z.number(),
        updated: z.number(),
        unchanged: z.number(),
        rejected: z.number(),
        conflicts: z.number(),
        notAttempted: z.number(),
        importRecorded: z.boolean(),
        message: z.string(),
      })
      .optional(),
  })
  .meta({ id: 'EmployeeImportReport' });

export const importListResponse = z
  .object({
    items: z.array(
      z.object({
        sha256: z.string(),
        at: z.string(),
        actor: z.object({ sub: z.string(), roles: z.array(z.string()) }),
        requestId: z.string(),
        fileName: z.string(),
        type: z.string(),
        rows: z.number(),
        created: z.number(),
        updated: z.number(),
        unchanged: z.number(),
        rejected: z.number(),
        opds: z.array(z.string()),
        /** false: the request ran out of time; the same file sent again finished it (its own record). */
        complete: z.boolean(),
      }),
    ),
    nextToken: z.string().optional(),
  })
  .meta({ id: 'EmployeeImportList' });
