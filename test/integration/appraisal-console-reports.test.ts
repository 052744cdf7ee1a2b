import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../core/discipline/calendar-date';
import { records } from '../../functions/appraisal/store/records';
import { anHttpEvent, call, type Handler, lambdaContext } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';
import type { People } from './appraisal-fixtures';

/**
 * BKPSDM's side of the console (issue 18, journeys 4–7) on DynamoDB Local: the distribution against
 * the curve with Binjai's unit ratings applied and its drill-down, the follow-up workbook, realisasi
 * imported from a sector's spreadsheet, and the OPD's month as an attendance grid.
 */
const db = useTestTables(['bantul', 'binjai']);
// Imported after the tables are set up: the fixtures reach the table client, which reads the endpoint once.
let fx: typeof import('./appraisal-fixtures');
const MONTH = addMonths(new Date().toISOString().slice(0, 7), -1);
const YEAR = Number(MONTH.slice(0, 4));

let read: Handler;
let write: Handler;
let bantul: People;
let binjai: People;

beforeAll(async () => {
  fx = await import('./appraisal-fixtures');
  fx.clockInMonth();
  read = (await import('../../functions/appraisal/read')).handler as Handler;
  write = (await import('../../functions/appraisal/write')).handler as Handler;
  const employeesWrite = (await import('../../functions/employees/write')).handler as Handler;
  bantul = fx.peopleOf('bantul');
  binjai = fx.peopleOf('binjai');
  await fx.seedEmployees(employeesWrite, bantul);
  await fx.seedEmployees(employeesWrite, binjai);
}, 180_000);
afterAll(() => fx.realClock());

function resultItem(
  nip: string,
  opd: string,
  unitSlug: string,
  month: string,
  predikat: string,
  unitName = 'Bidang Uji',
) {
  return records.result({
    nip,
    nama: `Pegawai ${nip.slice(-3)}`,
    opd,
    unit: unitName,
    unitId: `${opd}/${unitSlug}`,
    month,
    facts: {
      month,
      performance: { status: 'FINAL', predikat: predikat as 'BAIK' },
      discipline: { counts: {}, leave: [], sanctions: [] },
    },
    detail: {
      performance: {},
      discipline: { tk: { thisMonth: 0, yearToDate: 0, longestStreak: 0, trailingStreak: 0 }, warnings: [] },
    },
    computedAt: new Date().toISOString(),
    computedBy: 'arrange',
  });
}

async function put(tenant: string, item: Record<string, unknown>) {
  await db.client.send(new PutCommand({ TableName: db.tableName(tenant), Item: item }));
}

async function binary(route: string, opts: Parameters<typeof anHttpEvent>[1]) {
  const res = await read(anHttpEvent(route, opts), lambdaContext);
  return {
    status: res.statusCode ?? 0,
    headers: res.headers ?? {},
    body: Buffer.from(String(res.body ?? ''), res.isBase64Encoded ? 'base64' : 'utf8'),
  };
}

describe('journey 6: unit ratings scale Binjai’s calibration curve', () => {
  it('should apply each unit’s rating to its limits, and drill down to the names', async () => {
    const month = addMonths(MONTH, -3);
    // Two units of a real OPD, 10 results each, 3 Sangat Baik (30 %) in both; the results are arranged
    // directly, so any 20 NIPs of the tenant serve.
    const opd = binjai.members[0]!.opd;
    const people = binjai.members.slice(0, 20);
    // The unit ids the employees really have: a rating must name a unit with employees.
    const rated = binjai.members.find((m) => m.opd === opd && m.role === 'staff')!.employee.penempatan.unit;
    const ratedSlug = rated.toUpperCase().replace(/[^A-Z0-9]+/g, '-');
    const sekretariat = `${opd}/${ratedSlug}`;
    const realUnits = [sekretariat];
    const unitOf = (i: number) => (i < 10 ? ratedSlug : 'BIDANG-UJI');
    for (const [i, m] of people.entries())
      await put(
        'binjai',
        resultItem(
          m.employee.nip,
          opd,
          unitOf(i),
          month,
          i % 10 < 3 ? 'SANGAT_BAIK' : 'BAIK',
          i < 10 ? rated : 'Bidang Uji',
        ),
      );

    const unknownUnit = await call(write, 'PUT /unit-ratings/{month}', {
      params: { month },
      body: { ratings: [{ unitId: `${opd}/TIDAK-ADA`, predikat: 'BAIK' }] },
      principal: binjai.bkpsdm,
    });
    expect(unknownUnit.status).toBe(400);
    expect(unknownUnit.json.error.issues[0].path).toBe('body.ratings[0].unitId');
    const badPredikat = await call(write, 'PUT /unit-ratings/{month}', {
      params: { month },
      body: { ratings: [{ unitId: realUnits[0], predikat: 'LUAR_BIASA' }] },
      principal: binjai.bkpsdm,
    });
    expect(badPredikat.status).toBe(400);
    expect(badPredikat.json.error.issues[0].path).toBe('body.ratings[0].predikat');
    const byOperator = await call(write, 'PUT /unit-ratings/{month}', {
      params: { month },
      body: { ratings: [{ unitId: realUnits[0], predikat: 'BAIK' }] },
      principal: binjai.operator,
    });
    expect(byOperator.status).toBe(403);

    const ok = await call(write, 'PUT /unit-ratings/{month}', {
      params: { month },
      body: { ratings: [{ unitId: sekretariat, predikat: 'SANGAT_BAIK', note: 'capaian unit 112%' }] },
      principal: binjai.bkpsdm,
    });
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    const listed = await call(read, 'GET /unit-ratings/{month}', {
      params: { month },
      principal: binjai.auditor,
    });
    expect(listed.json).toMatchObject({
      groupBy: 'UNIT',
      uses: { unitRating: true },
      items: [{ unitId: sekretariat, predikat: 'SANGAT_BAIK', multiplierPercent: 150 }],
    });
    const audit = await db.client.send(
      new QueryCommand({
        TableName: db.tableName('binjai'),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `AUDIT#unit-rating#${month}` },
      }),
    );
    expect(audit.Items?.map((a) => a.action)).toEqual(['UPDATE']);

    const report = await call(read, 'GET /calibration/{month}', {
      params: { month },
      query: { opd },
      principal: binjai.bkpsdm,
    });
    expect(report.status, JSON.stringify(report.json)).toBe(200);
    // binjai.json: SB ≤ 20 %, × 150 % for a unit rated Sangat Baik → 30 %: 3 of 10 is within it.
    const byKey = Object.fromEntries(report.json.groups.map((g: { key: string }) => [g.key, g]));
    expect(byKey[sekretariat as string]).toMatchObject({
      unitId: sekretariat,
      unitName: rated,
      unitPredikat: 'SANGAT_BAIK',
      multiplierPercent: 150,
      counts: { SANGAT_BAIK: 3, BAIK: 7 },
      sharePercent: { SANGAT_BAIK: 30 },
      limitPercent: { SANGAT_BAIK: 30 },
    });
    expect(byKey[`${opd}/BIDANG-UJI`]).toMatchObject({
      unitPredikat: null,
      limitPercent: { SANGAT_BAIK: 20 },
    });
    expect(report.json.warnings.map((w: { groupKey: string }) => w.groupKey)).toEqual([`${opd}/BIDANG-UJI`]);

    const members = await call(read, 'GET /calibration/{month}/members', {
      params: { month },
      query: { group: `${opd}/BIDANG-UJI`, predikat: 'SANGAT_BAIK' },
      principal: binjai.bkpsdm,
    });
    expect(members.status, JSON.stringify(members.json)).toBe(200);
    expect(members.json.total).toBe(3);
    expect(members.json.items.map((m: { nip: string }) => m.nip).sort()).toEqual(
      people
        .slice(10, 13)
        .map((m) => m.employee.nip)
        .sort(),
    );
    const mismatch = await call(read, 'GET /calibration/{month}/members', {
      params: { month },
      query: { opd: 'LAIN', group: `${opd}/BIDANG-UJI` },
      principal: binjai.bkpsdm,
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.json.error.issues[0].path).toBe('query.group');
  });

  it('should refuse unit ratings where the tenant does not scale its curve (Bantul)', async () => {
    const res = await call(write, 'PUT /unit-ratings/{month}', {
      params: { month: MONTH },
      body: { ratings: [{ unitId: 'DISDIK', predikat: 'BAIK' }] },
      principal: bantul.bkpsdm,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.issues).toEqual([
      { path: 'body.ratings', message: expect.stringMatching(/tidak diskalakan/) },
    ]);
  });
});

describe('journey 4: the follow-up workbook', () => {
  it('should export pembinaan after three months below expectation as XLSX', async () => {
    const nip = bantul.members[5]!.employee.nip;
    const months = [-2, -1, 0].map((d) => addMonths(MONTH, d - 8));
    for (const m of months) await put('bantul', resultItem(nip, 'UJI3', 'SEKRETARIAT', m, 'KURANG'));
    const res = await binary('GET /follow-up/{month}', {
      params: { month: months[2] as string },
      query: { opd: 'UJI3', format: 'xlsx' },
      principal: bantul.bkpsdm,
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Pembinaan', 'Penghargaan', 'Pelatihan']);
    const rows: string[][] = [];
    book.getWorksheet('Pembinaan')?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).map(String));
    });
    // Bantul (rulesets/appraisal/bantul.json): pembinaan after 3 consecutive months below expectation.
    expect(rows.find((r) => r[1] === nip)).toEqual([
      '1',
      nip,
      `Pegawai ${nip.slice(-3)}`,
      '3',
      months[0],
      'Kurang/Misconduct',
      '',
    ]);
    expect(rows.some((r) => r[0]?.includes('3 bulan berturut-turut'))).toBe(true);
  });
});

describe('journey 5: realisasi from a spreadsheet', () => {
  it('should report every row in a dry run, store all or nothing, and keep the source file', async () => {
    const { pegawai, atasan, operator, operatorOpd } = bantul;
    expect(fx.memberOf(bantul, pegawai.sub).opd).toBe(operatorOpd);
    const skp = await fx.approvedSkp(write, pegawai, atasan);
    const [first, second] = skp.results.flatMap((r) => r.indicators);
    const good = [
      {
        nip: pegawai.sub,
        indicatorId: first!.id,
        date: `${MONTH}-03`,
        value: 40,
        note: 'rekap nilai ujian kelas 8',
      },
      { nip: pegawai.sub, indicatorId: second!.id, date: `${MONTH}-04`, value: '12,5' },
    ];
    const bad = [
      ...good,
      { nip: pegawai.sub, indicatorId: 'tidak-ada', date: `${MONTH}-05`, value: 'sepuluh' },
    ];
    const params = { year: String(YEAR) };
    const dry = await call(write, 'POST /realizations/{year}/imports', {
      params,
      body: { opd: operatorOpd, fileName: 'nilai-ujian-smp1.xlsx', rows: bad, dryRun: true },
      principal: operator,
    });
    expect(dry.status, JSON.stringify(dry.json)).toBe(200);
    expect(dry.json).toMatchObject({ dryRun: true, rows: 3, validRows: 2, realizations: 0 });
    expect(dry.json.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.rows[2].indicatorId',
      'body.rows[2].value',
    ]);
    const refused = await call(write, 'POST /realizations/{year}/imports', {
      params,
      body: { opd: operatorOpd, fileName: 'nilai-ujian-smp1.xlsx', rows: bad },
      principal: operator,
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('REALIZATION_ROWS_INVALID');
    const none = await call(read, 'GET /skp/{nip}/{year}/realizations', {
      params: { nip: pegawai.sub, year: String(YEAR) },
      principal: pegawai,
    });
    expect(none.json.items).toEqual([]);

    const stored = await call(write, 'POST /realizations/{year}/imports', {
      params,
      body: { opd: operatorOpd, fileName: 'nilai-ujian-smp1.xlsx', rows: good },
      principal: operator,
    });
    expect(stored.status, JSON.stringify(stored.json)).toBe(201);
    expect(stored.json).toMatchObject({ stored: 2, employees: 1, fileName: 'nilai-ujian-smp1.xlsx' });
    // The same file again replaces its rows: still two realisasi.
    const again = await call(write, 'POST /realizations/{year}/imports', {
      params,
      body: { opd: operatorOpd, fileName: 'nilai-ujian-smp1.xlsx', rows: good },
      principal: operator,
    });
    expect(again.status).toBe(201);
    const list = await call(read, 'GET /skp/{nip}/{year}/realizations', {
      params: { nip: pegawai.sub, year: String(YEAR) },
      principal: pegawai,
    });
    expect(list.json.items).toHaveLength(2);
    expect(list.json.items.map((r: { value: number }) => r.value)).toEqual([40, 12.5]);
    expect(list.json.items[0].source).toMatchObject({ fileName: 'nilai-ujian-smp1.xlsx' });
    expect(list.json.items[0].recordedBy).toBe(operator.sub);

    // Another OPD's operator may not import for this OPD; an unknown OPD code in the body is named.
    const otherOpd = bantul.members.find((m) => m.opd !== operatorOpd)!.opd;
    const outside = await call(write, 'POST /realizations/{year}/imports', {
      params,
      body: { opd: otherOpd, fileName: 'x.csv', rows: good, dryRun: true },
      principal: operator,
    });
    expect(outside.status).toBe(403);
    // A year before the tenant's rules: each row is told why (no SKP that year), never a 500.
    const early = await call(write, 'POST /realizations/{year}/imports', {
      params: { year: '2020' },
      body: {
        opd: operatorOpd,
        fileName: 'lama.csv',
        rows: [{ nip: pegawai.sub, indicatorId: first!.id, date: '2020-03-02', value: 1 }],
        dryRun: true,
      },
      principal: operator,
    });
    expect(early.status, JSON.stringify(early.json)).toBe(200);
    expect(early.json.issues).toEqual([
      { path: 'body.rows[0].nip', message: `NIP ${pegawai.sub} belum memiliki SKP 2020` },
    ]);
    const noRows = await call(write, 'POST /realizations/{year}/imports', {
      params,
      body: { opd: operatorOpd, fileName: 'x.csv', rows: [] },
      principal: operator,
    });
    expect(noRows.status).toBe(400);
    expect(noRows.json.error.issues[0].path).toBe('body.rows');
  });
});

describe('journey 7: the OPD’s month as an attendance grid', () => {
  it('should show a code per employee and day, with cuti and days off, and the cuts once results exist', async () => {
    const { operator, operatorOpd, pegawai, bkpsdm } = bantul;
    const rows = fx.onTimeAttendance(bantul, operatorOpd, MONTH, new Set([pegawai.sub]));
    const onLeave = bantul.members.find((m) => m.opd === operatorOpd && m.employee.nip !== pegawai.sub)!;
    const leaveDay = fx
      .onTimeAttendance(bantul, operatorOpd, MONTH)
      .find((r) => r.nip === onLeave.employee.nip)!
      .timestamp.slice(0, 10);
    const leave = await call(write, 'POST /discipline/{nip}/leave', {
      params: { nip: onLeave.employee.nip },
      body: { kind: 'CUTI_TAHUNAN', from: leaveDay, to: leaveDay, skNumber: 'SK/CUTI/1' },
      principal: operator,
    });
    expect(leave.status, JSON.stringify(leave.json)).toBe(201);
    const imported = await call(write, 'POST /attendance/{month}/imports', {
      params: { month: MONTH },
      body: { opd: operatorOpd, rows },
      principal: operator,
    });
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);
    const grid = await call(read, 'GET /attendance/{month}', {
      params: { month: MONTH },
      query: { opd: operatorOpd, limit: '100' },
      principal: operator,
    });
    expect(grid.status, JSON.stringify(grid.json)).toBe(200);
    expect(grid.json.total).toBe(grid.json.items.length);
    const weekend = grid.json.days.find((d: { weekday: number }) => d.weekday === 7);
    const workday = grid.json.days.find((d: { workingDay: boolean }) => d.workingDay);
    const someone = grid.json.items.find((i: { nip: string }) => i.nip !== pegawai.sub);
    const cell = (row: { cells: { date: string; code: string }[] }, date: string) =>
      row.cells.find((c) => c.date === date)?.code;
    expect(cell(someone, weekend.date)).toBe('LIBUR');
    expect(cell(someone, workday.date)).toBe('H');
    // The pegawai has no punches: their days are missing data, not absences.
    const own = grid.json.items.find((i: { nip: string }) => i.nip === pegawai.sub);
    expect(cell(own, workday.date)).toBe('');
    expect(someone.tppCuts).toEqual({ computed: false });
    const leaveRow = grid.json.items.find((i: { nip: string }) => i.nip === onLeave.employee.nip);
    expect(cell(leaveRow, leaveDay)).toBe('CUTI');
    expect(leaveRow.leaves).toEqual([
      { kind: 'CUTI_TAHUNAN', from: leaveDay, to: leaveDay, skNumber: 'SK/CUTI/1' },
    ]);

    // Once the month's results are computed, each row carries the cuts the payroll will apply.
    fx.clockAfterMonth();
    const computed = await call(write, 'POST /results/{month}/compute', {
      params: { month: MONTH },
      body: { opd: operatorOpd },
      principal: bkpsdm,
    });
    expect(computed.status, JSON.stringify(computed.json)).toBe(200);
    const after = await call(read, 'GET /attendance/{month}', {
      params: { month: MONTH },
      query: { opd: operatorOpd, limit: '100' },
      principal: bkpsdm,
    });
    const ownAfter = after.json.items.find((i: { nip: string }) => i.nip === pegawai.sub);
    const someoneAfter = after.json.items.find((i: { nip: string }) => i.nip === someone.nip);
    expect(someoneAfter.tppCuts).toMatchObject({ computed: true, provisional: false, attendancePercent: 0 });
    expect(ownAfter.tppCuts.computed).toBe(true);

    const outside = await call(read, 'GET /attendance/{month}', {
      params: { month: MONTH },
      query: { opd: bantul.members.find((m) => m.opd !== operatorOpd)!.opd },
      principal: operator,
    });
    expect(outside.status).toBe(403);
    const noOpd = await call(read, 'GET /attendance/{month}', {
      params: { month: MONTH },
      principal: bkpsdm,
    });
    expect(noOpd.status).toBe(400);
    expect(noOpd.json.error.issues[0].path).toBe('query.opd');
  });
});
