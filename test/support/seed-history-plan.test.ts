import { describe, expect, it } from 'vitest';
import { tenantRegistry } from '../../config/registry';
import { addMonths } from '../../core/discipline/calendar-date';
import { workingDays } from '../../core/discipline/work-calendar';
import { indicatorsOf, weightBasisPoints } from '../../core/performance/skp';
import {
  baseIndicatorLibrary,
  rulesetCalendar,
  settingsFor,
  unitIdOf,
} from '../../functions/appraisal/settings';
import { demoUsersFor } from '../../infra/local/seed/demo-users';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { historyMonths, historyTimeline, mergeTimelines, wib } from '../../infra/local/seed/history-plan';
import { memberMonth } from '../../infra/local/seed/month-activity';
import { withSeedClock } from '../../infra/local/seed/seed-clock';
import { tenantSummary } from '../../infra/local/seed/seed-report';
import { skpDraft, templateFor } from '../../infra/local/seed/skp-plan';
import { TENANT_LIBRARY_ENTRIES } from '../../infra/local/seed/skp-templates';
import { tenantStory } from '../../infra/local/seed/tenant-story';
import { calendarForYear } from '../../infra/local/seed/work-calendar-seed';

/** The demo history's plan, without the API: when things happen and what each month holds. */
const TENANTS = ['bantul', 'binjai', 'sofifi', 'bukitintan'] as const;
const NOW = '2026-12-03T06:00:00.000Z';
const library = {
  ...baseIndicatorLibrary(),
  jabatan: [...TENANT_LIBRARY_ENTRIES, ...baseIndicatorLibrary().jabatan],
};

describe('historyMonths', () => {
  it('should seed the months that have ended and lock the two pay months before the current one', () => {
    const lagOne = historyMonths(NOW, 'Asia/Jakarta', 1);
    expect(lagOne.current).toBe('2026-12');
    expect(lagOne.months).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(lagOne.payMonths).toEqual(['2026-10', '2026-11']);
    expect(lagOne.years).toEqual([2026]);
    // Lag 0: the runs of October and November pay those months' own TPP.
    expect(historyMonths(NOW, 'Asia/Jakarta', 0).months).toEqual(['2026-10', '2026-11']);
  });

  it('should read the current month in the tenant’s own time zone', () => {
    const night = '2026-11-30T16:30:00.000Z'; // 23:30 WIB on 30 November, 01:30 WIT on 1 December
    expect(historyMonths(night, 'Asia/Jakarta', 1).current).toBe('2026-11');
    expect(historyMonths(night, 'Asia/Jayapura', 1).current).toBe('2026-12');
    expect(historyMonths(night, 'Asia/Jayapura', 1).months.at(-1)).toBe('2026-11');
  });

  it('should ask for the SKPs of both years when the history crosses New Year', () => {
    const plan = historyMonths('2027-01-10T03:00:00.000Z', 'Asia/Makassar', 1);
    expect(plan.months).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(plan.years).toEqual([2026, 2027]);
  });
});

describe('historyTimeline', () => {
  const seed = generateTenantSeed('binjai');
  const plan = historyMonths(NOW, 'Asia/Jakarta', 1);
  const steps = historyTimeline(seed, plan);
  const at = (kind: string, month?: string) =>
    steps.find(
      (s) => s.step.kind === kind && (month === undefined || ('month' in s.step && s.step.month === month)),
    )?.at as string;

  it('should draft every SKP after the setup and before the first month is entered', () => {
    const skps = steps.filter((s) => s.step.kind === 'skp');
    const nips = skps.flatMap((s) => (s.step.kind === 'skp' ? s.step.nips : []));
    expect(new Set(nips)).toEqual(new Set(seed.members.map((m) => m.employee.nip)));
    for (const s of skps) expect(s.at > at('setup') && s.at < at('month', '2026-09')).toBe(true);
    // The CPNS whose TMT is 1 March 2026 drafts after starting, not on 5 January.
    const late = seed.members.find((m) => m.employee.tmtStart === '2026-03-01')!;
    const own = skps.find((s) => s.step.kind === 'skp' && s.step.nips.includes(late.employee.nip))!;
    expect(own.at).toBe(wib('2026-03-05', '09:00'));
  });

  it('should enter each month after it ended, and lock each run only after its own month is entered', () => {
    for (const month of plan.months)
      expect(at('month', month) >= wib(`${addMonths(month, 1)}-01`, '00:00')).toBe(true);
    for (const month of plan.payMonths) {
      expect(at('run-start', month) > at('month', month)).toBe(true);
      expect(at('run-approve', month) > at('run-start', month)).toBe(true);
      expect(at('run-lock', month) > at('run-approve', month)).toBe(true);
      expect(at('run-lock', month) < (at('month', addMonths(month, 1)) ?? '9999')).toBe(true);
    }
    expect(at('sanction') > at('month', '2026-09')).toBe(true);
    expect(at('sanction') < at('month', '2026-10')).toBe(true);
    expect(steps.some((s) => 'month' in s.step && s.step.month === plan.current)).toBe(false);
  });

  it('should merge tenants in time order, equal instants together', () => {
    const groups = mergeTimelines(TENANTS.map((t) => historyTimeline(generateTenantSeed(t), plan)));
    const instants = groups.map((g) => g[0]!.at);
    expect([...instants].sort()).toEqual(instants);
    for (const g of groups) expect(new Set(g.map((s) => s.at)).size).toBe(1);
    expect(
      groups
        .find((g) => g[0]!.step.kind === 'setup')!
        .map((s) => s.tenantId)
        .sort(),
    ).toEqual([...TENANTS].sort());
  });
});

describe.each(TENANTS)('a month of %s', (tenantId) => {
  const seed = generateTenantSeed(tenantId);
  const calendar = rulesetCalendar(tenantId, 2026);
  const settings = settingsFor(tenantId, '2026-10');
  const story = tenantStory(seed, ['2026-09', '2026-10', '2026-11'], '2026-09');
  const months = ['2026-09', '2026-10', '2026-11'];
  const activities = months.flatMap((month) =>
    seed.members.map((member) => {
      const draft = member.employee.penempatan.atasanNip
        ? skpDraft(member, library, 2026, undefined)
        : undefined;
      const days = workingDays(calendar, unitIdOf(member.opd, member.employee.penempatan.unit), month);
      const input = {
        tenantId,
        member,
        month,
        days,
        ...(draft ? { indicators: indicatorsOf(draft) } : {}),
        mode: settings.evaluation.mode,
        tkDays: story.tk.get(member.employee.nip)?.get(month) ?? 0,
        ...(member.employee.nip === story.showcaseNip ? { showcase: { leaveDay: month === '2026-10' } } : {}),
      };
      return { member, month, days, input, activity: memberMonth(input) };
    }),
  );

  it('should give every hari kerja in service exactly one record: punches, a TK row or cuti', () => {
    for (const { member, days, activity } of activities) {
      const e = member.employee;
      const inService = e.kepegawaian.status === 'AKTIF' ? days.filter((d) => d.date >= e.tmtStart) : [];
      const leave = (date: string) => activity.leaves.some((l) => l.from <= date && date <= l.to);
      for (const day of inService) {
        const rows = activity.rows.filter((r) => r.timestamp.startsWith(day.date));
        const covered =
          Number(leave(day.date)) +
          Number(rows.some((r) => r.type === 'TK')) +
          Number(rows.some((r) => r.type === 'IN'));
        expect(covered, `${e.nip} ${day.date}`).toBe(1);
      }
      expect(activity.rows.every((r) => inService.some((d) => r.timestamp.startsWith(d.date)))).toBe(true);
      expect(activity.serviceDays).toBe(inService.length);
    }
  });

  it('should be the same on every run', () => {
    const again = activities.slice(0, 8).map(({ input }) => memberMonth(input));
    expect(again).toEqual(activities.slice(0, 8).map((a) => a.activity));
  });

  it('should rate mostly Baik, some Sangat Baik, a few Butuh Perbaikan, and report every indicator', () => {
    const rated = activities.filter((a) => a.activity.evaluation);
    const share = (k: string) => rated.filter((a) => a.activity.kinerja === k).length / rated.length;
    expect(share('BAIK')).toBeGreaterThan(0.7);
    expect(share('SANGAT_BAIK')).toBeGreaterThan(0);
    expect(share('BUTUH_PERBAIKAN')).toBeGreaterThan(0);
    expect(share('BUTUH_PERBAIKAN')).toBeLessThan(0.15);
    for (const { input, activity } of rated) {
      expect(activity.realizations.map((r) => r.indicatorId)).toEqual(input.indicators!.map((i) => i.id));
    }
    // Tugas belajar and kepala OPD (no pejabat penilai) are not rated.
    for (const a of activities.filter((x) => x.member.employee.kepegawaian.status !== 'AKTIF')) {
      expect(a.activity.evaluation).toBeUndefined();
      expect(a.activity.rows).toEqual([]);
    }
  });

  it('should be late now and then, long lateness rarely, and record the story’s TK days', () => {
    const rows = activities.flatMap((a) => a.activity.rows.filter((r) => r.type === 'IN'));
    const late = activities.reduce((n, a) => n + a.activity.lateDays, 0);
    expect(late / rows.length).toBeGreaterThan(0.01);
    expect(late / rows.length).toBeLessThan(0.1);
    const tk = activities.flatMap((a) => a.activity.tkDates.map((d) => `${a.member.employee.nip} ${d}`));
    expect(tk).toHaveLength(
      [...story.tk.values()].flatMap((m) => [...m.values()]).reduce((s, n) => s + n, 0),
    );
    expect(activities.reduce((n, a) => n + a.activity.leaves.length, 0)).toBeGreaterThan(0);
  });

  it('should let the demo pegawai be late twice a month and take one day of cuti', () => {
    // Binjai's demo pegawai is on tugas belajar: no attendance at all.
    const own = activities.filter(
      (a) =>
        a.member.employee.nip === demoUsersFor(tenantId)[3]!.sub &&
        a.member.employee.kepegawaian.status === 'AKTIF',
    );
    if (own.length === 0) return;
    for (const a of own) expect(a.activity.lateDays).toBeGreaterThanOrEqual(2);
    expect(
      own.flatMap((a) => a.activity.leaves).some((l) => l.from === l.to && l.kind === 'CUTI_TAHUNAN'),
    ).toBe(true);
  });
});

describe('tenantStory', () => {
  it.each(TENANTS)(
    'should give %s one teguran lisan for three recorded TK days of an ordinary staff member',
    (t) => {
      const seed = generateTenantSeed(t);
      const story = tenantStory(seed, ['2026-09', '2026-10', '2026-11'], '2026-09');
      const { nip, body } = story.sanction!;
      expect(story.tk.get(nip)?.get('2026-09')).toBe(3);
      expect(body).toMatchObject({ level: 'RINGAN', jenis: 'TEGURAN_LISAN', startMonth: '2026-10' });
      expect(demoUsersFor(t).map((u) => u.sub)).not.toContain(nip);
      expect(seed.members.find((m) => m.employee.nip === nip)!.role).toBe('staff');
    },
  );
});

describe('SKP drafts', () => {
  it('should draft from the library entry of the jabatan, weights adding up to 100, cascaded from the atasan', () => {
    const seed = generateTenantSeed('bantul');
    const guru = seed.members.find((m) => m.employee.jabatan.nama.startsWith('Guru'))!;
    expect(templateFor(guru, library).key).toBe('guru');
    const kabid = seed.members.find((m) => m.role === 'kabid')!;
    expect(templateFor(kabid, library).key).toBe('struktural-kepala-bidang');
    const atasanDraft = skpDraft(kabid, library, 2026, undefined);
    const plan = { id: `SKP-${kabid.employee.nip}-2026`, results: atasanDraft.results };
    for (const m of seed.members.filter((x) => x.role !== 'kepala')) {
      const draft = skpDraft(m, library, 2026, plan);
      expect(weightBasisPoints(indicatorsOf(draft)), m.employee.jabatan.nama).toBe(10_000);
      for (const r of draft.results.filter((x) => x.jenis === 'UTAMA')) {
        expect(r.cascadedFrom?.skpId).toBe(plan.id);
        expect(plan.results.map((x) => x.id)).toContain(r.cascadedFrom?.resultId);
      }
    }
  });
});

describe('the seed clock', () => {
  it('should move Date to the instant asked, never into the future nor back, and restore it after', async () => {
    const real = Date;
    await withSeedClock(async (clock) => {
      clock.set('2026-01-05T02:00:00.000Z');
      expect(Math.abs(Date.now() - Date.parse('2026-01-05T02:00:00.000Z'))).toBeLessThan(5_000);
      expect(new Date().toISOString().slice(0, 10)).toBe('2026-01-05');
      expect(new Date(0).toISOString()).toBe('1970-01-01T00:00:00.000Z');
      expect(new Date() instanceof real).toBe(true);
      clock.set('2025-06-01T00:00:00.000Z');
      expect(new Date().toISOString().slice(0, 10)).toBe('2026-01-05');
      clock.set('2999-01-01T00:00:00.000Z');
      expect(Math.abs(Date.now() - real.now())).toBeLessThan(5_000);
    });
    expect(Date).toBe(real);
  });
});

describe('a tenant without a demo profile', () => {
  it('should start empty and say so in the banner', () => {
    expect(tenantSummary('ternate', 0, false)).toBe('ternate: tanpa data demo');
    expect(tenantSummary('bantul', 34, true)).toBe('bantul (34 pegawai)');
    expect(demoUsersFor('ternate')).toEqual([]);
    expect(tenantRegistry().has('bantul')).toBe(true);
  });
});

describe('calendarForYear', () => {
  it('should store the fixed national holidays for a year the settings do not cover, and leave a covered one', () => {
    const calendar = rulesetCalendar('bantul', 2026);
    expect(calendarForYear(calendar, 2026)).toBeUndefined();
    const filled = calendarForYear(calendar, 2027)!;
    expect(filled.holidays.map((h) => h.date)).toEqual([
      '2027-01-01',
      '2027-05-01',
      '2027-06-01',
      '2027-08-17',
      '2027-12-25',
    ]);
    expect(filled.ramadan).toEqual([]);
    expect(filled.patterns).toBe(calendar.patterns);
  });
});
