import * as z from 'zod';
import { boundedRecord, isoMonth, nipSchema, percent } from '../http/common-schemas';

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
export const rulesetResponse = z.looseObject({
  id: z.string(),
  month: z.string(),
  rules: z.array(z.looseObject({})),
});
export const simulationResponse = z
  .looseObject({ simulated: z.literal(true) })
  .meta({ id: 'PayslipSimulationResult' });
