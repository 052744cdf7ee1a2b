import { tenantRegistry } from '../../../config/registry';
import { addMonths } from '../../../core/discipline/calendar-date';
import { localNow } from '../../../core/discipline/local-time';
import type { WorkCalendar } from '../../../core/discipline/work-calendar';
import { workingDays } from '../../../core/discipline/work-calendar';
import type { IndicatorLibrary } from '../../../core/performance/indicator-library';
import { indicatorsOf, type RencanaHasilKerja } from '../../../core/performance/skp';
import type { TenantConfig } from '../../../core/tenant/tenant-config';
import {
  baseIndicatorLibrary,
  payDisciplineRules,
  settingsFor,
  unitIdOf,
} from '../../../functions/appraisal/settings';
import { rulesetsFor } from '../../../functions/payroll/rulesets';
import { seedAppraisalDemo } from './appraisal-demo';
import { type DemoUser, demoUsers } from './demo-users';
import { generateTenantSeed, type SeedMember, type TenantSeed } from './employees';
import {
  type HistoryMonths,
  historyMonths,
  historyTimeline,
  mergeTimelines,
  type TimedStep,
} from './history-plan';
import { type AttendanceRow, type EvaluationBody, memberMonth, type RealizationBody } from './month-activity';
import { atasanLevels, seedTenantViaApi } from './seed-api';
import { type Actor, forEachLimited, type Reply, SeedClient } from './seed-client';
import { type SeedClock, withSeedClock } from './seed-clock';
import { skpDraft } from './skp-plan';
import { TENANT_LIBRARY_ENTRIES } from './skp-templates';
import { hasDemoProfile } from './tenant-profiles';
import { publicSatisfaction, type TenantStory, teamResults, tenantStory } from './tenant-story';
import { calendarForYear } from './work-calendar-seed';

/**
 * The demo history of every tenant with a demo profile, played through the API on the simulated clock
 * (seed-clock.ts) in the order a pemda lives it (history-plan.ts). Everything goes through the routes a
 * person would use, with that person's token, so every rule, lock and audit record applies. Each step
 * skips what is already there, so a second start on persisted data adds nothing.
 */
export interface HistoryCounts {
  skps: number;
  /** Kepala OPD: the API has no pejabat penilai for them (NO_PEJABAT_PENILAI), so no SKP. */
  withoutPejabatPenilai: number;
  realizations: number;
  evaluations: number;
  predikat: Record<string, number>;
  punches: number;
  tkDays: number;
  leaves: number;
  sanctions: number;
  resultMonths: number;
  runsLocked: number;
}

export interface TenantHistoryResult {
  tenant: string;
  /** False: no demo profile, the tenant starts empty. */
  profile: boolean;
  created: number;
  existing: number;
  /** The history was already complete (persisted data): nothing was played. */
  alreadyComplete: boolean;
  months: string[];
  payMonths: string[];
  current?: string;
  counts: HistoryCounts;
  requests: number;
  /** Wall time per kind of step (ms), to see where a slow seed spends it. */
  stepMs: Record<string, number>;
  ms: number;
}

export interface HistoryOptions {
  /** NIPs that already have an employee item (read from the table), to skip their POST. */
  existing?: (tenantId: string, nips: string[]) => Promise<ReadonlySet<string>>;
  /** How many requests one tenant keeps in flight. */
  concurrency?: number;
}

const emptyCounts = (): HistoryCounts => ({
  skps: 0,
  withoutPejabatPenilai: 0,
  realizations: 0,
  evaluations: 0,
  predikat: {},
  punches: 0,
  tkDays: 0,
  leaves: 0,
  sanctions: 0,
  resultMonths: 0,
  runsLocked: 0,
});

interface ApprovedSkp {
  id: string;
  results: RencanaHasilKerja[];
}

const runIdOf = (month: string) => `${month}-GAJI_TPP`;
const errorCode = (reply: Reply): string | undefined => reply.json?.error?.code;

class TenantHistory {
  readonly client: SeedClient;
  readonly seed: TenantSeed;
  readonly users: DemoUser[];
  readonly plan: HistoryMonths;
  readonly story: TenantStory;
  readonly result: TenantHistoryResult;
  private readonly byNip: Map<string, SeedMember>;
  private readonly skps = new Map<string, ApprovedSkp>();
  private readonly calendars = new Map<number, WorkCalendar>();
  private library: IndicatorLibrary | undefined;
  /** Data from an earlier start exists: check before adding what cannot be re-posted idempotently. */
  private resumed = false;

  constructor(
    readonly baseUrl: string,
    readonly tenantId: string,
    nowIso: string,
    generation: () => number,
    private readonly options: HistoryOptions,
  ) {
    this.client = new SeedClient(baseUrl, tenantId, generation);
    this.seed = generateTenantSeed(tenantId);
    this.users = demoUsers(this.seed);
    this.byNip = new Map(this.seed.members.map((m) => [m.employee.nip, m]));
    const tenant = tenantRegistry().get(tenantId) as TenantConfig;
    const timeZone = tenant.timeZone;
    // The history goes into a freshly seeded tenant, whose rules in force are still its seed file.
    const seedRules = rulesetsFor(tenant).rulesets.tenant;
    const lag = payDisciplineRules(seedRules, localNow(nowIso, timeZone).month).paymentLagMonths;
    this.plan = historyMonths(nowIso, timeZone, lag);
    const sanctionMonth = this.plan.months.find((m) => addMonths(m, 1) < this.plan.current);
    this.story = tenantStory(this.seed, this.plan.months, sanctionMonth);
    this.result = {
      tenant: tenantId,
      profile: true,
      created: 0,
      existing: 0,
      alreadyComplete: false,
      months: this.plan.months,
      payMonths: this.plan.payMonths,
      current: this.plan.current,
      counts: emptyCounts(),
      requests: 0,
      stepMs: {},
      ms: 0,
    };
  }

  private user(label: DemoUser['label']): Actor {
    const u = this.users.find((x) => x.label === label);
    if (!u) throw new Error(`seed: no demo ${label} in ${this.tenantId}`);
    return { sub: u.sub, roles: u.roles, opds: u.opds };
  }
  private get bkpsdm(): Actor {
    return this.user('bkpsdm');
  }
  private pegawai(nip: string): Actor {
    return { sub: nip, roles: ['pegawai'] };
  }
  private atasan(nip: string): Actor {
    return { sub: nip, roles: ['atasan', 'pegawai'] };
  }
  /** The OPD's own operator: a staff member of its Subbagian Umum (the demo operator for the first OPD). */
  private operatorOf(opd: string): Actor {
    const demo = this.user('operator');
    if (demo.opds?.includes(opd)) return demo;
    const inOpd = this.seed.members.filter((m) => m.opd === opd && m.role === 'staff');
    const pick =
      inOpd.find((m) => m.employee.penempatan.unit.startsWith('Subbagian')) ??
      inOpd[0] ??
      this.seed.members[0];
    return { sub: (pick as SeedMember).employee.nip, roles: ['operator'], opds: [opd] };
  }

  /** A tenant whose last pay month is locked has played its whole history before. */
  async isComplete(): Promise<boolean> {
    const last = this.plan.payMonths.at(-1) as string;
    const reply = await this.client.call('GET', `/runs/${runIdOf(last)}`, this.bkpsdm, undefined, [200, 404]);
    return reply.status === 200 && reply.json.state === 'LOCKED';
  }

  step(step: TimedStep['step']): Promise<void> {
    return this.timed(step.kind, () => this.play(step));
  }

  private async timed<T>(kind: string, fn: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      const ms = this.result.stepMs;
      ms[kind] = Math.round((ms[kind] ?? 0) + performance.now() - t0);
    }
  }

  private async play(step: TimedStep['step']): Promise<void> {
    switch (step.kind) {
      case 'setup':
        return this.setup();
      case 'skp':
        return this.skpsOf(step.year, step.nips);
      case 'month':
        return this.month(step.month);
      case 'sanction':
        return this.sanction();
      case 'run-start':
        return this.runStart(step.month);
      case 'run-approve':
        return this.runApprove(step.month);
      case 'run-lock':
        return this.runLock(step.month);
    }
  }

  /** Early January: the employees, the tenant's own library entries, the work calendars. */
  private async setup(): Promise<void> {
    const nips = this.seed.members.map((m) => m.employee.nip);
    const skipNips = this.options.existing ? await this.options.existing(this.tenantId, nips) : undefined;
    this.resumed = (skipNips?.size ?? 0) > 0;
    const employees = await seedTenantViaApi(this.baseUrl, this.seed, skipNips ? { skipNips } : {});
    this.result.created = employees.created;
    this.result.existing = employees.existing;
    await forEachLimited(TENANT_LIBRARY_ENTRIES, 4, async (entry) => {
      const { key, ...rest } = entry;
      await this.client.call(
        'PUT',
        `/indicator-library/${key}`,
        this.bkpsdm,
        { expectedVersion: 0, entry: rest },
        [200, 409],
      );
    });
    // The library as the API lists it (the tenant's entries and the shared ones), for drafting.
    this.library = {
      ...baseIndicatorLibrary(),
      jabatan: await this.client.all('/indicator-library', this.bkpsdm),
    };
    for (const year of this.plan.years) await this.calendar(year);
  }

  /** The year's work calendar; a year the calendar has no holidays for gets the fixed national ones. */
  private async calendar(year: number): Promise<WorkCalendar> {
    const known = this.calendars.get(year);
    if (known) return known;
    const reply = await this.client.call('GET', `/work-calendar/${year}`, this.bkpsdm);
    let calendar = reply.json.calendar as WorkCalendar;
    const filled = calendarForYear(calendar, year);
    if (filled) {
      await this.client.call('PUT', `/work-calendar/${year}`, this.bkpsdm, {
        expectedVersion: reply.json.version ?? 0,
        calendar: filled,
        reason: `Hari libur nasional bertanggal tetap ${year} (data demo)`,
      });
      calendar = filled;
    }
    this.calendars.set(year, calendar);
    return calendar;
  }

  /** Drafted by the pegawai, submitted, approved by the atasan; atasan before bawahan. */
  private async skpsOf(year: number, nips: readonly string[]): Promise<void> {
    const wanted = new Set(nips);
    for (const level of atasanLevels(this.seed.members)) {
      const members = level.filter((m) => wanted.has(m.employee.nip));
      await forEachLimited(members, this.options.concurrency ?? 6, (m) => this.approvedSkp(m, year));
    }
  }

  private async approvedSkp(member: SeedMember, year: number): Promise<void> {
    const nip = member.employee.nip;
    const atasanNip = member.employee.penempatan.atasanNip;
    if (!atasanNip) {
      this.result.counts.withoutPejabatPenilai += 1;
      return;
    }
    if (!this.library) throw new Error('seed: library not loaded');
    const draft = skpDraft(member, this.library, year, this.skps.get(`${atasanNip}|${year}`));
    const path = `/skp/${nip}/${year}`;
    let reply = await this.client.call(
      'POST',
      '/skp',
      this.pegawai(nip),
      { year, templateKey: draft.templateKey, results: draft.results },
      [201, 409],
    );
    let skp = reply.json;
    if (reply.status === 409) {
      if (errorCode(reply) !== 'SKP_EXISTS')
        throw new Error(`seed: SKP ${nip}: ${JSON.stringify(reply.json)}`);
      skp = (await this.client.call('GET', path, this.pegawai(nip))).json.revisions[0];
    }
    if (skp.status === 'DRAFT') {
      skp = (
        await this.client.call('POST', `${path}/submit`, this.pegawai(nip), { expectedVersion: skp.version })
      ).json;
    }
    if (skp.status === 'DIAJUKAN') {
      reply = await this.client.call('POST', `${path}/approve`, this.atasan(atasanNip), {
        expectedVersion: skp.version,
      });
      skp = reply.json;
      this.result.counts.skps += 1;
    }
    if (skp.status !== 'DISETUJUI') throw new Error(`seed: SKP ${nip} ${year} is ${skp.status}`);
    this.skps.set(`${nip}|${year}`, { id: skp.id, results: skp.results });
  }

  private async skpOf(nip: string, year: number): Promise<ApprovedSkp | undefined> {
    const key = `${nip}|${year}`;
    const known = this.skps.get(key);
    if (known || !this.byNip.get(nip)?.employee.penempatan.atasanNip) return known;
    // A resumed history: read the SKP in force.
    const reply = await this.client.call(
      'GET',
      `/skp/${nip}/${year}`,
      this.pegawai(nip),
      undefined,
      [200, 404],
    );
    const inForce = reply.status === 200 ? reply.json.inForceRevision : null;
    const skp =
      inForce === null
        ? undefined
        : reply.json.revisions.find((r: { revision: number }) => r.revision === inForce);
    if (skp) this.skps.set(key, { id: skp.id, results: skp.results });
    return skp ? { id: skp.id, results: skp.results } : undefined;
  }

  /** The 1st of the next month: unit scores, cuti, attendance, realisasi, ratings, then the results. */
  private async month(month: string): Promise<void> {
    const counts = this.result.counts;
    const settings = settingsFor(this.tenantId, month);
    const year = Number(month.slice(0, 4));
    const calendar = await this.calendar(year);
    const done = await this.client.call('GET', `/results/${month}?limit=1`, this.bkpsdm);
    if (done.json.items.length > 0) return;

    const unitIds = [
      ...new Set(this.seed.members.map((m) => unitIdOf(m.opd, m.employee.penempatan.unit))),
    ].sort();
    if (settings.publicSatisfaction.enabled || settings.teamResult.enabled) {
      await this.client.call('POST', `/unit-scores/${month}`, this.bkpsdm, {
        ...(settings.publicSatisfaction.enabled
          ? { publicSatisfaction: publicSatisfaction(this.tenantId, month, unitIds) }
          : {}),
        ...(settings.teamResult.enabled ? { teamResults: teamResults(this.tenantId, month, unitIds) } : {}),
      });
    }

    const plans = await Promise.all(
      this.seed.members.map(async (member) => {
        const nip = member.employee.nip;
        const skp = await this.skpOf(nip, year);
        const activity = memberMonth({
          tenantId: this.tenantId,
          member,
          month,
          days: workingDays(calendar, unitIdOf(member.opd, member.employee.penempatan.unit), month),
          ...(skp ? { indicators: indicatorsOf(skp) } : {}),
          mode: settings.evaluation.mode,
          tkDays: this.story.tk.get(nip)?.get(month) ?? 0,
          ...(nip === this.story.showcaseNip
            ? { showcase: { leaveDay: month === this.plan.months.at(-2) } }
            : {}),
        });
        return { member, activity };
      }),
    );

    // The pegawai's realisasi, then the atasan's rating (its preview reads them). Before the attendance
    // import: a rating's preview reads the month's records, and the punches are most of them.
    const limit = this.options.concurrency ?? 6;
    await this.timed('month.kinerja', () =>
      forEachLimited(plans, limit, async ({ member, activity }) => {
        await this.realizations(member, month, activity.realizations);
        if (activity.evaluation) await this.rate(member, month, activity.evaluation);
      }),
    );
    const leaves = plans.flatMap(({ member, activity }) =>
      activity.leaves.map((leave) => ({ member, leave })),
    );
    const imports = this.seed.opds
      .map((o) => ({
        opd: o.code,
        rows: plans.filter((p) => p.member.opd === o.code).flatMap((p) => p.activity.rows),
      }))
      .filter((i) => i.rows.length > 0);
    await this.timed('month.attendance', () =>
      Promise.all([
        forEachLimited(leaves, limit, async ({ member, leave }) => {
          const nip = member.employee.nip;
          const r = await this.client.call(
            'POST',
            `/discipline/${nip}/leave`,
            this.operatorOf(member.opd),
            leave,
            [201, 409],
          );
          if (r.status === 201) counts.leaves += 1;
        }),
        // One OPD file at a time: a few hundred rows each, and a persisted DynamoDB Local writes them slowly.
        forEachLimited(imports, 1, async ({ opd, rows }) => {
          await this.importAttendance(month, opd, rows);
          counts.punches += rows.filter((r) => r.type !== 'TK').length;
          counts.tkDays += rows.filter((r) => r.type === 'TK').length;
        }),
      ]),
    );

    const computed = await this.timed('month.compute', () =>
      this.client.call('POST', `/results/${month}/compute`, this.bkpsdm, {}),
    );
    if (computed.json.errors?.length) {
      throw new Error(`seed: results ${this.tenantId} ${month}: ${JSON.stringify(computed.json.errors)}`);
    }
    counts.resultMonths += 1;
  }

  /** Punch identities are content hashes: sending the same file again stores nothing twice. */
  private async importAttendance(month: string, opd: string, rows: readonly AttendanceRow[]): Promise<void> {
    const path = `/attendance/${month}/imports`;
    const reply = await this.client.call('POST', path, this.operatorOf(opd), { opd, rows }, [201, 500]);
    // A request over the API's time budget on a slow (persisted, busy) DynamoDB Local: once more.
    if (reply.status === 500)
      await this.client.call('POST', path, this.operatorOf(opd), { opd, rows }, [201]);
  }

  private async realizations(member: SeedMember, month: string, rows: readonly RealizationBody[]) {
    if (rows.length === 0) return;
    const nip = member.employee.nip;
    const base = `/skp/${nip}/${month.slice(0, 4)}/realizations`;
    if (this.resumed) {
      const had = await this.client.call('GET', `${base}?month=${month}&limit=1`, this.pegawai(nip));
      if (had.json.items.length > 0) return;
    }
    for (const r of rows) {
      await this.client.call('POST', base, this.pegawai(nip), r);
      this.result.counts.realizations += 1;
    }
  }

  private async rate(member: SeedMember, month: string, evaluation: EvaluationBody): Promise<void> {
    const atasanNip = member.employee.penempatan.atasanNip;
    if (!atasanNip) return;
    const reply = await this.client.call(
      'PUT',
      `/evaluations/${month}/${member.employee.nip}`,
      this.atasan(atasanNip),
      evaluation,
      [200, 409],
    );
    if (reply.status !== 200) return;
    const counts = this.result.counts;
    counts.evaluations += 1;
    const predikat = reply.json.preview?.predikat ?? 'TANPA_PREDIKAT';
    counts.predikat[predikat] = (counts.predikat[predikat] ?? 0) + 1;
  }

  private async sanction(): Promise<void> {
    const sanction = this.story.sanction;
    if (!sanction) return;
    const reply = await this.client.call(
      'POST',
      `/discipline/${sanction.nip}/sanctions`,
      this.bkpsdm,
      sanction.body,
      [201, 409],
    );
    if (reply.status === 201) this.result.counts.sanctions += 1;
  }

  /** The operator starts the pay month's run; a run with error entries means the demo data is wrong. */
  private async runStart(month: string): Promise<void> {
    let run = (await this.client.call('POST', '/runs', this.user('operator'), { month })).json;
    // `npm start` computes chunks in the background (SIGAP_LOCAL_ASYNC_CHUNKS): wait as the console does.
    const deadline = performance.now() + 120_000;
    while (run.state === 'DRAFT' && !(run.counts.chunks > 0 && run.counts.chunksDone === run.counts.chunks)) {
      if (performance.now() > deadline) throw new Error(`seed: run ${run.id} still computing after 120 s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
      run = (await this.client.call('GET', `/runs/${run.id}`, this.bkpsdm)).json;
    }
    if (run.state !== 'DRAFT') return;
    const errors = await this.client.call('GET', `/runs/${run.id}/errors`, this.bkpsdm);
    const open = (errors.json.items as { excluded?: unknown }[]).filter((e) => !e.excluded);
    if (open.length > 0) {
      throw new Error(
        `seed: run ${this.tenantId} ${run.id} has error entries: ${JSON.stringify(open).slice(0, 1500)}`,
      );
    }
    await this.budgets(month, run.totals as { opd: string; tpp: number }[]);
  }

  /** The year's TPP pagu per OPD, set once: a twelfth of it is this month's TPP with a margin. */
  private async budgets(month: string, totals: readonly { opd: string; tpp: number }[]): Promise<void> {
    const year = month.slice(0, 4);
    const existing = await this.client.call('GET', `/budgets/${year}`, this.bkpsdm);
    if (existing.json.items.length > 0) return;
    await forEachLimited(totals, 4, async (t) => {
      const paguTpp = Math.ceil((t.tpp * 12 * 1.1) / 1_000_000) * 1_000_000;
      await this.client.call('PUT', `/budgets/${year}/${t.opd}`, this.bkpsdm, {
        paguTpp,
        source: `DPA ${year} belanja TPP (DEMO)`,
      });
    });
  }

  private async runApprove(month: string): Promise<void> {
    await this.client.call('POST', `/runs/${runIdOf(month)}/approve`, this.bkpsdm, {}, [200, 409]);
  }

  private async runLock(month: string): Promise<void> {
    const reply = await this.client.call('POST', `/runs/${runIdOf(month)}/lock`, this.bkpsdm, {}, [200, 409]);
    if (reply.status === 200) this.result.counts.runsLocked += 1;
    else if (errorCode(reply) !== 'RUN_LOCKED')
      throw new Error(`seed: lock ${month}: ${JSON.stringify(reply.json)}`);
  }
}

function noProfile(tenant: string): TenantHistoryResult {
  return {
    tenant,
    profile: false,
    created: 0,
    existing: 0,
    alreadyComplete: false,
    months: [],
    payMonths: [],
    counts: emptyCounts(),
    requests: 0,
    stepMs: {},
    ms: 0,
  };
}

/**
 * Employees and their history for every tenant with a demo profile; a tenant without one starts empty.
 * Steps at the same instant run in parallel across tenants.
 */
export async function seedHistoryViaApi(
  baseUrl: string,
  tenantIds: readonly string[],
  options: HistoryOptions = {},
): Promise<TenantHistoryResult[]> {
  const started = performance.now();
  const nowIso = new Date().toISOString();
  let clockRef: SeedClock | undefined;
  const generation = () => clockRef?.generation ?? 0;
  const histories = tenantIds
    .filter(hasDemoProfile)
    .map((t) => new TenantHistory(baseUrl, t, nowIso, generation, options));
  const complete = await Promise.all(histories.map((h) => h.isComplete()));
  const toPlay = histories.filter((h, i) => {
    h.result.alreadyComplete = complete[i] as boolean;
    return !complete[i];
  });
  for (const h of histories.filter((x) => x.result.alreadyComplete)) {
    h.result.existing = h.seed.members.length;
  }
  if (toPlay.length > 0) {
    const byTenant = new Map(toPlay.map((h) => [h.tenantId, h]));
    const groups = mergeTimelines(toPlay.map((h) => historyTimeline(h.seed, h.plan)));
    await withSeedClock(async (clock) => {
      clockRef = clock;
      for (const group of groups) {
        clock.set((group[0] as TimedStep).at);
        const perTenant = new Map<string, TimedStep[]>();
        for (const s of group) perTenant.set(s.tenantId, [...(perTenant.get(s.tenantId) ?? []), s]);
        await Promise.all(
          [...perTenant].map(async ([tenant, steps]) => {
            const history = byTenant.get(tenant) as TenantHistory;
            for (const s of steps) await history.step(s.step);
          }),
        );
      }
      // What the console's appraisal journeys need, at the real "now" (the clock caps an instant to
      // it; moving the clock also renews the tokens): appraisal-demo.ts, issue 18.
      clock.set('9999-12-31T00:00:00Z');
      await Promise.all(toPlay.map((h) => seedAppraisalDemo(h.client, h.seed, h.users, h.plan)));
    });
  }
  const ms = Math.round(performance.now() - started);
  return tenantIds.map((t) => {
    const h = histories.find((x) => x.tenantId === t);
    if (!h) return noProfile(t);
    return { ...h.result, requests: h.client.requests, ms };
  });
}
