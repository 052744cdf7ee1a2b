import type { Role } from '../../../core/auth/principal';
import { generateTenantSeed, type SeedMember, type TenantSeed } from './employees';
import { hasDemoProfile } from './tenant-profiles';

/**
 * One account per role and tenant, picked from the generated employees so each token's `sub` is a
 * real NIP in the seeded data: the atasan has bawahan, the pegawai reports to that atasan, the
 * operator works in the OPD they are scoped to.
 */
export interface DemoUser {
  tenant: string;
  label: 'bkpsdm' | 'operator' | 'atasan' | 'pegawai' | 'auditor' | 'penyetuju-aturan';
  sub: string;
  nama: string;
  roles: Role[];
  opds: string[];
  note: string;
}

export function demoUsers(seed: TenantSeed): DemoUser[] {
  const { tenantId: tenant, members } = seed;
  const firstOpd = seed.opds[0]!.code;
  const hrOpd = members.find((m) => m.role === 'kabid' && /^(BKPSDM|BKD)$/.test(m.opd))?.opd ?? firstOpd;
  const bkpsdm = need(members.find((m) => m.role === 'kabid' && m.opd === hrOpd));
  // Rule changes need a second BKPSDM user (four eyes, issue 17): the head of the same agency.
  const approver =
    members.find((m) => m.role === 'kepala' && m.opd === hrOpd) ??
    need(members.find((m) => m.opd === hrOpd && m !== bkpsdm && m.role !== 'staff'));
  const staffOf = (atasan: SeedMember) =>
    members.filter((m) => m.employee.penempatan.atasanNip === atasan.employee.nip && m.role === 'staff');
  const atasan = need(members.find((m) => m.role === 'kabid' && m.opd === firstOpd && staffOf(m).length > 0));
  const pegawai = need(staffOf(atasan)[0]);
  const operator = need(
    members.find(
      (m) => m.opd === firstOpd && m.employee.penempatan.unit.startsWith('Subbagian') && m.role === 'staff',
    ) ?? members.find((m) => m.opd === firstOpd && m.role === 'staff' && m !== pegawai),
  );
  const user = (
    label: DemoUser['label'],
    m: SeedMember,
    roles: Role[],
    opds: string[],
    note: string,
  ): DemoUser => ({
    tenant,
    label,
    sub: m.employee.nip,
    nama: m.employee.nama,
    roles,
    opds,
    note,
  });
  return [
    user(
      'bkpsdm',
      bkpsdm,
      ['bkpsdm'],
      [],
      `${bkpsdm.employee.jabatan.nama}: the whole tenant, read and write`,
    ),
    user('operator', operator, ['operator'], [firstOpd], `operator of ${firstOpd}: read and write inside it`),
    user('atasan', atasan, ['atasan', 'pegawai'], [], `${atasan.employee.jabatan.nama}: self and bawahan`),
    user('pegawai', pegawai, ['pegawai'], [], `${pegawai.employee.jabatan.nama}: own record only`),
    {
      tenant,
      label: 'auditor',
      sub: `inspektorat.${tenant}`,
      nama: 'Auditor Inspektorat',
      roles: ['auditor'],
      opds: [],
      note: 'Inspektorat: read everything, write nothing',
    },
    // Last, so the five role users keep their places (tests address them by index).
    user(
      'penyetuju-aturan',
      approver,
      ['bkpsdm'],
      [],
      `${approver.employee.jabatan.nama}: BKPSDM, approves the rule changes another BKPSDM user proposes`,
    ),
  ];
}

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('demo data has no member for a demo user; the generator changed');
  return value;
}

/** None for a tenant without a demo profile (it starts empty). */
export function demoUsersFor(tenantId: string): DemoUser[] {
  return hasDemoProfile(tenantId) ? demoUsers(generateTenantSeed(tenantId)) : [];
}

/** The command that mints this user's token, as printed by the start banner and the README. */
export function tokenCommand(user: DemoUser): string {
  const roles = user.roles.map((r) => ` --role ${r}`).join('');
  const opds = user.opds.map((o) => ` --opd ${o}`).join('');
  return `npm run -s token -- --tenant ${user.tenant}${roles}${opds} --sub ${user.sub}`;
}
