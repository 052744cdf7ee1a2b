import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import type { StoredSlip } from '../../core/payroll/run-types';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { aPrincipal } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';
import { storeCoveredResults } from '../support/covered-results';
import { useTestTables } from '../support/dynamo';
import { deleteRun } from '../support/run-items';
import { pphByTer } from '../support/ter-reference';

/**
 * Issue 14: run kinds. A tenant paying the gaji induk and the TPP as two lists runs GAJI and TPP in the
 * same month; each slip carries only its list, and the second list's PPh is TER on the month's combined
 * bruto minus the PPh of the first (pph21.md §8, mode 1 — bantul's `tpp.pph`), so the two add up to
 * the PPh of one GAJI_TPP slip. Expected amounts come from the TER table of the domain reference.
 */
const TENANT = 'bantul';
const MONTH = '2026-08';
const db = useTestTables([TENANT]);
const bk = (sub: string): Principal => aPrincipal({ tenantId: TENANT, sub, roles: ['bkpsdm'] });
let nips: string[] = [];
let payrollWrite: Handler;
let slipsOf: (runId: string) => Promise<Map<string, StoredSlip>>;

beforeAll(async () => {
  const employeesWrite = (await import('../../functions/employees/write')).handler as Handler;
  payrollWrite = (await import('../../functions/payroll/write')).handler as Handler;
  const { allSlipsOfRun } = await import('../../functions/payroll/store/slip-store');
  const { decodeSlip } = await import('../../functions/payroll/slip-codec');
  slipsOf = async (runId) =>
    new Map(
      (await allSlipsOfRun(db.client, db.tableName(TENANT), runId)).map((r) => [
        r.nip,
        decodeSlip(r.payload),
      ]),
    );
  const seed = generateTenantSeed(TENANT).members.slice(0, 8);
  for (const m of seed) {
    const res = await call(employeesWrite, 'POST /employees', { body: m.employee, principal: bk('bk.seed') });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
  // bantul pays the TPP of the month before (lag 1).
  await storeCoveredResults(
    db.client,
    db.tableName(TENANT),
    seed.map((m) => ({ nip: m.employee.nip, opd: m.opd })),
    ['2026-07'],
  );
  nips = seed.map((m) => m.employee.nip);
}, 120_000);

async function run(kind: 'GAJI' | 'TPP' | 'GAJI_TPP') {
  const res = await call(payrollWrite, 'POST /runs', {
    body: { month: MONTH, kind },
    principal: bk('bk.start'),
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  expect(res.json.id).toBe(`${MONTH}-${kind}`);
  expect(res.json.counts.computed).toBe(nips.length);
  expect(res.json.counts.errors).toBe(0);
  return slipsOf(res.json.id);
}

describe('run kinds: GAJI and TPP lists apart, or both on one slip', () => {
  it('should pay each list only its lines, the two PPh adding up to one GAJI_TPP slip by the TER table, and refuse a kind that repeats a list', async () => {
    // The same month's data paid as one slip first; that run is then removed (a month pays each list once).
    const both = await run('GAJI_TPP');
    const refused = await call(payrollWrite, 'POST /runs', {
      body: { month: MONTH, kind: 'GAJI' },
      principal: bk('bk.start'),
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.issues[0].path).toBe('body.kind');
    await deleteRun(db.client, db.tableName(TENANT), `${MONTH}-GAJI_TPP`);
    const gaji = await run('GAJI');
    const tpp = await run('TPP');
    let tppTaxed = 0;
    for (const nip of nips) {
      const g = gaji.get(nip)!;
      const t = tpp.get(nip)!;
      const b = both.get(nip)!;
      expect(g.slip.lines.length).toBeGreaterThan(0);
      expect(new Set(g.slip.lines.map((l) => l.group))).toEqual(new Set(['GAJI']));
      expect(new Set(t.slip.lines.map((l) => l.group))).toEqual(new Set(['TPP']));
      expect(new Set(b.slip.lines.map((l) => l.group))).toEqual(new Set(['GAJI', 'TPP']));
      // Each list's money is its own: the two nets add up to the combined slip's.
      expect(g.slip.totals.tpp.penghasilan).toBe(0);
      expect(t.slip.totals.gaji.penghasilan).toBe(0);
      expect(g.slip.totals.bersih + t.slip.totals.bersih).toBe(b.slip.totals.bersih);

      const ptkp = b.input.employee.ptkpStatus;
      const brutoGaji = b.slip.meta.taxFacts.brutoGaji;
      const combined = brutoGaji + b.slip.meta.taxFacts.brutoTpp;
      expect(g.slip.meta.taxFacts.brutoGaji).toBe(brutoGaji);
      // The first list: TER on the gaji bruto. The second: TER on the month's combined bruto minus the first.
      expect(g.slip.meta.taxFacts.pphGaji).toBe(pphByTer(ptkp, brutoGaji));
      expect(t.slip.meta.taxFacts.pphTpp).toBe(pphByTer(ptkp, combined) - pphByTer(ptkp, brutoGaji));
      const pphOf = (s: StoredSlip) => s.slip.meta.taxFacts.pphGaji + s.slip.meta.taxFacts.pphTpp;
      expect(pphOf(g) + pphOf(t)).toBe(pphOf(b));
      expect(pphOf(b)).toBe(pphByTer(ptkp, combined));
      if (t.slip.meta.taxFacts.pphTpp > 0) tppTaxed++;
    }
    // The check means something only if the TPP list withholds PPh for someone.
    expect(tppTaxed).toBeGreaterThan(0);
  });
});
