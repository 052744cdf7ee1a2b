import * as z from 'zod';
import { checkNip } from '../../core/employee/nip';

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

export const nipSchema = z.string().superRefine((value, ctx) => {
  const check = checkNip(value);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason });
});

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
