import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPrincipal } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';
import type { People } from './appraisal-fixtures';

/**
 * Issue 17 on the appraisal side: once a rules change is approved (four eyes, as in
 * rulesets-changes.test.ts), the appraisal screens read the same rules in force as the payroll run —
 * the tenant's table, not the repository seed. Expected figures: the seed (rulesets/tenants/bantul.json:
 * Butuh Perbaikan 90 %, TK 3 % per day) and the values proposed here.
 */
useTestTables(['bantul']);
let fx: typeof import('./appraisal-fixtures');

let read: Handler;
let write: Handler;
let rulesRead: Handler;
let rulesWrite: Handler;
let bantul: People;

const bk = (sub: string) => aPrincipal({ tenantId: 'bantul', sub, roles: ['bkpsdm'] });
const PROPOSER = bk('bk.aturan');
const APPROVER = bk('bk.penyetuju');

/** Proposes one parameter's new value from `effectiveFrom` and has a second BKPSDM user approve it. */
async function approvedChange(parameterId: string, value: unknown, effectiveFrom: string) {
  const proposed = await call(rulesWrite, 'POST /rule-changes', {
    body: {
      title: `Perubahan ${parameterId}`,
      source: {
        regulation: 'Peraturan Bupati Bantul Nomor 9 Tahun 2026',
        article: 'Pasal 12',
        date: '2026-01-02',
      },
      effectiveFrom,
      changes: [{ parameterId, value }],
    },
    principal: PROPOSER,
  });
  expect(proposed.status, JSON.stringify(proposed.json)).toBe(201);
  const approved = await call(rulesWrite, 'POST /rule-changes/{changeId}/approve', {
    params: { changeId: proposed.json.id },
    body: {},
    principal: APPROVER,
  });
  expect(approved.status, JSON.stringify(approved.json)).toBe(200);
  expect(approved.json.status).toBe('APPROVED');
}

/** The tenant's value of a parameter in force now, as the rules API reports it. */
async function ruleValue(id: string) {
  const res = await call(rulesRead, 'GET /rulesets/{id}', { params: { id: 'tenant' }, principal: PROPOSER });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return structuredClone(res.json.rules.find((r: { id: string }) => r.id === id).value);
}

beforeAll(async () => {
  fx = await import('./appraisal-fixtures');
  fx.clockInMonth();
  read = (await import('../../functions/appraisal/read')).handler as Handler;
  write = (await import('../../functions/appraisal/write')).handler as Handler;
  rulesRead = (await import('../../functions/rulesets/index')).handler as Handler;
  rulesWrite = (await import('../../functions/rulesets/write')).handler as Handler;
  const employeesWrite = (await import('../../functions/employees/write')).handler as Handler;
  bantul = fx.peopleOf('bantul');
  await fx.seedEmployees(employeesWrite, bantul);
}, 120_000);
afterAll(() => fx.realClock());

describe('appraisal figures after an approved rules change', () => {
  it('should preview the lembar penilaian with the approved predikat → TPP % table, not the seed’s', async () => {
    const { pegawai, atasan } = bantul;
    const params = { month: fx.MONTH, nip: pegawai.sub };
    // An approved SKP: without one the predikat is Tidak ada SKP whatever the ratings.
    await fx.approvedSkp(write, pegawai, atasan);
    const preview = () =>
      call(read, 'POST /evaluations/{month}/{nip}/preview', {
        params,
        body: { hasilKerja: 'DI_BAWAH_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI' },
        principal: atasan,
      });
    const before = await preview();
    expect(before.status, JSON.stringify(before.json)).toBe(200);
    expect(before.json).toMatchObject({ predikat: 'BUTUH_PERBAIKAN', tpp: { factorPercent: 90 } });
    const payMonth = before.json.tpp.payMonth as string;

    // Effective from the first of January of the year that pays this month's TPP.
    const performance = await ruleValue('tpp.performance');
    performance.predikatPercent.BUTUH_PERBAIKAN = 80;
    await approvedChange('tpp.performance', performance, `${payMonth.slice(0, 4)}-01-01`);

    const after = await preview();
    expect(after.status, JSON.stringify(after.json)).toBe(200);
    expect(after.json).toMatchObject({
      predikat: 'BUTUH_PERBAIKAN',
      tpp: { payMonth, factorPercent: 80, parts: [{ code: 'PRODUKTIVITAS', weightPercent: 60 }] },
    });
  });

  it('should cut TK days in the month’s results by the approved attendance ladder', async () => {
    const { pegawai, operator, operatorOpd, bkpsdm } = bantul;
    const attendance = (await ruleValue('tpp.attendance')) as {
      code: string;
      percentPerOccurrence: number;
    }[];
    const tk = attendance.find((r) => r.code === 'TK')!;
    expect(tk.percentPerOccurrence).toBe(3);
    tk.percentPerOccurrence = 4;
    await approvedChange('tpp.attendance', attendance, `${fx.MONTH}-01`);

    // The pegawai on time every hari kerja but the first three, recorded as TK by the recap.
    const onTime = fx.onTimeAttendance(bantul, operatorOpd).filter((r) => r.nip === pegawai.sub);
    const tkDates = [...new Set(onTime.map((r) => r.timestamp.slice(0, 10)))].slice(0, 3);
    expect(tkDates).toHaveLength(3);
    const rows = [
      ...tkDates.map((date) => ({ nip: pegawai.sub, timestamp: date, type: 'TK' })),
      ...onTime.filter((r) => !tkDates.includes(r.timestamp.slice(0, 10))),
    ];
    const imported = await call(write, 'POST /attendance/{month}/imports', {
      params: { month: fx.MONTH },
      body: { opd: operatorOpd, rows },
      principal: operator,
    });
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);

    fx.clockAfterMonth();
    const computed = await call(write, 'POST /results/{month}/compute', {
      params: { month: fx.MONTH },
      body: { opd: operatorOpd },
      principal: bkpsdm,
    });
    expect(computed.status, JSON.stringify(computed.json)).toBe(200);
    const result = await call(read, 'GET /results/{month}/{nip}', {
      params: { month: fx.MONTH, nip: pegawai.sub },
      principal: bkpsdm,
    });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.facts.discipline.counts).toEqual({ TK: 3 });
    // 3 days × 4 % (the approved rate), not 3 × 3 % from the seed.
    expect(result.json.detail.discipline.cuts).toEqual([
      expect.objectContaining({ code: 'TK', count: 3, percent: 12 }),
    ]);
  });
});
