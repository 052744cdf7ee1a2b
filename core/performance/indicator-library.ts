import * as z from 'zod';
import { RulesetValidationError } from '../rulesets/errors';
import { confidenceSchema, sourceSchema } from '../rulesets/parameter';
import { formatPath } from '../rulesets/parse-document';
import { decimal } from '../schema-bounds';
import type { Indicator, IndicatorTarget, RencanaHasilKerja } from './skp';

/**
 * Template hasil kerja and indikator per jabatan, so a pegawai starts the SKP from the sector's usual
 * measures (guru, perawat, Dukcapil, perizinan …) instead of a blank page. Templates are data; the
 * pegawai and pejabat penilai still agree the final targets.
 */
// Bounds keep an entry (stored as one DynamoDB item, and twice in its audit record) far below 400 KB.
const key = z
  .string()
  .max(60)
  .regex(/^[a-z0-9-]+$/, 'keys are lowercase kebab-case');
const text = (max: number) => z.string().min(1).max(max);
const target = z.discriminatedUnion('aspect', [
  z.strictObject({ aspect: z.literal('KUANTITAS'), value: decimal(0.0001, 1e12, 4), unit: text(40) }),
  z.strictObject({ aspect: z.literal('KUALITAS'), percent: decimal(0.01, 100, 2) }),
  z.strictObject({
    aspect: z.literal('WAKTU'),
    value: decimal(0.01, 366, 2),
    unit: z.enum(['BULAN', 'HARI']),
  }),
]) satisfies z.ZodType<IndicatorTarget>;

const indicatorTemplate = z.strictObject({
  key,
  description: text(300),
  target,
  direction: z.enum(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']),
  aggregation: z.enum(['SUM', 'AVERAGE', 'LAST']),
  weightPercent: decimal(0.01, 100, 2),
});

const resultTemplate = z.strictObject({
  key,
  jenis: z.enum(['UTAMA', 'TAMBAHAN']),
  description: text(300),
  indicators: z.array(indicatorTemplate).min(1).max(10),
});

const jabatanTemplateFields = z.strictObject({
  key,
  sector: text(120),
  /** Matched by exact kode first, then by a case-insensitive fragment of the jabatan name. */
  match: z.strictObject({
    kode: z.array(z.string().max(40)).max(50),
    nama: z.array(text(120)).max(50),
  }),
  results: z.array(resultTemplate).min(1).max(15),
});

/**
 * An entry as a client sends it to PUT /indicator-library/{key} (the key comes from the path): the
 * edge bounds its shape; the whole template, weights included, is checked again by the library schema.
 */
export const jabatanTemplateEntrySchema = jabatanTemplateFields.partial({ key: true });

const jabatanTemplate = jabatanTemplateFields.superRefine((t, ctx) => {
  const total = t.results
    .flatMap((r) => r.indicators)
    .reduce((s, i) => s + Math.round(i.weightPercent * 100), 0);
  if (total !== 10_000)
    ctx.addIssue({
      code: 'custom',
      path: ['results'],
      message: `indicator weights add up to ${total / 100}, not 100`,
    });
  if (!t.results.some((r) => r.jenis === 'UTAMA'))
    ctx.addIssue({ code: 'custom', path: ['results'], message: 'needs a UTAMA result' });
});

const librarySchema = z.strictObject({
  id: z.string().min(1),
  confidence: confidenceSchema,
  source: sourceSchema,
  note: z.string().optional(),
  jabatan: z.array(jabatanTemplate).min(1),
});

export type IndicatorLibrary = z.infer<typeof librarySchema>;
export type JabatanTemplate = IndicatorLibrary['jabatan'][number];

export function parseIndicatorLibrary(json: unknown, fileName: string): IndicatorLibrary {
  const parsed = librarySchema.safeParse(json);
  if (!parsed.success) {
    throw new RulesetValidationError(
      fileName,
      parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path) || '(root)',
        reason: issue.message,
      })),
    );
  }
  return parsed.data;
}

export function findJabatanTemplate(
  library: IndicatorLibrary,
  jabatan: { readonly kode?: string; readonly nama: string },
): JabatanTemplate | undefined {
  const byKode =
    jabatan.kode === undefined
      ? undefined
      : library.jabatan.find((t) => t.match.kode.includes(jabatan.kode as string));
  if (byKode) return byKode;
  const nama = jabatan.nama.toLowerCase();
  return library.jabatan.find((t) => t.match.nama.some((fragment) => nama.includes(fragment.toLowerCase())));
}

export interface DraftOptions {
  /** Prefix for the generated ids, e.g. the SKP id; ids are `<prefix>-<result key>[-<indicator key>]`. */
  readonly idPrefix: string;
  /** Cascading: the atasan's SKP and, per template result key, the atasan's result it supports. */
  readonly cascade?: { readonly skpId: string; readonly resultIdByKey: Readonly<Record<string, string>> };
}

/** Rencana hasil kerja drafted from a template, ready to be edited into the pegawai's SKP. */
export function draftSkpResults(template: JabatanTemplate, options: DraftOptions): RencanaHasilKerja[] {
  return template.results.map((result) => {
    const resultId = `${options.idPrefix}-${result.key}`;
    const cascadeTo = options.cascade?.resultIdByKey[result.key];
    const indicators: Indicator[] = result.indicators.map((indicator) => ({
      id: `${resultId}-${indicator.key}`,
      description: indicator.description,
      target: indicator.target,
      direction: indicator.direction,
      aggregation: indicator.aggregation,
      weightPercent: indicator.weightPercent,
    }));
    return {
      id: resultId,
      jenis: result.jenis,
      description: result.description,
      ...(options.cascade && cascadeTo
        ? { cascadedFrom: { skpId: options.cascade.skpId, resultId: cascadeTo } }
        : {}),
      indicators,
    };
  });
}
