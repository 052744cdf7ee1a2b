import { expect, vi } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import { addMonths, clockMinutes } from '../../core/discipline/calendar-date';
import { workingDays } from '../../core/discipline/work-calendar';
import { lastDayOfMonth } from '../../core/payroll/snapshot';
import { demoAppraisalSettings } from '../../core/performance/appraisal-data';
import { appraisalSettingsInForce } from '../../core/performance/appraisal-settings';
import type { Skp } from '../../core/performance/skp';
import { unitIdOf } from '../../functions/appraisal/settings';
import { demoUsersFor } from '../../infra/local/seed/demo-users';
import { generateTenantSeed, type SeedMember } from '../../infra/local/seed/employees';
import { aPrincipal } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';

/**
 * Shared arrangement of the appraisal integration tests (in-process handlers on DynamoDB Local): the
 * demo people of a tenant as principals, seeding through POST /employees, and the month under test.
 *
 * The month under test is the one before the real current month, and the tests move the handlers' clock
 * (only `Date`; timers stay real) the way a month really goes: inputs are entered on its last day
 * (`clockInMonth`: an SKP approved then counts for the month, and no punch of the month lies in the
 * future), results are computed once it has ended (`clockAfterMonth`). Punches, realisasi and ratings
 * dated after the clock are refused, and a month's results before its end are only provisional.
 */
const REAL_MONTH = new Date().toISOString().slice(0, 7);
export const MONTH = addMonths(REAL_MONTH, -1);
export const YEAR = Number(MONTH.slice(0, 4));

function setClock(iso: string): void {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(iso));
}

/** The last day of MONTH at 12:00 UTC: 19:00 WIB, 20:00 WITA, 21:00 WIT, after every working hour. */
export function clockInMonth(day?: number): void {
  const date = day ? `${MONTH}-${String(day).padStart(2, '0')}` : lastDayOfMonth(MONTH);
  setClock(`${date}T12:00:00Z`);
}

/**
 * The first day of the month `monthsAfter` after MONTH at 03:00 UTC (10:00 WIB, 12:00 WIT): MONTH has
 * ended in every zone, and the run of that month may start.
 */
export function clockAfterMonth(monthsAfter = 1): void {
  setClock(`${addMonths(MONTH, monthsAfter)}-01T03:00:00Z`);
}

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * On-time punches (5 minutes early in, 5 minutes late out) on every hari kerja of the month for the
 * members of one OPD, from the tenant's calendar: what makes a month fully covered.
 */
export function onTimeAttendance(
  people: People,
  opd: string,
  month = MONTH,
  except: ReadonlySet<string> = new Set(),
) {
  const calendar = appraisalSettingsInForce(
    demoAppraisalSettings[people.tenantId as keyof typeof demoAppraisalSettings],
    month,
  ).value.workCalendar;
  return people.members
    .filter((m) => m.opd === opd && !except.has(m.employee.nip))
    .flatMap((m) =>
      workingDays(calendar, unitIdOf(opd, m.employee.penempatan.unit), month).flatMap((d) => [
        { nip: m.employee.nip, timestamp: `${d.date} ${hhmm(clockMinutes(d.hours.start) - 5)}`, type: 'IN' },
        { nip: m.employee.nip, timestamp: `${d.date} ${hhmm(clockMinutes(d.hours.end) + 5)}`, type: 'OUT' },
      ]),
    );
}

export function realClock(): void {
  vi.useRealTimers();
}

export interface People {
  tenantId: string;
  members: SeedMember[];
  pegawai: Principal;
  atasan: Principal;
  /** An atasan of another OPD: not the pegawai's pejabat penilai. */
  otherAtasan: Principal;
  operator: Principal;
  bkpsdm: Principal;
  auditor: Principal;
  operatorOpd: string;
}

export function peopleOf(tenantId: string): People {
  const seed = generateTenantSeed(tenantId);
  const users = demoUsersFor(tenantId);
  const user = (label: string) => users.find((u) => u.label === label)!;
  const p = (label: string) => {
    const u = user(label);
    return aPrincipal({ tenantId, sub: u.sub, roles: u.roles, opds: u.opds });
  };
  const atasan = p('atasan');
  const atasanOpd = seed.members.find((m) => m.employee.nip === atasan.sub)!.opd;
  const other = seed.members.find((m) => m.role === 'kabid' && m.opd !== atasanOpd)!;
  return {
    tenantId,
    members: seed.members,
    pegawai: p('pegawai'),
    atasan,
    otherAtasan: aPrincipal({ tenantId, sub: other.employee.nip, roles: ['atasan', 'pegawai'], opds: [] }),
    operator: p('operator'),
    bkpsdm: p('bkpsdm'),
    auditor: p('auditor'),
    operatorOpd: user('operator').opds[0]!,
  };
}

export function memberOf(people: People, nip: string): SeedMember {
  return people.members.find((m) => m.employee.nip === nip)!;
}

export async function seedEmployees(employeesWrite: Handler, people: People): Promise<void> {
  const admin = aPrincipal({ tenantId: people.tenantId, sub: 'seed.admin', roles: ['bkpsdm'] });
  for (let i = 0; i < people.members.length; i += 8) {
    await Promise.all(
      people.members.slice(i, i + 8).map(async (m) => {
        const res = await call(employeesWrite, 'POST /employees', { body: m.employee, principal: admin });
        expect(res.status, JSON.stringify(res.json)).toBe(201);
      }),
    );
  }
}

/** Drafts, submits and approves an SKP for `owner`, approved by `penilai`; returns the approved SKP. */
export async function approvedSkp(
  write: Handler,
  owner: Principal,
  penilai: Principal,
  draft: Record<string, unknown> = {},
): Promise<Skp & { version: number }> {
  const created = await call(write, 'POST /skp', { body: { year: YEAR, ...draft }, principal: owner });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const params = { nip: owner.sub, year: String(YEAR) };
  const submitted = await call(write, 'POST /skp/{nip}/{year}/submit', {
    params,
    body: { expectedVersion: created.json.version },
    principal: owner,
  });
  expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
  const approved = await call(write, 'POST /skp/{nip}/{year}/approve', {
    params,
    body: { expectedVersion: submitted.json.version },
    principal: penilai,
  });
  expect(approved.status, JSON.stringify(approved.json)).toBe(200);
  return approved.json;
}

/** One realisasi per indicator, exactly on the month's target: capaian 100% everywhere. */
export function onTargetRealizations(skp: Skp, month: string) {
  return skp.results.flatMap((r) =>
    r.indicators.map((i) => {
      const annual = i.target.aspect === 'KUALITAS' ? i.target.percent : i.target.value;
      const value = i.aggregation === 'SUM' ? Math.ceil((annual / 12) * 100) / 100 : annual;
      return { indicatorId: i.id, date: `${month}-02`, value, note: 'sesuai target' };
    }),
  );
}
