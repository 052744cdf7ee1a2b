import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { aPrincipal } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';
import { storeCoveredResults } from '../support/covered-results';
import { useTestTables } from '../support/dynamo';
import { parseCsv } from '../unit/documents/csv-parse';
import { extractPdfText } from '../unit/documents/pdf-text';
import { numberOf, readList } from '../unit/documents/xlsx-read';

const db = useTestTables(['bantul']);

const tenantId = 'bantul';
const operator: Principal = aPrincipal({ sub: 'operator.gaji', roles: ['operator'], opds: ['*'] });
const approver: Principal = aPrincipal({ sub: 'kepala.bkpsdm', roles: ['bkpsdm'] });
const members = generateTenantSeed(tenantId).members.slice(0, 16);
let payrollWrite: Handler;
let payrollRead: Handler;
let docs: Handler;
let runId: string;

function binary(res: { status: number; raw: string; isBase64: boolean }) {
  return Buffer.from(res.raw, res.isBase64 ? 'base64' : 'utf8');
}

async function download(path: Record<string, string>, query: Record<string, string>, principal = approver) {
  const route = path.nip ? 'GET /runs/{runId}/slips/{nip}/pdf' : 'GET /runs/{runId}/documents/{document}';
  const { anHttpEvent, lambdaContext } = await import('../builders/http-event');
  const res = await docs(anHttpEvent(route, { params: path, query, principal }), lambdaContext);
  return {
    status: res.statusCode ?? 0,
    raw: String(res.body ?? ''),
    isBase64: Boolean(res.isBase64Encoded),
    headers: res.headers ?? {},
  };
}

/** The run's stored slips of one OPD, as the API returns them one by one. */
async function storedSlipsOf(opd: string) {
  const page = await call(payrollRead, 'GET /runs/{runId}/slips', {
    params: { runId },
    query: { opd, limit: '100' },
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
  docs = (await import('../../functions/payroll/docs')).handler as Handler;
  for (const m of members)
    await call(employees, 'POST /employees', { body: m.employee, principal: approver });
  // The month whose TPP the run pays has complete appraisal results (missing data is tested elsewhere).
  await storeCoveredResults(
    db.client,
    db.tableName(tenantId),
    members.map((m) => ({ nip: m.employee.nip, opd: m.opd })),
    ['2026-09', '2026-10', '2026-11'],
  );
  const run = await call(payrollWrite, 'POST /runs', { body: { month: '2026-11' }, principal: operator });
  runId = run.json.id;
}, 120_000);

describe('payroll documents from a real run', () => {
  it('should refuse exports of a draft, but preview it watermarked', async () => {
    const refused = await download({ runId, document: 'daftar-gaji' }, { opd: members[0]!.opd });
    expect(refused.status).toBe(409);
    const preview = await download({ runId, document: 'bank' }, { opd: members[0]!.opd, preview: 'true' });
    expect(preview.status).toBe(200);
    expect(binary(preview).toString('utf8')).toContain('DRAFT');
  });

  it('should warn before approving a month that exceeds an OPD’s TPP pagu, and approve when acknowledged', async () => {
    const opd = members[0]!.opd;
    const put = await call(payrollWrite, 'PUT /budgets/{year}/{opd}', {
      params: { year: '2026', opd },
      body: { paguTpp: 1000, source: 'DPA 2026 (uji)' },
      principal: approver,
    });
    expect(put.status).toBe(200);
    const run = await call(payrollRead, 'GET /runs/{runId}', { params: { runId }, principal: approver });
    expect(run.json.budget.find((b: { opd: string }) => b.opd === opd)).toMatchObject({
      pagu: 1000,
      melebihi: true,
    });
    const refused = await call(payrollWrite, 'POST /runs/{runId}/approve', {
      params: { runId },
      body: {},
      principal: approver,
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('BUDGET_EXCEEDED');
    const ok = await call(payrollWrite, 'POST /runs/{runId}/approve', {
      params: { runId },
      body: { acknowledgeBudget: true },
      principal: approver,
    });
    expect(ok.json.state).toBe('APPROVED');
    expect(ok.json.budgetWarnings.map((b: { opd: string }) => b.opd)).toContain(opd);
  });

  it('should export a daftar gaji whose totals equal the run’s stored slips for the OPD', async () => {
    const opd = members[0]!.opd;
    const res = await download({ runId, document: 'daftar-gaji' }, { opd });
    expect(res.status).toBe(200);
    const list = await readList(binary(res));
    const stored = await storedSlipsOf(opd);
    expect(list.rows).toHaveLength(stored.length);
    const bersih = numberOf(list.totals.getCell(list.column('Jumlah Bersih')));
    expect(bersih).toBe(stored.reduce((sum, s) => sum + s.slip.totals.gaji.bersih, 0));
  });

  it('should export a rekap TPP whose net TPP equals the run’s stored slips for the OPD', async () => {
    const opd = members[0]!.opd;
    const res = await download({ runId, document: 'rekap-tpp' }, { opd });
    expect(res.status).toBe(200);
    const list = await readList(binary(res));
    const stored = await storedSlipsOf(opd);
    const bersih = numberOf(list.totals.getCell(list.column('Jumlah Bersih')));
    expect(bersih).toBe(stored.reduce((sum, s) => sum + s.slip.totals.tpp.bersih, 0));
    expect(bersih).toBeGreaterThan(0);
  });

  it('should export a bank file that pays each slip’s bersih exactly once', async () => {
    const opd = members[0]!.opd;
    const res = await download({ runId, document: 'bank' }, { opd });
    const rows = parseCsv(binary(res).toString('utf8'));
    const run = await call(payrollRead, 'GET /runs/{runId}', { params: { runId }, principal: approver });
    const total = rows.slice(1).reduce((s, r) => s + Number(r[2]), 0);
    expect(total).toBe(run.json.totals.find((t: { opd: string }) => t.opd === opd).bersih);
    expect(new Set(rows.slice(1).map((r) => r[3])).size).toBe(rows.length - 1);
  });

  it('should not write a SIPD list here: that is an export (complete or refused), so the old document is a 400', async () => {
    for (const document of ['sipd-gaji', 'sipd-tpp']) {
      const res = await download({ runId, document }, { opd: members[0]!.opd, preview: 'true' });
      expect(res.status).toBe(400);
      const body = JSON.parse(res.raw) as { error: { issues: { path: string }[] } };
      expect(body.error.issues.map((i) => i.path)).toContain('path.document');
    }
  });

  it('should give an employee their own slip PDF with their name and net pay, and nobody else’s', async () => {
    const nip = members[2]!.employee.nip;
    const self = aPrincipal({ sub: nip, roles: ['pegawai'] });
    // Approved is not yet paid (it may go back to draft): the employee's slip appears once it is locked.
    expect((await download({ runId, nip }, {}, self)).status).toBe(404);
    const locked = await call(payrollWrite, 'POST /runs/{runId}/lock', {
      params: { runId },
      body: {},
      principal: approver,
    });
    expect(locked.status, JSON.stringify(locked.json)).toBe(200);
    const res = await download({ runId, nip }, {}, self);
    expect(res.status).toBe(200);
    const pdf = binary(res);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractPdfText(pdf).text;
    expect(text).toContain(members[2]!.employee.nama);
    const other = await download({ runId, nip: members[3]!.employee.nip }, {}, self);
    expect(other.status).toBe(404);
  });
});
