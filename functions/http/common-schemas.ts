import * as z from 'zod';
import { checkNip } from '../../core/employee/nip';
import { decimal } from '../../core/schema-bounds';

export { decimal };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isoDate = z
  .string()
  .regex(ISO_DATE, 'format tanggal harus YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'tanggal tidak ada di kalender',
    },
  );

export const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'format bulan harus YYYY-MM');

/** 18 digits; the bound keeps a megabyte "NIP" from reaching the check (and the error message). */
export const nipSchema = z
  .string()
  .max(18, 'NIP harus 18 digit angka')
  .superRefine((value, ctx) => {
    const check = checkNip(value);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason });
  });

/*
 * Bounds shared by every route schema (#13 items 6–7). DynamoDB stores numbers of magnitude 1e-130 to
 * 1e126 with 38 significant digits and items up to 400 KB (UTF-8 bytes, up to 3 per UTF-16 unit of a
 * JS string); JSON numbers past 2^53 are not exact in JS. So every number is bounded and, when not an
 * integer, rounded to a named precision; every string and list has a domain maximum small enough that
 * the largest valid item, with its audit record holding it twice (before and after), stays far below
 * 400 KB. A value past a bound is a 400 naming the field, never a 500 from the table.
 */

/** Rp 1 kuadriliun: above any pemda's yearly budget, exact as a double (< 2^53). */
export const MAX_RUPIAH = 1_000_000_000_000_000;
/** Optimistic-lock versions: a counter, never near this. */
export const MAX_VERSION = 1_000_000_000;

/** Free text a person types: trimmed, 1..max characters (or min..max). */
export function boundedText(max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(min, min === 1 ? 'wajib diisi' : `minimal ${min} karakter`)
    .max(max, `maksimal ${max} karakter`);
}

/** Integer rupiah, 0..max (default Rp 1 kuadriliun). */
export function rupiah(max = MAX_RUPIAH) {
  return z
    .number()
    .int('harus bilangan bulat rupiah')
    .min(0, 'tidak boleh negatif')
    .max(max, `melebihi ${max.toLocaleString('id-ID')}`);
}

/** A percentage, 0..max (100 unless the domain says otherwise, e.g. capaian up to 120 %), 2 decimals. */
export function percent(max = 100) {
  return decimal(0, max, 2);
}

/** A whole count 0..max (or min..max). */
export function count(max: number, min = 0) {
  return z.number().int('harus bilangan bulat').min(min).max(max);
}

/** The version read, for optimistic locking: 0 (none yet) or min.. */
export function versionSchema(min = 0) {
  return count(MAX_VERSION, min);
}

/** A map with at most `max` keys (zod records have no such bound of their own). */
export function boundedRecord<K extends z.core.$ZodRecordKey, V extends z.ZodType>(
  key: K,
  value: V,
  max: number,
) {
  return z
    .record(key, value)
    .refine((r) => Object.keys(r).length <= max, `paling banyak ${max} entri`)
    .meta({ maxProperties: max });
}

export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  nextToken: z.string().max(2048).optional(),
};

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      requestId: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });
