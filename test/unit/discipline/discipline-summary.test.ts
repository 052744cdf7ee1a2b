import { describe, expect, it } from 'vitest';
import { classifyMonth } from '../../../core/discipline/attendance';
import { disciplineSummary } from '../../../core/discipline/discipline-summary';
import { leaveEntries, leaveIssues } from '../../../core/discipline/leave';
import { workingDays } from '../../../core/discipline/work-calendar';
import { versionInForce } from '../../../core/rulesets/parameter';
import { demoTenantRulesets } from '../../../core/rulesets/tenant-data';
import { tenantParameter } from '../../../core/rulesets/tenant-ruleset';
import { aCalendar, aMonthInput, aSanction, fiveDay, NIP, punches, someRules } from './builders';

/** The attendance system's recap recorded the day as tanpa keterangan. */
const tkRow = (date: string) => ({ nip: NIP, date, time: '00:00', type: 'TK' as const });

const fullMonth = (month: string, except: readonly string[] = []) =>
  workingDays(aCalendar(), fiveDay(), month)
    .filter((d) => !except.includes(d.date))
    .flatMap((d) => punches(d.date, '07:25', '16:35'));

describe('disciplineSummary', () => {
  it('should send flaw and excuse counts but neither HADIR nor leave days as codes', () => {
    const events = [
      ...fullMonth('2026-01', ['2026-01-05', '2026-01-06', '2026-01-07']),
      ...punches('2026-01-05', '08:10', '16:00'),
      tkRow('2026-01-07'),
    ];
    const attendance = classifyMonth(
      aMonthInput({
        events,
        leaves: [{ nip: NIP, kind: 'CUTI_TAHUNAN', from: '2026-01-06', to: '2026-01-06' }],
      }),
    );
    const outcome = disciplineSummary({
      attendance,
      leaves: [{ nip: NIP, kind: 'CUTI_TAHUNAN', from: '2026-01-06', to: '2026-01-06' }],
      sanctions: [],
      tkDaysEarlierThisYear: 0,
    });
    expect(outcome.summary).toEqual({
      counts: { TL2: 1, TK: 1 },
      leave: [{ type: 'CUTI_TAHUNAN', days: 1 }],
      sanctions: [],
    });
    expect(outcome.workingDays).toBe(20);
    expect(outcome.coverage).toEqual({ workingDays: 20, daysWithData: 20, missingDates: [] });
  });

  // The reported case: a fresh tenant imported 4 punches on 1–2 December and got "19 hari kerja
  // berturut-turut … pemberhentian dengan hormat" and a 57% cut. Days without data are neither.
  it('should neither count TK nor warn for a month whose days mostly have no data', () => {
    const events = [...punches('2026-12-01', '07:25', '16:35'), ...punches('2026-12-02', '07:28', '16:31')];
    const attendance = classifyMonth(aMonthInput({ month: '2026-12', events }));
    const outcome = disciplineSummary({ attendance, leaves: [], sanctions: [], tkDaysEarlierThisYear: 0 });
    expect(outcome.summary.counts).toEqual({});
    expect(outcome.warnings).toEqual([]);
    expect(outcome.tk).toEqual({ thisMonth: 0, yearToDate: 0, longestStreak: 0, trailingStreak: 0 });
    const working = workingDays(aCalendar(), fiveDay(), '2026-12').map((d) => d.date);
    expect(outcome.coverage).toEqual({
      workingDays: working.length,
      daysWithData: 2,
      missingDates: working.filter((d) => d > '2026-12-02'),
    });
  });

  it('should count recorded TK only for PP 94/2021, a day without data breaking a streak', () => {
    // Six recorded TK days, one day without data, four more recorded: 10 in all, never 10 in a row.
    const march = workingDays(aCalendar(), fiveDay(), '2026-03').map((d) => d.date);
    const recorded = [...march.slice(0, 6), ...march.slice(7, 11)];
    const events = [...recorded.map(tkRow), ...march.slice(11).flatMap((d) => punches(d, '07:25', '16:35'))];
    const attendance = classifyMonth(aMonthInput({ month: '2026-03', events }));
    const outcome = disciplineSummary({ attendance, leaves: [], sanctions: [], tkDaysEarlierThisYear: 0 });
    expect(outcome.tk).toMatchObject({ thisMonth: 10, yearToDate: 10, longestStreak: 6 });
    // 7–10 days in a year: pernyataan tidak puas (PP 94/2021 Pasal 9); no PDH without 10 in a row.
    expect(outcome.warnings.map((w) => w.code)).toEqual(['PERNYATAAN_TIDAK_PUAS']);
    expect(outcome.coverage.missingDates).toEqual([march[6]]);
  });

  it('should include the sanctions running in the month', () => {
    const attendance = classifyMonth(aMonthInput({ month: '2026-03', events: fullMonth('2026-03') }));
    const outcome = disciplineSummary({
      attendance,
      leaves: [],
      sanctions: [
        aSanction({ startMonth: '2026-02' }),
        aSanction({ startMonth: '2026-04', skNumber: 'later' }),
      ],
      tkDaysEarlierThisYear: 0,
    });
    expect(outcome.summary.sanctions).toEqual([{ level: 'SEDANG', skNumber: '800/123/BKPSDM/2026' }]);
  });

  it('should warn on the year-to-date TK count and on a streak carried over from last month', () => {
    const events = [
      ...fullMonth('2026-02', ['2026-02-02', '2026-02-03', '2026-02-04']),
      ...['2026-02-02', '2026-02-03', '2026-02-04'].map(tkRow),
    ];
    const attendance = classifyMonth(aMonthInput({ month: '2026-02', events }));
    const outcome = disciplineSummary({
      attendance,
      leaves: [],
      sanctions: [],
      tkDaysEarlierThisYear: 8,
      tkStreakCarriedIn: 7,
    });
    expect(outcome.tk).toEqual({ thisMonth: 3, yearToDate: 11, longestStreak: 10, trailingStreak: 0 });
    expect(outcome.warnings.map((w) => w.code)).toEqual([
      'POTONGAN_TUNJANGAN_25_6_BULAN',
      'PDH_10_HARI_BERTURUT_TURUT',
    ]);
  });

  it('should leave CLTN out of the leave entries with a note', () => {
    const leaves = [{ nip: NIP, kind: 'CLTN' as const, from: '2026-01-01', to: '2026-12-31' }];
    const attendance = classifyMonth(aMonthInput({ leaves }));
    const outcome = disciplineSummary({ attendance, leaves, sanctions: [], tkDaysEarlierThisYear: 0 });
    expect(outcome.summary.leave).toEqual([]);
    expect(outcome.notes[0]).toMatch(/CLTN/);
    expect(attendance.statusCounts.CUTI).toBe(20);
  });
});

describe('leaveEntries', () => {
  const working = (month: string) => new Set(workingDays(aCalendar(), fiveDay(), month).map((d) => d.date));

  it('should count hari kerja of the month for per-day leave', () => {
    const leaves = [{ nip: NIP, kind: 'CUTI_TAHUNAN' as const, from: '2026-01-29', to: '2026-02-03' }];
    expect(leaveEntries(leaves, '2026-01', working('2026-01')).entries).toEqual([
      { type: 'CUTI_TAHUNAN', days: 2 },
    ]);
    expect(leaveEntries(leaves, '2026-02', working('2026-02')).entries).toEqual([
      { type: 'CUTI_TAHUNAN', days: 2 },
    ]);
  });

  it('should give the episode length to the end of the month for banded kinds, joining extensions', () => {
    const leaves = [
      { nip: NIP, kind: 'CUTI_SAKIT' as const, from: '2026-01-20', to: '2026-01-31' },
      { nip: NIP, kind: 'CUTI_SAKIT' as const, from: '2026-02-01', to: '2026-02-10' },
    ];
    const banded = new Set(['CUTI_SAKIT'] as const);
    expect(leaveEntries(leaves, '2026-01', working('2026-01'), banded).entries).toEqual([
      { type: 'CUTI_SAKIT', days: 12 },
    ]);
    expect(leaveEntries(leaves, '2026-02', working('2026-02'), banded).entries).toEqual([
      { type: 'CUTI_SAKIT', days: 22 },
    ]);
  });

  it('should number the months of cuti melahirkan and carry the child order', () => {
    const leaves = [
      { nip: NIP, kind: 'CUTI_MELAHIRKAN' as const, from: '2026-01-15', to: '2026-04-14', childOrder: 3 },
    ];
    expect(leaveEntries(leaves, '2026-03', working('2026-03')).entries).toEqual([
      { type: 'CUTI_MELAHIRKAN', days: 17, monthOfLeave: 3, childOrder: 3 },
    ]);
  });
});

describe('disciplineSummary against the tenant TPP code table', () => {
  function payCodes(tenant: 'bantul' | 'binjai'): string[] {
    const version = versionInForce(tenantParameter(demoTenantRulesets[tenant], 'tpp.attendance'), '2026-01');
    return (version?.value ?? []).map((row) => row.code);
  }

  it('should send only codes the pay engine has a rate for and name the others', () => {
    const events = [
      ...fullMonth('2026-01', ['2026-01-05', '2026-01-06']),
      ...punches('2026-01-05', '07:45', '16:00'),
    ];
    const excuses = [
      { nip: NIP, code: 'SAKIT', from: '2026-01-06', to: '2026-01-06', letterNumber: 'SKD/1' },
    ];
    const attendance = classifyMonth(
      aMonthInput({ calendar: aCalendar('binjai'), rules: someRules('binjai'), events, excuses }),
    );
    const outcome = disciplineSummary({
      attendance,
      leaves: [],
      sanctions: [],
      tkDaysEarlierThisYear: 0,
      // A pay table without the TL0 band (binjai's own table has it at 0%).
      payableCodes: payCodes('binjai').filter((c) => c !== 'TL0'),
    });
    expect(outcome.summary.counts).toEqual({});
    expect(outcome.unsentCounts).toEqual({ TL0: 1, SAKIT: 1 });
    expect(outcome.notes).toEqual([
      'kode TL0 (1×) tidak ada di tabel potongan TPP tenant; tidak dikirim ke perhitungan TPP',
    ]);
  });

  it('should send every flaw of the common pattern for a tenant whose tables agree', () => {
    const events = [...fullMonth('2026-01', ['2026-01-05']), ...punches('2026-01-05', '09:45', '14:00')];
    const attendance = classifyMonth(aMonthInput({ events }));
    const outcome = disciplineSummary({
      attendance,
      leaves: [],
      sanctions: [],
      tkDaysEarlierThisYear: 0,
      payableCodes: payCodes('bantul'),
    });
    expect(outcome.summary.counts).toEqual({ TL4: 1, PSW4: 1 });
    expect(outcome.unsentCounts).toEqual({});
  });
});

describe('leaveIssues', () => {
  it('should require the child order for cuti melahirkan and ordered dates', () => {
    expect(leaveIssues({ nip: NIP, kind: 'CUTI_MELAHIRKAN', from: '2026-01-10', to: '2026-01-01' })).toEqual([
      'tanggal mulai cuti setelah tanggal selesai',
      'cuti melahirkan wajib mencantumkan anak ke berapa',
    ]);
    expect(
      leaveIssues({ nip: NIP, kind: 'CUTI_MELAHIRKAN', from: '2026-01-01', to: '2026-03-31', childOrder: 1 }),
    ).toEqual([]);
  });
});
