import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import { demoDeductionTypes, seedDemoDeductions } from '../../infra/local/seed/deductions-demo';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { aPrincipal } from '../builders/employee';
import { anHttpEvent, call, type Handler, lambdaContext } from '../builders/http-event';
import { storeCoveredResults } from '../support/covered-results';
import { useTestTables } from '../support/dynamo';
import { extractPdfText } from '../unit/documents/pdf-text';

/**
 * Potongan lain end to end on real DynamoDB (issue #15): the register through its API (4xx naming the
 * field), a run whose slips carry zakat inside the SIPD list and Korpri, a koperasi instalment and a
 * bank loan after it; a shortfall carried to the next month through the paid ledger; the bank file paying
 * the take-home; the daftar per kreditur summing what the slips took. Expected amounts are derived from
 * the stored slip's own bersih and gaji pokok with the rules of potongan-lain.md (2,5 % floor; the
 * instalment ⌊6.000.000 / 12⌋), never from the deduction code.
 */
const tenantId = 'bukitintan';
const db = useTestTables([tenantId]);
const bkpsdm: Principal = aPrincipal({ tenantId, sub: 'kepala.bkpsdm', roles: ['bkpsdm'] });
const operator: Principal = aPrincipal({ tenantId, sub: 'operator.gaji', roles: ['operator'], opds: ['*'] });
const pegawaiOf = (nip: string): Principal => aPrincipal({ tenantId, sub: nip, roles: ['pegawai'] });

const OPD = 'DISDIK';
const members = generateTenantSeed(tenantId)
  .members.filter((m) => m.opd === OPD && !m.employee.tmtEnd && m.employee.tmtStart < '2026-01-01')
  .slice(0, 3);
const [saver, borrower, plain] = members.map((m) => m.employee.nip) as [string, string, string];

let write: Handler;
let read: Handler;
let payrollWrite: Handler;
let payrollRead: Handler;
let reports: Handler;

const ref = (n: string) => ({ kind: 'SURAT_KUASA_POTONG_GAJI', number: n });
async function addEntry(nip: string, entry: unknown, expectedVersion: number) {
  return call(write, 'POST /employees/{nip}/deductions', {
    params: { nip },
    body: { expectedVersion, entry },
    principal: operator,
  });
}
async function slipOf(runId: string, nip: string) {
  const res = await call(payrollRead, 'GET /runs/{runId}/slips/{nip}', {
    params: { runId, nip },
    principal: bkpsdm,
  });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json;
}
async function startRun(month: string) {
  const run = await call(payrollWrite, 'POST /runs', { body: { month }, principal: operator });
  expect(run.status, JSON.stringify(run.json)).toBe(201);
  return run.json.id as string;
}
async function approveAndLock(runId: string) {
  const approved = await call(payrollWrite, 'POST /runs/{runId}/approve', {
    params: { runId },
    body: { acknowledgeBudget: true },
    principal: bkpsdm,
  });
  expect(approved.json.state, JSON.stringify(approved.json)).toBe('APPROVED');
  const locked = await call(payrollWrite, 'POST /runs/{runId}/lock', {
    params: { runId },
    body: {},
    principal: bkpsdm,
  });
  expect(locked.status, JSON.stringify(locked.json)).toBe(200);
}
async function download(runId: string, exportId: string, query: Record<string, string>) {
  const res = await reports(
    anHttpEvent('GET /runs/{runId}/exports/{exportId}', {
      params: { runId, exportId },
      query,
      principal: bkpsdm,
    }),
    lambdaContext,
  );
  const raw = String(res.body ?? '');
  return {
    status: res.statusCode ?? 0,
    body: Buffer.from(raw, res.isBase64Encoded ? 'base64' : 'utf8'),
    headers: (res.headers ?? {}) as Record<string, string>,
    raw,
  };
}

beforeAll(async () => {
  const employees = (await import('../../functions/employees/write')).handler as Handler;
  write = (await import('../../functions/deductions/write')).handler as Handler;
  read = (await import('../../functions/deductions/read')).handler as Handler;
  payrollWrite = (await import('../../functions/payroll/write')).handler as Handler;
  payrollRead = (await import('../../functions/payroll/read')).handler as Handler;
  reports = (await import('../../functions/reports/index')).handler as Handler;
  for (const m of members) {
    const res = await call(employees, 'POST /employees', { body: m.employee, principal: bkpsdm });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
  await storeCoveredResults(
    db.client,
    db.tableName(tenantId),
    members.map((m) => ({ nip: m.employee.nip, opd: m.opd })),
    ['2026-09', '2026-10', '2026-11', '2026-12'],
  );
  const types = demoDeductionTypes('2026-01');
  const bank = {
    ...types.types[2]!,
    code: 'BPD',
    name: 'Angsuran Bank BPD',
    category: 'BANK',
    priority: 10,
    creditor: {
      name: 'Bank BPD Cabang Bukitintan',
      bank: 'Bank BPD',
      accountNumber: '990.400.11111',
      accountName: 'BANK BPD KREDIT',
    },
  };
  const put = await call(write, 'PUT /deductions/types', {
    body: { ...types, types: [...types.types, bank] },
    principal: bkpsdm,
  });
  expect(put.status, JSON.stringify(put.json)).toBe(200);
}, 180_000);

describe('the deduction register', () => {
  it('refuses bad entries with a 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [
        { typeCode: 'ARISAN', kind: 'FIXED', amount: 10_000, startMonth: '2026-11', reference: ref('x') },
        'body.entry.typeCode',
      ],
      [
        { typeCode: 'KORPRI', kind: 'FIXED', amount: 0, startMonth: '2026-11', reference: ref('x') },
        'body.entry.amount',
      ],
      [
        {
          typeCode: 'KORPRI',
          kind: 'FIXED',
          amount: 5_000,
          startMonth: '2026-11',
          endMonth: '2026-10',
          reference: ref('x'),
        },
        'body.entry.endMonth',
      ],
      [
        { typeCode: 'KOPERASI', kind: 'INSTALMENT', startMonth: '2026-11', reference: ref('x') },
        'body.entry.instalment',
      ],
    ];
    for (const [entry, path] of cases) {
      const res = await addEntry(plain, entry, 0);
      expect(res.status, JSON.stringify(res.json)).toBe(400);
      expect(res.json.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const mine = await call(read, 'GET /employees/{nip}/deductions', {
      params: { nip: plain },
      principal: pegawaiOf(plain),
    });
    expect(mine.json).toMatchObject({ nip: plain, entries: [], version: 0 });
  });

  it('records entries with their audit and shows the instalment’s monthly amount', async () => {
    let v = 0;
    for (const entry of [
      {
        typeCode: 'ZAKAT',
        kind: 'PERCENT',
        startMonth: '2026-11',
        reference: { kind: 'PERNYATAAN', number: 'Z-1' },
      },
      { typeCode: 'KORPRI', kind: 'FIXED', amount: 5_000, startMonth: '2026-11', reference: ref('K-1') },
      {
        typeCode: 'KOPERASI',
        kind: 'INSTALMENT',
        instalment: { total: 6_000_000, tenor: 12 },
        startMonth: '2026-11',
        reference: ref('KPRI-1'),
        accountRef: 'PJ-0001',
      },
    ]) {
      const res = await addEntry(saver, entry, v);
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      v = res.json.version;
    }
    const got = await call(read, 'GET /employees/{nip}/deductions', {
      params: { nip: saver },
      principal: bkpsdm,
    });
    expect(got.json.entries.find((e: { typeCode: string }) => e.typeCode === 'KOPERASI')).toMatchObject({
      monthlyDue: 500_000,
      lastMonth: '2027-10',
    });
    const stale = await addEntry(
      saver,
      { typeCode: 'KORPRI', kind: 'FIXED', amount: 5_000, startMonth: '2026-12', reference: ref('K-2') },
      0,
    );
    expect(stale.status).toBe(409);
    // A loan larger than a month's pay: the shortfall is carried.
    const loan = await addEntry(
      borrower,
      {
        typeCode: 'BPD',
        kind: 'FIXED',
        amount: 50_000_000,
        startMonth: '2026-11',
        endMonth: '2026-12',
        reference: ref('BPD-1'),
      },
      0,
    );
    expect(loan.status, JSON.stringify(loan.json)).toBe(201);
  });
});

describe('potongan lain in the run and its files', () => {
  let runId: string;
  it('puts zakat inside the SIPD list and the post-list items after it; the take-home is what is left', async () => {
    runId = await startRun('2026-11');
    const slip = await slipOf(runId, saver);
    const gapok = slip.slip.lines.find((l: { code: string }) => l.code === 'GAJI_POKOK').amount as number;
    const bersihGaji = slip.slip.totals.gaji.bersih as number;
    const zakat = Math.floor((gapok * 25) / 1000);
    expect(slip.deductions.inList).toHaveLength(1);
    expect(slip.deductions.inList[0]).toMatchObject({ typeCode: 'ZAKAT', taken: zakat, fromGaji: zakat });
    expect(
      slip.deductions.postList.map((p: { typeCode: string; taken: number }) => [p.typeCode, p.taken]),
    ).toEqual([
      ['KOPERASI', 500_000],
      ['KORPRI', 5_000],
    ]);
    expect(slip.deductions.postList[0]).toMatchObject({ instalmentNo: 1, tenor: 12 });
    expect(slip.deductions.sipdBersih).toBe(slip.slip.totals.bersih - zakat);
    expect(slip.deductions.takeHome).toBe(slip.slip.totals.bersih - zakat - 505_000);
    expect(slip.deductions.gaji.takeHome).toBe(bersihGaji - zakat - 505_000);

    const loanSlip = await slipOf(runId, borrower);
    const available = loanSlip.slip.totals.gaji.bersih as number;
    expect(loanSlip.deductions.postList[0]).toMatchObject({
      taken: available,
      arrearCarried: 50_000_000 - available,
    });
    expect(loanSlip.deductions.notes[0]).toContain('dibawa ke bulan berikutnya');
    expect((await slipOf(runId, plain)).deductions).toBeUndefined();
  });

  it('pays the take-home in the bank file and sums the daftar per kreditur from the slips', async () => {
    await approveAndLock(runId);
    const slips = await Promise.all([saver, borrower, plain].map((n) => slipOf(runId, n)));
    const takeHome = slips.reduce(
      (s, x: { slip: { totals: { bersih: number } }; deductions?: { takeHome: number } }) =>
        s + (x.deductions?.takeHome ?? x.slip.totals.bersih),
      0,
    );
    const bank = await download(runId, 'bank-file', { opd: OPD });
    expect(bank.status, bank.raw.slice(0, 300)).toBe(200);
    expect(Number(bank.headers['x-sigap-total'])).toBe(takeHome);

    const sipd = await download(runId, 'sipd-gaji', { opd: OPD });
    expect(sipd.status, sipd.raw.slice(0, 300)).toBe(200);
    const zakat = slips[0].deductions.inList[0].taken as number;
    const [header, ...rows] = sipd.body
      .toString('utf8')
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(';'));
    const col = header!.indexOf('potongan_zakat');
    expect(rows.map((r) => Number(r[col])).reduce((a, b) => a + b, 0)).toBe(zakat);

    const daftar = await download(runId, 'potongan-kreditur', { opd: OPD, creditor: 'KOPERASI' });
    expect(daftar.status, daftar.raw.slice(0, 300)).toBe(200);
    expect(Number(daftar.headers['x-sigap-total'])).toBe(500_000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(daftar.body as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('1/12');
    expect(texts).toContain('PJ-0001');

    const docs = (await import('../../functions/payroll/docs')).handler as Handler;
    const pdf = await docs(
      anHttpEvent('GET /runs/{runId}/slips/{nip}/pdf', {
        params: { runId, nip: saver },
        query: {},
        principal: bkpsdm,
      }),
      lambdaContext,
    );
    expect(pdf.statusCode).toBe(200);
    const pdfText = extractPdfText(
      Buffer.from(String(pdf.body), pdf.isBase64Encoded ? 'base64' : 'utf8'),
    ).text;
    expect(pdfText).toContain('Bersih SIPD');
    expect(pdfText).toContain('angsuran 1/12');
    // The daftar gaji carries the in-list zakat in its own column: its bersih is the SIPD bersih.
    const list = await docs(
      anHttpEvent('GET /runs/{runId}/documents/{document}', {
        params: { runId, document: 'daftar-gaji' },
        query: { opd: OPD },
        principal: bkpsdm,
      }),
      lambdaContext,
    );
    expect(list.statusCode, String(list.body).slice(0, 300)).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(String(list.body), 'base64') as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells).toContain('Zakat');
    expect(cells).toContain(zakat);

    const remit = await download(runId, 'rekap-potongan-kreditur', {});
    expect(remit.status, remit.raw.slice(0, 300)).toBe(200);
    const borrowed = slips[1].deductions.postList[0].taken as number;
    expect(Number(remit.headers['x-sigap-total'])).toBe(zakat + 505_000 + borrowed);
  });

  it('verifies the locked run, potongan lain included, without a difference', async () => {
    const verified = await call(payrollRead, 'GET /runs/{runId}/verify', {
      params: { runId },
      principal: bkpsdm,
    });
    expect(verified.status, JSON.stringify(verified.json)).toBe(200);
    expect(verified.json.slips).toBe(3);
    expect(verified.json.differences).toEqual([]);
  });

  it('carries the shortfall into the next month through the paid ledger', async () => {
    const december = await startRun('2026-12');
    const slip = await slipOf(december, borrower);
    const novemberArrear = 50_000_000 - (await slipOf(runId, borrower)).deductions.postList[0].taken;
    expect(slip.deductions.postList[0]).toMatchObject({
      arrearIn: novemberArrear,
      due: 50_000_000 + novemberArrear,
    });
    const saverDec = await slipOf(december, saver);
    expect(
      saverDec.deductions.postList.find((p: { typeCode: string }) => p.typeCode === 'KOPERASI'),
    ).toMatchObject({
      instalmentNo: 2,
      taken: 500_000,
      arrearIn: 0,
    });
  });
});

describe('the demo seed and the creditor import', () => {
  it('seeds the demo tenant’s entries through the API, and a second time changes nothing', async () => {
    const handlers: Record<string, Handler> = { GET: read, POST: write, PUT: write };
    const route = (method: string, path: string) =>
      path === '/deductions/types' ? `${method} /deductions/types` : `${method} /employees/{nip}/deductions`;
    const seedCall = async (method: string, path: string, body: unknown) => {
      const nip = path.split('/')[2] ?? '';
      const res = await call(handlers[method]!, route(method, path), {
        params: path.startsWith('/employees') ? { nip } : {},
        ...(body === undefined ? {} : { body }),
        principal: bkpsdm,
      });
      return { status: res.status, json: res.json };
    };
    const seed = { tenantId, asOf: '2027-01-01', opds: [], members: members.slice(2) };
    expect(await seedDemoDeductions(seedCall, seed, '2027-01')).toBe(4);
    expect(await seedDemoDeductions(seedCall, seed, '2027-01')).toBe(0);
    const got = await call(read, 'GET /employees/{nip}/deductions', {
      params: { nip: plain },
      principal: bkpsdm,
    });
    expect(got.json.entries.map((e: { typeCode: string }) => e.typeCode).sort()).toEqual([
      'INFAK',
      'KOPERASI',
      'KORPRI',
      'ZAKAT',
    ]);
  });

  it('imports a creditor’s CSV: the dry run names each bad cell and writes nothing; the commit writes the good rows', async () => {
    const csv = [
      'NIP;JUMLAH;BULAN_MULAI;BULAN_AKHIR;NOMOR_REFERENSI;NOMOR_REKENING',
      `${borrower};250.000;2027-01;2027-06;BPD-IMP-1;77-001`,
      `${borrower};0;2027-01;;BPD-IMP-2;77-002`,
      `199001012020011999;100000;2027-01;;BPD-IMP-3;77-003`,
      `${saver};100000;2027-03;2027-02;BPD-IMP-4;77-004`,
    ].join('\n');
    const body = { fileName: 'bpd.csv', typeCode: 'BPD', contentBase64: Buffer.from(csv).toString('base64') };
    const before = (
      await call(read, 'GET /employees/{nip}/deductions', { params: { nip: borrower }, principal: bkpsdm })
    ).json;
    const dry = await call(write, 'POST /deductions/imports', {
      body: { ...body, dryRun: true },
      principal: operator,
    });
    expect(dry.status, JSON.stringify(dry.json)).toBe(200);
    expect(dry.json.rows.map((r: { status: string; action?: string }) => r.action ?? r.status)).toEqual([
      'CREATE',
      'ERROR',
      'ERROR',
      'ERROR',
    ]);
    expect(dry.json.rows[1].issues[0].path).toBe('rows.3.JUMLAH');
    expect(dry.json.rows[2].issues[0].path).toBe('rows.4.NIP');
    expect(dry.json.rows[3].issues[0].path).toBe('rows.5.BULAN_AKHIR');
    const unchanged = (
      await call(read, 'GET /employees/{nip}/deductions', { params: { nip: borrower }, principal: bkpsdm })
    ).json;
    expect(unchanged.version).toBe(before.version);

    const commit = await call(write, 'POST /deductions/imports', {
      body: { ...body, dryRun: false },
      principal: operator,
    });
    expect(commit.json.counts).toMatchObject({ CREATE: 1, ERROR: 3 });
    const after = (
      await call(read, 'GET /employees/{nip}/deductions', { params: { nip: borrower }, principal: bkpsdm })
    ).json;
    expect(
      after.entries.find((e: { reference: { number: string } }) => e.reference.number === 'BPD-IMP-1'),
    ).toMatchObject({
      kind: 'FIXED',
      amount: 250_000,
      accountRef: '77-001',
    });
    const again = await call(write, 'POST /deductions/imports', {
      body: { ...body, dryRun: false },
      principal: operator,
    });
    expect(again.json.counts).toMatchObject({ UNCHANGED: 1, CREATE: 0 });
  });
});
