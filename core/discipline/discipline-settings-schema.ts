import * as z from 'zod';
import { confidenceSchema } from '../rulesets/parameter';
import type { AttendanceRules } from './attendance-rules';
import { clockMinutes, isClockTime, isIsoDate } from './calendar-date';
import { WEEKDAY_KEYS, type WorkCalendar } from './work-calendar';

/**
 * Schemas for the discipline half of a tenant's appraisal settings (work calendar, attendance bands,
 * excuses). Used only when a settings file is loaded; the domain works on the plain types.
 */
// Bounds: the calendar is PUT over HTTP and stored as one DynamoDB item (twice in its audit record).
const isoDate = z.string().max(10).refine(isIsoDate, 'must be a calendar date YYYY-MM-DD');
const clock = z.string().max(5).refine(isClockTime, 'must be a time HH:MM');
const patternId = z.string().min(1).max(40);
/** A unit as `OPD/NAMA-UNIT` (the unit ids of unit scores). */
const unitKey = z.string().min(1).max(152);
const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'codes are UPPER_SNAKE');

const hours = z
  .strictObject({ start: clock, end: clock })
  .refine((h) => clockMinutes(h.start) < clockMinutes(h.end), {
    message: 'start must be before end',
    path: ['end'],
  });

const weekdayHours = z.partialRecord(z.enum(WEEKDAY_KEYS), hours);

const pattern = z
  .strictObject({
    id: patternId,
    label: z.string().min(1).max(120),
    days: weekdayHours,
    ramadanDays: weekdayHours,
  })
  .superRefine((p, ctx) => {
    if (Object.keys(p.days).length === 0)
      ctx.addIssue({ code: 'custom', path: ['days'], message: 'a pattern needs at least one working day' });
    for (const day of Object.keys(p.ramadanDays)) {
      if (!(day in p.days)) {
        ctx.addIssue({
          code: 'custom',
          path: ['ramadanDays', day],
          message: `${day} is not a working day of this pattern`,
        });
      }
    }
  });

export const workCalendarSchema = z
  .strictObject({
    holidays: z
      .array(
        z.strictObject({
          date: isoDate,
          name: z.string().min(1).max(120),
          kind: z.enum(['LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LIBUR_DAERAH']),
          confidence: confidenceSchema,
        }),
      )
      // A year has some 16 national holidays and 10 cuti bersama; room for regional ones.
      .max(100),
    ramadan: z
      .array(
        z
          .strictObject({
            from: isoDate,
            to: isoDate,
            label: z.string().min(1).max(120),
            confidence: confidenceSchema,
          })
          .refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['to'] }),
      )
      // Ramadan falls in one or two stretches of a calendar year.
      .max(3),
    patterns: z
      .record(patternId, pattern)
      .refine((r) => Object.keys(r).length <= 20, 'at most 20 patterns')
      .meta({ maxProperties: 20 }),
    defaultPattern: patternId,
    unitPatterns: z
      .record(unitKey, patternId)
      .refine((r) => Object.keys(r).length <= 300, 'at most 300 units with their own pattern')
      .meta({ maxProperties: 300 }),
  })
  .superRefine((calendar, ctx) => {
    const seen = new Set<string>();
    calendar.holidays.forEach((h, i) => {
      if (seen.has(h.date))
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', i, 'date'],
          message: `duplicate holiday ${h.date}`,
        });
      seen.add(h.date);
    });
    for (const [key, p] of Object.entries(calendar.patterns)) {
      if (p.id !== key)
        ctx.addIssue({
          code: 'custom',
          path: ['patterns', key, 'id'],
          message: `id must equal its key "${key}"`,
        });
    }
    if (!(calendar.defaultPattern in calendar.patterns)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultPattern'],
        message: `unknown pattern "${calendar.defaultPattern}"`,
      });
    }
    for (const [unit, id] of Object.entries(calendar.unitPatterns)) {
      if (!(id in calendar.patterns))
        ctx.addIssue({ code: 'custom', path: ['unitPatterns', unit], message: `unknown pattern "${id}"` });
    }
  });

/** Bands must start at 1 minute, touch each other and end open, so every lateness has exactly one code. */
const bands = z
  .array(
    z.strictObject({
      code,
      fromMinute: z.number().int().min(1),
      toMinute: z.number().int().min(1).nullable(),
    }),
  )
  .min(1)
  .superRefine((rows, ctx) => {
    rows.forEach((band, i) => {
      const previous = rows[i - 1];
      const expectedFrom = previous ? (previous.toMinute ?? Number.NaN) + 1 : 1;
      if (band.fromMinute !== expectedFrom) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'fromMinute'],
          message: `must be ${expectedFrom} (bands are contiguous from 1 minute)`,
        });
      }
      const isLast = i === rows.length - 1;
      if ((band.toMinute === null) !== isLast) {
        ctx.addIssue({ code: 'custom', path: [i, 'toMinute'], message: 'only the last band is open (null)' });
      }
      if (band.toMinute !== null && band.toMinute < band.fromMinute) {
        ctx.addIssue({ code: 'custom', path: [i, 'toMinute'], message: 'must not be below fromMinute' });
      }
    });
  });

export const attendanceRulesSchema = z
  .strictObject({
    lateBands: bands,
    earlyBands: bands,
    missingCheckIn: code,
    missingCheckOut: code,
    excuses: z.array(z.strictObject({ code, label: z.string().min(1), requiresLetter: z.boolean() })),
  })
  .superRefine((rules, ctx) => {
    const reserved = new Set(['HADIR', 'TK']);
    rules.excuses.forEach((excuse, i) => {
      if (reserved.has(excuse.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['excuses', i, 'code'],
          message: `${excuse.code} is not an excuse`,
        });
      }
    });
  });

// The parsed settings must be usable where the domain expects its plain types.
type Assignable<T extends U, U> = T;
export type CheckedCalendar = Assignable<z.infer<typeof workCalendarSchema>, WorkCalendar>;
export type CheckedRules = Assignable<z.infer<typeof attendanceRulesSchema>, AttendanceRules>;
