import { auditEntry } from '../../../core/audit/audit';
import type { Principal } from '../../../core/auth/principal';
import { DomainError } from '../../../core/errors';
import { versionConflict } from '../access';
import type { AppraisalDeps } from '../deps';
import { records, type StoredCalendar } from '../store/records';
import { workCalendarFor } from './month-inputs';

/**
 * The tenant's work calendar per year (holidays, cuti bersama, Ramadan hours, unit patterns). Until
 * BKPSDM stores one, the calendar of the appraisal settings applies. Every stored version is kept.
 */
export async function getCalendar(year: number, deps: AppraisalDeps) {
  return workCalendarFor(year, deps);
}

export async function putCalendar(
  year: number,
  body: { expectedVersion: number; calendar: StoredCalendar['calendar']; reason?: string | undefined },
  principal: Principal,
  deps: AppraisalDeps,
) {
  const issues: { path: string; message: string }[] = [];
  body.calendar.holidays.forEach((h, i) => {
    if (!h.date.startsWith(`${year}-`))
      issues.push({ path: `body.calendar.holidays[${i}].date`, message: `harus dalam tahun ${year}` });
  });
  body.calendar.ramadan.forEach((r, i) => {
    if (!r.from.startsWith(`${year}-`) && !r.to.startsWith(`${year}-`))
      issues.push({ path: `body.calendar.ramadan[${i}]`, message: `harus menyentuh tahun ${year}` });
  });
  if (issues.length > 0)
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Kalender kerja tidak valid', issues);
  const previous = await workCalendarFor(year, deps);
  const stored: StoredCalendar = {
    year,
    calendar: body.calendar,
    version: body.expectedVersion + 1,
    updatedAt: deps.now,
    updatedBy: principal.sub,
    ...(body.reason ? { reason: body.reason } : {}),
  };
  const conflict = versionConflict(body.expectedVersion);
  await deps.store.commit({
    lockMonths: [],
    correction: false,
    changes: [
      {
        kind: 'replace',
        item: records.calendar(stored),
        expectedVersion: body.expectedVersion,
        onConflict: conflict,
      },
      // The dated history: what the calendar said from each version on.
      { kind: 'create', item: records.calendarVersion(stored), onConflict: conflict },
    ],
    audits: [
      auditEntry(principal, {
        entityType: 'calendar',
        entityId: String(year),
        action: body.expectedVersion === 0 ? 'CREATE' : 'UPDATE',
        at: deps.now,
        requestId: deps.requestId,
        before: {
          source: previous.source,
          version: previous.version,
          holidays: previous.calendar.holidays.length,
        },
        after: stored.calendar,
        ...(body.reason ? { reason: body.reason } : {}),
      }),
    ],
  });
  return { source: 'TENANT' as const, ...stored };
}
