import * as z from 'zod';
import { isClockTime } from '../../core/discipline/calendar-date';
import { workCalendarSchema } from '../../core/discipline/discipline-settings-schema';
import { LEAVE_KINDS } from '../../core/discipline/leave';
import { SANCTION_JENIS, SANCTION_LEVELS, type SanctionJenis } from '../../core/discipline/sanctions';
import {
  isoDate,
  isoMonth,
  nipSchema,
  paginationQuery,
  percent,
  versionSchema,
} from '../http/common-schemas';
import { correctionSchema } from './schemas-evaluation';
import { yearSchema } from './schemas-skp';

/** Edge schemas of the work calendar, attendance, leave and sanction routes. */
const opd = z.string().regex(/^[A-Z0-9][A-Z0-9._-]{1,30}$/, 'kode OPD: huruf besar, angka, . _ -');
const clock = z.string().max(5, 'format jam HH:MM').refine(isClockTime, 'format jam HH:MM');

export const yearParams = z.strictObject({ year: yearSchema });

export const calendarBody = z.strictObject({
  /** 0 when the tenant has not stored a calendar for the year yet. */
  expectedVersion: versionSchema(),
  calendar: workCalendarSchema,
  reason: z.string().trim().min(3).max(500).optional(),
});

/**
 * Rows are checked by the import validator (core/discipline/attendance-import.ts), which names every
 * bad row and field at once; the edge only bounds the size.
 */
export const importBody = z.strictObject({
  opd,
  rows: z
    .array(
      z
        .looseObject({
          nip: z.unknown().optional(),
          timestamp: z.unknown().optional(),
          type: z.unknown().optional(),
        })
        // A machine export may carry a few columns of its own; a row is never stored as sent.
        .refine((row) => Object.keys(row).length <= 20, 'paling banyak 20 kolom per baris')
        .meta({ maxProperties: 20 }),
    )
    .min(1)
    .max(20_000),
  correction: correctionSchema.optional(),
  /** Check every row and report, writing nothing: the console's "Pratinjau" before "Impor". */
  dryRun: z.boolean().optional(),
});

export const correctionParams = z.strictObject({ month: isoMonth, nip: nipSchema, date: isoDate });
export const attendanceCorrectionBody = z
  .strictObject({
    /** New time; null deletes a wrong machine record; absent keeps the machine's. */
    checkIn: clock.nullable().optional(),
    checkOut: clock.nullable().optional(),
    reason: z.string().trim().min(5, 'minimal 5 karakter').max(500),
    correction: correctionSchema.optional(),
  })
  .refine((b) => b.checkIn !== undefined || b.checkOut !== undefined, {
    message: 'isi checkIn dan/atau checkOut',
    path: [],
  });

export const nipParams = z.strictObject({ nip: nipSchema });

export const leaveBody = z.strictObject({
  kind: z.enum(LEAVE_KINDS),
  from: isoDate,
  to: isoDate,
  skNumber: z.string().trim().min(1).max(80).optional(),
  childOrder: z.number().int().min(1).max(20).optional(),
});

export const sanctionBody = z.strictObject({
  skNumber: z.string().trim().min(1).max(80),
  skDate: isoDate.optional(),
  level: z.enum(SANCTION_LEVELS),
  jenis: z.enum(Object.keys(SANCTION_JENIS) as [SanctionJenis, ...SanctionJenis[]]),
  startMonth: isoMonth,
  durationMonths: z.number().int().min(1).max(120).nullable(),
  cutPercent: percent().optional(),
});

export const disciplineQuery = z.strictObject({ ...paginationQuery });
