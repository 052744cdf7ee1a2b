import * as z from 'zod';
import { nationalSpecialPaymentSchema } from './special-payment-schema';
import {
  gajiGridSchema,
  PNS_GOLONGAN,
  PPPK_GOLONGAN,
  PTKP_STATUSES,
  pasal17ScaleSchema,
  percentSchema,
  positiveRupiahSchema,
  rupiahSchema,
  terScaleSchema,
} from './value-schemas';

const ptkpRecord = <T extends z.ZodType>(value: T) =>
  z.strictObject(
    Object.fromEntries(PTKP_STATUSES.map((s) => [s, value])) as Record<(typeof PTKP_STATUSES)[number], T>,
  );

/**
 * Value schema of every national parameter, keyed by parameter id. The national ruleset is complete only
 * when each id here is present in exactly one node file. Ids starting with `tunjanganFungsional.` are
 * open-ended reference data (one parameter per jabatan fungsional).
 */
export const nationalValueSchemas = {
  'gajiPokok.pns': gajiGridSchema(PNS_GOLONGAN),
  'gajiPokok.pppk': gajiGridSchema(PPPK_GOLONGAN),
  'gajiPokok.cpnsPercent': percentSchema,
  'gajiPokok.statusPercent': z.strictObject({
    AKTIF: percentSchema,
    TUGAS_BELAJAR: percentSchema,
    CLTN: percentSchema,
    PEMBERHENTIAN_SEMENTARA: percentSchema,
  }),
  'gajiPokok.pppkGridEquivalentPns': z.strictObject(
    Object.fromEntries(PPPK_GOLONGAN.map((g) => [g, z.enum(PNS_GOLONGAN)])) as Record<
      (typeof PPPK_GOLONGAN)[number],
      z.ZodEnum<{ [K in (typeof PNS_GOLONGAN)[number]]: K }>
    >,
  ),
  tunjanganKeluarga: z.strictObject({
    suamiIstriPercent: percentSchema,
    anakPercent: percentSchema,
    maxAnak: z.number().int().min(0),
    maxAnakAngkat: z.number().int().min(0),
    anakAgeLimit: z.number().int().positive(),
    anakAgeLimitIfStudying: z.number().int().positive(),
  }),
  tunjanganBeras: z
    .strictObject({
      kgPerJiwa: z.number().positive(),
      rupiahPerKg: positiveRupiahSchema,
      rupiahPerJiwa: positiveRupiahSchema,
    })
    .refine((v) => v.kgPerJiwa * v.rupiahPerKg === v.rupiahPerJiwa, {
      message: 'rupiahPerJiwa must equal kgPerJiwa × rupiahPerKg',
      path: ['rupiahPerJiwa'],
    }),
  'tunjanganBeras.maxJiwa': z.number().int().positive(),
  tunjanganUmum: z.strictObject({ I: rupiahSchema, II: rupiahSchema, III: rupiahSchema, IV: rupiahSchema }),
  tunjanganStruktural: z.record(z.string().regex(/^[IV]+\.[ab]$/, 'eselon like II.a'), positiveRupiahSchema),
  'iuran.bpjsKesehatan': z.strictObject({
    employerPercent: percentSchema,
    employeePercent: percentSchema,
    maxMonthlyBase: positiveRupiahSchema,
  }),
  'iuran.taspen': z
    .strictObject({ totalPercent: percentSchema, pensiunPercent: percentSchema, thtPercent: percentSchema })
    .refine(
      (v) =>
        Math.round(v.pensiunPercent * 100) + Math.round(v.thtPercent * 100) ===
        Math.round(v.totalPercent * 100),
      {
        message: 'pensiunPercent + thtPercent must equal totalPercent',
        path: ['totalPercent'],
      },
    ),
  'iuran.jkk': z.strictObject({ percent: percentSchema }),
  'iuran.jkm': z.strictObject({ percent: percentSchema }),
  'iuran.tapera': z.strictObject({ employeePercent: percentSchema, employerPercent: percentSchema }),
  'pph21.terCategoryByPtkp': ptkpRecord(z.enum(['A', 'B', 'C'])),
  'pph21.ter': z.strictObject({ A: terScaleSchema, B: terScaleSchema, C: terScaleSchema }),
  'pph21.ptkp': ptkpRecord(positiveRupiahSchema),
  'pph21.pasal17': pasal17ScaleSchema,
  'pph21.pkpRounding': z.strictObject({ unit: positiveRupiahSchema, mode: z.literal('FLOOR') }),
  'pph21.biayaJabatan': z.strictObject({
    percent: percentSchema,
    maxPerMonth: positiveRupiahSchema,
    maxPerYear: positiveRupiahSchema,
    rounding: z.enum(['FLOOR', 'HALF_UP']),
  }),
  'pph21.iuranPensiunDeductible': z.boolean(),
  'pph21.noNpwpSurchargePercent': percentSchema,
  'pph21.pnsDtp': z.boolean(),
  pembulatan: z.strictObject({ unit: positiveRupiahSchema }),
  /** THR and gaji 13, one version per year (core/rulesets/special-payment-schema.ts). */
  'specialPayment.thr': nationalSpecialPaymentSchema,
  'specialPayment.gaji13': nationalSpecialPaymentSchema,
} as const;

export const TUNJANGAN_FUNGSIONAL_PREFIX = 'tunjanganFungsional.';
export const tunjanganFungsionalSchema = z.record(
  z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'jenjang codes are UPPER_SNAKE'),
  positiveRupiahSchema,
);

export type NationalValueSchemas = typeof nationalValueSchemas;
export type NationalParameterId = keyof NationalValueSchemas;
export type NationalValue<K extends NationalParameterId> = z.infer<NationalValueSchemas[K]>;
export type TunjanganFungsionalTable = z.infer<typeof tunjanganFungsionalSchema>;

export function nationalSchemaFor(id: string): z.ZodType | undefined {
  if (id.startsWith(TUNJANGAN_FUNGSIONAL_PREFIX)) return tunjanganFungsionalSchema;
  return (nationalValueSchemas as Record<string, z.ZodType>)[id];
}
