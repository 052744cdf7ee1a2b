import { addDays, addMonths } from '../../../core/discipline/calendar-date';
import { type LocalNow, localNow } from '../../../core/discipline/local-time';
import type { TenantSeed } from './employees';

/**
 * When the demo history happens, worked out from the real clock in the tenant's time zone: which months
 * have ended (and so may hold attendance, ratings and results), which two pay months before the current
 * one get a locked run, and the order in which a real pemda would have entered it all.
 */
export interface HistoryMonths {
  today: LocalNow;
  /** The month running now: no attendance, no rating, no run (the operator runs it in the console). */
  current: string;
  /** Performance months seeded, oldest first; every one has ended. */
  months: string[];
  /** Pay months with a locked run, oldest first: the two before the current one. */
  payMonths: string[];
  /** Pay month = performance month + lag (rulesets/tenants/*.json tpp.paymentLagMonths). */
  lag: number;
  /** Years that need an approved SKP: those of the seeded months and the current one. */
  years: number[];
}

export const PAY_MONTHS = 2;

export function historyMonths(nowIso: string, timeZone: string, lag: number): HistoryMonths {
  const today = localNow(nowIso, timeZone);
  const current = today.month;
  const payMonths = Array.from({ length: PAY_MONTHS }, (_, i) => addMonths(current, i - PAY_MONTHS));
  // From the TPP month of the first pay month up to the last month that has ended, which the current
  // month's run (left to the operator) pays when the lag is 1: lag 1 seeds three months, lag 0 two.
  const months: string[] = [];
  for (let m = addMonths(payMonths[0] as string, -lag); m < current; m = addMonths(m, 1)) months.push(m);
  const years = [...new Set([...months, current].map((m) => Number(m.slice(0, 4))))].sort();
  return { today, current, months, payMonths, lag, years };
}

/**
 * One step of the history. Steps at the same instant run together across tenants (the clock is shared
 * by the whole process); inside a tenant they run in the order listed.
 */
export type HistoryStep =
  | { kind: 'setup' }
  | { kind: 'skp'; year: number; nips: string[] }
  | { kind: 'month'; month: string }
  | { kind: 'sanction'; month: string }
  | { kind: 'run-start' | 'run-approve' | 'run-lock'; month: string };

export interface TimedStep {
  /** ISO instant the simulated clock is set to before the step. */
  at: string;
  tenantId: string;
  step: HistoryStep;
}

/**
 * A local date and time in WIB as an instant. SIGAP's tenants are in WIB, WITA or WIT (UTC+7 to +9), so
 * a WIB time between 00:00 and 14:59 is the same date in all three: one instant serves every tenant.
 */
export function wib(date: string, time: string): string {
  return new Date(`${date}T${time}:00+07:00`).toISOString();
}

/** The first day of the month after `month`, as a date. */
function dayAfter(month: string, day: number): string {
  return `${addMonths(month, 1)}-${String(day).padStart(2, '0')}`;
}

/**
 * The order a pemda lives the months in: employees, the tenant's library and calendar early in January;
 * SKPs drafted and approved in the first week of the year (or a few days after a later TMT); each month's
 * attendance, realisasi and ratings entered on the 1st of the next month and its results computed; the
 * disciplinary SK after the month whose absences it answers; each pay month's run started, approved and
 * locked once its own inputs are complete (a locked month refuses new inputs).
 */
export function historyTimeline(seed: TenantSeed, plan: HistoryMonths): TimedStep[] {
  const tenantId = seed.tenantId;
  const steps: TimedStep[] = [];
  const add = (at: string, step: HistoryStep) => steps.push({ at, tenantId, step });
  const firstYear = plan.years[0] as number;
  add(wib(`${firstYear}-01-02`, '08:00'), { kind: 'setup' });
  for (const year of plan.years) {
    const byDate = new Map<string, string[]>();
    for (const m of seed.members) {
      const e = m.employee;
      if (e.tmtEnd && e.tmtEnd < `${year}-01-01`) continue;
      const start = `${year}-01-05`;
      const joined = addDays(e.tmtStart, 4);
      const date = joined > start ? joined : start;
      if (date > `${year}-12-31`) continue;
      byDate.set(date, [...(byDate.get(date) ?? []), e.nip]);
    }
    for (const [date, nips] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
      add(wib(date, '09:00'), { kind: 'skp', year, nips });
    }
  }
  for (const month of plan.months) add(wib(dayAfter(month, 1), '09:00'), { kind: 'month', month });
  const sanctioned = plan.months.find((m) => addMonths(m, 1) < plan.current);
  if (sanctioned) add(wib(dayAfter(sanctioned, 1), '11:00'), { kind: 'sanction', month: sanctioned });
  for (const month of plan.payMonths) {
    add(wib(dayAfter(month, 1), '13:00'), { kind: 'run-start', month });
    add(wib(dayAfter(month, 1), '14:30'), { kind: 'run-approve', month });
    add(wib(dayAfter(month, 2), '09:00'), { kind: 'run-lock', month });
  }
  return steps;
}

/** Every tenant's steps merged in time order; equal instants keep each tenant's own order. */
export function mergeTimelines(timelines: readonly TimedStep[][]): TimedStep[][] {
  const all = timelines.flatMap((t) => t.map((s, i) => ({ ...s, i })));
  all.sort((a, b) => a.at.localeCompare(b.at) || a.tenantId.localeCompare(b.tenantId) || a.i - b.i);
  const groups: TimedStep[][] = [];
  for (const { i: _, ...s } of all) {
    const last = groups.at(-1);
    if (last && last[0]?.at === s.at) last.push(s);
    else groups.push([s]);
  }
  return groups;
}
