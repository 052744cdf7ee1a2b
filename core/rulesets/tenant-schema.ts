import * as z from 'zod';
import { tenantSpecialPaymentSchema } from './special-payment-schema';
import { tppPrestasiSchema } from './tpp-prestasi-schema';
import { percentSchema, positiveRupiahSchema, rupiahSchema } from './value-schemas';

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

/** `TL3` → `TL`, `PSW1` → `PSW`: rows of one ladder share the letters before the step number. */
function ladderOf(code: string): string {
  return code.replace(/\d+$/, '');
}

/**
 * Every ladder (TL, PSW, …) whose rows carry minutes must start at 1 minute, step on without a gap or
 * an overlap, and end open, so every lateness falls in exactly one step. Messages name the minutes.
 */
function checkMinuteLadders(
  rows: ReadonlyArray<{ code: string; minutes?: { from: number; to: number | null } | undefined }>,
  ctx: z.RefinementCtx,
): void {
  const ladders = new Map<string, { i: number; code: string; from: number; to: number | null }[]>();
  rows.forEach((row, i) => {
    if (!row.minutes) return;
    const name = ladderOf(row.code);
    const steps = ladders.get(name) ?? [];
    steps.push({ i, code: row.code, ...row.minutes });
    ladders.set(name, steps);
  });
  for (const [name, steps] of ladders) {
    const sorted = [...steps].sort((a, b) => a.from - b.from);
    let previous: (typeof sorted)[number] | undefined;
    for (const step of sorted) {
      const at = [step.i, 'minutes', 'from'];
      if (step.to !== null && step.to < step.from) {
        ctx.addIssue({
          code: 'custom',
          path: [step.i, 'minutes', 'to'],
          message: `${step.code}: menit akhir ${step.to} lebih kecil dari menit awal ${step.from}`,
        });
      }
      if (!previous) {
        if (step.from !== 1) {
          ctx.addIssue({
            code: 'custom',
            path: at,
            message: `tangga ${name} berlubang: menit 1–${step.from - 1} tidak masuk langkah mana pun (langkah pertama harus mulai menit 1)`,
          });
        }
      } else if (previous.to === null) {
        ctx.addIssue({
          code: 'custom',
          path: at,
          message: `tangga ${name} tumpang tindih: ${step.code} (mulai menit ${step.from}) berada di dalam ${previous.code} yang terbuka (mulai menit ${previous.from})`,
        });
      } else if (step.from > previous.to + 1) {
        ctx.addIssue({
          code: 'custom',
          path: at,
          message: `tangga ${name} berlubang: menit ${previous.to + 1}–${step.from - 1} antara ${previous.code} dan ${step.code} tidak masuk langkah mana pun`,
        });
      } else if (step.from <= previous.to) {
        ctx.addIssue({
          code: 'custom',
          path: at,
          message: `tangga ${name} tumpang tindih: ${step.code} mulai menit ${step.from}, padahal ${previous.code} sampai menit ${previous.to}`,
        });
      }
      previous = step;
    }
    const last = sorted[sorted.length - 1];
    if (last && last.to !== null) {
      ctx.addIssue({
        code: 'custom',
        path: [last.i, 'minutes', 'to'],
        message: `tangga ${name} harus berakhir terbuka: langkah terakhir ${last.code} tanpa menit akhir (lebih dari ${last.to} menit tidak masuk langkah mana pun)`,
      });
    }
  }
}

export const KELAS_JABATAN = Array.from({ length: 17 }, (_, i) => String(i + 1));

export const tenantValueSchemas = {
  'gaji.pembulatanTarget': z.enum(['NET', 'GROSS']),
  /**
   * Back pay and overpayment of locked months (rapel.md): the kekurangan is paid on its own list (run kind
   * RAPEL; paying it inside the next gaji run is not offered yet), PPh 21 on it per `arrearsTaxMethod`
   * (§5), and a kelebihan recovered by instalments of at most `maxRecoveryPerMonth` rupiah (§7).
   */
  'gaji.rapel': z.strictObject({
    payment: z.enum(['SEPARATE_LIST']),
    arrearsTaxMethod: z.enum(['PAYMENT_MONTH', 'PER_ORIGINAL_MONTH']),
    maxRecoveryPerMonth: positiveRupiahSchema,
  }),
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
        /**
         * The Perkada's minute band of a ladder step (TL1 1–30 menit, …): the ladder the regulation
         * states, checked for gaps and overlaps. Rows without it (TK, APEL, DL) are outside any ladder.
         */
        minutes: z
          .strictObject({
            from: z.number().int().min(1),
            to: z.number().int().min(1).nullable(),
          })
          .optional(),
      }),
    )
    .superRefine(uniqueBy((r) => r.code, 'attendance code'))
    .superRefine(checkMinuteLadders),
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
  /** Insentif prestasi kerja on top of the TPP (core/rulesets/tpp-prestasi-schema.ts); off unless the Perkada says so. */
  'tpp.prestasi': tppPrestasiSchema,
  /** The Pemda's TPP share on THR and gaji 13 (core/rulesets/special-payment-schema.ts), 0–100 per type. */
  'specialPayment.tpp': tenantSpecialPaymentSchema,
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
