import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../core/auth/principal';
import { demoUsersFor } from '../../infra/local/seed/demo-users';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { seedHistoryViaApi, type TenantHistoryResult } from '../../infra/local/seed/seed-history';
import { startTestApi, type TestApi } from '../support/local-api';
import { appraisalDemo } from './demo-history-appraisal';
import { taxOfDemoMonth } from './demo-history-tax';
import { payrollYearDemo } from './demo-history-year';

/**
 * The demo history `npm start` seeds, read back over HTTP as the console would read it: every employee
 * with a pejabat penilai has an approved SKP, every hari kerja of the seeded months has a record, every
 * working employee was rated, one hukuman disiplin per tenant, the two pay months before the current one
 * are locked runs without error entries that pay TPP, and the current month has no run yet.
 */
const TENANTS = ['bantul', 'binjai', 'sofifi', 'bukitintan'] as const;
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ tenants: TENANTS, seed: true, history: true });
}, 600_000);
afterAll(async () => {
  await api?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely, as a client would.
type Json = any;

async function get(tenant: string, path: string, who: { sub: string; roles: Role[] }) {
  const token = await api.token({ tenant, sub: who.sub, roles: who.roles });
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, json: (await res.json()) as Json };
}

async function all(tenant: string, path: string, who: { sub: string; roles: Role[] }) {
  const items: Json[] = [];
  let next: string | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await get(
      tenant,
      `${path}${sep}limit=100${next ? `&nextToken=${encodeURIComponent(next)}` : ''}`,
      who,
    );
    expect(page.status, JSON.stringify(page.json)).toBe(200);
    items.push(...page.json.items);
    next = page.json.nextToken;
  } while (next);
  return items;
}

const bkpsdmOf = (tenant: string) => ({ sub: demoUsersFor(tenant)[0]!.sub, roles: ['bkpsdm'] as Role[] });
const historyOf = (tenant: string) => api.history.find((h) => h.tenant === tenant) as TenantHistoryResult;

describe('the demo history of bantul', () => {
  const tenant = 'bantul';
  const members = generateTenantSeed(tenant).members;
  const working = members.filter((m) => m.employee.kepegawaian.status === 'AKTIF');

  it('should give every employee with a pejabat penilai an SKP approved before the seeded months', async () => {
    const { months } = historyOf(tenant);
    const year = Number(months[0]!.slice(0, 4));
    for (const m of members) {
      const skp = await get(tenant, `/skp/${m.employee.nip}/${year}`, bkpsdmOf(tenant));
      if (!m.employee.penempatan.atasanNip) {
        // Kepala OPD: the API has no pejabat penilai for them (reported to the lead).
        expect(skp.status).toBe(404);
        continue;
      }
      expect(skp.status, m.employee.nip).toBe(200);
      const inForce = skp.json.revisions.find((r: Json) => r.revision === skp.json.inForceRevision);
      expect(inForce.status).toBe('DISETUJUI');
      expect(inForce.approvedAt < `${months[0]}-01`).toBe(true);
      expect(inForce.results.length).toBeGreaterThan(0);
    }
  });

  it('should hold a record for every hari kerja of every seeded month of every working employee', async () => {
    for (const month of historyOf(tenant).months) {
      for (const m of working) {
        const days = await get(tenant, `/attendance/${month}/${m.employee.nip}`, bkpsdmOf(tenant));
        expect(days.status).toBe(200);
        expect(days.json.workingDays).toBeGreaterThan(15);
        expect(days.json.statusCounts.DATA_BELUM_ADA, `${m.employee.nip} ${month}`).toBe(0);
        expect(days.json.statusCounts.HADIR).toBeGreaterThan(10);
      }
    }
  });

  it('should have rated every working employee with a pejabat penilai, mostly Baik, late now and then', async () => {
    const predikat: Record<string, number> = {};
    const codes: Record<string, number> = {};
    for (const month of historyOf(tenant).months) {
      const results = new Map(
        (await all(tenant, `/results/${month}`, bkpsdmOf(tenant))).map((r) => [r.nip, r]),
      );
      for (const m of working.filter((x) => x.employee.penempatan.atasanNip)) {
        const r = results.get(m.employee.nip);
        expect(r?.status, `${m.employee.nip} ${month}`).toBe('FINAL');
        predikat[r.predikat] = (predikat[r.predikat] ?? 0) + 1;
        for (const [code, n] of Object.entries(r.counts as Record<string, number>))
          codes[code] = (codes[code] ?? 0) + n;
      }
    }
    const rated = Object.values(predikat).reduce((s, n) => s + n, 0);
    expect((predikat.BAIK ?? 0) / rated).toBeGreaterThan(0.7);
    expect(predikat.SANGAT_BAIK ?? 0).toBeGreaterThan(0);
    expect(codes.TL1 ?? 0).toBeGreaterThan(0);
    expect(codes.TK ?? 0).toBeGreaterThanOrEqual(3);
  });
});

describe.each(TENANTS)('the demo history of %s', (tenant) => {
  it('should hold exactly one hukuman disiplin', async () => {
    let sanctions = 0;
    for (const m of generateTenantSeed(tenant).members) {
      const records = await all(tenant, `/discipline/${m.employee.nip}`, bkpsdmOf(tenant));
      sanctions += records.filter((r) => r.type === 'SANCTION').length;
    }
    expect(sanctions).toBe(1);
  });

  it('should lock the two pay months before the current one, without error entries, paying TPP', async () => {
    const { payMonths, current } = historyOf(tenant);
    expect(payMonths).toHaveLength(2);
    for (const month of payMonths) {
      const run = await get(tenant, `/runs/${month}-GAJI_TPP`, bkpsdmOf(tenant));
      expect(run.json.state, month).toBe('LOCKED');
      expect((await get(tenant, `/runs/${month}-GAJI_TPP/errors`, bkpsdmOf(tenant))).json.items).toEqual([]);
      const slips = await all(tenant, `/runs/${month}-GAJI_TPP/slips`, bkpsdmOf(tenant));
      expect(slips.length).toBe(generateTenantSeed(tenant).members.length);
      expect(slips.filter((s) => s.tpp > 0).length / slips.length).toBeGreaterThan(0.8);
    }
    expect((await get(tenant, `/runs/${current}-GAJI_TPP`, bkpsdmOf(tenant))).status).toBe(404);
  });
});

describe('a second seed of the same data', () => {
  it('should find every history complete and add nothing', async () => {
    const again = await seedHistoryViaApi(api.url, TENANTS);
    for (const h of again) {
      expect(h.alreadyComplete, h.tenant).toBe(true);
      expect(h.counts.skps + h.counts.realizations + h.counts.punches + h.counts.runsLocked).toBe(0);
      expect(h.requests).toBeLessThan(5);
    }
  });
});

describe('what the history prepares for the console', () => {
  it('should show the demo pegawai their slips of the locked months, with TPP', async () => {
    const pegawai = demoUsersFor('bantul').find((u) => u.label === 'pegawai')!;
    const { payMonths } = historyOf('bantul');
    const year = payMonths[0]!.slice(0, 4);
    const mine = await get('bantul', `/me/slips?year=${year}`, { sub: pegawai.sub, roles: ['pegawai'] });
    expect(mine.status, JSON.stringify(mine.json)).toBe(200);
    const months = mine.json.items.map((i: Json) => i.month);
    for (const m of payMonths.filter((x) => x.startsWith(year))) expect(months).toContain(m);
    const slip = await get('bantul', `/runs/${payMonths.at(-1)}-GAJI_TPP/slips/${pegawai.sub}`, {
      sub: pegawai.sub,
      roles: ['pegawai'],
    });
    expect(slip.status).toBe(200);
    expect(slip.json.slip.totals.tpp.penghasilan).toBeGreaterThan(0);
  });

  it('should let the operator run the current month without error entries (bantul pays last month’s TPP)', async () => {
    const operator = demoUsersFor('bantul').find((u) => u.label === 'operator')!;
    const token = await api.token({
      tenant: 'bantul',
      sub: operator.sub,
      roles: ['operator'],
      opds: operator.opds,
    });
    const { current } = historyOf('bantul');
    const started = await fetch(`${api.url}/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ month: current }),
    });
    expect(started.status).toBe(201);
    const { id } = (await started.json()) as Json;
    // The operator sees their OPD's part of the run; BKPSDM the whole of it.
    const run = await get('bantul', `/runs/${id}`, bkpsdmOf('bantul'));
    expect(run.json.counts.computed).toBe(generateTenantSeed('bantul').members.length);
    expect(run.json.counts.errors).toBe(0);
    expect((await get('bantul', `/runs/${id}/errors`, bkpsdmOf('bantul'))).json.items).toEqual([]);
  });
});

// The console's appraisal demo (issue 18) and the tax files of a locked demo month (issue 16), on the same seed.
appraisalDemo(() => api);
taxOfDemoMonth(() => api);
// Issue 15's THR, gaji 13, rapel, potongan lain and insentif prestasi: last, as it adds runs to the locked months.
payrollYearDemo(() => api);
