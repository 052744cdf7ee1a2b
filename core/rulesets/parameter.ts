import * as z from 'zod';

/**
 * Rules as dated data (the OpenFisca lesson): a parameter is a list of versions, each effective from a
 * date and carrying its own legal source and confidence. Versions are only ever superseded, never edited.
 */
export const confidenceSchema = z.enum(['VERIFIED', 'SINGLE-SOURCE', 'UNVERIFIED', 'DEMO']);
export type Confidence = z.infer<typeof confidenceSchema>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((s) => isRealDate(s), 'not a calendar date');

export const sourceSchema = z.strictObject({
  regulation: z.string().min(1),
  article: z.string().min(1).optional(),
  /** Evidence keys from shared/domain/sources.md (S-GPP, S-JAMBI, ...). */
  refs: z.array(z.string().regex(/^S-[A-Z0-9-]+$/, 'source key must look like S-XXX')),
  /** The regulation's date (a source the tenant entered itself). */
  date: isoDate.optional(),
  /** Where an uploaded copy of the regulation is kept (the Perbup PDF), when one was attached. */
  document: z.string().min(1).optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const versionEnvelopeSchema = z.strictObject({
  from: isoDate,
  value: z.unknown(),
  source: sourceSchema,
  confidence: confidenceSchema,
  note: z.string().optional(),
  /** For DEMO tenant data: the regional example in tpp-tenant-examples.json the value follows. */
  followsExample: z.string().optional(),
});

export const parameterEnvelopeSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_.]*$/, 'parameter id must be dotted identifiers'),
  label: z.string().min(1),
  versions: z.array(versionEnvelopeSchema).min(1, 'a parameter needs at least one version'),
});

export interface ParameterVersion<T> {
  readonly from: string;
  readonly value: T;
  readonly source: Source;
  readonly confidence: Confidence;
  readonly note?: string;
  readonly followsExample?: string;
}

export interface Parameter<T> {
  readonly id: string;
  readonly label: string;
  readonly versions: ReadonlyArray<ParameterVersion<T>>;
}

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const daysInMonth = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return d <= (daysInMonth[m - 1] ?? 0);
}

/**
 * The version in force in a pay month: the latest `from` on or before the first day of the month.
 * ISO dates compare correctly as strings, so no Date objects are needed.
 */
export function versionInForce<T>(parameter: Parameter<T>, month: string): ParameterVersion<T> | undefined {
  const firstDay = `${month}-01`;
  let found: ParameterVersion<T> | undefined;
  for (const version of parameter.versions) {
    if (version.from <= firstDay) found = version;
    else break;
  }
  return found;
}
