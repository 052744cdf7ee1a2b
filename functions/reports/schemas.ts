import * as z from 'zod';
import { RUN_STATES } from '../../core/payroll/run-types';
import { RUN_EXPORT_IDS } from '../../core/reports/catalog';
import { isoDate } from '../http/common-schemas';
import { exportParams, exportQuery } from '../payroll/schemas';

const runId = exportParams.shape.runId;
const opd = exportQuery.shape.opd;

export const runExportsParams = z.strictObject({ runId });
export const runExportsQuery = z.strictObject({ opd });

export const runExportParams = z.strictObject({ runId, exportId: z.enum(RUN_EXPORT_IDS) });
export const runExportQuery = z.strictObject({
  opd,
  /** Source account id (rulesets/payroll-exports/<tenant>.json); required when the tenant has several. */
  account: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'id rekening sumber: huruf kecil, angka, tanda hubung')
    .optional(),
  preview: z.enum(['true', 'false']).default('false'),
  /** Tanggal efektif of a bank file / date of the letter; default today in the tenant's time zone. */
  valueDate: isoDate.optional(),
  /** Nomor naskah of the pemindahbukuan letter. */
  nomor: z.string().trim().min(1).max(80).optional(),
  /** Daftar potongan per kreditur: one creditor (deduction type code) only. */
  creditor: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{1,29}$/, 'kode jenis potongan: huruf besar, angka, garis bawah')
    .optional(),
});

const issue = z.strictObject({
  exportId: z.string(),
  nip: z.string(),
  nama: z.string(),
  opd: z.string(),
  column: z.string(),
  message: z.string(),
});

export const runExportsResponse = z
  .strictObject({
    runId: z.string(),
    month: z.string(),
    runState: z.enum(RUN_STATES),
    /** READY: locked, files are final; PREVIEW: approved, files are marked previews; UNAVAILABLE: draft. */
    menuState: z.enum(['READY', 'PREVIEW', 'UNAVAILABLE']),
    disbursementMode: z.enum(['DIRECT_FROM_SP2D', 'VIA_BENDAHARA_PEMINDAHBUKUAN']).nullable(),
    accounts: z.array(
      z.strictObject({
        id: z.string(),
        label: z.string(),
        bank: z.string(),
        opds: z.array(z.string()),
        template: z.string(),
        templateVersion: z.string(),
      }),
    ),
    exports: z.array(
      z.strictObject({
        id: z.string(),
        area: z.enum(['BANK', 'IURAN', 'SIPD', 'TAX']),
        format: z.enum(['CSV', 'XLSX', 'PDF', 'XML', 'TXT']),
        scope: z.enum(['RUN', 'OPD', 'ACCOUNT', 'MONTH']),
        path: z.string(),
        available: z.boolean(),
        /** Why not available (draft run, not paid via the bendahara, no settings), in Indonesian. */
        reason: z.string().optional(),
        blockers: z.number().int(),
      }),
    ),
    /** Employees a file cannot carry yet (employee, column, reason); the export refuses until fixed. */
    issues: z.array(issue),
  })
  .meta({ id: 'RunExports' });
