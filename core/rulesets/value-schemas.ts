import * as z from 'zod';

/**
 * Building blocks shared by the national and tenant value schemas.
 * Rates are stored as percentages (0–100) with at most two decimals, so every rate is an exact whole
 * number of basis points and the engine can multiply in integers (see core/pay/money.ts).
 */
export const percentSchema = z
  .number()
  .min(0, 'a rate must be between 0 and 100 percent')
  .max(100, 'a rate must be between 0 and 100 percent')
  .refine((p) => Number.isInteger(Math.round(p * 100)) && Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, {
    message: 'a rate may have at most two decimals (whole basis points)',
  });

export const rupiahSchema = z.number().int('rupiah amounts are integers').min(0);
export const positiveRupiahSchema = z.number().int('rupiah amounts are integers').positive();

export const PNS_GOLONGAN = [
  'I/a',
  'I/b',
  'I/c',
  'I/d',
  'II/a',
  'II/b',
  'II/c',
  'II/d',
  'III/a',
  'III/b',
  'III/c',
  'III/d',
  'IV/a',
  'IV/b',
  'IV/c',
  'IV/d',
  'IV/e',
] as const;

export const PPPK_GOLONGAN = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
] as const;

export const PTKP_STATUSES = ['TK/0', 'TK/1', 'TK/2', 'TK/3', 'K/0', 'K/1', 'K/2', 'K/3'] as const;
export type PtkpStatus = (typeof PTKP_STATUSES)[number];

/** Salary grid golongan → MKG (whole years, as a string key) → rupiah; every expected golongan present. */
export function gajiGridSchema(expected: readonly string[]) {
  return z.record(z.string(), z.record(z.string(), positiveRupiahSchema)).superRefine((grid, ctx) => {
    for (const golongan of expected) {
      if (!(golongan in grid)) {
        ctx.addIssue({
          code: 'custom',
          path: [golongan],
          message: `golongan ${golongan} is missing from the grid`,
        });
      }
    }
    for (const [golongan, steps] of Object.entries(grid)) {
      if (!expected.includes(golongan)) {
        ctx.addIssue({ code: 'custom', path: [golongan], message: `unknown golongan ${golongan}` });
        continue;
      }
      const mkgs = Object.keys(steps);
      if (mkgs.length === 0) {
        ctx.addIssue({ code: 'custom', path: [golongan], message: 'a golongan needs at least one MKG step' });
      }
      let previous: { mkg: number; amount: number } | undefined;
      for (const key of mkgs) {
        const mkg = Number(key);
        const amount = steps[key] ?? 0;
        if (!/^\d+$/.test(key)) {
          ctx.addIssue({ code: 'custom', path: [golongan, key], message: 'MKG keys are whole years' });
          continue;
        }
        if (previous && (mkg <= previous.mkg || amount <= previous.amount)) {
          ctx.addIssue({
            code: 'custom',
            path: [golongan, key],
            message: 'MKG steps and amounts must be strictly ascending',
          });
        }
        previous = { mkg, amount };
      }
    }
  });
}

const upperBound = z.number().int().positive().nullable();

/**
 * A bracket scale: strictly ascending upper bounds, only the last one open (null), rates non-decreasing.
 * A gap is impossible by construction because each lower bound is the previous upper bound + 1.
 */
export const terScaleSchema = z
  .array(z.strictObject({ maxBruto: upperBound, ratePercent: percentSchema }))
  .superRefine((rows, ctx) => checkBrackets(rows, 'maxBruto', ctx));

export const pasal17ScaleSchema = z
  .array(z.strictObject({ upTo: upperBound, ratePercent: percentSchema }))
  .superRefine((rows, ctx) => checkBrackets(rows, 'upTo', ctx));

function checkBrackets<K extends string>(
  rows: ReadonlyArray<Record<K, number | null> & { ratePercent: number }>,
  upperKey: K,
  ctx: z.RefinementCtx,
): void {
  if (rows.length === 0) {
    ctx.addIssue({ code: 'custom', path: [], message: 'a bracket table needs at least one row' });
    return;
  }
  let previousUpper = 0;
  let previousRate = -1;
  rows.forEach((row, i) => {
    const upper = row[upperKey];
    const isLast = i === rows.length - 1;
    if (upper === null && !isLast) {
      ctx.addIssue({
        code: 'custom',
        path: [i, upperKey],
        message: 'only the last bracket may be open (null)',
      });
    }
    if (isLast && upper !== null) {
      ctx.addIssue({ code: 'custom', path: [i, upperKey], message: 'the last bracket must be open (null)' });
    }
    if (upper !== null && upper <= previousUpper) {
      ctx.addIssue({
        code: 'custom',
        path: [i, upperKey],
        message: `brackets must be contiguous and ascending (${upper} after ${previousUpper})`,
      });
    }
    if (row.ratePercent < previousRate) {
      ctx.addIssue({ code: 'custom', path: [i, 'ratePercent'], message: 'rates must not decrease' });
    }
    if (upper !== null) previousUpper = upper;
    previousRate = row.ratePercent;
  });
}
