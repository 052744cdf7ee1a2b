import * as z from 'zod';
import { RUN_KINDS, RUN_STATES } from '../../core/payroll/run-types';
import { isoMonth, nipSchema, paginationQuery } from '../http/common-schemas';

// Every run kind (THR, GAJI13, RAPEL too): the id is `<month>-<kind>` (core/payroll/run-types.ts runId).
const runIdSchema = z
  .string()
  .regex(
    new RegExp(`^\\d{4}-(0[1-9]|1[0-2])-(${RUN_KINDS.join('|')})$`),
    `format: YYYY-MM-<${RUN_KINDS.join('|')}>`,
  );
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

/** Verify works through a run's chunks in bounded calls: the next call starts where `nextChunk` says. */
export const verifyQuery = z.strictObject({
  fromChunk: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

export const mySlipsQuery = z.strictObject({ year: z.string().regex(/^\d{4}$/, 'tahun 4 digit') });

export const approveBody = z
  .strictObject({ acknowledgeBudget: z.boolean().default(false) })
  .meta({ id: 'RunApprove' });

export const emptyBody = z.strictObject({}).meta({ id: 'Empty' });

/** SIPD lists are exports (GET /runs/{runId}/exports/sipd-gaji|sipd-tpp): complete or refused, never blank cells. */
export const EXPORT_DOCUMENTS = ['daftar-gaji', 'rekap-tpp', 'bank'] as const;
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

/*
 * Responses: strict objects describing exactly what the handlers answer (they are bound with
 * implementTyped, so a body of another shape does not compile; the integration tests parse real answers
 * with these schemas, so an extra field fails there). The console's client types are generated from them.
 */
const rupiah = z.number().int();
const count = z.number().int().min(0);

const coverageTotals = z
  .strictObject({
    employees: count,
    notApplicable: count,
    covered: count,
    attendanceIncomplete: count,
    missingDays: count,
    evaluationMissing: count,
    resultsMissing: count,
    provisional: count,
  })
  .meta({ id: 'RunCoverageTotals' });

export const opdTotalsResponse = z
  .strictObject({
    opd: z.string(),
    employees: count,
    penghasilan: rupiah,
    potongan: rupiah,
    bersih: rupiah,
    tpp: rupiah,
    employerCost: rupiah,
    /** Whether the TPP period's data is there, for every employee of the OPD (error entries included). */
    coverage: coverageTotals.optional(),
  })
  .meta({ id: 'RunOpdTotals' });

/** TPP pagu of an OPD against locked runs of the year plus this run (null pagu: none set). */
export const budgetLineResponse = z
  .strictObject({
    opd: z.string(),
    pagu: rupiah.nullable(),
    realisasiTerkunci: rupiah,
    runIni: rupiah,
    sisa: rupiah.nullable(),
    melebihi: z.boolean(),
  })
  .meta({ id: 'RunBudgetLine' });

export const runResponse = z
  .strictObject({
    id: z.string(),
    tenantId: z.string(),
    tenantName: z.string(),
    month: z.string(),
    kind: z.enum(RUN_KINDS),
    state: z.enum(RUN_STATES),
    version: count,
    counts: z.strictObject({
      employees: count,
      computed: count,
      errors: count,
      chunks: count,
      chunksDone: count,
    }),
    /**
     * Per OPD. GET /runs/{runId} and the write routes sum the run's chunks; a list item carries those its
     * own item keeps (a locked run's final totals), else none.
     */
    totals: z.array(opdTotalsResponse),
    startedAt: z.string(),
    startedBy: z.string(),
    computedAt: z.string().optional(),
    lastComputedBy: z.string().optional(),
    /** Everyone who started, recomputed or changed exclusions of the run: none of them may approve it. */
    computedBy: z.array(z.string()).optional(),
    returnedAt: z.string().optional(),
    returnedBy: z.string().optional(),
    returnReason: z.string().optional(),
    approvedAt: z.string().optional(),
    approvedBy: z.string().optional(),
    lockedAt: z.string().optional(),
    lockedBy: z.string().optional(),
    /** Start to last computation (GET /runs/{runId}). */
    durationMs: z.number().int().optional(),
    /** Employees a recompute added after the start (new in scope for the month). */
    addedEmployees: z
      .array(z.strictObject({ nip: z.string(), opd: z.string(), addedAt: z.string(), addedBy: z.string() }))
      .optional(),
    /** Present when the caller (an operator) sees only their OPDs' part: totals and counts are of these. */
    scope: z.strictObject({ opds: z.array(z.string()) }).optional(),
    /** GET /runs/{runId}: TPP against the pagu per OPD. */
    budget: z.array(budgetLineResponse).optional(),
  })
  .meta({ id: 'Run' });
export const runListResponse = z
  .strictObject({ items: z.array(runResponse), nextToken: z.string().optional() })
  .meta({ id: 'RunList' });
export const approveResponse = runResponse
  .extend({ budgetWarnings: z.array(budgetLineResponse) })
  .meta({ id: 'RunApproved' });

export const slipRowResponse = z
  .strictObject({
    nip: z.string(),
    nama: z.string(),
    opd: z.string(),
    golongan: z.string(),
    penghasilan: rupiah,
    potongan: rupiah,
    bersih: rupiah,
    tpp: rupiah,
    /** Sum of the kekurangan/kelebihan lines for past locked months. */
    koreksi: rupiah,
  })
  .meta({ id: 'RunSlipRow' });
export const slipListResponse = z
  .strictObject({ items: z.array(slipRowResponse), nextToken: z.string().optional() })
  .meta({ id: 'RunSlipList' });

export const runErrorResponse = z
  .strictObject({
    nip: z.string(),
    nama: z.string().optional(),
    opd: z.string().optional(),
    code: z.string(),
    field: z.string(),
    message: z.string(),
    excluded: z.strictObject({ reason: z.string(), by: z.string(), at: z.string() }).optional(),
  })
  .meta({ id: 'RunError' });
export const runErrorsResponse = z
  .strictObject({ items: z.array(runErrorResponse) })
  .meta({ id: 'RunErrors' });

export const verifyResponse = z
  .strictObject({
    runId: z.string(),
    state: z.enum(RUN_STATES),
    slips: count,
    differences: z.array(
      z.strictObject({ nip: z.string(), field: z.string(), stored: rupiah, recomputed: rupiah }),
    ),
    /** Slips computed under another ruleset version than today's (verify recomputes under their own). */
    rulesetChangedSince: count,
    ok: z.boolean(),
    /** Present when the run has more chunks than one call verifies: call again with ?fromChunk=nextChunk. */
    nextChunk: count.optional(),
  })
  .meta({ id: 'RunVerification' });

export const exclusionResponse = z
  .strictObject({ runId: z.string(), nip: z.string(), excluded: z.boolean() })
  .meta({ id: 'RunExclusionState' });

export const budgetResponse = z
  .strictObject({ year: z.string(), opd: z.string(), paguTpp: rupiah, source: z.string() })
  .meta({ id: 'Budget' });
export const budgetListResponse = z
  .strictObject({
    year: z.string(),
    items: z.array(
      z.strictObject({
        opd: z.string(),
        paguTpp: rupiah,
        source: z.string(),
        updatedAt: z.string().optional(),
        updatedBy: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'BudgetList' });

export const slipResponse = z
  .looseObject({ header: z.looseObject({ nip: z.string() }) })
  .meta({ id: 'Slip' });

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
