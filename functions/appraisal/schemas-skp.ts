import * as z from 'zod';
import { jabatanTemplateEntrySchema } from '../../core/performance/indicator-library';
import { BERAKHLAK_KEYS } from '../../core/performance/skp';
import {
  decimal,
  isoDate,
  isoMonth,
  nipSchema,
  paginationQuery,
  versionSchema,
} from '../http/common-schemas';

/** Edge schemas of the SKP, realization and indicator-library routes. */
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/, 'id: huruf, angka, . _ -');
const text = (max: number) => z.string().trim().min(1, 'wajib diisi').max(max);

/** A quantity target or realization (documents, people served, rupiah collected): up to 1e12, 4 decimals. */
const measure = decimal(0, 1e12, 4);
/** A target: above zero, at the same precision. */
const positiveMeasure = decimal(0.0001, 1e12, 4);

export const yearSchema = z.coerce.number().int().min(2020).max(2100);
export const nipYearParams = z.strictObject({ nip: nipSchema, year: yearSchema });

const target = z.discriminatedUnion('aspect', [
  z.strictObject({ aspect: z.literal('KUANTITAS'), value: positiveMeasure, unit: text(40) }),
  z.strictObject({ aspect: z.literal('KUALITAS'), percent: decimal(0.01, 100, 2) }),
  z.strictObject({
    aspect: z.literal('WAKTU'),
    /** Months or days within a year. */
    value: decimal(0.01, 366, 2),
    unit: z.enum(['BULAN', 'HARI']),
  }),
]);

const indicator = z.strictObject({
  id,
  description: text(300),
  target,
  direction: z.enum(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']),
  aggregation: z.enum(['SUM', 'AVERAGE', 'LAST']),
  weightPercent: decimal(0.01, 100, 2),
  monthlyTarget: positiveMeasure.optional(),
});

export const skpResults = z
  .array(
    z.strictObject({
      id,
      jenis: z.enum(['UTAMA', 'TAMBAHAN']),
      description: text(300),
      cascadedFrom: z.strictObject({ skpId: id, resultId: id }).optional(),
      indicators: z.array(indicator).min(1).max(10),
    }),
  )
  .max(15);

export const skpPerilaku = z.strictObject(
  Object.fromEntries(
    BERAKHLAK_KEYS.map((k) => [k, z.strictObject({ ekspektasiKhusus: z.string().trim().max(1000) })]),
  ) as Record<(typeof BERAKHLAK_KEYS)[number], z.ZodObject<{ ekspektasiKhusus: z.ZodString }>>,
);

export const createSkpBody = z.strictObject({
  year: z.number().int().min(2020).max(2100),
  /** A library entry to draft from; by default the one matching the pegawai's jabatan. */
  templateKey: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(60)
    .optional(),
  results: skpResults.optional(),
  perilaku: skpPerilaku.optional(),
});

export const editSkpBody = z
  .strictObject({
    expectedVersion: versionSchema(1),
    unit: text(120).optional(),
    results: skpResults.optional(),
    perilaku: skpPerilaku.optional(),
  })
  .refine((b) => b.unit !== undefined || b.results !== undefined || b.perilaku !== undefined, {
    message: 'tidak ada perubahan',
    path: [],
  });

export const versionBody = z.strictObject({ expectedVersion: versionSchema(1) });
export const reasonBody = z.strictObject({ expectedVersion: versionSchema(1), reason: text(500) });

export const listSkpQuery = z.strictObject({
  year: yearSchema,
  /** Defaults to the caller: the SKPs they assess as pejabat penilai. */
  penilai: nipSchema.optional(),
  ...paginationQuery,
});

export const realizationBody = z.strictObject({
  indicatorId: id,
  date: isoDate,
  value: measure,
  note: z.string().trim().max(1000).optional(),
  evidenceUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});

export const realizationQuery = z.strictObject({ month: isoMonth.optional(), ...paginationQuery });
export const progressQuery = z.strictObject({ month: isoMonth.optional() });
export const bawahanProgressQuery = z.strictObject({ month: isoMonth.optional(), ...paginationQuery });

export const libraryQuery = z.strictObject({ ...paginationQuery });
export const libraryParams = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]{2,60}$/, 'huruf kecil, angka, -'),
});
/** Bounded here; the whole entry (weights adding up to 100) is checked by the library's own schema. */
export const libraryBody = z.strictObject({
  expectedVersion: versionSchema(),
  entry: jabatanTemplateEntrySchema,
});

export const objectResponse = z.looseObject({});
export const listResponse = z.object({ items: z.array(z.looseObject({})), nextToken: z.string().optional() });
