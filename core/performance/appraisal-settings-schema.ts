import * as z from 'zod';
import { attendanceRulesSchema, workCalendarSchema } from '../discipline/discipline-settings-schema';
import { confidenceSchema, sourceSchema } from '../rulesets/parameter';
import { RATINGS } from './predikat';

/**
 * One tenant's appraisal and discipline settings as dated data (rulesets/appraisal/<tenantId>.json):
 * a list of versions, each in force from a date and carrying its source and confidence.
 */
const percent = z.number().min(0, 'must be 0–100').max(100, 'must be 0–100');
const predikat = z.enum(['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'CUKUP', 'KURANG', 'SANGAT_KURANG']);
const ratingMap = z.strictObject(
  Object.fromEntries(RATINGS.map((r) => [r, z.number().min(0).max(120)])) as Record<
    (typeof RATINGS)[number],
    z.ZodNumber
  >,
);

/** EVIDENCE is shown only; WEIGHTED weighs into the numeric score; TPP_FACTOR scales the productivity share. */
const sourceUse = z.enum(['EVIDENCE', 'WEIGHTED', 'TPP_FACTOR']);
const sourceBase = { enabled: z.boolean(), use: sourceUse, weightPercent: percent };

const peerFeedback = z.strictObject({
  ...sourceBase,
  /** Fewer raters than this and the feedback is withheld, so nobody can work out who said what. */
  minRaters: z.number().int().min(1),
  /** Rekan kerja rate 1–5 or on the expectation scale; both are turned into a nilai 0–120 here. */
  nilaiByScore: z.strictObject({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number(), 5: z.number() }),
  nilaiByRating: ratingMap,
});

const evaluation = z.strictObject({
  mode: z.enum(['MATRIX', 'NUMERIC']),
  vocabulary: z.enum(['BUTUH_PERBAIKAN', 'CUKUP']),
  /** Day of the following month by which the atasan must have rated every bawahan. */
  deadlineDay: z.number().int().min(1).max(28),
  /** Ceiling on one indicator's capaian, e.g. 120. */
  achievementCapPercent: z.number().min(100).max(200),
  /** Bawahan and atasan see capaian to date during the month, not only after the evaluation. */
  realTimeProgress: z.boolean(),
  sangatBaikRequiresInnovation: z.boolean(),
  /** Sent to the pay engine as perilakuPercent (tenants with a separate behaviour part); null to leave it out. */
  perilakuPercentByRating: z
    .strictObject(
      Object.fromEntries(RATINGS.map((r) => [r, percent])) as Record<
        (typeof RATINGS)[number],
        typeof percent
      >,
    )
    .nullable(),
});

const calibration = z.strictObject({
  groupBy: z.enum(['OPD', 'UNIT']),
  /** Smaller groups are reported but not warned about: one Sangat Baik in three is not a pattern. */
  minGroupSize: z.number().int().min(1),
  maxSharePercent: z.partialRecord(predikat, percent),
  /** Scales every maximum share by the unit's own predikat (percent), capped at 100%; null for no scaling. */
  unitRatingMultiplierPercent: z.partialRecord(predikat, z.number().min(0).max(300)).nullable(),
});

const followUp = z.strictObject({
  pembinaan: z.strictObject({ enabled: z.boolean(), consecutiveMonths: z.number().int().min(1).max(12) }),
  recognition: z.strictObject({
    enabled: z.boolean(),
    consecutiveMonths: z.number().int().min(1).max(12),
    /** PROMOSI: candidates for promotion (pengembangan karier), where the tenant's rule names it. */
    programmes: z.array(z.enum(['PENGHARGAAN', 'PELATIHAN', 'PENDIDIKAN', 'PROMOSI'])).min(1),
  }),
});

export const appraisalSettingsValueSchema = z
  .strictObject({
    evaluation,
    peerFeedback,
    publicSatisfaction: z.strictObject(sourceBase),
    teamResult: z.strictObject(sourceBase),
    calibration,
    followUp,
    workCalendar: workCalendarSchema,
    attendance: attendanceRulesSchema,
  })
  .superRefine((value, ctx) => {
    let weighted = 0;
    for (const key of ['peerFeedback', 'publicSatisfaction', 'teamResult'] as const) {
      const source = value[key];
      if (source.use === 'WEIGHTED') {
        if (value.evaluation.mode !== 'NUMERIC') {
          ctx.addIssue({
            code: 'custom',
            path: [key, 'use'],
            message: 'WEIGHTED needs evaluation.mode NUMERIC (the matrix has no score to weigh into)',
          });
        }
        if (source.enabled && source.weightPercent <= 0) {
          ctx.addIssue({
            code: 'custom',
            path: [key, 'weightPercent'],
            message: 'a WEIGHTED source needs a weight above 0',
          });
        }
        if (source.enabled) weighted += source.weightPercent;
      } else if (source.weightPercent !== 0) {
        ctx.addIssue({
          code: 'custom',
          path: [key, 'weightPercent'],
          message: `a weight only applies to WEIGHTED, not ${source.use}`,
        });
      }
    }
    if (weighted >= 100) {
      ctx.addIssue({
        code: 'custom',
        path: ['evaluation'],
        message: `WEIGHTED sources take ${weighted}%, leaving nothing for the SKP's own capaian`,
      });
    }
  });

export const appraisalSettingsVersionSchema = z.strictObject({
  from: z.string().regex(/^\d{4}-\d{2}-01$/, 'settings take effect on the first of a month (YYYY-MM-01)'),
  source: sourceSchema,
  confidence: confidenceSchema,
  note: z.string().optional(),
  value: appraisalSettingsValueSchema,
});

export const appraisalSettingsDocumentSchema = z
  .strictObject({
    settings: z.literal('appraisal'),
    tenantId: z.string().regex(/^[a-z0-9-]+$/, 'tenant ids are lowercase kebab-case'),
    name: z.string().min(1),
    note: z.string().optional(),
    versions: z.array(appraisalSettingsVersionSchema).min(1, 'needs at least one version'),
  })
  .superRefine((doc, ctx) => {
    doc.versions.forEach((version, i) => {
      const previous = doc.versions[i - 1];
      if (previous && version.from <= previous.from) {
        ctx.addIssue({
          code: 'custom',
          path: ['versions', i, 'from'],
          message: `versions must be in ascending date order (${version.from} after ${previous.from})`,
        });
      }
    });
  });
