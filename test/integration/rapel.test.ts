// Employees here have no appraisal results of their own; pay them without cuts rather than error them all.
import '../support/pay-without-cuts';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import type { PaidRecord } from '../../core/payroll/run-types';
import { keys } from '../../functions/table/keys';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { aPrincipal } from '../builders/employee';
import { anHttpEvent, call, type Handler, lambdaContext } from '../builders/http-event';
import { storeCoveredResults } from '../support/covered-results';
import { useTestTables } from '../support/dynamo';
import { gajiPokokPns } from '../support/gaji-pokok-reference';

/**
 * Issue 15 "rapel that is paid": a KP whose TMT lies in a locked month is paid through a RAPEL run of
 * the payment month (rapel.md §2, §3, §6): nothing pending is refused, the run waits for the month's gaji
 * induk to be locked, its slip pays the kekurangan, its bank file transfers it, and its lock moves the
 * ledger's basis and clears the marker, so nothing is paid twice.
 */
const T = 'bantul';
const db = useTestTables([T]);
let employeesWrite: Handler;
let employeesRead: Handler;
let payrollWrite: Handler;
let payrollRead: Handler;
let reports: Handler;

const operator: Principal = aPrincipal({
  tenantId: T,
  sub: 'operator.gaji',
  roles: ['operator'],
  opds: ['*'],
});
const bkpsdm: Principal = aPrincipal({ tenantId: T, sub: 'kepala.bkpsdm', roles: ['bkpsdm'] });
let nips: string[] = [];
let promoted: { nip: string; from: string; to: string; years: number };
/** What the April rapel paid for March before its pembulatan (one month of the KP's difference). */
let marchNet = 0;

async function payMonth(month: string, kind = 'GAJI_TPP') {
  const started = await call(payrollWrite, 'POST /runs', { body: { month, kind }, principal: operator });
  expect(started.status, JSON.stringify(started.json)).toBeLessThan(300);
  const runId = started.json.id as string;
  const approved = await call(payrollWrite, 'POST /runs/{runId}/approve', {
    params: { runId },
    body: { acknowledgeBudget: true },
    principal: bkpsdm,
  });
  expect(approved.status, JSON.stringify(approved.json)).toBe(200);
  const locked = await call(payrollWrite, 'POST /runs/{runId}/lock', {
    params: { runId },
    body: {},
    principal: bkpsdm,
  });
  expect(locked.json.state).toBe('LOCKED');
  return started.json;
}

const nextGolongan = (g: string) => g.replace(/[a-d]$/, (c) => String.fromCharCode(c.charCodeAt(0) + 1));

beforeAll(async () => {
  employeesWrite = (await import('../../functions/employees/write')).handler as Handler;
  employeesRead = (await import('../../functions/employees/read')).handler as Handler;
  payrollWrite = (await import('../../functions/payroll/write')).handler as Handler;
  payrollRead = (await import('../../functions/payroll/read')).handler as Handler;
  reports = (await import('../../functions/reports/index')).handler as Handler;
  const members = generateTenantSeed(T).members.slice(0, 6);
  for (const member of members) {
    const res = await call(employeesWrite, 'POST /employees', { body: member.employee, principal: bkpsdm });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
  nips = members.map((x) => x.employee.nip);
  await storeCoveredResults(
    db.client,
    db.tableName(T),
    members.map((x) => ({ nip: x.employee.nip, opd: x.opd })),
    ['2026-02', '2026-03', '2026-04', '2026-05'],
  );
}, 120_000);

describe('a KP in a locked month is paid through a RAPEL run', () => {
  it('refuses a RAPEL run with nothing pending, and writes nothing', async () => {
    await payMonth('2026-03');
    const res = await call(payrollWrite, 'POST /runs', {
      body: { month: '2026-03', kind: 'RAPEL' },
      principal: operator,
    });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('NOTHING_PENDING');
    expect(res.json.error.issues[0].path).toBe('body.kind');
    const run = await call(payrollRead, 'GET /runs/{runId}', {
      params: { runId: '2026-03-RAPEL' },
      principal: bkpsdm,
    });
    expect(run.status).toBe(404);
  }, 120_000);

  it('marks the KP with TMT 1 March, and waits for April’s gaji induk to be locked', async () => {
    for (const nip of nips) {
      const emp = await call(employeesRead, 'GET /employees/{nip}', { params: { nip }, principal: bkpsdm });
      const g = emp.json.pangkat.golongan as string;
      if (emp.json.kepegawaian.jenisAsn !== 'PNS' || !/^(II|III)\/[a-c]$|^IV\/[a-d]$/.test(g)) continue;
      promoted = { nip, from: g, to: nextGolongan(g), years: emp.json.masaKerja.years as number };
      const kp = await call(employeesWrite, 'PATCH /employees/{nip}', {
        params: { nip },
        body: {
          expectedVersion: emp.json.version,
          effectiveFrom: '2026-03-01',
          reason: 'SK kenaikan pangkat terlambat (TMT 1 Maret 2026)',
          pangkat: { golongan: promoted.to, tmt: '2026-03-01' },
        },
        principal: bkpsdm,
      });
      expect(kp.status, JSON.stringify(kp.json)).toBe(200);
      break;
    }
    expect(promoted).toBeDefined();
    const marker = await db.client.send(
      new GetCommand({ TableName: db.tableName(T), Key: keys.correctionMarker(promoted.nip) }),
    );
    expect(marker.Item).toBeDefined();
    const early = await call(payrollWrite, 'POST /runs', {
      body: { month: '2026-04', kind: 'RAPEL' },
      principal: operator,
    });
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('RUN_KIND_ORDER');
  }, 120_000);

  it('pays the kekurangan on its own slip and bank file, and nothing twice', async () => {
    await payMonth('2026-04');
    const run = await payMonth('2026-04', 'RAPEL');
    expect(run.id).toBe('2026-04-RAPEL');
    // Only the employee with a marker is on the list.
    expect(run.counts).toMatchObject({ employees: 1, computed: 1, errors: 0 });
    const slip = await call(payrollRead, 'GET /runs/{runId}/slips/{nip}', {
      params: { runId: run.id, nip: promoted.nip },
      principal: bkpsdm,
    });
    expect(slip.status).toBe(200);
    const line = (code: string) =>
      (slip.json.slip.lines as { code: string; amount: number }[]).find((l) => l.code === code)?.amount ?? 0;
    // One month (March) of the PP 5/2024 grid step from the old golongan to the new, same MKG.
    const diff = gajiPokokPns(promoted.to, promoted.years) - gajiPokokPns(promoted.from, promoted.years);
    expect(diff).toBeGreaterThan(0);
    expect(line('GAJI_POKOK')).toBe(diff);
    // Taspen 8% is taken on back pay (rapel.md §3): 8% of the new base minus 8% of the old.
    expect(line('POT_IWP_TASPEN_8')).toBeGreaterThan(0);
    const rapel = slip.json.slip.meta.rapel;
    expect(rapel.months.map((m: { month: string }) => m.month)).toEqual(['2026-03']);
    expect(slip.json.slip.totals.bersih % 100).toBe(0);
    expect(slip.json.slip.totals.bersih).toBe(rapel.bersih);
    marchNet = rapel.netBeforePembulatan;

    const bank = await reports(
      anHttpEvent('GET /runs/{runId}/exports/{exportId}', {
        params: { runId: run.id, exportId: 'bank-file' },
        query: { opd: slip.json.header.opd },
        principal: bkpsdm,
      }),
      lambdaContext,
    );
    const raw = String(bank.body ?? '');
    expect(bank.statusCode, raw.slice(0, 300)).toBe(200);
    const file = Buffer.from(raw, bank.isBase64Encoded ? 'base64' : 'utf8').toString('utf8');
    expect(file).toContain(String(slip.json.slip.totals.bersih));

    // The daftar kekurangan gaji: the gaji list's columns under its own title, the months it corrects noted.
    const docs = (await import('../../functions/payroll/docs')).handler as Handler;
    const list = await docs(
      anHttpEvent('GET /runs/{runId}/documents/{document}', {
        params: { runId: run.id, document: 'daftar-gaji' },
        query: { opd: slip.json.header.opd },
        principal: bkpsdm,
      }),
      lambdaContext,
    );
    expect(list.statusCode, String(list.body).slice(0, 300)).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(String(list.body), 'base64') as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells).toContain('DAFTAR KEKURANGAN GAJI (RAPEL) PEGAWAI');
    expect(
      cells.some((c) => String(c).startsWith('Kekurangan gaji bulan Maret 2026 dibayar pada April 2026')),
    ).toBe(true);
    expect(cells).toContain(diff);

    // A locked rapel is recomputed from its own stored input (the corrected months and what they paid).
    const verify = await call(payrollRead, 'GET /runs/{runId}/verify', {
      params: { runId: run.id },
      principal: bkpsdm,
    });
    expect(verify.json).toMatchObject({ ok: true, differences: [] });

    // The lock cleared the marker and made March "paid at the recomputed amount".
    const marker = await db.client.send(
      new GetCommand({ TableName: db.tableName(T), Key: keys.correctionMarker(promoted.nip) }),
    );
    expect(marker.Item).toBeUndefined();
    const ledger = await db.client.send(
      new QueryCommand({
        TableName: db.tableName(T),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: {
          ':pk': keys.paidLedgerPrefix(promoted.nip).pk,
          ':sk': `${keys.paidLedgerPrefix(promoted.nip).skPrefix}2026-03#`,
        },
      }),
    );
    const march = (ledger.Items ?? []).map((i) => i.record as PaidRecord).find((r) => r.kind === 'GAJI_TPP');
    expect(march?.lineAmounts.GAJI_POKOK).toBe(gajiPokokPns(promoted.to, promoted.years));

    // May's gaji induk shows no difference left, and there is nothing left for a RAPEL run.
    const may = await call(payrollWrite, 'POST /runs', { body: { month: '2026-05' }, principal: operator });
    const maySlip = await call(payrollRead, 'GET /runs/{runId}/slips/{nip}', {
      params: { runId: may.json.id, nip: promoted.nip },
      principal: bkpsdm,
    });
    expect(maySlip.json.corrections ?? []).toEqual([]);
  }, 240_000);

  it('recovers a kelebihan by instalments on the next gaji slips, never below a zero net', async () => {
    // The SK is withdrawn back to TMT 1 March: March (paid by the rapel) and April were paid too much.
    const emp = await call(employeesRead, 'GET /employees/{nip}', {
      params: { nip: promoted.nip },
      principal: bkpsdm,
    });
    const undo = await call(employeesWrite, 'PATCH /employees/{nip}', {
      params: { nip: promoted.nip },
      body: {
        expectedVersion: emp.json.version,
        effectiveFrom: '2026-03-01',
        reason: 'SK kenaikan pangkat dibatalkan',
        pangkat: { golongan: promoted.from, tmt: '2026-03-01' },
      },
      principal: bkpsdm,
    });
    expect(undo.status, JSON.stringify(undo.json)).toBe(200);
    const runId = '2026-05-GAJI_TPP';
    const again = await call(payrollWrite, 'POST /runs/{runId}/recompute', {
      params: { runId },
      body: {},
      principal: operator,
    });
    expect(again.status, JSON.stringify(again.json)).toBe(200);
    await call(payrollWrite, 'POST /runs/{runId}/approve', {
      params: { runId },
      body: { acknowledgeBudget: true },
      principal: bkpsdm,
    });
    await call(payrollWrite, 'POST /runs/{runId}/lock', { params: { runId }, body: {}, principal: bkpsdm });
    const rapelRun = await payMonth('2026-05', 'RAPEL');
    const slip = await call(payrollRead, 'GET /runs/{runId}/slips/{nip}', {
      params: { runId: rapelRun.id, nip: promoted.nip },
      principal: bkpsdm,
    });
    // Nothing is paid: two months of the difference are established as kelebihan (rapel.md §7).
    expect(slip.json.slip.totals.bersih).toBe(0);
    const kelebihan = slip.json.slip.meta.rapel.kelebihan as number;
    expect(kelebihan).toBe(2 * marchNet);
    const flag = await db.client.send(
      new GetCommand({
        TableName: db.tableName(T),
        Key: (({ pk, sk }) => ({ pk, sk }))(keys.kelebihanOpen(promoted.nip)),
      }),
    );
    expect(flag.Item).toBeDefined();

    // June's gaji slip takes an instalment of at most the tenant's 500.000 (gaji.rapel), naming what is left.
    const june = await call(payrollWrite, 'POST /runs', { body: { month: '2026-06' }, principal: operator });
    const juneSlip = await call(payrollRead, 'GET /runs/{runId}/slips/{nip}', {
      params: { runId: june.json.id, nip: promoted.nip },
      principal: bkpsdm,
    });
    const line = (juneSlip.json.slip.lines as { code: string; amount: number; label: string }[]).find(
      (l) => l.code === 'POT_KELEBIHAN_GAJI',
    );
    const taken = Math.min(kelebihan, 500_000);
    expect(line?.amount).toBe(taken);
    expect(line?.label).toContain('Angsuran kelebihan gaji 2026-03, 2026-04');
    expect(line?.label).toContain(`sisa Rp ${(kelebihan - taken).toLocaleString('id-ID')}`);
    expect(juneSlip.json.slip.totals.gaji.bersih).toBeGreaterThanOrEqual(0);
  }, 240_000);
});
