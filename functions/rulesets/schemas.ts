import * as z from 'zod';
import { boundedRecord, boundedText, isoDate, isoMonth, nipSchema, percent } from '../http/common-schemas';

export const RULESET_IDS = ['national', 'tenant'] as const;

export const rulesetsQuery = z.strictObject({ month: isoMonth.optional() });
export const rulesetParams = z.strictObject({ id: z.enum(RULESET_IDS) });

const predikat = z.enum(['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'CUKUP', 'KURANG', 'SANGAT_KURANG']);

/** Only performance and discipline may be imagined; the employee's pay data always comes from the master. */
export const simulationBody = z
  .strictObject({
    nip: nipSchema,
    month: isoMonth,
    performance: z
      .strictObject({
        status: z.enum(['FINAL', 'BELUM_DINILAI', 'TIDAK_ADA_SKP', 'SKP_BELUM_DISETUJUI']).default('FINAL'),
        predikat: predikat.optional(),
        capaianPercent: percent(120).optional(),
        perilakuPercent: percent().optional(),
        atasanTidakMenilai: z.boolean().optional(),
      })
      .optional(),
    discipline: z
      .strictObject({
        counts: boundedRecord(
          z.string().regex(/^[A-Z0-9_]{1,12}$/, 'kode kehadiran'),
          z.number().int().min(0).max(31),
          // A tenant's attendance codes (TK, TL1–TL4, PSW1–PSW4, …) number a few dozen at most.
          60,
        ).default({}),
        leave: z
          .array(
            z.strictObject({
              type: z.enum([
                'CUTI_TAHUNAN',
                'CUTI_SAKIT',
                'CUTI_BESAR',
                'CUTI_ALASAN_PENTING',
                'CUTI_MELAHIRKAN',
              ]),
              days: z.number().int().min(0).max(366),
              childOrder: z.number().int().min(1).max(20).optional(),
              monthOfLeave: z.number().int().min(1).max(12).optional(),
            }),
          )
          .max(20)
          .default([]),
        sanctions: z
          .array(
            z.strictObject({
              level: z.enum(['RINGAN', 'SEDANG', 'BERAT']),
              cutPercent: percent().optional(),
              skNumber: z.string().min(1).max(80),
            }),
          )
          .max(10)
          .default([]),
      })
      .optional(),
  })
  .meta({ id: 'PayslipSimulation' });

export const rulesetListResponse = z.looseObject({ month: z.string(), rulesets: z.array(z.looseObject({})) });
export const rulesetResponse = z
  .looseObject({
    id: z.string(),
    month: z.string(),
    rulesetVersion: z.string().optional(),
    rules: z.array(
      z.looseObject({
        id: z.string(),
        label: z.string(),
        from: z.string(),
        value: z.unknown(),
        source: z.looseObject({
          regulation: z.string(),
          article: z.string().optional(),
          refs: z.array(z.string()),
          date: z.string().optional(),
          document: z.string().optional(),
        }),
        confidence: z.string(),
        note: z.string().optional(),
        followsExample: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'RulesInForce' });
export const simulationResponse = z
  .looseObject({ simulated: z.literal(true) })
  .meta({ id: 'PayslipSimulationResult' });

// ── tenant rule changes (issue 17) ─────────────────────────────────────────────────────────────────
const confidence = z.enum(['VERIFIED', 'SINGLE-SOURCE', 'UNVERIFIED', 'DEMO']);
const changeStatus = z.enum(['PROPOSED', 'APPROVED', 'REJECTED']);

/** `RC-<yyyymmddhhmmss>-<6 hex>`: sorts by proposal time. */
export const changeIdParams = z.strictObject({
  changeId: z.string().regex(/^RC-\d{14}-[0-9a-f]{6}$/, 'nomor usulan tidak dikenal'),
});
export const parameterParams = z.strictObject({
  parameterId: z
    .string()
    .regex(/^[a-z]+(\.[A-Za-z]+)+$/, 'id parameter seperti tpp.ceilings')
    .max(80),
});
export const previewQuery = z.strictObject({ month: isoMonth });
export const listChangesQuery = z.strictObject({ status: changeStatus.optional() });

const sourceBody = z.strictObject({
  regulation: boundedText(300),
  article: boundedText(200).optional(),
  date: isoDate,
  /** Where an uploaded copy is kept (object key or URL of the Perbup PDF), when there is one. */
  document: boundedText(300).optional(),
});

export const ruleChangeBody = z
  .strictObject({
    title: boundedText(200),
    source: sourceBody,
    effectiveFrom: isoDate,
    confidence: confidence.default('VERIFIED'),
    retroactiveReason: boundedText(1000).optional(),
    changes: z
      .array(
        z.strictObject({
          parameterId: z.string().min(1).max(80),
          /** The parameter's whole new value, in the shape of rulesets/tenants/*.json; checked by its schema. */
          value: z.unknown(),
        }),
      )
      .min(1, 'paling sedikit satu parameter diubah')
      // A Perkada amendment touches a handful of parameters; there are 21 in all.
      .max(25),
  })
  .meta({ id: 'RuleChangeProposal' });

export const approveBody = z.strictObject({ note: boundedText(1000).optional() });
export const rejectBody = z.strictObject({ note: boundedText(1000) });

const sourceOut = z.looseObject({
  regulation: z.string(),
  article: z.string().optional(),
  refs: z.array(z.string()),
  date: z.string().optional(),
  document: z.string().optional(),
});

export const ruleChangeResponse = z
  .looseObject({
    id: z.string(),
    status: changeStatus,
    title: z.string(),
    source: z.looseObject({
      regulation: z.string(),
      article: z.string().optional(),
      date: z.string(),
      document: z.string().optional(),
    }),
    effectiveFrom: z.string(),
    firstMonth: z.string(),
    confidence,
    retroactiveReason: z.string().optional(),
    changes: z.array(z.looseObject({ parameterId: z.string(), label: z.string(), value: z.unknown() })),
    proposedBy: z.string(),
    proposedAt: z.string(),
    decidedBy: z.string().optional(),
    decidedAt: z.string().optional(),
    note: z.string().optional(),
    seq: z.number().optional(),
    /** Locked months from the effective date on: paid months the change reaches back into. */
    lockedMonths: z.array(z.string()),
    markers: z.looseObject({ employees: z.number(), months: z.array(z.string()) }).optional(),
  })
  .meta({ id: 'RuleChange' });

export const ruleChangeListResponse = z
  .looseObject({ items: z.array(ruleChangeResponse) })
  .meta({ id: 'RuleChangeList' });

const diffOut = z.looseObject({ path: z.string(), before: z.unknown(), after: z.unknown() });

export const ruleHistoryResponse = z
  .looseObject({
    parameterId: z.string(),
    label: z.string(),
    entries: z.array(
      z.looseObject({
        from: z.string(),
        value: z.unknown(),
        source: sourceOut,
        confidence,
        note: z.string().optional(),
        followsExample: z.string().optional(),
        origin: z.enum(['SEED', 'CHANGE']),
        status: changeStatus,
        changeId: z.string().optional(),
        title: z.string().optional(),
        proposedBy: z.string().optional(),
        proposedAt: z.string().optional(),
        decidedBy: z.string().optional(),
        decidedAt: z.string().optional(),
        retroactiveReason: z.string().optional(),
        superseded: z.boolean(),
        diff: z.array(diffOut),
      }),
    ),
  })
  .meta({ id: 'RuleHistory' });

const opdEffect = z.looseObject({
  opd: z.string(),
  employees: z.number(),
  affected: z.number(),
  tppBefore: z.number(),
  tppAfter: z.number(),
  tppDiff: z.number(),
  bersihBefore: z.number(),
  bersihAfter: z.number(),
  bersihDiff: z.number(),
});

export const rulePreviewResponse = z
  .looseObject({
    changeId: z.string(),
    month: z.string(),
    runId: z.string(),
    runState: z.string(),
    employees: z.number(),
    opds: z.array(opdEffect),
    mostAffected: z.array(
      z.looseObject({
        nip: z.string(),
        nama: z.string(),
        opd: z.string(),
        tppBefore: z.number(),
        tppAfter: z.number(),
        tppDiff: z.number(),
        bersihBefore: z.number(),
        bersihAfter: z.number(),
        bersihDiff: z.number(),
      }),
    ),
    notComputable: z.array(z.looseObject({ nip: z.string(), opd: z.string(), reason: z.string() })),
    corrections: z.array(
      z.looseObject({
        month: z.string(),
        runId: z.string(),
        employees: z.number(),
        kekurangan: z.number(),
        kelebihan: z.number(),
        byOpd: z.array(
          z.looseObject({
            opd: z.string(),
            employees: z.number(),
            kekurangan: z.number(),
            kelebihan: z.number(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'RulePreview' });
