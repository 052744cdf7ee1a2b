import * as z from 'zod';
import {
  BPJS_NUMERIC,
  BPJS_OPD_COUNTS,
  BPJS_TEXT,
  TASPEN_NUMERIC,
  TASPEN_OPD_COUNTS,
  TASPEN_TEXT,
} from './iuran-recap';

/**
 * The sheet layout of a recap whose official format is not known (BPJS Kesehatan and Taspen for a
 * pemda, bank-dan-laporan.md §9): tenant data that picks, orders and names the columns. A tenant that
 * receives a template from its BPJS or Taspen branch writes a layout file, not code.
 */
const columnSchema = z.strictObject({ key: z.string().min(1), header: z.string().min(1).max(80) });

export const reportLayoutSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,60}$/),
  report: z.enum(['BPJS_KESEHATAN', 'TASPEN']),
  version: z.string().min(1).max(40),
  title: z.string().min(3).max(160),
  source: z.strictObject({
    reference: z.string().min(3),
    confidence: z.enum(['VERIFIED', 'SINGLE-SOURCE', 'UNVERIFIED', 'SIGAP']),
  }),
  employeeSheet: z.strictObject({ name: z.string().min(1).max(31), columns: z.array(columnSchema).min(1) }),
  opdSheet: z.strictObject({ name: z.string().min(1).max(31), columns: z.array(columnSchema).min(1) }),
});
export type ReportLayout = z.infer<typeof reportLayoutSchema>;

const KEYS = {
  BPJS_KESEHATAN: {
    employee: new Set<string>([...BPJS_TEXT, ...BPJS_NUMERIC]),
    opd: new Set<string>(['opd', ...BPJS_OPD_COUNTS, ...BPJS_NUMERIC]),
  },
  TASPEN: {
    employee: new Set<string>([...TASPEN_TEXT, ...TASPEN_NUMERIC]),
    opd: new Set<string>(['opd', ...TASPEN_OPD_COUNTS, ...TASPEN_NUMERIC]),
  },
} as const;

export class ReportLayoutError extends Error {
  override name = 'ReportLayoutError';
}

/** A layout from its JSON; every unknown column key is named with the keys the recap has. */
export function parseReportLayout(raw: unknown, fileName: string): ReportLayout {
  const result = reportLayoutSchema.safeParse(raw);
  const problems = result.success
    ? []
    : result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  if (result.success) {
    const known = KEYS[result.data.report];
    for (const [sheet, allowed] of [
      ['employeeSheet', known.employee],
      ['opdSheet', known.opd],
    ] as const) {
      result.data[sheet].columns.forEach((c, i) => {
        if (!allowed.has(c.key)) {
          problems.push(
            `${sheet}.columns.${i}.key: "${c.key}" tidak dikenal (pilih: ${[...allowed].join(', ')})`,
          );
        }
      });
    }
  }
  if (problems.length > 0 || !result.success)
    throw new ReportLayoutError(`${fileName}: ${problems.join('; ')}`);
  return result.data;
}
