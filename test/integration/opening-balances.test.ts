import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import { keys } from '../../functions/table/keys';
import { anEmployee, aPrincipal, nipNo } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';

/**
 * Opening balances end to end on DynamoDB Local: the API and the import, their checks and audit, and a
 * bantul year in which SIGAP starts in July. January–June arrive as a saldo awal; July–November are paid
 * and locked by SIGAP (its paid ledger); December's annual PPh 21 must then reproduce the reference's
 * year-end example (pajak-pelaporan.md §9), and a later change of the saldo awal is paid as a correction.
 *
 * The employees have worked-examples.md Example 2's profile (III/a MKG 0, TK/0, pelaksana, kelas 7) and
 * every month Example 3's performance (Baik, one TL2 and one TK): gaji TER bruto 3.188.734, TPP bruto
 * 2.496.000 (2.400.000 + BPJS 4% 96.000), PPh on TPP 28.423, iuran pensiun 222.856 (see the unit test
 * test/unit/pay/opening-balance.test.ts for the hand computation).
 */
const db = useTestTables(['bantul']);
const T = 'bantul';

let employeesWrite: Handler;
let obWrite: Handler;
let obRead: Handler;
let payrollRead: Handler;
let auditRead: Handler;
let m: {
  service: typeof import('../../functions/payroll/run-service');
  deps: typeof import('../../functions/payroll/run-deps');
  lifecycle: typeof import('../../functions/payroll/run-lifecycle');
};

const bkpsdm = aPrincipal({ tenantId: T, sub: 'kepala.bkpsdm', roles: ['bkpsdm'] });
const disdik = aPrincipal({ tenantId: T, sub: 'operator.disdik', roles: ['operator'], opds: ['DISDIK'] });
const dinkes = aPrincipal({ tenantId: T, sub: 'operator.dinkes', roles: ['operator'], opds: ['DINKES'] });
const auditor = aPrincipal({ tenantId: T, sub: 'inspektorat', roles: ['auditor'] });
const runOperator = aPrincipal({ tenantId: T, sub: 'operator.gaji', roles: ['operator'], opds: ['*'] });

/** E1 gets the §9 saldo awal; E3 none (the "without" case); E4 comes by import; E2 is in DINKES. */
const E1 = nipNo(11);
const E2 = nipNo(12);
const E3 = nipNo(13);
const E4 = nipNo(14);
const UNKNOWN = nipNo(99);

const example2 = (nip: string, opd = 'DISDIK') =>
  anEmployee({
    nip,
    nama: `Pegawai ${nip.slice(-3)}`,
    ptkpStatus: 'TK/0',
    pangkat: { golongan: 'III/a', tmt: '2010-01-01' },
    masaKerja: { years: 0, months: 0, tmt: '2010-01-01' },
    jabatan: { type: 'PELAKSANA', nama: 'Pengelola Data', kelasJabatan: 7 },
    penempatan: { opd, unit: 'Sekretariat' },
    keluarga: { statusKawin: 'BELUM_KAWIN', children: [] },
  });

/** §9's January–June: six months + THR (March) + gaji 13 (June), their PPh borne by the government. */
const section9 = {
  firstMonth: 1,
  lastMonth: 6,
  monthsWorked: 6,
  brutoGaji: 6 * 3_188_734 + 2 * 5_543_200, // 30.218.804
  brutoTpp: 6 * 2_496_000, // 14.976.000
  iuranPensiun: 6 * 222_856, // 1.337.136
  pphGaji: 2 * 364_554, // 729.108
  pphTpp: 6 * 28_423, // 170.538
  source: 'Bukti potong SIMGAJI Jan–Jun 2026',
};

/** Example 3's month, fully covered by attendance data and evaluated. */
async function putResult(nip: string, month: string) {
  await db.client.send(
    new PutCommand({
      TableName: db.tableName(T),
      Item: {
        ...keys.monthlyResult(nip, month),
        entity: 'MONTHLY_RESULT',
        facts: {
          month,
          performance: { status: 'FINAL', predikat: 'BAIK' },
          discipline: { counts: { TL2: 1, TK: 1 }, leave: [], sanctions: [] },
          coverage: { attendance: { workingDays: 21, daysWithData: 21, missingDates: [] }, evaluated: true },
        },
      },
    }),
  );
}

const put = (nip: string, body: unknown, principal: Principal = disdik, year = '2026') =>
  call(obWrite, 'PUT /opening-balances/{year}/{nip}', { params: { year, nip }, body, principal });
const get = (nip: string, principal: Principal = bkpsdm, year = '2026') =>
  call(obRead, 'GET /opening-balances/{year}/{nip}', { params: { year, nip }, principal });
const auditOf = (nip: string) =>
  call(auditRead, 'GET /audit', { query: { entity: `opening-balance:2026:${nip}` }, principal: auditor });

function runDeps(now?: string) {
  const deps = m.deps.runDepsFor(T, {
    actor: { sub: runOperator.sub, roles: runOperator.roles },
    inline: true,
  });
  if (now) deps.now = () => now;
  return deps;
}

/** Start, approve and lock a month (approval by another person than the starter). */
async function payMonth(month: string, now?: string) {
  const run = await m.service.startRun(month, 'GAJI_TPP', runOperator, runDeps(now));
  expect(run.counts.errors, `${month} errors`).toBe(0);
  await m.lifecycle.approveRun(run.id, bkpsdm, true, runDeps(now));
  await m.lifecycle.lockRun(run.id, runOperator, runDeps(now));
  return run.id;
}

const slipOf = async (runId: string, nip: string) => {
  const res = await call(payrollRead, 'GET /runs/{runId}/slips/{nip}', {
    params: { runId, nip },
    principal: bkpsdm,
  });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json as {
    slip: {
      lines: { code: string; amount: number; explanation: string }[];
      trace: { step: string; value: number }[];
    };
    corrections?: { month: string; code: string; amount: number }[];
  };
};
const lineOf = (slip: Awaited<ReturnType<typeof slipOf>>, code: string) =>
  slip.slip.lines.find((l) => l.code === code);

beforeAll(async () => {
  employeesWrite = (await import('../../functions/employees/write')).handler as Handler;
  obWrite = (await import('../../functions/opening-balances/write')).handler as Handler;
  obRead = (await import('../../functions/opening-balances/read')).handler as Handler;
  payrollRead = (await import('../../functions/payroll/read')).handler as Handler;
  auditRead = (await import('../../functions/audit/index')).handler as Handler;
  m = {
    service: await import('../../functions/payroll/run-service'),
    deps: await import('../../functions/payroll/run-deps'),
    lifecycle: await import('../../functions/payroll/run-lifecycle'),
  };
  for (const [nip, opd] of [
    [E1, 'DISDIK'],
    [E2, 'DINKES'],
    [E3, 'DISDIK'],
    [E4, 'DISDIK'],
  ] as const) {
    const res = await call(employeesWrite, 'POST /employees', {
      body: example2(nip, opd),
      principal: bkpsdm,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    // TPP is paid one month late in bantul: July–January pay June–December.
    for (const month of ['06', '07', '08', '09', '10', '11', '12']) await putResult(nip, `2026-${month}`);
  }
}, 60_000);

describe('PUT/GET /opening-balances', () => {
  it('should name every bad field with a 400 and write nothing', async () => {
    const cases: [unknown, string, string?][] = [
      [{ ...section9, brutoTpp: undefined }, 'body.brutoTpp'],
      [{ ...section9, firstMonth: 13 }, 'body.firstMonth'],
      [{ ...section9, firstMonth: 7 }, 'body.lastMonth'],
      [{ ...section9, monthsWorked: 7 }, 'body.monthsWorked'],
      [{ ...section9, brutoGaji: 1.5 }, 'body.brutoGaji'],
      [{ ...section9, brutoGaji: -1 }, 'body.brutoGaji'],
      [{ ...section9, pphTpp: 50_000_000 }, 'body.pphTpp'],
      [{ ...section9, iuranPensiun: 40_000_000 }, 'body.iuranPensiun'],
      [{ ...section9, source: '' }, 'body.source'],
      [{ ...section9, zakat: 5 }, 'body.zakat'],
      [section9, 'path.year', '2023'],
      [section9, 'body.lastMonth', '2027'],
    ];
    for (const [body, path, year] of cases) {
      const res = await put(E1, body, disdik, year);
      expect(res.status, path).toBe(400);
      expect(
        res.json.error.issues.map((i: { path: string }) => i.path),
        path,
      ).toContain(path);
    }
    const badNip = await put('123', section9);
    expect(badNip.json.error.issues[0].path).toBe('path.nip');
    expect((await get(E1)).status).toBe(404);
    expect((await auditOf(E1)).json.items).toEqual([]);
  });

  it('should keep roles and OPDs: auditors read only, an operator only their own OPD', async () => {
    expect((await put(E1, section9, auditor)).status).toBe(403);
    const foreign = await put(E1, section9, dinkes);
    expect(foreign.status).toBe(404);
    expect((await put(UNKNOWN, section9)).status).toBe(404);
    expect((await get(E1)).status).toBe(404);
  });

  it('should create, read back, keep an identical PUT idempotent, and audit every change with before/after', async () => {
    const created = await put(E1, section9);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({ ...section9, year: 2026, nip: E1, opd: 'DISDIK', version: 1 });
    const again = await put(E1, section9);
    expect(again.status).toBe(200);
    expect(again.json.version).toBe(1);

    const changed = await put(E1, { ...section9, brutoTpp: section9.brutoTpp + 1, expectedVersion: 1 });
    expect(changed.json.version).toBe(2);
    const stale = await put(E1, { ...section9, expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.issues[0].path).toBe('body.expectedVersion');
    const back = await put(E1, section9);
    expect(back.json.version).toBe(3);

    expect((await get(E1, auditor)).json).toMatchObject({ ...section9, version: 3 });
    expect((await get(E1, dinkes)).status).toBe(404);

    const audit = await auditOf(E1);
    expect(audit.status).toBe(200);
    const records = audit.json.items as {
      action: string;
      before?: { brutoTpp: number };
      after: { brutoTpp: number };
    }[];
    expect(records.map((r) => r.action)).toEqual(['UPDATE', 'UPDATE', 'CREATE']);
    expect(records[1]?.before?.brutoTpp).toBe(14_976_000);
    expect(records[1]?.after.brutoTpp).toBe(14_976_001);
    expect(records[2]?.before).toBeUndefined();
  });

  it('should list a year by OPD with pages, an operator only their OPD', async () => {
    const other = await put(E2, { ...section9, source: 'SIMGAJI DINKES' }, dinkes);
    expect(other.status).toBe(201);
    const all = await call(obRead, 'GET /opening-balances/{year}', {
      params: { year: '2026' },
      query: { limit: '1' },
      principal: bkpsdm,
    });
    expect(all.json.items).toHaveLength(1);
    const next = await call(obRead, 'GET /opening-balances/{year}', {
      params: { year: '2026' },
      query: { limit: '1', nextToken: all.json.nextToken },
      principal: bkpsdm,
    });
    expect([...all.json.items, ...next.json.items].map((i: { nip: string }) => i.nip).sort()).toEqual([
      E1,
      E2,
    ]);
    const mine = await call(obRead, 'GET /opening-balances/{year}', {
      params: { year: '2026' },
      principal: disdik,
    });
    expect(mine.json.items.map((i: { nip: string }) => i.nip)).toEqual([E1]);
    const notMine = await call(obRead, 'GET /opening-balances/{year}', {
      params: { year: '2026' },
      query: { opd: 'DINKES' },
      principal: disdik,
    });
    expect(notMine.status).toBe(403);
  });
});

describe('POST /opening-balances/{year}/imports', () => {
  const header =
    'NIP;BULAN_AWAL;BULAN_AKHIR;JUMLAH_BULAN;BRUTO_GAJI;BRUTO_TPP;IURAN_PENSIUN;PPH_GAJI;PPH_TPP;SUMBER';
  const e4 = `${E4};1;6;6;19.132.404;14.976.000;1.337.136;0;170.538;Bukti potong SIMGAJI Jan–Jun 2026`;
  const file = [
    header,
    e4,
    `${E2};1;6;6;100;0;0;0;0;SIMGAJI`,
    `${UNKNOWN};1;6;6;100;0;0;0;0;SIMGAJI`,
    `${E3};1;6;6;1,5;0;0;0;0;SIMGAJI`,
  ].join('\r\n');
  const post = (body: Record<string, unknown>) =>
    call(obWrite, 'POST /opening-balances/{year}/imports', {
      params: { year: '2026' },
      body: {
        fileName: 'saldo-awal-disdik.csv',
        contentBase64: Buffer.from(file).toString('base64'),
        ...body,
      },
      principal: disdik,
    });

  it('should report every row on a dry run and write nothing', async () => {
    const res = await post({ mode: 'DRY_RUN' });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [2, 'CREATE'],
      [3, 'INVALID'],
      [4, 'INVALID'],
      [5, 'INVALID'],
    ]);
    expect(res.json.rows[1].issues[0].message).toBe(`NIP ${E2} milik OPD DINKES, di luar OPD Anda`);
    expect(res.json.rows[2].issues[0].message).toBe(`NIP ${UNKNOWN} tidak terdaftar`);
    expect(res.json.rows[3].issues[0].field).toBe('brutoGaji');
    expect(res.json.summary).toEqual({
      rows: 4,
      valid: 1,
      invalid: 3,
      unchanged: 0,
      written: 0,
      conflicts: 0,
      notAttempted: 0,
    });
    expect((await get(E4)).status).toBe(404);
  });

  it('should refuse the whole file when asked for all-or-nothing, naming rows and fields', async () => {
    const res = await post({ mode: 'COMMIT', allOrNothing: true });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('IMPORT_REJECTED');
    expect(res.json.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'file.rows[3].nip',
      'file.rows[4].nip',
      'file.rows[5].brutoGaji',
    ]);
    expect((await get(E4)).status).toBe(404);
  });

  it('should commit the valid rows with their audit naming the file, and change nothing the second time', async () => {
    const res = await post({ mode: 'COMMIT' });
    expect(res.json.summary).toMatchObject({ written: 1, invalid: 3 });
    expect((await get(E4)).json).toMatchObject({ brutoGaji: 19_132_404, pphTpp: 170_538, version: 1 });
    const audit = await auditOf(E4);
    expect(audit.json.items).toHaveLength(1);
    expect(audit.json.items[0]).toMatchObject({ action: 'IMPORT', actor: { sub: disdik.sub } });
    expect(audit.json.items[0].reason).toMatch(/^impor saldo-awal-disdik\.csv \(sha256:[0-9a-f]{64}\)$/);
    const again = await post({ mode: 'COMMIT' });
    expect(again.json.summary).toMatchObject({ written: 0, unchanged: 1 });
    expect((await auditOf(E4)).json.items).toHaveLength(1);
  });

  it('should refuse a file it cannot read with the problem named', async () => {
    const res = await call(obWrite, 'POST /opening-balances/{year}/imports', {
      params: { year: '2026' },
      body: {
        mode: 'DRY_RUN',
        fileName: 'x.csv',
        contentBase64: Buffer.from('NIP;SUMBER\n1;2').toString('base64'),
      },
      principal: disdik,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('IMPORT_MISSING_COLUMNS');
    expect(res.json.error.issues[0]).toEqual({
      path: 'file.header',
      message: 'kolom BULAN_AWAL tidak ada (judul kolom di baris 1)',
    });
  });

  it('should refuse a file that names a NIP twice, naming both rows', async () => {
    const twice = [header, e4, e4.replace('170.538', '170.539')].join('\n');
    const res = await call(obWrite, 'POST /opening-balances/{year}/imports', {
      params: { year: '2026' },
      body: { mode: 'DRY_RUN', fileName: 'x.csv', contentBase64: Buffer.from(twice).toString('base64') },
      principal: disdik,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('IMPORT_DUPLICATE_NIP');
    expect(res.json.error.issues).toEqual([
      { path: 'file.rows[3].nip', message: `NIP ${E4} ada di baris 2 dan baris 3` },
    ]);
  });
});

describe('December with an opening balance and SIGAP’s paid ledger (pajak-pelaporan.md §9)', () => {
  let december: string;

  it('should pay and lock July–November, after which a saldo awal reaching July is a 409', async () => {
    for (const month of ['07', '08', '09', '10', '11']) await payMonth(`2026-${month}`);
    const july = await slipOf('2026-07-GAJI_TPP', E1);
    // Examples 2 + 3 every month: TER bruto 5.684.734, PPh on TPP 28.423.
    expect(july.slip.trace.find((t) => t.step === 'pph21.bruto')?.value).toBe(5_684_734);
    expect(lineOf(july, 'POT_PPH21_TPP')?.amount).toBe(28_423);

    const res = await put(E1, { ...section9, lastMonth: 7, monthsWorked: 7 });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('OPENING_BALANCE_OVERLAP');
    expect(res.json.error.issues).toEqual([
      {
        path: 'body.lastMonth',
        message:
          'bulan 2026-07 (run 2026-07-GAJI_TPP) sudah dibayar SIGAP; saldo awal hanya untuk bulan sebelum SIGAP',
      },
    ]);
  }, 120_000);

  it('should stop an employee whose saldo awal overlaps the ledger with an error entry, not a doubled year', async () => {
    // A balance written past the API's check (e.g. before July was locked): E4's now claims July too.
    const item = (
      await db.client.send(new GetCommand({ TableName: db.tableName(T), Key: keys.openingBalance(E4, 2026) }))
    ).Item;
    await db.client.send(
      new PutCommand({ TableName: db.tableName(T), Item: { ...item, lastMonth: 7, monthsWorked: 7 } }),
    );
    const run = await m.service.startRun('2026-12', 'GAJI_TPP', runOperator, runDeps());
    december = run.id;
    expect(run.counts.errors).toBe(1);
    const errors = await call(payrollRead, 'GET /runs/{runId}/errors', {
      params: { runId: december },
      principal: bkpsdm,
    });
    expect(errors.json.items).toEqual([
      expect.objectContaining({ nip: E4, code: 'OPENING_BALANCE_OVERLAP', field: 'openingBalance' }),
    ]);
    expect(errors.json.items[0].message).toContain('(2026-07)');
    // Fixed through the API, then the employee is recomputed.
    const fixed = await put(E4, { ...section9, brutoGaji: 19_132_404, pphGaji: 0 });
    expect(fixed.status, JSON.stringify(fixed.json)).toBe(200);
    const again = await m.service.recomputeRun(december, [E4], runOperator, runDeps());
    expect(again.counts.errors).toBe(0);
  }, 60_000);

  it('should give December the reference’s annual PPh with the saldo awal, and a refund without it', async () => {
    const withOpening = await slipOf(december, E1);
    const trace = (step: string) => withOpening.slip.trace.find((t) => t.step === step)?.value;
    // A2 line 11 bruto 79.303.208 → PKP 18.663.000 → PPh setahun 933.150 (§9); gaji share 0.
    expect(trace('pph21.annual.bruto')).toBe(79_303_208);
    expect(trace('pph21.annual.pkp')).toBe(18_663_000);
    expect(trace('pph21.annual.pph')).toBe(933_150);
    // TPP part 933.150 − (170.538 saldo awal + 142.115 SIGAP) = 620.497; DTP part −729.108 (bantul: ZERO_BOTH).
    expect(lineOf(withOpening, 'POT_PPH21_TPP')?.amount).toBe(620_497);
    expect(lineOf(withOpening, 'POT_PPH21')?.amount).toBe(0);
    expect(lineOf(withOpening, 'INFO_PPH21_LEBIH_POTONG')?.amount).toBe(729_108);
    const info = lineOf(withOpening, 'INFO_SALDO_AWAL_PPH21');
    expect(info?.amount).toBe(899_646);
    expect(info?.explanation).toContain('sumber: Bukti potong SIMGAJI Jan–Jun 2026');
    expect(lineOf(withOpening, 'POT_PPH21_TPP')?.explanation).toBe(
      'PPh 21 masa terakhir atas TPP: (PPh setahun Rp 933.150 − PPh setahun gaji saja Rp 0) − dipotong Rp 312.653 (saldo awal Rp 170.538 + SIGAP Rp 142.115) = Rp 620.497',
    );

    // The same employee without a saldo awal: the year is July–December only, and the TPP PPh of
    // July–November (5 × 28.423 = 142.115) comes back as a refund.
    const without = await slipOf(december, E3);
    expect(without.slip.trace.find((t) => t.step === 'pph21.annual.bruto')?.value).toBe(34_108_404);
    expect(lineOf(without, 'POT_PPH21_TPP')?.amount).toBe(-142_115);
    expect(lineOf(without, 'INFO_SALDO_AWAL_PPH21')).toBeUndefined();
  });

  it('should lock December and verify it from its own snapshots (the saldo awal is in them)', async () => {
    await m.lifecycle.approveRun(december, bkpsdm, true, runDeps());
    await m.lifecycle.lockRun(december, runOperator, runDeps());
    const verify = await call(payrollRead, 'GET /runs/{runId}/verify', {
      params: { runId: december },
      principal: bkpsdm,
    });
    expect(verify.json).toMatchObject({ ok: true, differences: [] });
  });

  it('should mark a change after December was paid and pay the PPh difference in the next run', async () => {
    // The old application's bukti potong was 10.000 lower on TPP than first entered.
    const res = await put(E1, { ...section9, pphTpp: section9.pphTpp - 10_000 });
    expect(res.status).toBe(200);
    expect(res.json.correctionSince).toBe('2026-12');
    const marker = await db.client.send(
      new GetCommand({ TableName: db.tableName(T), Key: keys.correctionMarker(E1) }),
    );
    expect(marker.Item).toMatchObject({ entity: 'CORRECTION_MARKER', since: '2026-12' });

    // January 2027, on the tenant's clock of that month.
    const run = await m.service.startRun(
      '2027-01',
      'GAJI_TPP',
      runOperator,
      runDeps('2027-01-05T02:00:00.000Z'),
    );
    expect(run.counts.errors).toBe(0);
    const january = await slipOf(run.id, E1);
    // December recomputed: 933.150 − (160.538 + 142.115) = 630.497, i.e. 10.000 more PPh than paid.
    expect(january.corrections).toEqual([
      expect.objectContaining({ month: '2026-12', code: 'POT_PPH21_TPP', amount: -10_000 }),
    ]);
    expect((await slipOf(run.id, E3)).corrections ?? []).toEqual([]);
  }, 60_000);
});
