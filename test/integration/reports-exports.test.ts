import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { aPrincipal } from '../builders/employee';
import { anHttpEvent, call, type Handler, lambdaContext } from '../builders/http-event';
import { storeCoveredResults } from '../support/covered-results';
import { useTestTables } from '../support/dynamo';
import { parseCsv } from '../unit/documents/csv-parse';
import { extractPdfText } from '../unit/documents/pdf-text';

/**
 * Exports for the outside world (#16) from a real run of seed employees: refused for a draft, previews
 * for an approved run, final files for a locked one; every total equals the run's stored slips (read
 * through the payroll API, not through the export code); every file audited.
 */
const db = useTestTables(['bantul']);
const tenantId = 'bantul';
const operator: Principal = aPrincipal({ sub: 'operator.gaji', roles: ['operator'], opds: ['*'] });
const approver: Principal = aPrincipal({ sub: 'kepala.bkpsdm', roles: ['bkpsdm'] });
const auditor: Principal = aPrincipal({ sub: 'inspektorat', roles: ['auditor'] });

const seed = generateTenantSeed(tenantId).members;
const COMPLETE_OPD = 'DISDIK';
const complete = seed.filter((m) => m.opd === COMPLETE_OPD).slice(0, 6);
/** One employee of another OPD registered without NIK, address and sandi bank. */
const incomplete = seed.find((m) => m.opd !== COMPLETE_OPD)!;
const members = [...complete, incomplete];

let reports: Handler;
let payrollWrite: Handler;
let payrollRead: Handler;
let audit: Handler;
let runId: string;

async function download(exportId: string, query: Record<string, string>, principal: Principal = approver) {
  const res = await reports(
    anHttpEvent('GET /runs/{runId}/exports/{exportId}', { params: { runId, exportId }, query, principal }),
    lambdaContext,
  );
  const raw = String(res.body ?? '');
  const body = Buffer.from(raw, res.isBase64Encoded ? 'base64' : 'utf8');
  const headers = (res.headers ?? {}) as Record<string, string>;
  return { status: res.statusCode ?? 0, body, headers, json: () => JSON.parse(raw) };
}

/** The run's stored slips of one OPD, as the payroll API returns them one by one. */
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

type Line = { code: string; kind: string; amount: number };
const lineSum = (slips: { slip: { lines: Line[] } }[], codes: string[], employer: boolean) =>
  slips
    .flatMap((s) => s.slip.lines)
    .filter((l) => codes.includes(l.code) && (employer ? l.kind !== 'POTONGAN' : l.kind === 'POTONGAN'))
    .reduce((a, l) => a + l.amount, 0);

async function totalsRow(xlsx: Buffer, sheetIndex: number, header: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[sheetIndex]!;
  let col = 0;
  let last = 0;
  sheet.eachRow((row, n) => {
    row.eachCell((cell, c) => {
      if (cell.value === header) col = c;
    });
    if (String(row.getCell(1).value ?? '').startsWith('JUMLAH')) last = n;
  });
  const v = sheet.getRow(last).getCell(col).value as number | { result: number };
  return typeof v === 'number' ? v : v.result;
}

beforeAll(async () => {
  const employees = (await import('../../functions/employees/write')).handler as Handler;
  payrollWrite = (await import('../../functions/payroll/write')).handler as Handler;
  payrollRead = (await import('../../functions/payroll/read')).handler as Handler;
  reports = (await import('../../functions/reports/index')).handler as Handler;
  audit = (await import('../../functions/audit/index')).handler as Handler;
  for (const m of complete) {
    const res = await call(employees, 'POST /employees', { body: m.employee, principal: approver });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
  const {
    nik: _n,
    alamat: _a,
    ...bare
  } = incomplete.employee as typeof incomplete.employee & { alamat?: string };
  const { bankCode: _c, ...account } = bare.bankAccount!;
  await call(employees, 'POST /employees', { body: { ...bare, bankAccount: account }, principal: approver });
  await storeCoveredResults(
    db.client,
    db.tableName(tenantId),
    members.map((m) => ({ nip: m.employee.nip, opd: m.opd })),
    ['2026-09', '2026-10', '2026-11'],
  );
  const run = await call(payrollWrite, 'POST /runs', { body: { month: '2026-11' }, principal: operator });
  runId = run.json.id;
}, 180_000);

describe('exports of a run (bank, pemindahbukuan, BPJS, Taspen, SIPD)', () => {
  it('should refuse every export of a draft run with 409 RUN_NOT_EXPORTABLE, preview or not', async () => {
    for (const preview of ['false', 'true']) {
      const res = await download('sipd-gaji', { opd: COMPLETE_OPD, preview });
      expect(res.status).toBe(409);
      expect(res.json().error.code).toBe('RUN_NOT_EXPORTABLE');
    }
    const menu = await call(reports, 'GET /runs/{runId}/exports', { params: { runId }, principal: approver });
    expect(menu.json.menuState).toBe('UNAVAILABLE');
    expect(menu.json.exports.every((e: { available: boolean }) => !e.available)).toBe(true);
  });

  it('should give an approved run previews only, marked PRATINJAU, and list what is not ready', async () => {
    const approved = await call(payrollWrite, 'POST /runs/{runId}/approve', {
      params: { runId },
      body: { acknowledgeBudget: true },
      principal: approver,
    });
    expect(approved.json.state, JSON.stringify(approved.json)).toBe('APPROVED');

    const final = await download('bank-file', { opd: COMPLETE_OPD });
    expect(final.status).toBe(409);
    const preview = await download('bank-file', { opd: COMPLETE_OPD, preview: 'true' });
    expect(preview.status).toBe(200);
    expect(preview.body.toString('utf8').split('\r\n')[0]).toBe('PRATINJAU — BUKAN UNTUK PEMBAYARAN');
    expect(preview.headers['content-disposition']).toContain('PRATINJAU-transfer-2026-11-GAJI_TPP-APPROVED');

    const menu = await call(reports, 'GET /runs/{runId}/exports', { params: { runId }, principal: approver });
    expect(menu.json.menuState).toBe('PREVIEW');
    const nip = incomplete.employee.nip;
    const mine = menu.json.issues.filter((i: { nip: string }) => i.nip === nip);
    expect(mine.map((i: { exportId: string; column: string }) => `${i.exportId}:${i.column}`).sort()).toEqual(
      [
        'bank-file:kode_bank',
        'bpjs-kesehatan:nik',
        'sipd-gaji:alamat',
        'sipd-gaji:kode_bank',
        'sipd-gaji:nik_pegawai',
        'sipd-tpp:alamat',
        'sipd-tpp:kode_bank',
        'sipd-tpp:nik_pegawai',
      ],
    );
    expect(menu.json.issues.filter((i: { nip: string }) => i.nip !== nip)).toEqual([]);
  });

  it('should refuse the SIPD list of an OPD with an incomplete employee, naming employee and column', async () => {
    const res = await download('sipd-gaji', { opd: incomplete.opd, preview: 'true' });

    expect(res.status).toBe(409);
    expect(res.json().error.code).toBe('EXPORT_NOT_READY');
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      `employees.${incomplete.employee.nip}.nik_pegawai`,
      `employees.${incomplete.employee.nip}.alamat`,
      `employees.${incomplete.employee.nip}.kode_bank`,
    ]);
  });

  it('should write a locked run’s bank file whose total is the take-home of the OPD’s stored slips', async () => {
    const locked = await call(payrollWrite, 'POST /runs/{runId}/lock', {
      params: { runId },
      body: {},
      principal: approver,
    });
    expect(locked.status, JSON.stringify(locked.json)).toBe(200);
    const slips = await storedSlipsOf(COMPLETE_OPD);

    const res = await download('bank-file', { opd: COMPLETE_OPD, valueDate: '2026-11-28' });

    expect(res.status, res.body.toString()).toBe(200);
    const rows = parseCsv(res.body.toString('utf8'));
    expect(rows[0]).toEqual(['rekening', 'nama', 'jumlah', 'referensi']);
    const total = rows.slice(1).reduce((s, r) => s + Number(r[2]), 0);
    expect(total).toBe(
      slips.reduce((s: number, x: { slip: { totals: { bersih: number } } }) => s + x.slip.totals.bersih, 0),
    );
    expect(rows).toHaveLength(slips.length + 1);
    expect(res.headers).toMatchObject({
      'x-sigap-run': runId,
      'x-sigap-run-state': 'LOCKED',
      'x-sigap-export-state': 'FINAL',
      'x-sigap-template': 'generic-csv@2026-12-03.1',
      'x-sigap-total': String(total),
    });
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="transfer-${runId}-LOCKED-bendahara-gaji-v2026-12-03.1.csv"`,
    );
  });

  it('should write SIPD gaji and TPP lists with every column filled and totals equal to the slips', async () => {
    const slips = await storedSlipsOf(COMPLETE_OPD);
    for (const [id, group] of [
      ['sipd-gaji', 'gaji'],
      ['sipd-tpp', 'tpp'],
    ] as const) {
      const res = await download(id, { opd: COMPLETE_OPD });
      expect(res.status, res.body.toString()).toBe(200);
      const [header, ...rows] = parseCsv(res.body.toString('utf8'));
      const col = (name: string) => header!.indexOf(name);
      for (const name of [
        'nik_pegawai',
        'alamat',
        'kode_bank',
        'nama_bank',
        'nomor_rekening_pegawai',
        'tanggal_lahir_pegawai',
      ]) {
        expect(
          rows.every((r) => r[col(name)] !== ''),
          name,
        ).toBe(true);
      }
      expect(rows.every((r) => r[col('kode_bank')] === '112')).toBe(true);
      const bersih = rows.reduce((s, r) => s + Number(r[col('jumlah_bersih')]), 0);
      const fromSlips = slips
        .filter((s: { slip: { lines: { group: string }[] } }) =>
          s.slip.lines.some((l) => l.group.toLowerCase() === group),
        )
        .reduce(
          (s: number, x: { slip: { totals: Record<string, { bersih: number }> } }) =>
            s + x.slip.totals[group]!.bersih,
          0,
        );
      expect(bersih).toBe(fromSlips);
    }
  });

  it('should write BPJS Kesehatan and Taspen recaps whose totals equal the slips’ lines', async () => {
    const slips = await storedSlipsOf(COMPLETE_OPD);

    const bpjs = await download('bpjs-kesehatan', { opd: COMPLETE_OPD });
    const taspen = await download('taspen', { opd: COMPLETE_OPD });

    expect(bpjs.status, bpjs.body.toString()).toBe(200);
    expect(await totalsRow(bpjs.body, 0, 'Jumlah iuran pegawai')).toBe(
      lineSum(slips, ['POT_IWP_BPJS_1', 'POT_IWP_BPJS_1_TPP'], false),
    );
    expect(await totalsRow(bpjs.body, 0, 'Jumlah iuran pemberi kerja')).toBe(
      lineSum(slips, ['TUNJ_BPJS_KESEHATAN', 'TUNJ_BPJS_KESEHATAN_TPP'], true),
    );
    expect(bpjs.headers['x-sigap-template']).toBe('bpjs-kesehatan-rekap-sigap@2026-12-03.1');
    expect(taspen.status, taspen.body.toString()).toBe(200);
    expect(await totalsRow(taspen.body, 0, 'Iuran wajib pegawai (IWP)')).toBe(
      lineSum(slips, ['POT_IWP_TASPEN_8'], false),
    );
    expect(await totalsRow(taspen.body, 1, 'JKK')).toBe(lineSum(slips, ['TUNJ_JKK'], true));
    expect(await totalsRow(taspen.body, 1, 'JKM')).toBe(lineSum(slips, ['TUNJ_JKM'], true));
  });

  it('should write the pemindahbukuan letter (PDF) and lampiran (XLSX) with the total in figures and words', async () => {
    const slips = await storedSlipsOf(COMPLETE_OPD);
    const total = slips.reduce(
      (s: number, x: { slip: { totals: { bersih: number } } }) => s + x.slip.totals.bersih,
      0,
    );

    const pdf = await download('pemindahbukuan-pdf', {
      opd: COMPLETE_OPD,
      valueDate: '2026-11-28',
      nomor: '900/123/BKAD',
    });
    const xlsx = await download('pemindahbukuan-xlsx', { opd: COMPLETE_OPD, valueDate: '2026-11-28' });

    expect(pdf.status, pdf.body.toString().slice(0, 300)).toBe(200);
    const text = extractPdfText(pdf.body).text.replace(/\s+/g, ' ');
    expect(text).toContain('900/123/BKAD');
    expect(text).toMatch(
      new RegExp(`sebesar Rp ?${total.toLocaleString('id-ID').replaceAll('.', '\\.')} \\(`),
    );
    expect(text).toContain(
      `DAFTAR GAJI ${COMPLETE_OPD} PEMERINTAH KABUPATEN BANTUL BULAN NOVEMBER TAHUN 2026`,
    );
    expect(xlsx.status).toBe(200);
    expect(await totalsRow(xlsx.body, 1, 'NET MASUK REKENING')).toBe(total);
  });

  it('should keep an operator to their OPDs and audit every file handed out', async () => {
    const disdikOperator = aPrincipal({ sub: 'op.disdik', roles: ['operator'], opds: [COMPLETE_OPD] });
    expect((await download('taspen', { opd: 'DINKES' }, disdikOperator)).status).toBe(403);
    expect((await download('taspen', {}, disdikOperator)).status).toBe(400);
    const unknownAccount = await download('bank-file', { opd: COMPLETE_OPD, account: 'tidak-ada' });
    expect(unknownAccount.status).toBe(400);
    expect(unknownAccount.json().error.issues).toEqual([
      { path: 'query.account', message: 'pilihan: bendahara-gaji' },
    ]);
    expect((await download('sipd-gaji', {})).status).toBe(400);

    const trail = await call(audit, 'GET /audit', {
      query: { entity: `export:${runId}` },
      principal: auditor,
    });

    const actions = trail.json.items.map(
      (i: { action: string; after: { export: string; exportState: string } }) => [
        i.action,
        i.after.export,
        i.after.exportState,
      ],
    );
    expect(actions).toContainEqual(['EXPORT', 'bank-file', 'PREVIEW']);
    expect(actions).toContainEqual(['EXPORT', 'bank-file', 'FINAL']);
    expect(actions).toContainEqual(['EXPORT', 'sipd-tpp', 'FINAL']);
    expect(trail.json.items.every((i: { actor: { sub: string } }) => i.actor.sub === 'kepala.bkpsdm')).toBe(
      true,
    );
  });
});
