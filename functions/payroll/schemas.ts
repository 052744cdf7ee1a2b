import * as z from 'zod';
import { RUN_KINDS } from '../../core/payroll/run-types';
import { isoMonth, nipSchema, paginationQuery } from '../http/common-schemas';

const runIdSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(GAJI_TPP|GAJI|TPP)$/, 'format: YYYY-MM-<GAJI_TPP|GAJI|TPP>');
const opdCode = z.string().regex(/^[A-Z0-9][A-Z0-9._-]{1,30}$/, 'kode OPD: huruf besar, angka, . _ -');

export const startRunBody = z
  .strictObject({ month: isoMonth, kind: z.enum(RUN_KINDS).default('GAJI_TPP') })
  .meta({ id: 'RunStart' });

export const runParams = z.strictObject({ runId: runIdSchema });
export const runSlipParams = z.strictObject({ runId: runIdSchema, nip: nipSchema });
export const listRunsQuery = z.strictObject({ ...paginationQuery });
export const listSlipsQuery = z.strictObject({ opd: opdCode.optional(), ...paginationQuery });

export const recomputeBody = z
  .strictObject({ nips: z.array(nipSchema).min(1).max(1000).optional() })
  .meta({ id: 'RunRecompute' });

export const exclusionBody = z
  .strictObject({ nip: nipSchema, reason: z.string().trim().min(10, 'alasan minimal 10 karakter').max(500) })
  .meta({ id: 'RunExclusion' });

export const exclusionParams = z.strictObject({ runId: runIdSchema, nip: nipSchema });

export const returnToDraftBody = z
  .strictObject({ reason: z.string().trim().min(10, 'alasan minimal 10 karakter').max(500) })
  .meta({ id: 'RunReturnToDraft' });

export const mySlipsQuery = z.strictObject({ year: z.string().regex(/^\d{4}$/, 'tahun 4 digit') });

export const approveBody = z
  .strictObject({ acknowledgeBudget: z.boolean().default(false) })
  .meta({ id: 'RunApprove' });

export const emptyBody = z.strictObject({}).meta({ id: 'Empty' });

export const EXPORT_DOCUMENTS = ['daftar-gaji', 'rekap-tpp', 'bank', 'sipd-gaji', 'sipd-tpp'] as const;
export const exportParams = z.strictObject({ runId: runIdSchema, document: z.enum(EXPORT_DOCUMENTS) });
export const exportQuery = z.strictObject({
  opd: opdCode.optional(),
  bank: z.string().min(2).max(60).optional(),
  preview: z.enum(['true', 'false']).default('false'),
});

export const budgetParams = z.strictObject({
  year: z.string().regex(/^\d{4}$/, 'tahun 4 digit'),
  opd: opdCode,
});
export const budgetYearParams = z.strictObject({ year: z.string().regex(/^\d{4}$/, 'tahun 4 digit') });
export const budgetBody = z
  .strictObject({ paguTpp: z.number().int().min(0).max(1e15), source: z.string().min(3).max(200) })
  .meta({ id: 'BudgetPagu' });

export const runResponse = z
  .looseObject({
    id: z.string(),
    state: z.enum(['DRAFT', 'APPROVED', 'LOCKED']),
    month: z.string(),
    /** Everyone who started, recomputed or changed exclusions of the run: none of them may approve it. */
    computedBy: z.array(z.string()).optional(),
    /** Employees a recompute added after the start (new in scope for the month). */
    addedEmployees: z
      .array(z.object({ nip: z.string(), opd: z.string(), addedAt: z.string(), addedBy: z.string() }))
      .optional(),
    /** Present when the caller (an operator) sees only their OPDs' part: totals and counts are of these. */
    scope: z.object({ opds: z.array(z.string()) }).optional(),
    returnedAt: z.string().optional(),
    returnedBy: z.string().optional(),
    returnReason: z.string().optional(),
  })
  .meta({ id: 'Run' });
export const runListResponse = z
  .object({ items: z.array(runResponse), nextToken: z.string().optional() })
  .meta({ id: 'RunList' });
export const slipResponse = z
  .looseObject({ header: z.looseObject({ nip: z.string() }) })
  .meta({ id: 'Slip' });
export const genericObject = z.looseObject({});

export const mySlipsResponse = z
  .object({
    year: z.string(),
    items: z.array(
      z.object({
        runId: z.string(),
        month: z.string(),
        kind: z.enum(RUN_KINDS),
        state: z.enum(['APPROVED', 'LOCKED']),
        penghasilan: z.number(),
        potongan: z.number(),
        bersih: z.number(),
      }),
    ),
  })
  .meta({ id: 'MySlips' });
