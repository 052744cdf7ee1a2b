import * as z from 'zod';
import { percentSchema, rupiahSchema } from './value-schemas';

export const TPP_CRITERIA = ['BK', 'TB', 'KK', 'KP', 'PK', 'POL'] as const;
export type TppCriterion = (typeof TPP_CRITERIA)[number];

/** Keys of the predikat → percent map: both SKP vocabularies plus the non-final statuses. */
export const PERFORMANCE_KEYS = [
  'SANGAT_BAIK',
  'BAIK',
  'BUTUH_PERBAIKAN',
  'CUKUP',
  'KURANG',
  'SANGAT_KURANG',
  'TIDAK_ADA_SKP',
  'SKP_BELUM_DISETUJUI',
  'BELUM_DINILAI',
] as const;
export type PerformanceKey = (typeof PERFORMANCE_KEYS)[number];

const performanceMap = z.strictObject(
  Object.fromEntries(PERFORMANCE_KEYS.map((k) => [k, percentSchema])) as Record<
    PerformanceKey,
    typeof percentSchema
  >,
);

const cutTarget = z.enum(['DISCIPLINE', 'WHOLE']);

const leaveRule = z.discriminatedUnion('kind', [
  z.strictObject({
    type: z.string(),
    label: z.string(),
    target: cutTarget,
    kind: z.literal('PER_DAY'),
    percent: percentSchema,
  }),
  z.strictObject({
    type: z.string(),
    label: z.string(),
    target: cutTarget,
    kind: z.literal('PER_MONTH'),
    percent: percentSchema,
  }),
  z.strictObject({
    type: z.string(),
    label: z.string(),
    target: cutTarget,
    kind: z.literal('BANDS'),
    /** By the cumulative length of the leave episode in days; the last band is open (null). */
    bands: z
      .array(z.strictObject({ maxDays: z.number().int().positive().nullable(), percent: percentSchema }))
      .min(1)
      .superRefine((bands, ctx) => {
        bands.forEach((band, i) => {
          const prev = bands[i - 1];
          const isLast = i === bands.length - 1;
          if ((band.maxDays === null) !== isLast) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'maxDays'],
              message: 'only the last band is open (null)',
            });
          }
          if (prev && band.maxDays !== null && prev.maxDays !== null && band.maxDays <= prev.maxDays) {
            ctx.addIssue({ code: 'custom', path: [i, 'maxDays'], message: 'bands must be ascending' });
          }
        });
      }),
  }),
  z.strictObject({
    type: z.string(),
    label: z.string(),
    target: cutTarget,
    kind: z.literal('MELAHIRKAN'),
    freeUpToChild: z.number().int().min(0),
    monthPercents: z.array(percentSchema).min(1),
  }),
]);

const uniqueBy =
  <T>(key: (t: T) => string, what: string) =>
  (rows: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const k = key(row);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i], message: `duplicate ${what} ${k}` });
      seen.add(k);
    });
  };

export const KELAS_JABATAN = Array.from({ length: 17 }, (_, i) => String(i + 1));

export const tenantValueSchemas = {
  'gaji.pembulatanTarget': z.enum(['NET', 'GROSS']),
  'pph.terIncludesEmployerPremiums': z.boolean(),
  'pph.pppkBorneBy': z.enum(['EMPLOYEE', 'GOVERNMENT']),
  'pph.dtpNegativeLastMasa': z.enum(['ZERO_BOTH', 'NEGATIVE_BOTH']),
  'iuran.employerPremiumsOnSlip': z.boolean(),
  'iuran.bpjsCapAllocation': z.enum(['GAJI_FIRST', 'SEPARATE']),
  'iuran.pppkThtPercent': percentSchema,
  'iuran.tapera': z.strictObject({ enabled: z.boolean() }),
  'tpp.paymentLagMonths': z.number().int().min(0).max(3),
  /**
   * What the run does with an employee whose performance month lacks data the TPP depends on: attendance
   * for some hari kerja, or the monthly evaluation (predikat). ERROR: an error entry naming the field,
   * which blocks approval until resolved or excluded. PAY_WITHOUT_CUTS: TPP without the cut that data
   * would decide (no attendance cuts; the performance part at 100%), with a note on the slip.
   */
  'tpp.missingData': z.strictObject({
    attendance: z.enum(['ERROR', 'PAY_WITHOUT_CUTS']),
    evaluation: z.enum(['ERROR', 'PAY_WITHOUT_CUTS']),
  }),
  'tpp.pph': z.discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('EMPLOYEE_BORNE_DIFFERENCE') }),
    z.strictObject({ mode: z.literal('APBD_BORNE') }),
    z.strictObject({
      mode: z.literal('FLAT_BY_GOLONGAN'),
      percentByGolongan: z.strictObject({
        I: percentSchema,
        II: percentSchema,
        III: percentSchema,
        IV: percentSchema,
      }),
    }),
  ]),
  'tpp.bpjs': z.strictObject({ onTpp: z.boolean() }),
  'tpp.rounding': z.enum(['FLOOR', 'HALF_UP']),
  'tpp.proration': z.strictObject({ method: z.enum(['WORKING_DAYS', 'NONE']) }),
  'tpp.eligibility': z.strictObject({
    CPNS: percentSchema,
    PNS: percentSchema,
    PPPK: percentSchema,
    AKTIF: percentSchema,
    TUGAS_BELAJAR: percentSchema,
    CLTN: percentSchema,
    PEMBERHENTIAN_SEMENTARA: percentSchema,
  }),
  'tpp.sanctions': z.strictObject({ RINGAN: percentSchema, SEDANG: percentSchema, BERAT: percentSchema }),
  'tpp.attendance': z
    .array(
      z.strictObject({
        code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'attendance codes are UPPER_SNAKE'),
        label: z.string(),
        percentPerOccurrence: percentSchema,
        target: cutTarget,
      }),
    )
    .superRefine(uniqueBy((r) => r.code, 'attendance code')),
  'tpp.leave': z.array(leaveRule).superRefine(uniqueBy((r) => r.type, 'leave type')),
  'tpp.performance': z.strictObject({
    source: z.enum(['PREDIKAT', 'CAPAIAN']),
    predikatPercent: performanceMap,
    /** For a BEHAVIOUR part when the appraisal gives no perilaku percent (Sumut-style split). */
    perilakuPercent: performanceMap.optional(),
    supervisorNotEvaluatingPenaltyPoints: percentSchema,
  }),
  'tpp.parts': z
    .array(
      z.strictObject({
        code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
        label: z.string(),
        weightPercent: percentSchema,
        factor: z.enum(['PERFORMANCE', 'DISCIPLINE', 'BEHAVIOUR']),
      }),
    )
    .min(1)
    .superRefine(uniqueBy((r) => r.code, 'part code'))
    .refine((parts) => parts.reduce((sum, p) => sum + Math.round(p.weightPercent * 100), 0) === 10000, {
      message: 'part weights must add up to 100 percent',
    }),
  'tpp.ceilings': z.strictObject({
    byKelas: z
      .record(z.string(), z.partialRecord(z.enum(TPP_CRITERIA), rupiahSchema))
      .superRefine((byKelas, ctx) => {
        for (const kelas of KELAS_JABATAN) {
          if (!(kelas in byKelas)) {
            ctx.addIssue({ code: 'custom', path: [kelas], message: `kelas jabatan ${kelas} is missing` });
          }
        }
        for (const kelas of Object.keys(byKelas)) {
          if (!KELAS_JABATAN.includes(kelas)) {
            ctx.addIssue({ code: 'custom', path: [kelas], message: 'kelas jabatan must be 1–17' });
          }
        }
      }),
  }),
} as const;

export type TenantValueSchemas = typeof tenantValueSchemas;
export type TenantParameterId = keyof TenantValueSchemas;
export type TenantValue<K extends TenantParameterId> = z.infer<TenantValueSchemas[K]>;
export type LeaveRule = z.infer<typeof leaveRule>;
