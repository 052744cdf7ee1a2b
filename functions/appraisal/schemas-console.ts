import * as z from 'zod';
import { RATINGS } from '../../core/performance/predikat';
import { BERAKHLAK_KEYS } from '../../core/performance/skp';
import { isoMonth, nipSchema, paginationQuery } from '../http/common-schemas';
import { yearSchema } from './schemas-skp';

/**
 * Edge schemas of the routes the console's appraisal screens added (issue 18): plan options, monthly
 * progress, feedback notes, the lembar penilaian preview and PDF, calibration drill-down, unit ratings,
 * the realisasi import and the OPD attendance grid.
 */
const opd = z.string().regex(/^[A-Z0-9][A-Z0-9._-]{1,30}$/, 'kode OPD: huruf besar, angka, . _ -');
const indicatorId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/, 'id: huruf, angka, . _ -');
const predikat = z.enum(['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'CUKUP', 'KURANG', 'SANGAT_KURANG']);

export const feedbackNoteBody = z.strictObject({
  text: z.string().trim().min(1, 'wajib diisi').max(2000, 'maksimal 2000 karakter'),
  indicatorId: indicatorId.optional(),
});
export const feedbackNotesQuery = z.strictObject({ ...paginationQuery });

/** The PUT body's ratings, without version or correction: a preview writes nothing. */
export const evaluationPreviewBody = z.strictObject({
  hasilKerja: z.enum(RATINGS).optional(),
  perilaku: z.enum(RATINGS).optional(),
  perilakuDetail: z.partialRecord(z.enum(BERAKHLAK_KEYS), z.enum(RATINGS)).optional(),
  hasInnovation: z.boolean().optional(),
  feedback: z.string().trim().max(4000).optional(),
});

export const calibrationMembersQuery = z.strictObject({
  opd: opd.optional(),
  /** A group key of the calibration report: the OPD, or `OPD/UNIT` where the tenant groups by unit. */
  group: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9._-]{1,30}(\/[A-Z0-9][A-Z0-9-]{0,119})?$/, 'kunci kelompok: OPD atau OPD/UNIT')
    .optional(),
  predikat: predikat.optional(),
  ...paginationQuery,
});

const unitId = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9._-]{1,30}(\/[A-Z0-9][A-Z0-9-]{0,119})?$/, 'unitId: OPD/NAMA-UNIT');
export const unitRatingsBody = z.strictObject({
  ratings: z
    .array(z.strictObject({ unitId, predikat, note: z.string().trim().max(500).optional() }))
    .min(1, 'minimal satu unit')
    .max(95, 'paling banyak 95 unit per kiriman'),
});

/**
 * Rows are checked one by one by the import (every bad row and field named at once); the edge bounds
 * only the size, like the attendance import.
 */
export const realizationImportBody = z.strictObject({
  opd,
  fileName: z
    .string()
    .trim()
    .min(1, 'wajib diisi')
    .max(200)
    .regex(/^[^/\\]+$/, 'nama berkas tanpa folder'),
  rows: z
    .array(
      z
        .looseObject({
          nip: z.unknown().optional(),
          indicatorId: z.unknown().optional(),
          date: z.unknown().optional(),
          value: z.unknown().optional(),
        })
        .refine((row) => Object.keys(row).length <= 20, 'paling banyak 20 kolom per baris')
        .meta({ maxProperties: 20 }),
    )
    .min(1, 'berkas tanpa baris')
    .max(5000, 'paling banyak 5000 baris per berkas'),
  dryRun: z.boolean().optional(),
});
export const yearOnlyParams = z.strictObject({ year: yearSchema });

export const attendanceGridQuery = z.strictObject({ opd: opd.optional(), ...paginationQuery });

export const pdfParams = z.strictObject({ month: isoMonth, nip: nipSchema });

// ── responses (the console's typed client is generated from these) ──
const predikatOrNull = predikat.nullable();
const person = z.object({ nip: z.string(), nama: z.string().nullable(), jabatan: z.string().nullable() });
const templateIndicator = z.looseObject({ key: z.string(), description: z.string() });
const template = z.looseObject({
  key: z.string(),
  sector: z.string(),
  results: z.array(
    z.looseObject({
      key: z.string(),
      jenis: z.enum(['UTAMA', 'TAMBAHAN']),
      description: z.string(),
      indicators: z.array(templateIndicator),
    }),
  ),
});

export const planOptionsResponse = z.object({
  nip: z.string(),
  year: z.number(),
  jabatan: z.object({ kode: z.string().optional(), nama: z.string() }),
  pejabatPenilai: person.nullable(),
  atasanSkp: z
    .object({
      skpId: z.string(),
      revision: z.number(),
      status: z.enum(['DRAFT', 'DIAJUKAN', 'DISETUJUI', 'DITOLAK']),
      results: z.array(
        z.object({
          id: z.string(),
          jenis: z.enum(['UTAMA', 'TAMBAHAN']),
          description: z.string(),
          indicators: z.array(z.object({ id: z.string(), description: z.string() })),
        }),
      ),
    })
    .nullable(),
  suggestedTemplate: template.nullable(),
});

export const monthlyProgressResponse = z.object({
  nip: z.string(),
  year: z.number(),
  skp: z.object({ id: z.string(), revision: z.number(), status: z.string() }),
  capPercent: z.number(),
  indicators: z.array(
    z.object({
      id: z.string(),
      resultId: z.string(),
      description: z.string(),
      aspect: z.enum(['KUANTITAS', 'KUALITAS', 'WAKTU']),
      target: z.number(),
      unit: z.string(),
      weightPercent: z.number(),
      aggregation: z.enum(['SUM', 'AVERAGE', 'LAST']),
      direction: z.enum(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']),
    }),
  ),
  months: z.array(
    z.object({
      month: z.string(),
      weightedAchievementPercent: z.number().nullable(),
      indicators: z.array(
        z.object({
          indicatorId: z.string(),
          target: z.number(),
          realized: z.number().nullable(),
          entries: z.number(),
          achievementPercent: z.number().nullable(),
        }),
      ),
    }),
  ),
});

export const yearMonthsResponse = z.object({
  nip: z.string(),
  year: z.number(),
  items: z.array(
    z.object({
      month: z.string(),
      evaluated: z.boolean(),
      feedback: z.string().nullable(),
      status: z.enum(['FINAL', 'BELUM_DINILAI', 'TIDAK_ADA_SKP', 'SKP_BELUM_DISETUJUI']).nullable(),
      predikat: predikatOrNull,
      predikatLabel: z.string().nullable(),
      provisional: z.boolean(),
      tppFactorPercent: z.number().nullable(),
      payMonth: z.string().nullable(),
    }),
  ),
});

const feedbackNote = z.object({
  id: z.string(),
  nip: z.string(),
  year: z.number(),
  text: z.string(),
  indicatorId: z.string().optional(),
  by: z.string(),
  byNama: z.string().nullable(),
  at: z.string(),
});
export const feedbackNoteResponse = feedbackNote;
export const feedbackNotesResponse = z.object({
  items: z.array(feedbackNote),
  nextToken: z.string().optional(),
});

const tppFactor = z.object({
  payMonth: z.string(),
  factorPercent: z.number().nullable(),
  detail: z.string(),
  parts: z.array(z.object({ code: z.string(), label: z.string(), weightPercent: z.number() })),
});
export const evaluationPreviewResponse = z.object({
  month: z.string(),
  nip: z.string(),
  mode: z.enum(['MATRIX', 'NUMERIC']),
  status: z.enum(['FINAL', 'BELUM_DINILAI', 'TIDAK_ADA_SKP', 'SKP_BELUM_DISETUJUI']),
  predikat: predikatOrNull,
  predikatLabel: z.string().nullable(),
  nilai: z.number().nullable(),
  explanation: z.unknown(),
  tpp: tppFactor,
});

export const calibrationMembersResponse = z.object({
  month: z.string(),
  total: z.number(),
  items: z.array(
    z.object({
      nip: z.string(),
      nama: z.string(),
      opd: z.string(),
      unit: z.string(),
      unitId: z.string(),
      group: z.string(),
      status: z.enum(['FINAL', 'BELUM_DINILAI', 'TIDAK_ADA_SKP', 'SKP_BELUM_DISETUJUI']),
      predikat: predikatOrNull,
      predikatLabel: z.string().nullable(),
    }),
  ),
  nextToken: z.string().optional(),
});

export const unitRatingsPutResponse = z.object({ month: z.string(), ratings: z.number() });
export const unitRatingsResponse = z.object({
  month: z.string(),
  groupBy: z.enum(['OPD', 'UNIT']),
  scaled: z.boolean(),
  uses: z.object({ publicSatisfaction: z.boolean(), teamResult: z.boolean(), unitRating: z.boolean() }),
  multipliers: z.partialRecord(predikat, z.number()).nullable(),
  items: z.array(
    z.object({
      unitId: z.string(),
      predikat,
      month: z.string(),
      note: z.string().optional(),
      by: z.string(),
      at: z.string(),
      multiplierPercent: z.number(),
    }),
  ),
});

const issue = z.object({ path: z.string(), message: z.string() });
export const realizationImportResponse = z.union([
  z.object({
    year: z.number(),
    opd: z.string(),
    fileName: z.string(),
    dryRun: z.literal(true),
    rows: z.number(),
    validRows: z.number(),
    realizations: z.number(),
    employees: z.number(),
    issues: z.array(issue),
  }),
  z.object({
    year: z.number(),
    opd: z.string(),
    importId: z.string(),
    fileName: z.string(),
    rows: z.number(),
    stored: z.number(),
    employees: z.number(),
  }),
]);

export const attendanceGridResponse = z.object({
  month: z.string(),
  opd: z.string(),
  total: z.number(),
  days: z.array(
    z.object({
      date: z.string(),
      weekday: z.number(),
      workingDay: z.boolean(),
      holiday: z.object({ kind: z.string(), name: z.string().optional() }).nullable(),
    }),
  ),
  items: z.array(
    z.object({
      nip: z.string(),
      nama: z.string(),
      unit: z.string(),
      unitId: z.string(),
      cells: z.array(
        z.object({
          date: z.string(),
          code: z.string(),
          status: z.string(),
          corrected: z.boolean().optional(),
        }),
      ),
      counts: z.record(z.string(), z.number()),
      statusCounts: z.record(z.string(), z.number()),
      corrections: z.array(
        z.object({ date: z.string(), reason: z.string(), by: z.string(), at: z.string() }),
      ),
      leaves: z.array(
        z.object({ kind: z.string(), from: z.string(), to: z.string(), skNumber: z.string().nullable() }),
      ),
      sanctions: z.array(
        z.object({
          skNumber: z.string(),
          level: z.string(),
          jenis: z.string(),
          startMonth: z.string(),
          durationMonths: z.number().nullable(),
        }),
      ),
      tppCuts: z.union([
        z.object({
          computed: z.literal(true),
          provisional: z.boolean(),
          computedAt: z.string(),
          items: z.array(
            z.object({
              code: z.string(),
              label: z.string(),
              count: z.number(),
              percent: z.number(),
              target: z.string().optional(),
            }),
          ),
          sanctions: z.array(
            z.object({ skNumber: z.string(), level: z.string(), jenis: z.string(), percent: z.number() }),
          ),
          attendancePercent: z.number(),
          sanctionPercent: z.number(),
        }),
        z.object({ computed: z.literal(false) }),
      ]),
    }),
  ),
  nextToken: z.string().optional(),
});
