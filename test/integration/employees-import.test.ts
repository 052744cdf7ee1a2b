import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { templateHeaders } from '../../core/employee/import-columns';
import { decodeImportFile } from '../../functions/employees/import-file';
import { aPrincipal } from '../builders/employee';
import { csvOf, exampleRow, generatedRows, type SheetRowValues, xlsxOf } from '../builders/employee-import';
import { anHttpEvent, call, type Handler, lambdaContext } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';

/**
 * The employee import through its handler, against DynamoDB Local: a dry run writes nothing; a commit
 * creates 1,000 employees with their history, audit records and one import record; the same file again
 * writes nothing; a changed row adds dated history; all-or-nothing, OPD scope and every kind of bad file.
 */
const db = useTestTables(['bantul']);
const table = () => db.tableName('bantul');
let importer: Handler;
let read: Handler;
let audit: Handler;

beforeAll(async () => {
  importer = (await import('../../functions/employees/import')).handler as Handler;
  read = (await import('../../functions/employees/read')).handler as Handler;
  audit = (await import('../../functions/audit/index')).handler as Handler;
});

const bkpsdm = aPrincipal({ sub: 'bkpsdm.import' });
const operatorDisdik = aPrincipal({ sub: 'op.disdik', roles: ['operator'], opds: ['DISDIK'] });
const OPDS = ['DISDIK', 'DINKES'];

function post(content: Buffer, fileName: string, extra: Record<string, unknown> = {}, principal = bkpsdm) {
  return call(importer, 'POST /employees/imports', {
    body: { fileName, contentBase64: content.toString('base64'), ...extra },
    principal,
  });
}

async function itemCount(): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.client.send(
      new ScanCommand({ TableName: table(), Select: 'COUNT', ExclusiveStartKey: start }),
    );
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}

/** Which of these NIPs have an employee record. */
async function stored(nips: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const nip of nips) {
    const out = await db.client.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `EMP#${nip}` },
        Select: 'COUNT',
      }),
    );
    if ((out.Count ?? 0) > 0) found.push(nip);
  }
  return found;
}

async function importRecords() {
  const out = await db.client.send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': 'AUDIT#employee-import' },
    }),
  );
  return out.Items ?? [];
}

// One 1,000-row file, imported by the tests below in order (dry run, commit, again, changed).
const ROWS: SheetRowValues[] = generatedRows(1000, OPDS);
let file: Buffer;

describe('employee import against DynamoDB Local', () => {
  // A cold DynamoDB Local on a busy machine needs far more than vitest's default 30 s for 1,000 rows.
  it('should dry-run a 1,000-row XLSX: every row reported, nothing written', {
    timeout: 120_000,
  }, async () => {
    file = await xlsxOf(ROWS);
    const res = await post(file, 'pegawai-bantul.xlsx', { newOpds: OPDS });
    expect(res.status).toBe(200);
    expect(res.json.counts).toMatchObject({ rows: 1000, valid: 1000, invalid: 0, create: 1000 });
    expect(res.json.summary).toMatch(/^1\.000 baris valid, 0 bermasalah/);
    expect(res.json.file).toMatchObject({
      name: 'pegawai-bantul.xlsx',
      type: 'xlsx',
      sheet: 'pegawai',
      rows: 1000,
    });
    expect(res.json.rows).toHaveLength(1000);
    expect(await itemCount()).toBe(0);
  });

  it('should commit it: 1,000 employees with history, one audit record each, one import record', {
    timeout: 300_000,
  }, async () => {
    // A commit stops starting new writes before API Gateway's 29 s; on a slow machine the same file is
    // sent again and finishes (written rows are unchanged the second time). Normally one request does it.
    const commits = [];
    for (let i = 0; i < 5 && !commits.at(-1)?.commit.complete; i++) {
      const res = await post(file, 'pegawai-bantul.xlsx', { mode: 'commit', newOpds: OPDS });
      expect(res.status).toBe(200);
      commits.push(res.json);
    }
    const last = commits.at(-1);
    expect(last.commit).toMatchObject({ complete: true, updated: 0, rejected: 0, importRecorded: true });
    expect(commits.reduce((n, c) => n + c.commit.created, 0)).toBe(1000);
    // 1,000 employee items + their 1,000 roster copies + 1,000 audit records + one import record per
    // commit that wrote.
    expect(await itemCount()).toBe(3000 + commits.length);

    const pns = ROWS.find(
      (r) => r.status_kepegawaian === 'pns' && r.nama_pasangan && r.nama_anak_1,
    ) as SheetRowValues;
    const got = await call(read, 'GET /employees/{nip}', {
      params: { nip: pns.nip as string },
      principal: bkpsdm,
    });
    expect(got.json).toMatchObject({
      nip: pns.nip,
      nik: pns.nik,
      npwp: pns.nik,
      bankAccount: { bank: 'BPD DIY', bankCode: '112', accountNumber: pns.nomor_rekening },
      pangkat: { golongan: pns.golongan, tmt: pns.tmt_golongan },
      keluarga: { statusKawin: 'KAWIN', spouse: { nama: pns.nama_pasangan, receivesAllowanceHere: true } },
    });
    const history = await call(read, 'GET /employees/{nip}/history', {
      params: { nip: pns.nip as string },
      principal: bkpsdm,
    });
    expect(
      history.json.timelines.kepegawaian.map((e: { from: string; value: { jenisAsn: string } }) => [
        e.from,
        e.value.jenisAsn,
      ]),
    ).toEqual([
      [pns.tmt_cpns, 'CPNS'],
      [pns.tmt_pns, 'PNS'],
    ]);
    expect(history.json.timelines.pangkat[0].from).toBe(pns.tmt_golongan);

    const trail = await call(audit, 'GET /audit', {
      query: { entity: `employee:${pns.nip}` },
      principal: bkpsdm,
    });
    expect(trail.json.items).toHaveLength(1);
    expect(trail.json.items[0]).toMatchObject({
      action: 'CREATE',
      actor: { sub: 'bkpsdm.import' },
      reason: expect.stringContaining('pegawai-bantul.xlsx'),
    });
    expect(trail.json.items[0].after.bankAccount.accountNumber).toMatch(/^\*+\d{4}$/);

    const records = await importRecords();
    expect(records).toHaveLength(commits.length);
    expect(records.at(-1)).toMatchObject({
      entityId: last.file.sha256,
      actor: { sub: 'bkpsdm.import' },
      after: {
        fileName: 'pegawai-bantul.xlsx',
        rows: 1000,
        updated: 0,
        complete: true,
        opds: OPDS.slice().sort(),
      },
    });
    const listed = await call(importer, 'GET /employees/imports', { principal: bkpsdm });
    expect(listed.json.items).toHaveLength(commits.length);
    expect(listed.json.items[0]).toMatchObject({
      sha256: last.file.sha256,
      fileName: 'pegawai-bantul.xlsx',
      complete: true,
    });
  });

  it('should change nothing when the same file is committed again (0 berubah)', {
    timeout: 120_000,
  }, async () => {
    const before = await itemCount();
    const res = await post(file, 'pegawai-bantul.xlsx', { mode: 'commit' });
    expect(res.status).toBe(200);
    expect(res.json.counts).toMatchObject({ create: 0, update: 0, unchanged: 1000 });
    expect(res.json.commit).toMatchObject({ created: 0, updated: 0, importRecorded: false });
    expect(res.json.commit.message).toContain('0 berubah');
    expect(await itemCount()).toBe(before);
  });

  it('should record a new SK as a dated history entry with its audit record', {
    timeout: 120_000,
  }, async () => {
    const importsBefore = (await importRecords()).length;
    const target = ROWS[3] as SheetRowValues;
    const changed = ROWS.map((r) =>
      r === target ? { ...r, golongan: 'IV/a', tmt_golongan: '2026-04-01', mkg_tahun: '12' } : r,
    );
    const res = await post(await xlsxOf(changed), 'pegawai-bantul-kp.xlsx', { mode: 'commit' });
    expect(res.json.counts).toMatchObject({ create: 0, update: 1, unchanged: 999 });
    expect(res.json.rows[3]).toMatchObject({
      nip: target.nip,
      action: 'UPDATE',
      changes: ['pangkat', 'masaKerja'],
    });
    const history = await call(read, 'GET /employees/{nip}/history', {
      params: { nip: target.nip as string },
      principal: bkpsdm,
    });
    expect(history.json.timelines.pangkat.map((e: { from: string }) => e.from)).toEqual([
      target.tmt_golongan,
      '2026-04-01',
    ]);
    const trail = await call(audit, 'GET /audit', {
      query: { entity: `employee:${target.nip}` },
      principal: bkpsdm,
    });
    expect(trail.json.items.map((i: { action: string }) => i.action)).toEqual(['UPDATE', 'CREATE']);
    expect(await importRecords()).toHaveLength(importsBefore + 1);
  });

  it('should write nothing with allOrNothing when one row is bad, and the valid rows without it', async () => {
    const rows = [
      ...generatedRows(3, OPDS, 5000),
      { ...(generatedRows(1, OPDS, 5003)[0] as SheetRowValues), kelas_jabatan: '40' },
    ];
    const content = await xlsxOf(rows);
    const imports = (await importRecords()).length;
    const refused = await post(content, 'baru.xlsx', { mode: 'commit', allOrNothing: true });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({
      code: 'IMPORT_HAS_INVALID_ROWS',
      issues: [{ path: 'file.rows[5].kelas_jabatan', message: expect.stringContaining('kelas 40') }],
    });
    expect(await stored(rows.map((r) => r.nip as string))).toEqual([]);
    expect(await importRecords()).toHaveLength(imports);
    const partial = await post(content, 'baru.xlsx', { mode: 'commit' });
    expect(partial.json.commit).toMatchObject({ created: 3, rejected: 1 });
  });

  it('should let an operator import rows of their OPD only, and not touch another OPD’s employee', async () => {
    const dinkesEmployee = ROWS.find((r) => r.opd_kode === 'DINKES') as SheetRowValues;
    const rows = [
      ...generatedRows(2, ['DISDIK'], 6000),
      generatedRows(1, ['DINKES'], 6002)[0] as SheetRowValues,
      { ...dinkesEmployee, opd_kode: 'DISDIK' },
    ];
    const res = await post(csvOf(rows), 'disdik.csv', { mode: 'commit' }, operatorDisdik);
    expect(res.status).toBe(200);
    expect(res.json.rows.map((r: { action: string }) => r.action)).toEqual([
      'CREATE',
      'CREATE',
      'REJECTED',
      'REJECTED',
    ]);
    expect(res.json.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: 4,
          field: 'opd_kode',
          message: 'OPD DINKES di luar cakupan Anda (DISDIK)',
        }),
        expect.objectContaining({
          row: 5,
          field: 'nip',
          message: `NIP ${dinkesEmployee.nip} terdaftar di OPD DINKES, di luar OPD Anda`,
        }),
      ]),
    );
    const still = await call(read, 'GET /employees/{nip}', {
      params: { nip: dinkesEmployee.nip as string },
      principal: bkpsdm,
    });
    expect(still.json.penempatan.opd).toBe('DINKES');
    // The operator lists only the imports they committed.
    const listed = await call(importer, 'GET /employees/imports', { principal: operatorDisdik });
    expect(listed.json.items.map((i: { fileName: string }) => i.fileName)).toEqual(['disdik.csv']);
  });

  it.each<[string, () => Promise<{ content: Buffer; name: string }>, number, string, string]>([
    [
      'a PDF',
      async () => ({ content: Buffer.from('%PDF-1.4'), name: 'pegawai.pdf' }),
      415,
      'IMPORT_FILE_TYPE',
      'body.fileName',
    ],
    [
      'a Windows-1252 CSV',
      async () => ({
        content: Buffer.concat([csvOf([exampleRow()]), Buffer.from([0x4a, 0xe9, 0x0d, 0x0a])]),
        name: 'p.csv',
      }),
      400,
      'IMPORT_ENCODING',
      'body.fileName',
    ],
    [
      'one NIP twice',
      async () => ({ content: await xlsxOf([exampleRow(), exampleRow()]), name: 'p.xlsx' }),
      400,
      'IMPORT_DUPLICATE_NIP',
      'file.rows[3].nip',
    ],
    [
      'a formula',
      async () => ({ content: Buffer.from('nip;nama_lengkap\r\n199001012015011009;=A2\r\n'), name: 'p.csv' }),
      400,
      'IMPORT_FORMULA',
      'file.cells.B2',
    ],
    [
      'a sheet without required columns',
      async () => ({
        content: await xlsxOf(
          [exampleRow()],
          templateHeaders().filter((h) => h !== 'golongan'),
        ),
        name: 'p.xlsx',
      }),
      400,
      'IMPORT_MISSING_COLUMNS',
      'file.header',
    ],
    [
      'more rows than the limit',
      async () => ({ content: Buffer.from(`nip\r\n${'1\r\n'.repeat(10_001)}`), name: 'p.csv' }),
      400,
      'IMPORT_TOO_MANY_ROWS',
      'file',
    ],
    ['no data rows', async () => ({ content: csvOf([]), name: 'p.csv' }), 400, 'IMPORT_EMPTY', 'file'],
  ])('should refuse %s with a clear 4xx and write nothing', async (_label, make, status, code, path) => {
    const { content, name } = await make();
    const imports = (await importRecords()).length;
    const res = await post(content, name, { mode: 'commit' });
    expect(res.status).toBe(status);
    expect(res.json.error).toMatchObject({ code, requestId: expect.any(String) });
    expect(res.json.error.issues[0].path).toBe(path);
    expect(res.json.error.message).not.toMatch(/internal/i);
    // The files above name the worked example's NIP, which no other test imports.
    expect(await stored([exampleRow().nip as string])).toEqual([]);
    expect(await importRecords()).toHaveLength(imports);
  });

  it('should refuse a body without a file name, naming the field', async () => {
    const res = await call(importer, 'POST /employees/imports', {
      body: { contentBase64: 'bmlw' },
      principal: bkpsdm,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.issues).toEqual([expect.objectContaining({ path: 'body.fileName' })]);
  });

  it('should refuse the import to roles that do not write master data', async () => {
    const res = await post(csvOf([exampleRow()]), 'p.csv', {}, aPrincipal({ sub: 'a', roles: ['auditor'] }));
    expect(res.status).toBe(403);
  });

  it('should serve the template as XLSX and CSV, both readable by the import', async () => {
    const get = (format: string) =>
      importer(
        anHttpEvent('GET /employees/import-template', { query: { format }, principal: operatorDisdik }),
        lambdaContext,
      );
    const xlsx = await get('xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.isBase64Encoded).toBe(true);
    expect(xlsx.headers?.['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers?.['content-disposition']).toBe('attachment; filename="templat-impor-pegawai.xlsx"');
    const sheet = await decodeImportFile({
      fileName: 't.xlsx',
      content: Buffer.from(xlsx.body as string, 'base64'),
    });
    expect(sheet.rows[0]?.cells.nip).toBe('199001012015011009');
    const csv = await get('csv');
    expect(csv.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    expect((csv.body as string).split('\r\n')[0]?.split(';')).toEqual(templateHeaders());
  });
});
