import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type { Principal } from '../../core/auth/principal';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { aPrincipal } from '../builders/employee';
import { anHttpEvent, call, type Handler, lambdaContext } from '../builders/http-event';
import { storeCoveredResults } from '../support/covered-results';
import { useTestTables } from '../support/dynamo';

const db = useTestTables(['bantul']);
const XSD = readFileSync(new URL('../fixtures/tax/bpmp.xsd', import.meta.url), 'utf8');

const operator: Principal = aPrincipal({ sub: 'operator.gaji', roles: ['operator'], opds: ['*'] });
const approver: Principal = aPrincipal({ sub: 'kepala.bkpsdm', roles: ['bkpsdm'] });
const auditor: Principal = aPrincipal({ sub: 'auditor.inspektorat', roles: ['auditor'] });
const members = generateTenantSeed('bantul').members.slice(0, 12);
const MONTH = '2026-11';
const runId = `${MONTH}-GAJI_TPP`;

let payrollWrite: Handler;
let payrollRead: Handler;
let taxRead: Handler;
let taxWrite: Handler;
let exportsHandler: Handler;
let auditHandler: Handler;

const WITHHOLDER = {
  id: 'BPKAD',
  name: 'Bendahara Pengeluaran BPKAD Kabupaten Bantul',
  npwp: '0001234567890000',
  nitku: '0001234567890000000000',
  bendahara: { nama: 'Sri Wahyuni', nip: '198001012005012001' },
  opds: [],
  lists: ['GAJI', 'TPP'],
};
const settings = {
  withholders: [WITHHOLDER],
  pnsDtpCertificate: 'N/A',
  pppkAnnualForm: 'A2',
  source: 'uji integrasi',
};

async function download(
  route: string,
  params: Record<string, string>,
  query: Record<string, string> = {},
  principal = approver,
) {
  const res = await exportsHandler(anHttpEvent(route, { params, query, principal }), lambdaContext);
  const raw = String(res.body ?? '');
  const body = Buffer.from(raw, res.isBase64Encoded ? 'base64' : 'utf8');
  return {
    status: res.statusCode ?? 0,
    body,
    headers: (res.headers ?? {}) as Record<string, string>,
    text: body.toString('utf8'),
  };
}

/** Every stored slip of the run as the API returns it (lines with amounts, tax facts in meta). */
async function storedSlips() {
  const page = await call(payrollRead, 'GET /runs/{runId}/slips', {
    params: { runId },
    query: { limit: '100' },
    principal: approver,
  });
  return Promise.all(
    page.json.items.map(
      async (s: { nip: string }) =>
        (
          await call(payrollRead, 'GET /runs/{runId}/slips/{nip}', {
            params: { runId, nip: s.nip },
            principal: approver,
          })
        ).json,
    ),
  );
}

beforeAll(async () => {
  const employees = (await import('../../functions/employees/write')).handler as Handler;
  payrollWrite = (await import('../../functions/payroll/write')).handler as Handler;
  payrollRead = (await import('../../functions/payroll/read')).handler as Handler;
  taxRead = (await import('../../functions/tax/read')).handler as Handler;
  taxWrite = (await import('../../functions/tax/write')).handler as Handler;
  exportsHandler = (await import('../../functions/tax/exports')).handler as Handler;
  auditHandler = (await import('../../functions/audit/index')).handler as Handler;
  for (const m of members)
    await call(employees, 'POST /employees', { body: m.employee, principal: approver });
  await storeCoveredResults(
    db.client,
    db.tableName('bantul'),
    members.map((m) => ({ nip: m.employee.nip, opd: m.opd })),
    ['2026-09', '2026-10', '2026-11'],
  );
  const run = await call(payrollWrite, 'POST /runs', { body: { month: MONTH }, principal: operator });
  expect(run.json.id).toBe(runId);
}, 120_000);

describe('tax settings (withholders)', () => {
  it('should say the settings are missing, then refuse bad identifiers naming the field', async () => {
    expect((await call(taxRead, 'GET /tax/settings', { principal: auditor })).status).toBe(404);
    const bad = await call(taxWrite, 'PUT /tax/settings', {
      body: {
        ...settings,
        expectedVersion: 0,
        withholders: [
          { ...WITHHOLDER, npwp: '00012345678900' },
          { ...WITHHOLDER, id: 'DUA', nitku: '0001234567890000000001' },
          { ...WITHHOLDER, id: 'TIGA', nitku: '9991234567890000000000' },
        ],
      },
      principal: approver,
    });
    expect(bad.status).toBe(400);
    const paths = bad.json.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toContain('body.withholders[0].npwp');
    // Two withholders for every OPD's gaji list, and a NITKU that is not the withholder's NPWP + 6 digits.
    expect(paths).toContain('body.withholders[1].lists');
    expect(paths).toContain('body.withholders[2].nitku');
  });

  it('should create and replace the settings with a version check, each change audited', async () => {
    const created = await call(taxWrite, 'PUT /tax/settings', {
      body: {
        ...settings,
        expectedVersion: 0,
        withholders: [{ ...WITHHOLDER, npwp: '000.123.456.789.0000' }],
      },
      principal: approver,
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ version: 1, withholders: [{ npwp: '0001234567890000' }] });
    const stale = await call(taxWrite, 'PUT /tax/settings', {
      body: { ...settings, expectedVersion: 0 },
      principal: approver,
    });
    expect(stale.status).toBe(409);
    const replaced = await call(taxWrite, 'PUT /tax/settings', {
      body: { ...settings, expectedVersion: 1 },
      principal: approver,
    });
    expect(replaced.status).toBe(200);
    const trail = await call(auditHandler, 'GET /audit', {
      query: { entity: 'tax-settings:tenant' },
      principal: auditor,
    });
    expect(trail.json.items.map((i: { action: string }) => i.action).sort()).toEqual(['CREATE', 'UPDATE']);
  });
});

describe('tax exports of a masa from a real run', () => {
  it('should refuse a draft month naming the run and its state', async () => {
    const res = await download('GET /tax/bpmp/{month}', { month: MONTH });
    expect(res.status).toBe(409);
    const error = JSON.parse(res.text).error;
    expect(error.code).toBe('RUN_NOT_LOCKED');
    expect(error.message).toContain(`${runId} (DRAFT)`);
  });

  it('should give an approved month only as a preview that says so', async () => {
    const approved = await call(payrollWrite, 'POST /runs/{runId}/approve', {
      params: { runId },
      body: { acknowledgeBudget: true },
      principal: approver,
    });
    expect(approved.json.state).toBe('APPROVED');
    const final = await download('GET /tax/bpmp/{month}', { month: MONTH });
    expect(final.status).toBe(409);
    const preview = await download('GET /tax/bpmp/{month}', { month: MONTH }, { preview: 'true' });
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('<!-- PRATINJAU, BUKAN UNTUK DIIMPOR');
    expect(preview.headers['content-disposition']).toContain('PRATINJAU');
    expect(preview.headers['x-sigap-runs']).toBe(`${runId}:APPROVED`);
  });

  it('should export a BPMP of the locked month that validates against the schema and totals to the slips', async () => {
    const locked = await call(payrollWrite, 'POST /runs/{runId}/lock', {
      params: { runId },
      body: {},
      principal: approver,
    });
    expect(locked.json.state).toBe('LOCKED');
    const res = await download(
      'GET /tax/bpmp/{month}',
      { month: MONTH },
      {
        withholdingDate: '2026-11-25',
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers['x-sigap-runs']).toBe(`${runId}:LOCKED`);
    expect(res.headers['x-sigap-template']).toContain('BPMP');
    const check = await validateXML({
      xml: [{ fileName: 'bpmp.xml', contents: res.text }],
      schema: [{ fileName: 'bpmp.xsd', contents: XSD }],
    });
    expect(check.errors).toEqual([]);
    const parsed = new XMLParser({ parseTagValue: false }).parse(res.text);
    const rows = [parsed.MmPayrollBulk.ListOfMmPayroll.MmPayroll].flat() as Record<string, string>[];
    const slips = await storedSlips();
    // One row per employee paid in the masa; Σ Gross = Σ TER bruto (gaji + TPP) of the stored slips.
    expect(rows).toHaveLength(slips.length);
    const bruto = slips.reduce(
      (t, s) => t + s.slip.meta.taxFacts.brutoGaji + s.slip.meta.taxFacts.brutoTpp,
      0,
    );
    expect(rows.reduce((t, r) => t + Number(r.Gross), 0)).toBe(bruto);
    // Each row's PPh (Gross × Rate, truncated) equals the PPh of its slip: one list per masa here.
    for (const r of rows) {
      const nip = members.find((m) => m.employee.nik === r.CounterpartTin)?.employee.nip;
      const slip = slips.find((s) => s.header.nip === nip);
      const f = slip.slip.meta.taxFacts;
      expect(Math.trunc((Number(r.Gross) * Number(r.Rate) * 100) / 10_000)).toBe(f.pphGaji + f.pphTpp);
      expect(r.IDPlaceOfBusinessActivity).toBe(WITHHOLDER.nitku);
      expect(r.WithholdingDate).toBe('2026-11-25');
    }
    expect(parsed.MmPayrollBulk.TIN).toBe(WITHHOLDER.npwp);
    const trail = await call(auditHandler, 'GET /audit', {
      query: { entity: `tax-export:BPMP:${MONTH}:BPKAD` },
      principal: auditor,
    });
    expect(trail.json.items[0]).toMatchObject({
      action: 'EXPORT_BPMP',
      actor: { sub: approver.sub },
      after: { runs: [{ id: runId, state: 'LOCKED' }], preview: false },
    });
  });

  it('should export a tax recap per OPD whose totals equal the sum of the slips', async () => {
    const res = await download('GET /tax/recap/{month}', { month: MONTH });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values = ws.getSheetValues().filter(Boolean) as unknown[][];
    const total = values.find((r) => r[1] === 'JUMLAH')!;
    const slips = await storedSlips();
    const sumLines = (codes: string[]) =>
      slips.reduce(
        (t, s) =>
          t +
          s.slip.lines
            .filter((l: { code: string }) => codes.includes(l.code))
            .reduce((a: number, l: { amount: number }) => a + l.amount, 0),
        0,
      );
    const bruto = slips.reduce(
      (t, s) => t + s.slip.meta.taxFacts.brutoGaji + s.slip.meta.taxFacts.brutoTpp,
      0,
    );
    expect(total[3]).toBe(bruto);
    expect(total[4]).toBe(sumLines(['POT_PPH21', 'POT_PPH21_TPP']));
    expect(total[5]).toBe(sumLines(['TUNJ_PPH21', 'TUNJ_PPH21_TPP']));
    expect(total[2]).toBe(slips.length);
    expect(String(values.find((r) => String(r[1]).startsWith('Sumber'))?.[1])).toContain(
      `${runId} (DIKUNCI)`,
    );
    // An operator gets their own OPD only: another OPD named is refused, none named is theirs.
    const disdik = aPrincipal({ sub: 'op.disdik', roles: ['operator'], opds: ['DISDIK'] });
    const other = members.find((m) => m.opd !== 'DISDIK')!.opd;
    expect((await download('GET /tax/recap/{month}', { month: MONTH }, { opd: other }, disdik)).status).toBe(
      403,
    );
    const own = await download('GET /tax/recap/{month}', { month: MONTH }, {}, disdik);
    expect(own.status).toBe(200);
    const ownBook = new ExcelJS.Workbook();
    await ownBook.xlsx.load(own.body as unknown as ArrayBuffer);
    const opdsShown = (ownBook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][])
      .map((r) => r[1])
      .filter((v) => typeof v === 'string' && /^[A-Z]+$/.test(v) && v !== 'OPD' && v !== 'JUMLAH');
    expect(opdsShown).toEqual(members.some((m) => m.opd === 'DISDIK') ? ['DISDIK'] : []);
  });

  it('should list every PNS in the A2 data file with why the year is not complete yet, and refuse A1 for an A2 tenant', async () => {
    const res = await download('GET /tax/a2/{year}', { year: '2026' });
    expect(res.status).toBe(200);
    expect(res.headers['x-sigap-runs']).toBe(`${runId}:LOCKED`);
    const [header, ...rows] = res.text
      .trim()
      .split('\r\n')
      .map((l) => l.split(';'));
    const status = header!.indexOf('status');
    // pppkAnnualForm A2: the PPPK are on the A2 too, so every employee paid in the year has a row.
    expect(rows.map((r) => r[header!.indexOf('nip')]).sort()).toEqual(
      (await storedSlips()).map((x) => x.header.nip).sort(),
    );
    for (const row of rows) expect(row[status]).toContain('masa terakhir 2026 belum dibayar');
    const a1 = await download('GET /tax/a1/{year}', { year: '2026' });
    expect(a1.status).toBe(409);
    expect(JSON.parse(a1.text).error.code).toBe('ANNUAL_FORM_A2');
  });

  it('should refuse an annual A2 while the year has no last masa, naming why', async () => {
    const nip =
      members.find((m) => m.employee.kepegawaian?.jenisAsn !== 'PPPK')?.employee.nip ??
      members[0]!.employee.nip;
    const res = await download('GET /tax/a2/{year}/{nip}/pdf', { year: '2026', nip });
    expect(res.status).toBe(409);
    expect(JSON.parse(res.text).error.issues.map((i: { path: string }) => i.path)).toContain('lastMasa');
  });
});
