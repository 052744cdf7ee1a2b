import { addMonths } from '../../../core/discipline/calendar-date';
import { demoUsers } from './demo-users';
import type { SeedMember, TenantSeed } from './employees';
import { createPrng } from './prng';

/**
 * The few tenant-wide facts of the demo history, fixed per tenant: who was absent without reason (and in
 * which month), the one hukuman disiplin that answers it, and the unit scores (IKM, team results) of the
 * tenants whose appraisal settings use them.
 */
export interface TenantStory {
  /** NIP → month → recorded TK days. */
  tk: Map<string, Map<string, number>>;
  /** PP 94/2021 Pasal 9: three days of TK in a year earn a teguran lisan (hukuman disiplin ringan). */
  sanction?: { nip: string; body: SanctionBody };
  /** The demo pegawai (the console's self-service user): a little lateness, one day of cuti. */
  showcaseNip?: string;
}

export interface SanctionBody {
  skNumber: string;
  skDate: string;
  level: 'RINGAN';
  jenis: 'TEGURAN_LISAN';
  startMonth: string;
  durationMonths: number;
}

/** Staff who are in service and active all through `months`, and are none of the demo users. */
function ordinaryStaff(seed: TenantSeed, months: readonly string[]): SeedMember[] {
  const users = new Set(demoUsers(seed).map((u) => u.sub));
  const first = `${months[0]}-01`;
  return seed.members.filter(
    (m) =>
      m.role === 'staff' &&
      !users.has(m.employee.nip) &&
      m.employee.kepegawaian.status === 'AKTIF' &&
      m.employee.tmtStart <= first &&
      !m.employee.tmtEnd,
  );
}

export function tenantStory(
  seed: TenantSeed,
  months: readonly string[],
  sanctionMonth?: string,
): TenantStory {
  const rng = createPrng(`${seed.tenantId}|story`);
  const staff = ordinaryStaff(seed, months);
  const tk = new Map<string, Map<string, number>>();
  const addTk = (nip: string, month: string, days: number) => {
    const byMonth = tk.get(nip) ?? new Map<string, number>();
    byMonth.set(month, (byMonth.get(month) ?? 0) + days);
    tk.set(nip, byMonth);
  };
  const story: TenantStory = { tk };
  const pegawai = demoUsers(seed).find((u) => u.label === 'pegawai');
  if (pegawai) story.showcaseNip = pegawai.sub;
  if (staff.length === 0) return story;

  const offender = staff[rng.int(0, staff.length - 1)] as SeedMember;
  if (sanctionMonth) {
    addTk(offender.employee.nip, sanctionMonth, 3);
    const start = addMonths(sanctionMonth, 1);
    const year = start.slice(0, 4);
    story.sanction = {
      nip: offender.employee.nip,
      body: {
        skNumber: `862/${String(rng.int(10, 99)).padStart(3, '0')}/HD/${year}`,
        skDate: `${start}-01`,
        level: 'RINGAN',
        jenis: 'TEGURAN_LISAN',
        startMonth: start,
        durationMonths: 1,
      },
    };
  }
  // Two more people each miss one day without notice somewhere in the history.
  const others = staff.filter((m) => m !== offender);
  for (let k = 0; k < Math.min(2, others.length); k++) {
    const m = others.splice(rng.int(0, others.length - 1), 1)[0] as SeedMember;
    addTk(m.employee.nip, months[rng.int(0, months.length - 1)] as string, 1);
  }
  return story;
}

/** Indeks kepuasan masyarakat per unit (0–100) and its respondents, for tenants that weigh it in. */
export function publicSatisfaction(tenantId: string, month: string, unitIds: readonly string[]) {
  return unitIds.map((unitId) => {
    const rng = createPrng(`${tenantId}|${unitId}|${month}|ikm`);
    return { unitId, service: 'UMUM', score: rng.int(780, 920) / 10, respondents: rng.int(40, 320) };
  });
}

/** Team achievement per unit (percent of the unit's own target), for tenants that use it. */
export function teamResults(tenantId: string, month: string, unitIds: readonly string[]) {
  return unitIds.map((unitId) => {
    const rng = createPrng(`${tenantId}|${unitId}|${month}|team`);
    return {
      unitId,
      achievementPercent: rng.next() < 0.15 ? rng.int(900, 980) / 10 : rng.int(1000, 1080) / 10,
    };
  });
}
