import { auditEntry } from '../../../core/audit/audit';
import type { Principal } from '../../../core/auth/principal';
import { payListOpds } from '../../../core/auth/scope';
import { classifyMonth } from '../../../core/discipline/attendance';
import {
  type AttendanceImportRow,
  fnv1a64,
  validateAttendanceRows,
} from '../../../core/discipline/attendance-import';
import { attendanceCoverage } from '../../../core/discipline/coverage';
import { DomainError } from '../../../core/errors';
import { keys } from '../../table/keys';
import { asWriterOf, readableEmployee } from '../access';
import type { AppraisalDeps } from '../deps';
import { unitIdOf } from '../settings';
import { monthLocked } from '../store/dynamo-item-store';
import type { Change } from '../store/ports';
import { parse, records, type StoredCorrection, splitDiscipline, splitMonthBundle } from '../store/records';
import { notYetHappened, tenantNow } from '../today';
import { monthContext } from './month-inputs';
import { employeesInService, opdScope, recomputedResult } from './results';

/**
 * Attendance of an OPD-month: bulk import of machine punches (validated whole first, idempotent by
 * punch identity), manual corrections with a reason, and the classified month of one employee.
 */
export async function importAttendance(
  month: string,
  body: {
    opd: string;
    rows: AttendanceImportRow[];
    correction?: { reason: string } | undefined;
    dryRun?: boolean | undefined;
  },
  principal: Principal,
  deps: AppraisalDeps,
) {
  const opd = opdScope(principal, body.opd, 'body.opd') as string;
  const employees = await employeesInService(month, opd, deps);
  const knownNips = new Set(employees.map((e) => e.identity.nip));
  const now = tenantNow(deps);
  const checked = validateAttendanceRows(body.rows, {
    firstRowNumber: 0,
    knownNips,
    unknownNipReasons: await whyNotInOpd(body.rows, knownNips, month, opd, principal, deps),
    now,
  });
  const errors = [...checked.errors];
  for (const e of checked.events) {
    if (!e.date.startsWith(`${month}-`))
      errors.push({ rowNumber: e.rowNumber, field: 'timestamp', reason: `tanggal di luar bulan ${month}` });
  }
  errors.sort((a, b) => a.rowNumber - b.rowNumber);
  const reason = body.correction?.reason;
  if (body.dryRun) {
    // The same checks as the import, reported instead of thrown; nothing is written, nothing audited.
    const locked = !reason && (await deps.store.isMonthLocked(month));
    return {
      month,
      opd,
      dryRun: true,
      rows: body.rows.length,
      validRows: body.rows.length - new Set(errors.map((e) => e.rowNumber)).size,
      punches: errors.length === 0 ? checked.events.length : 0,
      duplicatesInFile: checked.duplicates.length,
      employees: new Set(checked.events.map((e) => e.nip)).size,
      monthLocked: locked,
      issues: errors.map((e) => ({ path: `body.rows[${e.rowNumber}].${e.field}`, message: e.reason })),
    };
  }
  if (errors.length > 0) {
    const rows = new Set(errors.map((e) => e.rowNumber)).size;
    throw new DomainError(
      'INVALID',
      'ATTENDANCE_ROWS_INVALID',
      `${rows} baris presensi tidak valid; tidak ada yang disimpan`,
      errors.map((e) => ({ path: `body.rows[${e.rowNumber}].${e.field}`, message: e.reason })),
    );
  }
  if (!reason && (await deps.store.isMonthLocked(month))) throw monthLocked(month);
  const importId = deps.newId();
  // Punch ids are content hashes: a re-import writes the same keys again and adds nothing.
  await deps.store.bulkPut(checked.events.map((e) => records.attendanceEvent(e, importId)));
  const hash = fnv1a64(
    checked.events
      .map((e) => e.id)
      .sort()
      .join(','),
  );
  const summary = {
    importId,
    rows: body.rows.length,
    stored: checked.events.length,
    duplicatesInFile: checked.duplicates.length,
    employees: new Set(checked.events.map((e) => e.nip)).size,
    hash,
  };
  // One audit record per import, with the lock check: counts and the hash, never the rows.
  await deps.store.commit({
    lockMonths: [month],
    correction: Boolean(reason),
    changes: [],
    audits: [
      auditEntry(principal, {
        entityType: 'attendance',
        entityId: `${opd}#${month}`,
        action: reason ? 'CORRECTION' : 'IMPORT',
        at: deps.now,
        requestId: deps.requestId,
        after: summary,
        ...(reason ? { reason } : {}),
      }),
    ],
  });
  return { month, opd, ...summary };
}

export async function correctAttendance(
  month: string,
  nip: string,
  date: string,
  body: {
    checkIn?: string | null | undefined;
    checkOut?: string | null | undefined;
    reason: string;
    correction?: { reason: string } | undefined;
  },
  principal: Principal,
  deps: AppraisalDeps,
) {
  const employee = await asWriterOf(nip, principal, deps);
  if (!date.startsWith(`${month}-`)) {
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Tanggal di luar bulan', [
      { path: 'path.date', message: `harus dalam bulan ${month}` },
    ]);
  }
  const now = tenantNow(deps);
  if (date > now.date) throw notYetHappened('path.date', `Tanggal ${date}`, now);
  if (date === now.date) {
    for (const field of ['checkIn', 'checkOut'] as const) {
      const time = body[field];
      if (time && (time.length === 5 ? `${time}:00` : time) > now.time)
        throw notYetHappened(`body.${field}`, `Jam ${time} hari ini`, now);
    }
  }
  const stored: StoredCorrection = {
    nip,
    date,
    ...(body.checkIn !== undefined ? { checkIn: body.checkIn } : {}),
    ...(body.checkOut !== undefined ? { checkOut: body.checkOut } : {}),
    reason: body.reason,
    by: principal.sub,
    at: deps.now,
  };
  const previous = await deps.store.get(keys.attendanceCorrection(nip, date));
  const lockReason = body.correction?.reason;
  const changes: Change[] = [{ kind: 'put', item: records.correction(stored) }];
  const audits = [
    auditEntry(principal, {
      entityType: 'attendance',
      entityId: `${nip}#${date}`,
      action: lockReason ? 'CORRECTION' : 'UPDATE',
      at: deps.now,
      requestId: deps.requestId,
      ...(previous ? { before: parse.correction(previous) } : {}),
      after: stored,
      reason: lockReason ?? body.reason,
    }),
  ];
  let result: unknown;
  if (lockReason) {
    const recomputed = await recomputedResult(
      employee,
      month,
      (inputs) => ({
        ...inputs,
        bundle: {
          ...inputs.bundle,
          corrections: [...inputs.bundle.corrections.filter((c) => c.date !== date), stored],
        },
      }),
      principal,
      deps,
      lockReason,
    );
    changes.push(...recomputed.changes);
    audits.push(recomputed.audit);
    result = recomputed.result.facts;
  }
  await deps.store.commit({ lockMonths: [month], correction: Boolean(lockReason), changes, audits });
  return { correction: stored, ...(result ? { result } : {}) };
}

/** The month as the classifier sees it today, day by day (not the stored result). */
export async function attendanceMonth(month: string, nip: string, principal: Principal, deps: AppraisalDeps) {
  const employee = await readableEmployee(nip, principal, deps);
  const [ctx, bundleItems, disciplineItems] = await Promise.all([
    monthContext(month, deps),
    deps.store.queryAll(keys.monthInputs(nip, month)),
    deps.store.queryAll(keys.disciplineRecords(nip)),
  ]);
  const bundle = splitMonthBundle(bundleItems);
  const unitId = unitIdOf(employee.current.penempatan.opd, employee.current.penempatan.unit);
  const classified = classifyMonth({
    nip,
    month,
    calendar: ctx.calendar,
    unit: unitId,
    rules: ctx.settings.attendance,
    events: bundle.events,
    corrections: [...bundle.corrections].sort((a, b) => a.at.localeCompare(b.at)),
    leaves: splitDiscipline(disciplineItems).leaves,
  });
  return {
    ...classified,
    coverage: attendanceCoverage(classified),
    unitId,
    punches: bundle.events.length,
    corrections: bundle.corrections,
  };
}

/**
 * Why each NIP of the file that is not an employee of this OPD in the month is refused: an employee of
 * another OPD is named as such (the operator then knows to send it to that OPD, or to use that OPD's
 * import), an employee out of service in the month likewise. Unknown NIPs keep the generic reason.
 */
async function whyNotInOpd(
  rows: readonly AttendanceImportRow[],
  known: ReadonlySet<string>,
  month: string,
  opd: string,
  principal: Principal,
  deps: AppraisalDeps,
): Promise<Map<string, string>> {
  const others = new Set<string>();
  for (const row of rows) {
    if (typeof row.nip === 'string' && /^\d{18}$/.test(row.nip.trim()) && !known.has(row.nip.trim()))
      others.add(row.nip.trim());
  }
  const reasons = new Map<string, string>();
  if (others.size === 0) return reasons;
  const items = await deps.store.batchGet([...others].map((nip) => keys.employee(nip)));
  const scope = payListOpds(principal);
  for (const item of items) {
    const e = parse.employee(item);
    const nip = e.identity.nip;
    const theirs = e.current.penempatan.opd;
    if (theirs !== opd) {
      const mine = scope === 'ALL' || scope.includes(theirs);
      reasons.set(
        nip,
        mine
          ? `NIP ${nip} milik OPD ${theirs}, bukan OPD ${opd}; impor presensinya dengan opd ${theirs}`
          : `NIP ${nip} milik OPD ${theirs}, di luar OPD Anda`,
      );
    } else {
      reasons.set(nip, `NIP ${nip} tidak dalam masa kerja pada bulan ${month}`);
    }
  }
  return reasons;
}
