import type { Principal } from '../../../core/auth/principal';
import { classifyMonth } from '../../../core/discipline/attendance';
import { gridCode, gridDays } from '../../../core/discipline/attendance-grid';
import { isActiveIn } from '../../../core/discipline/sanctions';
import { calendarMonth } from '../../../core/discipline/work-calendar';
import { DomainError } from '../../../core/errors';
import { mapLimit } from '../../table/batch';
import { decodeCursor, encodeCursor } from '../../table/cursor';
import { keys } from '../../table/keys';
import type { AppraisalDeps } from '../deps';
import { unitIdOf } from '../settings';
import { parse, splitDiscipline, splitMonthBundle } from '../store/records';
import { monthContext } from './month-inputs';
import { employeesInService, opdScope } from './results';

/**
 * The month's attendance of an OPD as a calendar grid: one row per employee in service, one cell per
 * day (gridCode), the leave and hukuman disiplin touching the month, and the TPP cuts they cause as the
 * month's stored result computed them (what the payroll pays on). A month whose results are not
 * computed yet says so (`tppCuts.computed: false`) rather than showing cuts that may change.
 */
export async function attendanceGrid(
  month: string,
  query: { opd?: string | undefined; limit: number; nextToken?: string | undefined },
  principal: Principal,
  deps: AppraisalDeps,
) {
  const opd = opdScope(principal, query.opd, 'query.opd');
  if (!opd) {
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Sebutkan OPD', [
      { path: 'query.opd', message: 'wajib diisi: kalender kehadiran disusun per OPD' },
    ]);
  }
  const [ctx, employees] = await Promise.all([
    monthContext(month, deps),
    employeesInService(month, opd, deps),
  ]);
  employees.sort(
    (a, b) =>
      a.identity.nama.localeCompare(b.identity.nama, 'id') || a.identity.nip.localeCompare(b.identity.nip),
  );
  const cursorScope = `${deps.tenantId}|attendance-grid|${month}|${opd}`;
  const from = decodeCursor<{ o: number }>(query.nextToken, cursorScope)?.o ?? 0;
  const page = employees.slice(from, from + query.limit);
  const first = `${month}-01`;
  const items = await mapLimit(page, 8, async (e) => {
    const nip = e.identity.nip;
    const [bundleItems, disciplineItems, resultItem] = await Promise.all([
      deps.store.queryAll(keys.monthInputs(nip, month)),
      deps.store.queryAll(keys.disciplineRecords(nip)),
      deps.store.get(keys.monthlyResult(nip, month)),
    ]);
    const bundle = splitMonthBundle(bundleItems);
    const { leaves, sanctions } = splitDiscipline(disciplineItems);
    const unitId = unitIdOf(e.current.penempatan.opd, e.current.penempatan.unit);
    const classified = classifyMonth({
      nip,
      month,
      calendar: ctx.calendar,
      unit: unitId,
      rules: ctx.settings.attendance,
      events: bundle.events,
      corrections: [...bundle.corrections].sort((a, b) => a.at.localeCompare(b.at)),
      leaves,
    });
    const lastDay = classified.days.at(-1)?.date ?? first;
    const result = resultItem?.detail ? parse.result(resultItem) : undefined;
    const d = result?.detail.discipline as
      | {
          cuts?: { code: string; label: string; count: number; percent: number; target?: string }[];
          sanctions?: { skNumber: string; level: string; jenis: string; percent: number }[];
          cutPercentTotal?: number;
        }
      | undefined;
    return {
      nip,
      nama: e.identity.nama,
      unit: e.current.penempatan.unit,
      unitId,
      cells: classified.days.map((day) => ({
        date: day.date,
        code: gridCode(day),
        status: day.status,
        ...(day.source === 'KOREKSI' ? { corrected: true } : {}),
      })),
      counts: classified.codeCounts,
      statusCounts: classified.statusCounts,
      corrections: bundle.corrections.map((c) => ({ date: c.date, reason: c.reason, by: c.by, at: c.at })),
      leaves: leaves
        .filter((l) => l.from <= lastDay && l.to >= first)
        .map((l) => ({ kind: l.kind, from: l.from, to: l.to, skNumber: l.skNumber ?? null })),
      sanctions: sanctions
        .filter((s) => isActiveIn(s, month))
        .map((s) => ({
          skNumber: s.skNumber,
          level: s.level,
          jenis: s.jenis,
          startMonth: s.startMonth,
          durationMonths: s.durationMonths,
        })),
      tppCuts: result
        ? {
            computed: true as const,
            provisional: result.facts.provisional === true,
            computedAt: result.computedAt,
            items: d?.cuts ?? [],
            sanctions: d?.sanctions ?? [],
            attendancePercent: d?.cutPercentTotal ?? 0,
            sanctionPercent: Math.max(0, ...(d?.sanctions ?? []).map((s) => s.percent)),
          }
        : { computed: false as const },
    };
  });
  const next =
    from + query.limit < employees.length ? encodeCursor({ o: from + query.limit }, cursorScope) : undefined;
  const defaultPattern = ctx.calendar.defaultPattern;
  return {
    month,
    opd,
    total: employees.length,
    days: gridDays(
      calendarMonth(ctx.calendar, ctx.calendar.patterns[defaultPattern] ?? defaultPattern, month),
    ),
    items,
    ...(next ? { nextToken: next } : {}),
  };
}
