import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../core/discipline/calendar-date';
import { unitIdOf } from '../../functions/appraisal/settings';
import { records } from '../../functions/appraisal/store/records';
import { anHttpEvent, call, type Handler, lambdaContext } from '../builders/http-event';
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
  YEAR,
} from './appraisal-fixtures';

const db = useTestTables(['bantul', 'sofifi']);

let read: Handler;
let write: Handler;
let bantul: People;
let sofifi: People;

beforeAll(async () => {
  clockInMonth();
  read = (await import('../../functions/appraisal/read')).handler as Handler;
  write = (await import('../../functions/appraisal/write')).handler as Handler;
  const employeesWrite = (await import('../../functions/employees/write')).handler as Handler;
  bantul = peopleOf('bantul');
  sofifi = peopleOf('sofifi');
  await Promise.all([seedEmployees(employeesWrite, bantul), seedEmployees(employeesWrite, sofifi)]);
}, 120_000);
afterAll(realClock);

describe('peer feedback, calendar and discipline records', () => {
  it('should take peer feedback only from asked raters and never name them to the ratee (sofifi)', async () => {
    const { pegawai, atasan } = sofifi;
    const params = { month: MONTH, nip: pegawai.sub };
    const colleagues = sofifi.members
      .filter((m) => m.role === 'staff' && m.employee.nip !== pegawai.sub)
      .slice(0, 3);
    const asked = await call(write, 'PUT /evaluations/{month}/{nip}/peer-raters', {
      params,
      body: { raters: colleagues.map((c) => c.employee.nip) },
      principal: atasan,
    });
    expect(asked.status, JSON.stringify(asked.json)).toBe(200);
    const stranger = { ...pegawai, sub: sofifi.members.find((m) => m.role === 'kasubbag')!.employee.nip };
    expect(
      (
        await call(write, 'POST /evaluations/{month}/{nip}/peer-feedback', {
          params,
          body: { score: 5 },
          principal: stranger,
        })
      ).status,
    ).toBe(404);
    for (const c of colleagues) {
      const rater = { ...pegawai, sub: c.employee.nip };
      const todo = await call(read, 'GET /peer-feedback/{month}/assigned', {
        params: { month: MONTH },
        principal: rater,
      });
      // The rater sees whom they rate (name and jabatan); the ratee never sees the rater.
      const ratee = sofifi.members.find((m) => m.employee.nip === pegawai.sub)!.employee;
      expect(todo.json.items).toEqual([
        { nip: pegawai.sub, nama: ratee.nama, jabatan: ratee.jabatan.nama, month: MONTH, submitted: false },
      ]);
      const sent = await call(write, 'POST /evaluations/{month}/{nip}/peer-feedback', {
        params,
        body: { score: 4 },
        principal: rater,
      });
      expect(sent.status).toBe(201);
    }
    const asRatee = await call(read, 'GET /evaluations/{month}/{nip}', { params, principal: pegawai });
    expect(asRatee.json.peerFeedback).toEqual({ enabled: true, asked: 3, submitted: 3 });
    const asAtasan = await call(read, 'GET /evaluations/{month}/{nip}', { params, principal: atasan });
    expect(asAtasan.json.peerFeedback.raters).toHaveLength(3);

    const bantulPeer = await call(write, 'PUT /evaluations/{month}/{nip}/peer-raters', {
      params: { month: MONTH, nip: bantul.pegawai.sub },
      body: { raters: [bantul.operator.sub] },
      principal: bantul.atasan,
    });
    expect(bantulPeer.json.error.code).toBe('PEER_FEEDBACK_DISABLED');

    await call(write, 'PUT /evaluations/{month}/{nip}', {
      params,
      body: { expectedVersion: 0, hasilKerja: 'SESUAI_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI' },
      principal: atasan,
    });
    await approvedSkp(write, pegawai, atasan);
    // Sofifi records its units' capaian (teamResult enabled): the month's result carries the pegawai's
    // unit, which the insentif prestasi rule of the payroll reads (test/unit/pay/tpp-prestasi.test.ts).
    const { opd, unit } = sofifi.members.find((m) => m.employee.nip === pegawai.sub)!.employee.penempatan;
    const unitId = unitIdOf(opd, unit);
    const scores = await call(write, 'POST /unit-scores/{month}', {
      params: { month: MONTH },
      body: { teamResults: [{ unitId, achievementPercent: 130 }] },
      principal: sofifi.bkpsdm,
    });
    expect(scores.status, JSON.stringify(scores.json)).toBe(200);
    // A penghargaan prestasi by decree (Sofifi's rule pays 5% of the ceiling for it), audited; Bantul's
    // rule has no award, and a decree dated before the month is refused, each naming the field.
    const award = {
      nip: pegawai.sub,
      skNumber: '800/12/BKD/2026',
      skDate: `${MONTH}-20`,
      reason: 'guru berprestasi',
    };
    const awarded = await call(write, 'POST /prestasi-awards/{month}', {
      params: { month: MONTH },
      body: award,
      principal: sofifi.bkpsdm,
    });
    expect(awarded.status, JSON.stringify(awarded.json)).toBe(201);
    const early = await call(write, 'POST /prestasi-awards/{month}', {
      params: { month: MONTH },
      body: { ...award, skDate: `${addMonths(MONTH, -1)}-28` },
      principal: sofifi.bkpsdm,
    });
    expect(early.status).toBe(400);
    expect(early.json.error.issues[0].path).toBe('body.skDate');
    const bantulAward = await call(write, 'POST /prestasi-awards/{month}', {
      params: { month: MONTH },
      body: { ...award, nip: bantul.pegawai.sub },
      principal: bantul.bkpsdm,
    });
    expect(bantulAward.status).toBe(400);
    expect(bantulAward.json.error.issues[0].path).toBe('params.month');
    const listed = await call(read, 'GET /prestasi-awards/{month}', {
      params: { month: MONTH },
      principal: sofifi.bkpsdm,
    });
    expect(listed.json.items).toEqual([
      expect.objectContaining({
        nip: pegawai.sub,
        skNumber: '800/12/BKD/2026',
        recordedBy: sofifi.bkpsdm.sub,
      }),
    ]);
    clockAfterMonth();
    await call(write, 'POST /results/{month}/compute', {
      params: { month: MONTH },
      body: {},
      principal: sofifi.bkpsdm,
    });
    const result = await call(read, 'GET /results/{month}/{nip}', { params, principal: pegawai });
    expect(result.json.facts.performance.teamResult).toEqual({ unitId, achievementPercent: 130 });
    expect(result.json.facts.performance.award).toEqual({
      skNumber: '800/12/BKD/2026',
      skDate: `${MONTH}-20`,
    });
    expect(result.json.detail.performance.evidence.peerFeedback).toMatchObject({
      raterCount: 3,
      withheld: false,
      nilai: 100,
    });
    for (const c of colleagues) expect(JSON.stringify(result.json)).not.toContain(c.employee.nip);
  });

  it('should version the work calendar and refuse a stale write', async () => {
    const { bkpsdm, pegawai } = bantul;
    const before = await call(read, 'GET /work-calendar/{year}', {
      params: { year: String(YEAR) },
      principal: pegawai,
    });
    expect(before.json).toMatchObject({ source: 'RULESET', version: 0 });
    const calendar = {
      ...before.json.calendar,
      holidays: [
        { date: `${YEAR}-12-25`, name: 'Hari Raya Natal', kind: 'LIBUR_NASIONAL', confidence: 'VERIFIED' },
      ],
      ramadan: [],
    };
    const put = await call(write, 'PUT /work-calendar/{year}', {
      params: { year: String(YEAR) },
      body: { expectedVersion: 0, calendar, reason: 'SKB 3 Menteri' },
      principal: bkpsdm,
    });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    const stale = await call(write, 'PUT /work-calendar/{year}', {
      params: { year: String(YEAR) },
      body: { expectedVersion: 0, calendar },
      principal: bkpsdm,
    });
    expect(stale.status).toBe(409);
    const wrongYear = await call(write, 'PUT /work-calendar/{year}', {
      params: { year: String(YEAR + 1) },
      body: { expectedVersion: 0, calendar },
      principal: bkpsdm,
    });
    expect(wrongYear.json.error.issues[0].path).toBe('body.calendar.holidays[0].date');
    const after = await call(read, 'GET /work-calendar/{year}', {
      params: { year: String(YEAR) },
      principal: pegawai,
    });
    expect(after.json).toMatchObject({ source: 'TENANT', version: 1 });
  });

  it('should record leave and sanctions within scope and carry them into the month result', async () => {
    const { pegawai, operator, bkpsdm } = bantul;
    const params = { nip: pegawai.sub };
    const leave = { kind: 'CUTI_TAHUNAN', from: `${MONTH}-10`, to: `${MONTH}-11`, skNumber: 'CT/1' };
    const otherOpdNip = bantul.members.find((m) => m.opd !== bantul.operatorOpd)!.employee.nip;
    expect(
      (
        await call(write, 'POST /discipline/{nip}/leave', {
          params: { nip: otherOpdNip },
          body: leave,
          principal: operator,
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(write, 'POST /discipline/{nip}/leave', { params, body: leave, principal: operator }))
        .status,
    ).toBe(201);
    expect(
      (await call(write, 'POST /discipline/{nip}/leave', { params, body: leave, principal: operator }))
        .status,
    ).toBe(409);
    const sanction = {
      skNumber: '800/12/2026',
      level: 'RINGAN',
      jenis: 'TEGURAN_TERTULIS',
      startMonth: MONTH,
      durationMonths: 1,
    };
    expect(
      (await call(write, 'POST /discipline/{nip}/sanctions', { params, body: sanction, principal: operator }))
        .status,
    ).toBe(403);
    const badLevel = await call(write, 'POST /discipline/{nip}/sanctions', {
      params,
      body: { ...sanction, level: 'BERAT' },
      principal: bkpsdm,
    });
    expect(badLevel.status).toBe(400);
    expect(
      (await call(write, 'POST /discipline/{nip}/sanctions', { params, body: sanction, principal: bkpsdm }))
        .status,
    ).toBe(201);
    const records = await call(read, 'GET /discipline/{nip}', { params, principal: pegawai });
    expect(records.json.items.map((r: { type: string }) => r.type).sort()).toEqual(['LEAVE', 'SANCTION']);

    await call(write, 'POST /results/{month}/compute', {
      params: { month: MONTH },
      body: { opd: bantul.operatorOpd },
      principal: operator,
    });
    const result = await call(read, 'GET /results/{month}/{nip}', {
      params: { month: MONTH, nip: pegawai.sub },
      principal: pegawai,
    });
    expect(result.json.facts.discipline.sanctions).toEqual([{ level: 'RINGAN', skNumber: '800/12/2026' }]);
    expect(result.json.detail.discipline.sanctions[0].percent).toBe(20);
  });
});

describe('the indicator library', () => {
  it('should let BKPSDM add a template with every bad field named, and nobody else', async () => {
    const entry = {
      sector: 'UMUM',
      match: { kode: [], nama: ['kepala bidang'] },
      results: [
        {
          key: 'pembinaan',
          jenis: 'UTAMA',
          description: 'Terlaksananya pembinaan bidang',
          indicators: [
            {
              key: 'kegiatan',
              description: 'Kegiatan pembinaan',
              target: { aspect: 'KUANTITAS', value: 24, unit: 'kegiatan' },
              direction: 'HIGHER_IS_BETTER',
              aggregation: 'SUM',
              weightPercent: 100,
            },
          ],
        },
      ],
    };
    const params = { key: 'kepala-bidang' };
    const wrongWeight = structuredClone(entry);
    wrongWeight.results[0]!.indicators[0]!.weightPercent = 60;
    const bad = await call(write, 'PUT /indicator-library/{key}', {
      params,
      body: { expectedVersion: 0, entry: wrongWeight },
      principal: bantul.bkpsdm,
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues).toEqual([expect.objectContaining({ path: 'body.entry.results' })]);
    expect(
      (
        await call(write, 'PUT /indicator-library/{key}', {
          params,
          body: { expectedVersion: 0, entry },
          principal: bantul.operator,
        })
      ).status,
    ).toBe(403);
    const ok = await call(write, 'PUT /indicator-library/{key}', {
      params,
      body: { expectedVersion: 0, entry },
      principal: bantul.bkpsdm,
    });
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    const stale = await call(write, 'PUT /indicator-library/{key}', {
      params,
      body: { expectedVersion: 0, entry },
      principal: bantul.bkpsdm,
    });
    expect(stale.status).toBe(409);
    const list = await call(read, 'GET /indicator-library', {
      query: { limit: '100' },
      principal: bantul.pegawai,
    });
    expect(list.json.items).toContainEqual(
      expect.objectContaining({ key: 'kepala-bidang', source: 'TENANT', version: 1 }),
    );
    // The tenant's own template now matches the atasan's jabatan when they draft their SKP.
    const drafted = await call(write, 'POST /skp', { body: { year: YEAR + 1 }, principal: bantul.atasan });
    expect(drafted.json.template).toBe('kepala-bidang');
  });
});

describe('calibration and follow-up reports', () => {
  const resultItem = (nip: string, opd: string, month: string, predikat: string) =>
    records.result({
      nip,
      nama: `Pegawai ${nip.slice(-3)}`,
      opd,
      unit: 'Sekretariat',
      unitId: `${opd}/SEKRETARIAT`,
      month,
      facts: {
        month,
        performance: { status: 'FINAL', predikat: predikat as 'BAIK' },
        discipline: { counts: {}, leave: [], sanctions: [] },
      },
      detail: {
        performance: {},
        discipline: {
          tk: { thisMonth: 0, yearToDate: 0, longestStreak: 0, trailingStreak: 0 },
          warnings: [],
        },
      },
      computedAt: new Date().toISOString(),
      computedBy: 'arrange',
    });

  it('should warn where an OPD exceeds the tenant curve, and refuse the report to an operator', async () => {
    const month = addMonths(MONTH, -6);
    const nips = bantul.members.slice(0, 12).map((m) => m.employee.nip);
    for (const [i, nip] of nips.entries()) {
      await db.client.send(
        new PutCommand({
          TableName: db.tableName('bantul'),
          Item: resultItem(nip, 'UJI', month, i < 4 ? 'SANGAT_BAIK' : 'BAIK'),
        }),
      );
    }
    const report = await call(read, 'GET /calibration/{month}', {
      params: { month },
      query: { opd: 'UJI' },
      principal: bantul.bkpsdm,
    });
    expect(report.status, JSON.stringify(report.json)).toBe(200);
    expect(report.json.groups).toEqual([
      expect.objectContaining({ key: 'UJI', total: 12, belowMinimumSize: false }),
    ]);
    expect(report.json.warnings).toEqual([
      expect.objectContaining({ groupKey: 'UJI', predikat: 'SANGAT_BAIK', count: 4 }),
    ]);
    expect(
      (await call(read, 'GET /calibration/{month}', { params: { month }, principal: bantul.operator }))
        .status,
    ).toBe(403);
  });

  it('should list pembinaan after three months below expectation and export it as ;-separated CSV', async () => {
    const nip = bantul.members[5]!.employee.nip;
    const months = [-2, -1, 0].map((d) => addMonths(MONTH, d - 8));
    for (const m of months) {
      await db.client.send(
        new PutCommand({ TableName: db.tableName('bantul'), Item: resultItem(nip, 'UJI2', m, 'KURANG') }),
      );
    }
    const asOf = months[2]!;
    const list = await call(read, 'GET /follow-up/{month}', {
      params: { month: asOf },
      query: { opd: 'UJI2' },
      principal: bantul.bkpsdm,
    });
    expect(list.json.items).toEqual([
      expect.objectContaining({ list: 'PEMBINAAN', nip, months: 3, since: months[0] }),
    ]);
    const res = await read(
      anHttpEvent('GET /follow-up/{month}', {
        params: { month: asOf },
        query: { opd: 'UJI2', format: 'csv' },
        principal: bantul.bkpsdm,
      }),
      lambdaContext,
    );
    expect(res.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    const [header, row] = String(res.body).split('\r\n');
    expect(header).toBe('daftar;opd;nip;nama;bulan_berturut;sejak;predikat_terakhir;program');
    expect(row).toBe(`PEMBINAAN;UJI2;${nip};Pegawai ${nip.slice(-3)};3;${months[0]};Kurang/Misconduct;`);
  });
});
