import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import { workingDays } from '../../core/discipline/work-calendar';
import { addMonths } from '../../core/pay/month';
import { demoAppraisalSettings } from '../../core/performance/appraisal-data';
import { appraisalSettingsInForce } from '../../core/performance/appraisal-settings';
import { unitIdOf } from '../../functions/appraisal/settings';
import { call, type Handler } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';
import {
  approvedSkp,
  clockAfterMonth,
  clockInMonth,
  MONTH,
  type People,
  peopleOf,
  realClock,
  seedEmployees,
} from './appraisal-fixtures';

const db = useTestTables(['bantul']);
const table = () => db.tableName('bantul');

let read: Handler;
let write: Handler;
let people: People;
let opdMembers: People['members'];

beforeAll(async () => {
  clockInMonth();
  read = (await import('../../functions/appraisal/read')).handler as Handler;
  write = (await import('../../functions/appraisal/write')).handler as Handler;
  people = peopleOf('bantul');
  opdMembers = people.members.filter((m) => m.opd === people.operatorOpd);
  await seedEmployees((await import('../../functions/employees/write')).handler as Handler, people);
}, 120_000);
afterAll(realClock);

const calendar = appraisalSettingsInForce(demoAppraisalSettings.bantul, MONTH).value.workCalendar;
const clock = (minutes: number, seconds: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;

/** Every hari kerja of the OPD's members, each with `perDay` punches (machines record every retry). */
function punches(perDay: number, total: number) {
  const rows: { nip: string; timestamp: string; type: string }[] = [];
  for (const m of opdMembers) {
    const { opd, unit } = m.employee.penempatan;
    for (const day of workingDays(calendar, unitIdOf(opd, unit), MONTH)) {
      for (let k = 0; k < perDay / 2; k++) {
        rows.push({ nip: m.employee.nip, timestamp: `${day.date} ${clock(7 * 60, k)}`, type: 'IN' });
        rows.push({ nip: m.employee.nip, timestamp: `${day.date} ${clock(17 * 60, k)}`, type: 'PULANG' });
      }
    }
  }
  if (rows.length < total) throw new Error(`only ${rows.length} punches; raise perDay`);
  return rows.slice(0, total);
}

async function storedPunches(): Promise<number> {
  let count = 0;
  for (const m of opdMembers) {
    const out = await db.client.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': `APR#${m.employee.nip}`, ':sk': `M#${MONTH}#ATT#` },
        Select: 'COUNT',
      }),
    );
    count += out.Count ?? 0;
  }
  return count;
}

async function audits(entity: string) {
  const out = await db.client.send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#${entity}` },
    }),
  );
  return out.Items ?? [];
}

const importAs = (body: unknown, principal = people.operator) =>
  call(write, 'POST /attendance/{month}/imports', { params: { month: MONTH }, body, principal });

describe('attendance import of an OPD-month', () => {
  it('should list every bad row and field and store nothing', async () => {
    const good = punches(2, 20);
    const outsider = people.members.find((m) => m.opd !== people.operatorOpd)!.employee.nip;
    const bad = [
      { nip: 197809032006022000, timestamp: `${MONTH}-03 07:00`, type: 'IN' },
      { nip: '1978090320060220', timestamp: `${MONTH}-03 07:00`, type: 'IN' },
      { nip: outsider, timestamp: `${MONTH}-03 07:00`, type: 'IN' },
      { nip: good[0]!.nip, timestamp: `${MONTH}-03`, type: 'IN' },
      { nip: good[0]!.nip, timestamp: `${MONTH}-03 25:00`, type: 'OUT' },
      { nip: good[0]!.nip, timestamp: `${MONTH}-03 07:00`, type: 'ISTIRAHAT' },
      { nip: good[0]!.nip, timestamp: `${MONTH}-03 07:00` },
      { nip: good[0]!.nip, timestamp: '2020-01-06 07:00', type: 'IN' },
    ];
    const rows = [...good.slice(0, 10), ...bad, ...good.slice(10)];
    const res = await importAs({ opd: people.operatorOpd, rows });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('ATTENDANCE_ROWS_INVALID');
    const paths = res.json.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual([
      'body.rows[10].nip',
      'body.rows[11].nip',
      'body.rows[12].nip',
      'body.rows[13].timestamp',
      'body.rows[14].timestamp',
      'body.rows[15].type',
      'body.rows[16].type',
      'body.rows[17].timestamp',
    ]);
    // An employee of another OPD is named as such, not as unknown to the tenant.
    const outsiderOpd = people.members.find((m) => m.employee.nip === outsider)!.opd;
    expect(res.json.error.issues[2].message).toBe(
      `NIP ${outsider} milik OPD ${outsiderOpd}, di luar OPD Anda`,
    );
    expect(await storedPunches()).toBe(0);
    expect(await audits(`attendance#${people.operatorOpd}#${MONTH}`)).toHaveLength(0);
  });

  it('should report every row on a dry run and write nothing, neither for a bad file nor a good one', async () => {
    const good = punches(2, 20);
    const outsider = people.members.find((m) => m.opd !== people.operatorOpd)!.employee.nip;
    const rows = [
      ...good.slice(0, 5),
      { nip: outsider, timestamp: `${MONTH}-03 07:00`, type: 'IN' },
      { nip: good[0]!.nip, timestamp: `${MONTH}-03 25:00`, type: 'OUT' },
      ...good.slice(5),
    ];
    const bad = await importAs({ opd: people.operatorOpd, rows, dryRun: true });
    expect(bad.status).toBe(200);
    expect(bad.json).toMatchObject({ dryRun: true, rows: 22, validRows: 20, punches: 0, monthLocked: false });
    expect(bad.json.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.rows[5].nip',
      'body.rows[6].timestamp',
    ]);
    const clean = await importAs({ opd: people.operatorOpd, rows: good, dryRun: true });
    expect(clean.status).toBe(200);
    expect(clean.json).toMatchObject({ dryRun: true, rows: 20, validRows: 20, punches: 20, issues: [] });
    expect(await storedPunches()).toBe(0);
    expect(await audits(`attendance#${people.operatorOpd}#${MONTH}`)).toHaveLength(0);
  });

  it('should refuse another OPD to an operator and any import to an auditor', async () => {
    const other = people.members.find((m) => m.opd !== people.operatorOpd)!.opd;
    expect((await importAs({ opd: other, rows: punches(2, 4) })).status).toBe(403);
    expect((await importAs({ opd: people.operatorOpd, rows: punches(2, 4) }, people.auditor)).status).toBe(
      403,
    );
  });

  it('should accept 5,000 rows, and store each punch once when the same file comes again', async () => {
    const rows = punches(40, 5_000);
    const t0 = performance.now();
    const first = await importAs({ opd: people.operatorOpd, rows });
    const ms = performance.now() - t0;
    expect(first.status, JSON.stringify(first.json).slice(0, 500)).toBe(201);
    expect(first.json).toMatchObject({
      rows: 5_000,
      stored: 5_000,
      duplicatesInFile: 0,
      employees: opdMembers.length,
    });
    expect(ms).toBeLessThan(60_000);
    const again = await importAs({ opd: people.operatorOpd, rows: [...rows, rows[0]] });
    expect(again.json).toMatchObject({ stored: 5_000, duplicatesInFile: 1, hash: first.json.hash });
    expect(await storedPunches()).toBe(5_000);
    const records = await audits(`attendance#${people.operatorOpd}#${MONTH}`);
    expect(records.map((r) => r.action)).toEqual(['IMPORT', 'IMPORT']);
    expect(records[0]!.after).toMatchObject({ rows: 5_000, hash: first.json.hash });
    expect(JSON.stringify(records[0]).length).toBeLessThan(2_000);
  }, 120_000);
});

describe('the month lock', () => {
  it('should also freeze a month once the run paying its TPP (bantul: the next month) is locked', async () => {
    clockAfterMonth();
    const payMonth = addMonths(MONTH, 1);
    await db.client.send(
      new PutCommand({
        TableName: table(),
        Item: { pk: `LOCK#${payMonth}`, sk: 'LOCK', entity: 'MONTH_LOCK' },
      }),
    );
    const refused = await call(write, 'POST /results/{month}/compute', {
      params: { month: MONTH },
      body: {},
      principal: people.bkpsdm,
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('MONTH_LOCKED');
    // Put the table back as the next tests expect it: only their own lock.
    await db.client.send(
      new DeleteCommand({ TableName: table(), Key: { pk: `LOCK#${payMonth}`, sk: 'LOCK' } }),
    );
  });

  it('should refuse every write to a locked month with 409 MONTH_LOCKED and write nothing', async () => {
    const { pegawai, atasan, operator, bkpsdm } = people;
    // Approved within the month, so the SKP counts for it; results once it has ended.
    clockInMonth();
    await approvedSkp(write, pegawai, atasan);
    clockAfterMonth();
    const computed = await call(write, 'POST /results/{month}/compute', {
      params: { month: MONTH },
      body: {},
      principal: bkpsdm,
    });
    expect(computed.status).toBe(200);
    await db.client.send(
      new PutCommand({ TableName: table(), Item: { pk: `LOCK#${MONTH}`, sk: 'LOCK', entity: 'MONTH_LOCK' } }),
    );

    const params = { month: MONTH, nip: pegawai.sub };
    const attempts = [
      await call(write, 'PUT /evaluations/{month}/{nip}', {
        params,
        body: { expectedVersion: 0, hasilKerja: 'DI_ATAS_EKSPEKTASI', perilaku: 'DI_ATAS_EKSPEKTASI' },
        principal: atasan,
      }),
      await importAs({ opd: people.operatorOpd, rows: punches(2, 10) }),
      await call(write, 'POST /results/{month}/compute', {
        params: { month: MONTH },
        body: {},
        principal: bkpsdm,
      }),
      await call(write, 'PUT /attendance/{month}/{nip}/corrections/{date}', {
        params: { ...params, date: `${MONTH}-02` },
        body: { checkIn: '07:00', reason: 'mesin rusak' },
        principal: operator,
      }),
      await call(write, 'POST /discipline/{nip}/leave', {
        params: { nip: pegawai.sub },
        body: { kind: 'CUTI_TAHUNAN', from: `${MONTH}-20`, to: `${MONTH}-21` },
        principal: operator,
      }),
      await call(write, 'POST /discipline/{nip}/sanctions', {
        params: { nip: pegawai.sub },
        body: {
          skNumber: 'SK/9',
          level: 'SEDANG',
          jenis: 'POTONGAN_TUNJANGAN_25_6_BULAN',
          startMonth: MONTH,
          durationMonths: 6,
        },
        principal: bkpsdm,
      }),
    ];
    for (const res of attempts) {
      expect(res.status, JSON.stringify(res.json)).toBe(409);
      expect(res.json.error.code).toBe('MONTH_LOCKED');
    }
    expect(
      (await call(read, 'GET /evaluations/{month}/{nip}', { params, principal: pegawai })).json.evaluation,
    ).toBeNull();
    expect(
      (await call(read, 'GET /discipline/{nip}', { params: { nip: pegawai.sub }, principal: pegawai })).json
        .items,
    ).toEqual([]);
    expect(await audits(`attendance#${people.operatorOpd}#${MONTH}`)).toHaveLength(2);
  });

  it('should take a correction after the lock, audit it, and recompute the result with a marker for payroll', async () => {
    const { pegawai, atasan, operator } = people;
    const params = { month: MONTH, nip: pegawai.sub };
    const before = (await call(read, 'GET /results/{month}/{nip}', { params, principal: pegawai })).json;
    const day = workingDays(calendar, unitIdOf(people.operatorOpd, before.unit), MONTH)[0]!.date;

    const fixed = await call(write, 'PUT /attendance/{month}/{nip}/corrections/{date}', {
      params: { ...params, date: day },
      body: { checkIn: null, reason: 'sidik jari orang lain', correction: { reason: 'temuan inspektorat' } },
      principal: operator,
    });
    expect(fixed.status, JSON.stringify(fixed.json)).toBe(200);
    const tl4 = (c: Record<string, number>) => c.TL4 ?? 0;
    expect(tl4(fixed.json.result.discipline.counts)).toBe(tl4(before.facts.discipline.counts) + 1);

    const rated = await call(write, 'PUT /evaluations/{month}/{nip}', {
      params,
      body: {
        expectedVersion: 0,
        hasilKerja: 'DI_ATAS_EKSPEKTASI',
        perilaku: 'DI_ATAS_EKSPEKTASI',
        correction: { reason: 'penilaian terlambat dimasukkan' },
      },
      principal: atasan,
    });
    expect(rated.status, JSON.stringify(rated.json)).toBe(200);
    const after = (await call(read, 'GET /results/{month}/{nip}', { params, principal: pegawai })).json;
    expect(after.facts.performance).toMatchObject({ status: 'FINAL', predikat: 'SANGAT_BAIK' });
    expect(after.correctionReason).toBe('penilaian terlambat dimasukkan');

    expect((await audits(`evaluation#${pegawai.sub}#${MONTH}`)).map((a) => a.action)).toEqual(['CORRECTION']);
    expect((await audits(`attendance#${pegawai.sub}#${day}`)).map((a) => a.action)).toEqual(['CORRECTION']);
    expect((await audits(`result#${MONTH}`)).filter((a) => a.action === 'CORRECTION')).toHaveLength(2);
    const marker = await db.client.send(
      new GetCommand({ TableName: table(), Key: { pk: `EMP#${pegawai.sub}`, sk: 'CORR' } }),
    );
    expect(marker.Item).toMatchObject({ entity: 'CORRECTION_MARKER', since: MONTH });
  });
});

describe('bad input to the appraisal writes', () => {
  it('should answer random bodies with a 4xx in the standard shape, never a 5xx', async () => {
    const { pegawai, atasan, operator, bkpsdm } = people;
    const nip = pegawai.sub;
    const targets: { routeKey: string; params: Record<string, string>; principal: Principal }[] = [
      { routeKey: 'POST /skp', params: {}, principal: pegawai },
      { routeKey: 'PUT /evaluations/{month}/{nip}', params: { month: '2031-01', nip }, principal: atasan },
      { routeKey: 'POST /attendance/{month}/imports', params: { month: '2031-01' }, principal: operator },
      {
        routeKey: 'PUT /attendance/{month}/{nip}/corrections/{date}',
        params: { month: '2031-01', nip, date: '2031-01-05' },
        principal: operator,
      },
      { routeKey: 'POST /discipline/{nip}/leave', params: { nip }, principal: operator },
      { routeKey: 'POST /discipline/{nip}/sanctions', params: { nip }, principal: bkpsdm },
      { routeKey: 'PUT /work-calendar/{year}', params: { year: '2031' }, principal: bkpsdm },
      { routeKey: 'POST /unit-scores/{month}', params: { month: '2031-01' }, principal: bkpsdm },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        fc.oneof(
          fc.anything(),
          fc.dictionary(fc.string(), fc.anything()),
          fc.record({ rows: fc.array(fc.anything()), opd: fc.string() }),
        ),
        async (target, body) => {
          const res = await call(write, target.routeKey, {
            params: target.params,
            body,
            principal: target.principal,
          });
          expect(res.status, `${target.routeKey} ${JSON.stringify(body)}`).toBeLessThan(500);
          if (res.status >= 400) expect(res.json.error.code).toEqual(expect.any(String));
        },
      ),
      { numRuns: 120 },
    );
  });
});
