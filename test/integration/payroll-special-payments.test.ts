import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import type { StoredSlip } from '../../core/payroll/run-types';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { aPrincipal } from '../builders/employee';
import { anHttpEvent, call, type Handler, lambdaContext } from '../builders/http-event';
import { storeCoveredResults } from '../support/covered-results';
import { useTestTables } from '../support/dynamo';
import { pphByTer } from '../support/ter-reference';
import { parseCsv } from '../unit/documents/csv-parse';
import { extractPdfText } from '../unit/documents/pdf-text';
import { numberOf, readList } from '../unit/documents/xlsx-read';

/**
 * Issue 15, THR (gaji13-thr.md) on a demo tenant, through the API: Bukitintan pays February and March
 * 2026 as GAJI_TPP runs (approved, locked), then a THR run in March: February's gaji components and 100% of
 * the TPP paid in February (the tenant's DEMO decision), no iuran and no other deduction, tunjangan PPh =
 * potongan PPh, and PPh 21 on the masa's cumulative bruto with March's locked GAJI_TPP list — checked here
 * against the TER table of the domain reference, not the engine. Then approve, lock and its files.
 */
const TENANT = 'bukitintan';
const db = useTestTables([TENANT]);
const operator: Principal = aPrincipal({
  tenantId: TENANT,
  sub: 'operator.gaji',
  roles: ['operator'],
  opds: ['*'],
});
const approver: Principal = aPrincipal({ tenantId: TENANT, sub: 'kepala.bkpsdm', roles: ['bkpsdm'] });
const members = generateTenantSeed(TENANT).members.slice(0, 6);
const nips = members.map((m) => m.employee.nip);
let payrollWrite: Handler;
let payrollRead: Handler;
let docs: Handler;
let reports: Handler;
let slipsOf: (runId: string) => Promise<Map<string, StoredSlip>>;

async function payMonth(month: string) {
  const started = await call(payrollWrite, 'POST /runs', { body: { month }, principal: operator });
  expect(started.status, JSON.stringify(started.json)).toBe(201);
  expect(started.json.counts.errors, JSON.stringify(started.json)).toBe(0);
  await approveAndLock(started.json.id);
}

async function approveAndLock(runId: string) {
  const approved = await call(payrollWrite, 'POST /runs/{runId}/approve', {
    params: { runId },
    body: { acknowledgeBudget: true },
    principal: approver,
  });
  expect(approved.json.state, JSON.stringify(approved.json)).toBe('APPROVED');
  const locked = await call(payrollWrite, 'POST /runs/{runId}/lock', {
    params: { runId },
    body: {},
    principal: approver,
  });
  expect(locked.json.state, JSON.stringify(locked.json)).toBe('LOCKED');
}

async function binary(handler: Handler, route: string, params: Record<string, string>, query = {}) {
  const res = await handler(anHttpEvent(route, { params, query, principal: approver }), lambdaContext);
  return {
    status: res.statusCode ?? 0,
    body: Buffer.from(String(res.body ?? ''), res.isBase64Encoded ? 'base64' : 'utf8'),
  };
}

beforeAll(async () => {
  const employees = (await import('../../functions/employees/write')).handler as Handler;
  payrollWrite = (await import('../../functions/payroll/write')).handler as Handler;
  payrollRead = (await import('../../functions/payroll/read')).handler as Handler;
  docs = (await import('../../functions/payroll/docs')).handler as Handler;
  reports = (await import('../../functions/reports/index')).handler as Handler;
  const { allSlipsOfRun } = await import('../../functions/payroll/store/slip-store');
  const { decodeSlip } = await import('../../functions/payroll/slip-codec');
  slipsOf = async (runId) =>
    new Map(
      (await allSlipsOfRun(db.client, db.tableName(TENANT), runId)).map((r) => [
        r.nip,
        decodeSlip(r.payload),
      ]),
    );
  for (const m of members) {
    const res = await call(employees, 'POST /employees', { body: m.employee, principal: approver });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
  // Bukitintan pays the TPP of the month before (lag 1).
  await storeCoveredResults(
    db.client,
    db.tableName(TENANT),
    members.map((m) => ({ nip: m.employee.nip, opd: m.opd })),
    ['2026-01', '2026-02'],
  );
}, 180_000);

describe('THR run on a demo tenant', () => {
  it('should refuse a THR before the month’s gaji induk is locked, and a year without its PP, writing nothing', async () => {
    const early = await call(payrollWrite, 'POST /runs', {
      body: { month: '2026-03', kind: 'THR' },
      principal: operator,
    });
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('GAJI_INDUK_BELUM_DIKUNCI');
    const noPp = await call(payrollWrite, 'POST /runs', {
      body: { month: '2023-04', kind: 'THR' },
      principal: operator,
    });
    expect(noPp.status).toBe(400);
    expect(noPp.json.error.issues).toEqual([
      { path: 'body.month', message: expect.stringMatching(/belum ada data nasional THR tahun 2023/) },
    ]);
    for (const runId of ['2026-03-THR', '2023-04-THR']) {
      const res = await call(payrollRead, 'GET /runs/{runId}', { params: { runId }, principal: approver });
      expect(res.status).toBe(404);
    }
  });

  it('should pay February’s components and TPP with no deductions and the masa’s combined TER, then lock and export', async () => {
    await payMonth('2026-02');
    await payMonth('2026-03');
    const february = await slipsOf('2026-02-GAJI_TPP');
    const march = await slipsOf('2026-03-GAJI_TPP');

    const started = await call(payrollWrite, 'POST /runs', {
      body: { month: '2026-03', kind: 'THR' },
      principal: operator,
    });
    expect(started.status, JSON.stringify(started.json)).toBe(201);
    expect(started.json.id).toBe('2026-03-THR');
    expect(started.json.counts, JSON.stringify(started.json)).toMatchObject({
      computed: nips.length,
      errors: 0,
    });
    // A regular list after the THR would be taxed as if the THR were not there: refused.
    const late = await call(payrollWrite, 'POST /runs', {
      body: { month: '2026-03', kind: 'TPP' },
      principal: operator,
    });
    expect(late.status).toBe(409);
    expect(late.json.error.issues[0].path).toBe('body.kind');

    const thr = await slipsOf('2026-03-THR');
    let taxed = 0;
    for (const nip of nips) {
      const s = thr.get(nip)!;
      const feb = february.get(nip)!;
      const mar = march.get(nip)!;
      const amount = (slip: StoredSlip, code: string) =>
        slip.slip.lines.filter((l) => l.code === code).reduce((t, l) => t + l.amount, 0);
      // February's components, line by line.
      for (const code of [
        'GAJI_POKOK',
        'TUNJ_SUAMI_ISTRI',
        'TUNJ_ANAK',
        'TUNJ_FUNGSIONAL',
        'TUNJ_STRUKTURAL',
        'TUNJ_UMUM',
        'TUNJ_BERAS',
      ]) {
        expect(amount(s, code), `${nip} ${code}`).toBe(amount(feb, code));
      }
      // 100% of the TPP criteria paid in February.
      const tppFeb = feb.slip.lines
        .filter((l) => /^TPP_(BK|TB|KK|KP|PK|POL)$/.test(l.code))
        .reduce((t, l) => t + l.amount, 0);
      expect(amount(s, 'TPP_THR')).toBe(tppFeb);
      // No iuran, no other deduction: only the PPh, equal to its tunjangan.
      expect(
        s.slip.lines
          .filter((l) => l.kind === 'POTONGAN')
          .map((l) => l.code)
          .sort(),
      ).toEqual(tppFeb > 0 ? ['POT_PPH21', 'POT_PPH21_TPP'] : ['POT_PPH21']);
      expect(s.slip.lines.some((l) => l.kind === 'IURAN_PEMBERI_KERJA' || l.passThrough)).toBe(false);
      expect(amount(s, 'TUNJ_PPH21')).toBe(amount(s, 'POT_PPH21'));
      expect(amount(s, 'TUNJ_PPH21_TPP')).toBe(amount(s, 'POT_PPH21_TPP'));
      expect(s.slip.totals.gaji.bersih % 100).toBe(0);
      // The masa's PPh: TER on March's GAJI_TPP bruto + the THR's, minus what March's list withheld.
      const ptkp = s.input.employee.ptkpStatus;
      const masa = mar.slip.meta.taxFacts.brutoGaji + mar.slip.meta.taxFacts.brutoTpp;
      const thrBruto = s.slip.totals.gaji.penghasilan - amount(s, 'TUNJ_PPH21') + tppFeb;
      const withheld = mar.slip.meta.taxFacts.pphGaji + mar.slip.meta.taxFacts.pphTpp;
      expect(s.slip.meta.taxFacts.pphGaji).toBe(pphByTer(ptkp, masa + thrBruto) - withheld);
      expect(s.slip.meta.special?.masaLists.map((l) => l.runId)).toEqual(['2026-03-GAJI_TPP']);
      if (s.slip.meta.taxFacts.pphGaji > 0) taxed++;
    }
    expect(taxed).toBeGreaterThan(0);

    await approveAndLock('2026-03-THR');
    const opd = members[0]!.opd;
    const daftar = await binary(
      docs,
      'GET /runs/{runId}/documents/{document}',
      { runId: '2026-03-THR', document: 'daftar-gaji' },
      { opd },
    );
    expect(daftar.status).toBe(200);
    const list = await readList(daftar.body);
    expect(list.texts[0]).toBe('DAFTAR TUNJANGAN HARI RAYA (THR) PEGAWAI');
    expect(list.texts.some((t) => /Tanpa iuran dan potongan lain/.test(t))).toBe(true);
    const ofOpd = [...thr.values()].filter((s) => s.header.opd === opd);
    expect(numberOf(list.totals.getCell(list.column('Jumlah Bersih')))).toBe(
      ofOpd.reduce((t, s) => t + s.slip.totals.gaji.bersih, 0),
    );
    const bank = await binary(
      reports,
      'GET /runs/{runId}/exports/{exportId}',
      { runId: '2026-03-THR', exportId: 'bank-file' },
      { opd, valueDate: '2026-03-10' },
    );
    expect(bank.status, bank.body.toString()).toBe(200);
    const rows = parseCsv(bank.body.toString('utf8'));
    expect(rows.slice(1).reduce((t, r) => t + Number(r[2]), 0)).toBe(
      ofOpd.reduce((t, s) => t + s.slip.totals.bersih, 0),
    );
    const pdf = await binary(docs, 'GET /runs/{runId}/slips/{nip}/pdf', {
      runId: '2026-03-THR',
      nip: ofOpd[0]!.header.nip,
    });
    expect(pdf.status).toBe(200);
    const text = extractPdfText(pdf.body).text;
    expect(text).toContain('SLIP TUNJANGAN HARI RAYA (THR) — MARET 2026');
    expect(text).toContain('tanpa iuran dan potongan lain');
  }, 300_000);
});
