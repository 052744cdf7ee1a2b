import { addMonths } from '../../../core/discipline/calendar-date';
import type { StoredEmployee } from '../../../core/employee/repository';
import type { IkmScore, TeamResult } from '../../../core/performance/evaluation-sources';
import { keys } from '../../table/keys';
import type { AppraisalDeps } from '../deps';
import { payDisciplineRules, rulesetCalendar, settingsFor } from '../settings';
import type { Item } from '../store/ports';
import { parse, type StoredResult, splitDiscipline, splitMonthBundle } from '../store/records';
import type { EmployeeMonthInputs, MonthContext } from './month-outcome';
import { awardsOfMonth } from './prestasi-awards';

/**
 * Reads what one month's outcome needs: the tenant-wide context once (settings, pay rules, calendar,
 * unit scores), then per employee five Queries on their own partitions and one on the atasan index.
 */
export async function workCalendarFor(year: number, deps: AppraisalDeps) {
  const stored = await deps.store.get(keys.workCalendar(year));
  return stored
    ? { source: 'TENANT' as const, ...parse.calendar(stored as Item) }
    : { source: 'RULESET' as const, year, calendar: rulesetCalendar(deps.tenantId, year), version: 0 };
}

export async function monthContext(month: string, deps: AppraisalDeps): Promise<MonthContext> {
  const settings = settingsFor(deps.tenantId, month);
  const [calendar, scores, tenantRules, prestasiAwards] = await Promise.all([
    workCalendarFor(Number(month.slice(0, 4)), deps),
    deps.store.queryAll(keys.unitScores(month)),
    deps.tenantRules(),
    awardsOfMonth(month, deps),
  ]);
  const publicSatisfaction: IkmScore[] = [];
  const teamResults: TeamResult[] = [];
  for (const item of scores) {
    if (item.kind === 'IKM') publicSatisfaction.push(item.score as IkmScore);
    else if (item.kind === 'TEAM') teamResults.push(item.score as TeamResult);
  }
  return {
    tenantId: deps.tenantId,
    month,
    settings,
    payRules: payDisciplineRules(tenantRules, month),
    calendar: calendar.calendar,
    publicSatisfaction,
    teamResults,
    prestasiAwards,
  };
}

/**
 * What a bulk compute already knows for every employee in scope, so each employee costs four Queries
 * instead of six: the previous month's results (one BatchGet for all) and, for a tenant-wide compute,
 * who reports to whom.
 */
export interface SharedInputs {
  previous?: ReadonlyMap<string, StoredResult>;
  bawahanOf?: ReadonlyMap<string, readonly string[]>;
}

export async function previousResults(nips: readonly string[], month: string, deps: AppraisalDeps) {
  const prev = addMonths(month, -1);
  const items = await deps.store.batchGet(nips.map((nip) => keys.monthlyResult(nip, prev)));
  return new Map(items.filter((i) => i.detail).map((i) => [String(i.nip), parse.result(i)]));
}

/** TK days carry over: the previous month's year-to-date when it was computed, else every month found. */
async function earlierResults(
  nip: string,
  month: string,
  deps: AppraisalDeps,
  shared: SharedInputs,
): Promise<StoredResult[]> {
  const known = shared.previous?.get(nip);
  if (known) return [known];
  if (!shared.previous) {
    const direct = await deps.store.get(keys.monthlyResult(nip, addMonths(month, -1)));
    if (direct?.detail) return [parse.result(direct as Item)];
  }
  if (month.endsWith('-01')) return [];
  return (await deps.store.queryAll(keys.monthlyResultsOfYear(nip, month.slice(0, 4))))
    .map(parse.result)
    .filter((r) => r.month < month);
}

export async function loadMonthInputs(
  employee: StoredEmployee,
  month: string,
  deps: AppraisalDeps,
  shared: SharedInputs = {},
): Promise<EmployeeMonthInputs> {
  const nip = employee.identity.nip;
  const year = Number(month.slice(0, 4));
  const atasanOf = keys.employeesByAtasan(nip);
  const [bundleItems, realizationItems, skpItems, disciplineItems, earlier, bawahanItems] = await Promise.all(
    [
      deps.store.queryAll(keys.monthInputs(nip, month)),
      deps.store.queryAll(keys.realizationsIn(nip, month)),
      deps.store.queryAll(keys.skpRevisions(nip, year)),
      deps.store.queryAll(keys.disciplineRecords(nip)),
      earlierResults(nip, month, deps, shared),
      shared.bawahanOf ? [] : deps.store.queryAll({ index: atasanOf.index, pk: atasanOf.pk }),
    ],
  );
  // "Atasan tidak menilai": when each bawahan's evaluation of the month was made.
  const bawahanNips = shared.bawahanOf
    ? [...(shared.bawahanOf.get(nip) ?? [])]
    : bawahanItems.map((i) => String(i.nip));
  const evaluations = bawahanNips.length
    ? await deps.store.batchGet(bawahanNips.map((b) => keys.evaluation(b, month)))
    : [];
  const assessedAt = new Map(evaluations.map(parse.evaluation).map((e) => [e.nip, e.assessment.assessedAt]));
  return {
    employee,
    skpRevisions: skpItems.map(parse.skp).map((s) => s.skp),
    realizations: realizationItems.map(parse.realization),
    bundle: splitMonthBundle(bundleItems),
    ...splitDiscipline(disciplineItems),
    earlierResults: earlier,
    bawahan: bawahanNips.map((b) => {
      const at = assessedAt.get(b);
      return { bawahanNip: b, ...(at ? { assessedAt: at } : {}) };
    }),
  };
}
