// First: employees here have no appraisal results; pay them without cuts rather than error them all.
import '../support/pay-without-cuts';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { rulesetFile } from '../../config/registry';
import type { Principal } from '../../core/auth/principal';
import { computeMonthlyPay, type Rulesets } from '../../core/pay/compute-monthly-pay';
import { addMonths } from '../../core/pay/month';
import type { PaySlip } from '../../core/pay/types';
import { monthInZone } from '../../core/payroll/lifecycle';
import type { StoredSlip } from '../../core/payroll/run-types';
import { nationalRuleset } from '../../core/rulesets/national-data';
import { parseTenantRuleset } from '../../core/rulesets/tenant-ruleset';
import { decodeSlip } from '../../functions/payroll/slip-codec';
import { allSlipsOfRun } from '../../functions/payroll/store/slip-store';
import { keys } from '../../functions/table/keys';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { aPrincipal } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';

/**
 * Issue 17 over the handlers and DynamoDB Local: a BKPSDM user proposes new TPP ceilings for kelas 7–9
 * from a locked month, previews them (per-OPD differences equal to a recomputation written here from
 * the seed file, not by the code under test), another approves; markers are raised, the next run pays
 * the kekurangan, and `verify` of the locked run still reports no difference.
 */
const db = useTestTables(['bantul']);
const T = 'bantul';
const table = () => db.tableName(T);

const seedMembers = generateTenantSeed(T).members;
// Every employee of kelas 7–9 in the first 200 of the demo tenant, and a handful of others.
const KELAS_789 = seedMembers.filter((m) => [7, 8, 9].includes(m.employee.jabatan.kelasJabatan)).slice(0, 12);
const OTHERS = seedMembers.filter((m) => ![7, 8, 9].includes(m.employee.jabatan.kelasJabatan)).slice(0, 8);
const MEMBERS = [...KELAS_789, ...OTHERS];

const bk = (sub: string): Principal => aPrincipal({ tenantId: T, sub, roles: ['bkpsdm'] });
const PROPOSER = bk('bk.aturan');
const APPROVER = bk('bk.penyetuju');
const operator = aPrincipal({ tenantId: T, sub: 'operator.disdik', roles: ['operator'], opds: ['DISDIK'] });

const NOW_MONTH = monthInZone(new Date().toISOString(), 'Asia/Jakarta');
const LOCKED_1 = addMonths(NOW_MONTH, -2);
const LOCKED_2 = addMonths(NOW_MONTH, -1);
/**
 * A month before the first locked one: the TPP paid in a month is for the performance month before it
 * (bantul's lag is 1) and follows that month's rules, so both locked months' TPP changes.
 */
const EFFECTIVE = `${addMonths(LOCKED_1, -1)}-01`;

let rulesRead: Handler;
let rulesWrite: Handler;
let payrollWrite: Handler;
let payrollRead: Handler;

/** New ceilings for kelas 7–9 (BK +150.000, PK +50.000), every other kelas as in force. */
function raisedCeilings(current: Record<string, Record<string, number>>) {
  const byKelas = structuredClone(current);
  for (const kelas of ['7', '8', '9']) {
    byKelas[kelas]!.BK = (byKelas[kelas]!.BK ?? 0) + 150_000;
    byKelas[kelas]!.PK = (byKelas[kelas]!.PK ?? 0) + 50_000;
  }
  return { byKelas };
}

/** The ceilings in force in a month, straight from the seed file the tenant starts from. */
function seedDocument() {
  return structuredClone(rulesetFile('tenants/bantul')) as {
    parameters: { id: string; versions: { from: string; value: unknown }[] }[];
  };
}
function seedCeilings(month: string) {
  const p = seedDocument().parameters.find((x) => x.id === 'tpp.ceilings')!;
  const v = p.versions.filter((x) => x.from <= `${month}-01`).at(-1)!;
  return (v.value as { byKelas: Record<string, Record<string, number>> }).byKelas;
}

/** The rules with the raised ceilings from `from`, built by hand from the seed document. */
function rulesWithRaise(from: string): Rulesets {
  const doc = seedDocument();
  const p = doc.parameters.find((x) => x.id === 'tpp.ceilings')!;
  p.versions.push({
    ...structuredClone(p.versions.at(-1)!),
    from,
    value: raisedCeilings(seedCeilings(from.slice(0, 7))),
  });
  return { national: nationalRuleset, tenant: parseTenantRuleset(doc, 'test') };
}
const seedRules = (): Rulesets => ({
  national: nationalRuleset,
  tenant: parseTenantRuleset(seedDocument(), 'test'),
});

/**
 * What a slip moves to the employee, as the rapel rule counts it (domain/rapel.md): income minus
 * deductions, without employer premiums shown on both sides and without the re-derived pembulatan.
 */
function movedToEmployee(slip: PaySlip): number {
  let sum = 0;
  for (const line of slip.lines) {
    if (line.passThrough || line.code === 'PEMBULATAN') continue;
    if (line.kind === 'PENGHASILAN') sum += line.amount;
    else if (line.kind === 'POTONGAN') sum -= line.amount;
  }
  return sum;
}

async function slipsOfRun(runId: string): Promise<StoredSlip[]> {
  return (await allSlipsOfRun(db.client, table(), runId)).map((r) => decodeSlip(r.payload));
}

async function payMonth(month: string, lock: boolean) {
  const started = await call(payrollWrite, 'POST /runs', { body: { month }, principal: bk('bk.start') });
  expect([200, 201], JSON.stringify(started.json)).toContain(started.status);
  const runId = started.json.id as string;
  if (!lock) return runId;
  const approved = await call(payrollWrite, 'POST /runs/{runId}/approve', {
    params: { runId },
    body: { acknowledgeBudget: true },
    principal: bk('bk.approver'),
  });
  expect(approved.status, JSON.stringify(approved.json)).toBe(200);
  const locked = await call(payrollWrite, 'POST /runs/{runId}/lock', {
    params: { runId },
    body: {},
    principal: bk('bk.approver'),
  });
  expect(locked.status, JSON.stringify(locked.json)).toBe(200);
  return runId;
}

const proposalBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Perubahan pagu TPP kelas 7–9',
  source: {
    regulation: 'Peraturan Bupati Bantul Nomor 7 Tahun 2026',
    article: 'Lampiran I',
    date: '2026-06-30',
  },
  effectiveFrom: EFFECTIVE,
  retroactiveReason: 'Perbup perubahan berlaku surut sejak bulan yang sudah dibayar',
  changes: [{ parameterId: 'tpp.ceilings', value: raisedCeilings(seedCeilings(EFFECTIVE.slice(0, 7))) }],
  ...overrides,
});

let changeId: string;
let lockedRun1: string;
let lockedRun2: string;

beforeAll(async () => {
  rulesRead = (await import('../../functions/rulesets/index')).handler as Handler;
  rulesWrite = (await import('../../functions/rulesets/write')).handler as Handler;
  payrollWrite = (await import('../../functions/payroll/write')).handler as Handler;
  payrollRead = (await import('../../functions/payroll/read')).handler as Handler;
  const employees = (await import('../../functions/employees/write')).handler as Handler;
  for (const m of MEMBERS) {
    const res = await call(employees, 'POST /employees', { body: m.employee, principal: bk('bk.admin') });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
  lockedRun1 = await payMonth(LOCKED_1, true);
  lockedRun2 = await payMonth(LOCKED_2, true);
}, 240_000);

describe('proposing a rules change', () => {
  it('asks for a reason when the date reaches back into locked months, naming them', async () => {
    const { retroactiveReason: _r, ...body } = proposalBody();
    const res = await call(rulesWrite, 'POST /rule-changes', { body, principal: PROPOSER });
    expect(res.status).toBe(400);
    expect(res.json.error.issues).toEqual([
      { path: 'body.retroactiveReason', message: expect.stringContaining(`${LOCKED_1}, ${LOCKED_2}`) },
    ]);
  });

  it('refuses a lateness ladder with a gap, naming the row, the field and the minutes', async () => {
    const attendance = (
      await call(rulesRead, 'GET /rulesets/{id}', { params: { id: 'tenant' }, principal: PROPOSER })
    ).json.rules.find((r: { id: string }) => r.id === 'tpp.attendance').value as {
      code: string;
      minutes?: { from: number; to: number | null };
    }[];
    const withGap = attendance.map((r) => (r.code === 'TL2' ? { ...r, minutes: { from: 31, to: 50 } } : r));
    const res = await call(rulesWrite, 'POST /rule-changes', {
      body: proposalBody({ changes: [{ parameterId: 'tpp.attendance', value: withGap }] }),
      principal: PROPOSER,
    });
    expect(res.status).toBe(400);
    const tl3 = attendance.findIndex((r) => r.code === 'TL3');
    expect(res.json.error.issues).toEqual([
      {
        path: `body.changes[0].value[${tl3}].minutes.from`,
        message: expect.stringMatching(/tangga TL berlubang: menit 51–60 antara TL2 dan TL3/),
      },
    ]);
  });

  it('refuses a ceiling for kelas 18, a percentage over 100 and a bad incentive rule, each by parameter and field', async () => {
    const res = await call(rulesWrite, 'POST /rule-changes', {
      body: proposalBody({
        changes: [
          { parameterId: 'tpp.ceilings', value: { byKelas: { ...seedCeilings(LOCKED_1), 18: { BK: 1 } } } },
          { parameterId: 'tpp.sanctions', value: { RINGAN: 10, SEDANG: 25, BERAT: 110 } },
          // Turning the insentif prestasi on with a cap above 100% of the ceiling and a negative rate.
          {
            parameterId: 'tpp.prestasi',
            value: {
              enabled: true,
              label: 'Insentif Prestasi Kerja',
              predikat: ['SANGAT_BAIK'],
              base: 'CEILING_TOTAL',
              percentOfBase: 0,
              teamResult: { targetPercent: 100, percentOfBasePerPoint: -1 },
              capPercent: 120,
              rounding: 'FLOOR',
              notWithSanction: true,
            },
          },
        ],
      }),
      principal: PROPOSER,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.changes[0].value.byKelas.18',
      'body.changes[1].value.BERAT',
      'body.changes[2].value.teamResult.percentOfBasePerPoint',
      'body.changes[2].value.capPercent',
    ]);
    // Nothing was written: the tenant still follows its seed file.
    const seed = await db.client.send(new GetCommand({ TableName: table(), Key: keys.rulesSeed() }));
    expect(seed.Item).toBeUndefined();
  });

  it('is refused to an operator (403) and stored, with the seed copied and an audit record, for BKPSDM', async () => {
    expect(
      (await call(rulesWrite, 'POST /rule-changes', { body: proposalBody(), principal: operator })).status,
    ).toBe(403);
    const res = await call(rulesWrite, 'POST /rule-changes', { body: proposalBody(), principal: PROPOSER });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    changeId = res.json.id;
    expect(res.json).toMatchObject({
      status: 'PROPOSED',
      proposedBy: PROPOSER.sub,
      firstMonth: EFFECTIVE.slice(0, 7),
      lockedMonths: [LOCKED_1, LOCKED_2],
      changes: [{ parameterId: 'tpp.ceilings', label: expect.stringContaining('Pagu TPP') }],
    });
    const seed = await db.client.send(new GetCommand({ TableName: table(), Key: keys.rulesSeed() }));
    expect(seed.Item?.file).toBe('rulesets/tenants/bantul.json');
    const audit = await db.client.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.auditOfEntity('ruleset', changeId).pk },
      }),
    );
    expect(audit.Items?.map((i) => [i.action, i.actor.sub])).toEqual([['PROPOSE_RULE_CHANGE', PROPOSER.sub]]);
  });
});

describe('previewing it', () => {
  it('gives per-OPD differences equal to a recomputation of the month’s slips under the raised ceilings', async () => {
    const res = await call(rulesRead, 'GET /rule-changes/{changeId}/preview', {
      params: { changeId },
      query: { month: LOCKED_2 },
      principal: APPROVER,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ runId: lockedRun2, runState: 'LOCKED', employees: MEMBERS.length });

    const before = seedRules();
    const after = rulesWithRaise(EFFECTIVE);
    const expected = new Map<string, { tppDiff: number; bersihDiff: number; affected: number }>();
    for (const s of await slipsOfRun(lockedRun2)) {
      const a = computeMonthlyPay(s.input, before);
      const b = computeMonthlyPay(s.input, after);
      const e = expected.get(s.header.opd) ?? { tppDiff: 0, bersihDiff: 0, affected: 0 };
      const tppDiff = b.totals.tpp.penghasilan - a.totals.tpp.penghasilan;
      e.tppDiff += tppDiff;
      e.bersihDiff += b.totals.bersih - a.totals.bersih;
      e.affected += tppDiff !== 0 ? 1 : 0;
      expected.set(s.header.opd, e);
    }
    const got = new Map(
      res.json.opds.map((o: { opd: string; tppDiff: number; bersihDiff: number; affected: number }) => [
        o.opd,
        { tppDiff: o.tppDiff, bersihDiff: o.bersihDiff, affected: o.affected },
      ]),
    );
    expect(got).toEqual(expected);
    // Only kelas 7–9 move, each by at least the raised BK/PK share they are paid.
    const total = [...expected.values()].reduce((sum, e) => sum + e.tppDiff, 0);
    expect(total).toBeGreaterThan(0);
    expect(
      res.json.mostAffected.every((p: { nip: string }) => KELAS_789.some((m) => m.employee.nip === p.nip)),
    ).toBe(true);
    // Both locked months get corrections: kekurangan for the kelas 7–9 employees.
    expect(res.json.corrections.map((c: { month: string }) => c.month)).toEqual([LOCKED_1, LOCKED_2]);
    for (const c of res.json.corrections) {
      expect(c.employees).toBeGreaterThan(0);
      expect(c.kekurangan).toBeGreaterThan(0);
    }
  });

  it('names the month when it has no run', async () => {
    const res = await call(rulesRead, 'GET /rule-changes/{changeId}/preview', {
      params: { changeId },
      query: { month: addMonths(NOW_MONTH, -20) },
      principal: APPROVER,
    });
    expect(res.status).toBe(404);
    expect(res.json.error.issues[0].path).toBe('query.month');
  });
});

describe('approving it', () => {
  it('refuses the proposer (four eyes) and leaves the change proposed', async () => {
    const res = await call(rulesWrite, 'POST /rule-changes/{changeId}/approve', {
      params: { changeId },
      body: {},
      principal: PROPOSER,
    });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('FOUR_EYES');
    expect(res.json.error.message).toContain('disetujui orang lain');
    const after = await call(rulesRead, 'GET /rule-changes/{changeId}', {
      params: { changeId },
      principal: PROPOSER,
    });
    expect(after.json.status).toBe('PROPOSED');
  });

  it('puts the ceilings in force from their date, raises markers for every affected employee, and is audited', async () => {
    const res = await call(rulesWrite, 'POST /rule-changes/{changeId}/approve', {
      params: { changeId },
      body: { note: 'Sesuai Perbup yang ditandatangani' },
      principal: APPROVER,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ status: 'APPROVED', decidedBy: APPROVER.sub, seq: 1 });
    // Affected: employees of kelas 7–9 who were paid TPP in the locked months.
    const affected = new Set<string>();
    const after = rulesWithRaise(EFFECTIVE);
    for (const runId of [lockedRun1, lockedRun2]) {
      for (const s of await slipsOfRun(runId)) {
        if (computeMonthlyPay(s.input, after).totals.bersih !== s.slip.totals.bersih)
          affected.add(s.header.nip);
      }
    }
    expect(affected.size).toBeGreaterThan(0);
    expect(res.json.markers).toEqual({ employees: affected.size, months: [LOCKED_1, LOCKED_2] });
    for (const nip of affected) {
      const marker = await db.client.send(
        new GetCommand({ TableName: table(), Key: keys.correctionMarker(nip) }),
      );
      expect(marker.Item, nip).toMatchObject({ entity: 'CORRECTION_MARKER', since: LOCKED_1 });
    }

    const inForce = await call(rulesRead, 'GET /rulesets/{id}', {
      params: { id: 'tenant' },
      query: { month: LOCKED_1 },
      principal: operator,
    });
    const ceilings = inForce.json.rules.find((r: { id: string }) => r.id === 'tpp.ceilings');
    expect(ceilings).toMatchObject({ from: EFFECTIVE, confidence: 'VERIFIED' });
    expect(ceilings.value.byKelas['8'].BK).toBe(seedCeilings(LOCKED_1)['8']!.BK! + 150_000);

    const history = await call(rulesRead, 'GET /rule-parameters/{parameterId}/history', {
      params: { parameterId: 'tpp.ceilings' },
      principal: operator,
    });
    const last = history.json.entries.at(-1);
    expect(last).toMatchObject({
      origin: 'CHANGE',
      status: 'APPROVED',
      proposedBy: PROPOSER.sub,
      decidedBy: APPROVER.sub,
      source: { regulation: 'Peraturan Bupati Bantul Nomor 7 Tahun 2026', date: '2026-06-30' },
    });
    expect(last.diff.map((d: { path: string }) => d.path).sort()).toEqual([
      'byKelas.7.BK',
      'byKelas.7.PK',
      'byKelas.8.BK',
      'byKelas.8.PK',
      'byKelas.9.BK',
      'byKelas.9.PK',
    ]);

    const audit = await db.client.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.auditOfEntity('ruleset', changeId).pk },
      }),
    );
    expect(audit.Items?.map((i) => i.action).sort()).toEqual(['APPROVE_RULE_CHANGE', 'PROPOSE_RULE_CHANGE']);
  });

  it('cannot approve or reject it twice', async () => {
    const again = await call(rulesWrite, 'POST /rule-changes/{changeId}/reject', {
      params: { changeId },
      body: { note: 'terlambat' },
      principal: APPROVER,
    });
    expect(again.status).toBe(409);
  });

  it('rejects another proposal with a note; a rejected change never applies', async () => {
    const proposed = await call(rulesWrite, 'POST /rule-changes', {
      body: proposalBody({
        title: 'Sanksi lebih berat',
        effectiveFrom: `${addMonths(NOW_MONTH, 1)}-01`,
        changes: [{ parameterId: 'tpp.sanctions', value: { RINGAN: 20, SEDANG: 40, BERAT: 100 } }],
      }),
      principal: PROPOSER,
    });
    expect(proposed.status, JSON.stringify(proposed.json)).toBe(201);
    const rejected = await call(rulesWrite, 'POST /rule-changes/{changeId}/reject', {
      params: { changeId: proposed.json.id },
      body: { note: 'Belum ada dasar hukum' },
      principal: APPROVER,
    });
    expect(rejected.status).toBe(200);
    expect(rejected.json).toMatchObject({
      status: 'REJECTED',
      note: 'Belum ada dasar hukum',
      decidedBy: APPROVER.sub,
    });
    const approve = await call(rulesWrite, 'POST /rule-changes/{changeId}/approve', {
      params: { changeId: proposed.json.id },
      body: {},
      principal: APPROVER,
    });
    expect(approve.status).toBe(409);
    const sanctions = (
      await call(rulesRead, 'GET /rulesets/{id}', {
        params: { id: 'tenant' },
        query: { month: addMonths(NOW_MONTH, 1) },
        principal: operator,
      })
    ).json.rules.find((r: { id: string }) => r.id === 'tpp.sanctions');
    expect(sanctions.value.BERAT).not.toBe(100);
  });
});

describe('after approval', () => {
  it('the next run pays the kekurangan of both locked months, and verify of a locked run reports no difference', async () => {
    const runId = await payMonth(NOW_MONTH, false);
    const slips = await slipsOfRun(runId);
    const after = rulesWithRaise(EFFECTIVE);
    let expectedTotal = 0;
    for (const old of [...(await slipsOfRun(lockedRun1)), ...(await slipsOfRun(lockedRun2))]) {
      expectedTotal += movedToEmployee(computeMonthlyPay(old.input, after)) - movedToEmployee(old.slip);
    }
    const lines = slips.flatMap((s) => s.corrections ?? []);
    expect(new Set(lines.map((l) => l.month))).toEqual(new Set([LOCKED_1, LOCKED_2]));
    expect(lines.some((l) => l.label.startsWith('Kekurangan TPP'))).toBe(true);
    expect(lines.reduce((sum, l) => sum + l.amount, 0)).toBe(expectedTotal);

    const verified = await call(payrollRead, 'GET /runs/{runId}/verify', {
      params: { runId: lockedRun1 },
      principal: APPROVER,
    });
    expect(verified.status, JSON.stringify(verified.json)).toBe(200);
    expect(verified.json.differences).toEqual([]);
    // The new run was computed with the approved version: verify recomputes it under that version too
    // (under the seed its kelas 7–9 TPP would differ), so each slip is checked against its own rules.
    expect(new Set(slips.map((s) => s.rulesetVersion)).size).toBe(1);
    expect(slips[0]!.rulesetVersion).not.toBe((await slipsOfRun(lockedRun1))[0]!.rulesetVersion);
    const verifiedNew = await call(payrollRead, 'GET /runs/{runId}/verify', {
      params: { runId },
      principal: APPROVER,
    });
    expect(verifiedNew.status, JSON.stringify(verifiedNew.json)).toBe(200);
    expect(verifiedNew.json).toMatchObject({ differences: [], slips: MEMBERS.length });
  });
});
