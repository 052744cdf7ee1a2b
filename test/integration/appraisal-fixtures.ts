import { expect } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import type { Skp } from '../../core/performance/skp';
import { demoUsersFor } from '../../infra/local/seed/demo-users';
import { generateTenantSeed, type SeedMember } from '../../infra/local/seed/employees';
import { aPrincipal } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';

/**
 * Shared arrangement of the appraisal integration tests (in-process handlers on DynamoDB Local): the
 * demo people of a tenant as principals, seeding through POST /employees, and the month under test.
 * The month is the current one because an SKP approved today only counts for months ending after today.
 */
export const MONTH = new Date().toISOString().slice(0, 7);
export const YEAR = Number(MONTH.slice(0, 4));

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
