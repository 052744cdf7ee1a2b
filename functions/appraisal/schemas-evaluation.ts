import * as z from 'zod';
import { RATINGS } from '../../core/performance/predikat';
import { BERAKHLAK_KEYS } from '../../core/performance/skp';
import { count, isoMonth, nipSchema, paginationQuery, percent, versionSchema } from '../http/common-schemas';

/** Edge schemas of evaluations, peer feedback, unit scores, results and reports. */
export const correctionSchema = z.strictObject({
  reason: z.string().trim().min(5, 'minimal 5 karakter').max(500),
});

export const monthParams = z.strictObject({ month: isoMonth });
export const monthNipParams = z.strictObject({ month: isoMonth, nip: nipSchema });

export const evaluationBody = z.strictObject({
  /** 0 for the first rating of the month. */
  expectedVersion: versionSchema(),
  /** MATRIX tenants (PermenPANRB 6/2022): both ratings are required. */
  hasilKerja: z.enum(RATINGS).optional(),
  perilaku: z.enum(RATINGS).optional(),
  perilakuDetail: z.partialRecord(z.enum(BERAKHLAK_KEYS), z.enum(RATINGS)).optional(),
  /** NUMERIC tenants (PP 30/2019): an innovation is needed for Sangat Baik. */
  hasInnovation: z.boolean().optional(),
  feedback: z.string().trim().max(4000).optional(),
  /** Required after the month is locked; the change is then audited as a CORRECTION. */
  correction: correctionSchema.optional(),
});

export const peerRatersBody = z.strictObject({
  raters: z
    .array(nipSchema)
    .min(1)
    .max(10)
    .refine((list) => new Set(list).size === list.length, 'penilai tidak boleh ganda'),
});

export const peerFeedbackBody = z
  .strictObject({
    score: z.number().int().min(1).max(5).optional(),
    rating: z.enum(RATINGS).optional(),
  })
  .refine((b) => (b.score === undefined) !== (b.rating === undefined), {
    message: 'isi salah satu: score (1–5) atau rating',
    path: [],
  });

export const pageQuery = z.strictObject({ ...paginationQuery });

const unitId = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9._-]{1,30}\/[A-Z0-9][A-Z0-9-]{0,119}$/, 'unitId: OPD/NAMA-UNIT');
export const unitScoresBody = z
  .strictObject({
    publicSatisfaction: z
      .array(
        z.strictObject({
          unitId,
          service: z
            .string()
            .regex(/^[A-Za-z0-9 ._-]{1,60}$/)
            .default('UMUM'),
          score: percent(),
          /** A survey of a whole kabupaten's population, at most. */
          respondents: count(10_000_000, 1),
        }),
      )
      .max(95)
      .default([]),
    teamResults: z
      .array(z.strictObject({ unitId, achievementPercent: percent(200) }))
      .max(95)
      .default([]),
  })
  .refine((b) => b.publicSatisfaction.length + b.teamResults.length >= 1, {
    message: 'tidak ada data',
    path: [],
  })
  .refine((b) => b.publicSatisfaction.length + b.teamResults.length <= 95, {
    message: 'paling banyak 95 baris per kiriman',
    path: [],
  });

export const computeBody = z.strictObject({
  opd: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9._-]{1,30}$/)
    .optional(),
  correction: correctionSchema.optional(),
  /** The running month: results labelled sementara, never paid (a month that has ended ignores it). */
  provisional: z.boolean().optional(),
});

export const opdListQuery = z.strictObject({
  opd: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9._-]{1,30}$/)
    .optional(),
  ...paginationQuery,
});

export const calibrationQuery = z.strictObject({
  opd: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9._-]{1,30}$/)
    .optional(),
});

export const followUpQuery = z.strictObject({
  opd: z.string().regex(/^[A-Z0-9][A-Z0-9._-]{1,30}$/),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  ...paginationQuery,
});
