// First: next month's run pays this month's appraisal, so the tenants may run one month ahead.
import '../support/run-ahead-tenants';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../core/auth/principal';
import { addMonths, clockMinutes } from '../../core/discipline/calendar-date';
import { type WorkCalendar, workingDays } from '../../core/discipline/work-calendar';
import type { Skp } from '../../core/performance/skp';
import { payDisciplineRules, tenantConfig, unitIdOf } from '../../functions/appraisal/settings';
import { rulesetsFor } from '../../functions/payroll/rulesets';
import { demoUsersFor } from '../../infra/local/seed/demo-users';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { startTestApi, type TestApi } from '../support/local-api';

/**
 * The appraisal month end to end over HTTP with real tokens, for two tenants whose settings differ:
 * bantul (PermenPANRB matrix, no peer feedback) and bukitintan (PP 30/2019 nilai, IKM weighted 10%).
 * An employee drafts an SKP, the atasan approves and rates, attendance is imported, results are
 * computed, and the payroll run that pays the month's TPP shows the predikat and the TK cuts.
 *
 * The month is the last one before today; the server's clock (in process: only `Date` is moved) stands
 * on its last day while the month's inputs are entered, and on the first day after it for the results
 * and the run: nothing of a day to come may be recorded, and results are final only after the month.
 */
const TENANTS = ['bantul', 'bukitintan'] as const;
const MONTH = addMonths(new Date().toISOString().slice(0, 7), -1);
const YEAR = Number(MONTH.slice(0, 4));

function setClock(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(iso));
}
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ tenants: TENANTS, seed: true });
}, 180_000);
afterAll(async () => {
  vi.useRealTimers();
  await api?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely, as a client would.
type Json = Record<string, any>;

function client(tenant: string) {
  return async (
    method: string,
    path: string,
    who: { sub: string; roles: Role[]; opds?: string[] },
    body?: unknown,
  ) => {
    const token = await api.token({ tenant, sub: who.sub, roles: who.roles, opds: who.opds ?? [] });
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : undefined) as Json };
  };
}

function onTarget(skp: Skp) {
  return skp.results.flatMap((r) =>
    r.indicators.map((i) => {
      const annual = i.target.aspect === 'KUALITAS' ? i.target.percent : i.target.value;
      return {
        indicatorId: i.id,
        date: `${MONTH}-02`,
        value: i.aggregation === 'SUM' ? Math.ceil((annual / 12) * 100) / 100 : annual,
      };
    }),
  );
}

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

describe.each(TENANTS)('an appraisal month in %s, paid by the next payroll run', (tenant) => {
  it('should turn SKP, ratings and attendance into results the payroll pays TPP on', async () => {
    setClock(`${lastDay(MONTH)}T12:00:00Z`);
    const call = client(tenant);
    const seed = generateTenantSeed(tenant);
    const users = demoUsersFor(tenant);
    const user = (label: string) => users.find((u) => u.label === label)!;
    const member = (nip: string) => seed.members.find((m) => m.employee.nip === nip)!.employee;
    const pegawai = { sub: user('pegawai').sub, roles: ['pegawai'] as Role[] };
    const atasan = { sub: user('atasan').sub, roles: ['atasan', 'pegawai'] as Role[] };
    const kepala = { sub: member(atasan.sub).penempatan.atasanNip!, roles: ['atasan', 'pegawai'] as Role[] };
    const operator = {
      sub: user('operator').sub,
      roles: ['operator'] as Role[],
      opds: user('operator').opds,
    };
    const bkpsdm = { sub: user('bkpsdm').sub, roles: ['bkpsdm'] as Role[] };
    const opd = operator.opds[0]!;
    expect(member(pegawai.sub).penempatan.opd).toBe(opd);

    // SKPs: the pegawai (a guru) from the library's match, the atasan from a chosen template.
    const skps = new Map<string, Skp>();
    for (const [owner, penilai, draft] of [
      [pegawai, atasan, {}],
      [atasan, kepala, { templateKey: 'pelaksana-umum' }],
    ] as const) {
      const created = await call('POST', '/skp', owner, { year: YEAR, ...draft });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      expect(created.json.results.length).toBeGreaterThan(0);
      const base = `/skp/${owner.sub}/${YEAR}`;
      const submitted = await call('POST', `${base}/submit`, owner, {
        expectedVersion: created.json.version,
      });
      expect(submitted.json.status).toBe('DIAJUKAN');
      const approved = await call('POST', `${base}/approve`, penilai, {
        expectedVersion: submitted.json.version,
      });
      expect(approved.json.status, JSON.stringify(approved.json)).toBe('DISETUJUI');
      for (const r of onTarget(approved.json as Skp)) {
        expect((await call('POST', `${base}/realizations`, owner, r)).status).toBe(201);
      }
      skps.set(owner.sub, approved.json as Skp);
    }

    const unitOf = (nip: string) => unitIdOf(member(nip).penempatan.opd, member(nip).penempatan.unit);
    if (tenant === 'bukitintan') {
      const scores = [...new Set([unitOf(pegawai.sub), unitOf(atasan.sub)])].map((unitId) => ({
        unitId,
        score: 90,
        respondents: 150,
      }));
      expect(
        (await call('POST', `/unit-scores/${MONTH}`, bkpsdm, { publicSatisfaction: scores })).status,
      ).toBe(200);
    }

    const rating =
      tenant === 'bantul' ? { hasilKerja: 'SESUAI_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI' } : {};
    for (const [ratee, rater] of [
      [pegawai, atasan],
      [atasan, kepala],
    ] as const) {
      const rated = await call('PUT', `/evaluations/${MONTH}/${ratee.sub}`, rater, {
        expectedVersion: 0,
        ...rating,
        feedback: 'Baik.',
      });
      expect(rated.status, JSON.stringify(rated.json)).toBe(200);
      expect(rated.json.preview.predikat).toBe('BAIK');
    }

    // Attendance: the pegawai on time every hari kerja; the atasan absent on three of them, recorded
    // as TK by the attendance system's recap (a day with no record at all would be "data belum ada").
    const calendar = (await call('GET', `/work-calendar/${YEAR}`, bkpsdm)).json.calendar as WorkCalendar;
    const rows = [pegawai.sub, atasan.sub].flatMap((nip) =>
      workingDays(calendar, unitOf(nip), MONTH).flatMap((d, i) =>
        nip === atasan.sub && i < 3
          ? [{ nip, timestamp: d.date, type: 'TK' }]
          : [
              { nip, timestamp: `${d.date} ${hhmm(clockMinutes(d.hours.start) - 5)}`, type: 'IN' },
              { nip, timestamp: `${d.date} ${hhmm(clockMinutes(d.hours.end) + 5)}`, type: 'OUT' },
            ],
      ),
    );
    const imported = await call('POST', `/attendance/${MONTH}/imports`, operator, { opd, rows });
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);
    expect(imported.json.stored).toBe(rows.length);

    const early = await call('POST', `/results/${MONTH}/compute`, bkpsdm, {});
    expect(early.status).toBe(400);
    expect(early.json.error.code).toBe('MONTH_NOT_ENDED');
    setClock(`${addMonths(MONTH, 1)}-01T03:00:00Z`);
    const computed = await call('POST', `/results/${MONTH}/compute`, bkpsdm, {});
    expect(computed.status, JSON.stringify(computed.json)).toBe(200);
    expect(computed.json.computed).toBe(seed.members.length);
    const listed = await call('GET', `/results/${MONTH}?limit=100`, bkpsdm);
    expect(listed.json.items).toHaveLength(seed.members.length);
    // Coverage per OPD on the listing: both employees of the OPD here have every hari kerja covered.
    const opdCoverage = listed.json.coverage.find((c: Json) => c.opd === opd);
    expect(opdCoverage.attendanceComplete).toBeGreaterThanOrEqual(2);
    for (const r of listed.json.items) expect(r.status).toEqual(expect.any(String));
    const result = async (nip: string) => (await call('GET', `/results/${MONTH}/${nip}`, bkpsdm)).json;
    const good = await result(pegawai.sub);
    const absent = await result(atasan.sub);
    for (const r of [good, absent])
      expect(r.facts.performance).toMatchObject({ status: 'FINAL', predikat: 'BAIK' });
    if (tenant === 'bukitintan') {
      expect(good.detail.performance.nilai).toBeCloseTo(99, 0);
      expect(good.detail.performance.evidence.publicSatisfaction).toMatchObject({ ikm: 90 });
    }
    expect(good.facts.discipline.counts).toEqual({});
    expect(absent.facts.discipline.counts).toEqual({ TK: 3 });
    expect(absent.detail.discipline.cuts).toEqual([
      expect.objectContaining({ code: 'TK', count: 3, percent: 9 }),
    ]);
    const warnings = await call('GET', `/discipline-warnings/${MONTH}?opd=${opd}`, operator);
    expect(warnings.json.items.map((w: Json) => w.nip)).toContain(atasan.sub);

    // The run of the month that pays this month's TPP (performance month + the tenant's lag).
    const payMonth = addMonths(
      MONTH,
      payDisciplineRules(rulesetsFor(tenantConfig(tenant)).rulesets.tenant, MONTH).paymentLagMonths,
    );
    const run = await call('POST', '/runs', operator, { month: payMonth });
    expect(run.status, JSON.stringify(run.json)).toBe(201);
    const tppShare = async (nip: string) => {
      const slip = (await call('GET', `/runs/${run.json.id}/slips/${nip}`, bkpsdm)).json.slip;
      expect(slip.meta.tppPeriod).toBe(MONTH);
      const step = (id: string) => slip.trace.find((t: Json) => t.step === id);
      return { share: step('tpp.total').value / step('tpp.ceiling').value, tkCut: step('tpp.cut.TK') };
    };
    const paidGood = await tppShare(pegawai.sub);
    const paidAbsent = await tppShare(atasan.sub);
    expect(paidGood.share).toBeCloseTo(1, 2);
    expect(paidGood.tkCut).toBeUndefined();
    expect(paidAbsent.share).toBeCloseTo(0.91, 2);
    expect(paidAbsent.tkCut).toBeDefined();
  }, 120_000);
});
