import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../core/discipline/calendar-date';
import { TENANT_LIBRARY_ENTRIES } from '../../infra/local/seed/skp-templates';
import { anHttpEvent, call, type Handler, lambdaContext } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';
import { extractPdfText } from '../unit/documents/pdf-text';
import type { People } from './appraisal-fixtures';

/**
 * The routes the console's SKP journeys (issue 18, journeys 1–3) read and write, in-process on
 * DynamoDB Local: the atasan's plan to cascade from, monthly capaian, the lembar penilaian preview
 * with its TPP factor, continuous feedback notes, the year's months and the lembar penilaian PDF.
 */
const db = useTestTables(['bantul']);
// The fixtures are imported after the tables are set up: their imports reach the table client, which
// reads DYNAMODB_ENDPOINT once, when it is first loaded.
let fx: typeof import('./appraisal-fixtures');
const MONTH = addMonths(new Date().toISOString().slice(0, 7), -1);
const YEAR = Number(MONTH.slice(0, 4));

let read: Handler;
let write: Handler;
let bantul: People;

beforeAll(async () => {
  fx = await import('./appraisal-fixtures');
  fx.clockInMonth();
  read = (await import('../../functions/appraisal/read')).handler as Handler;
  write = (await import('../../functions/appraisal/write')).handler as Handler;
  const employeesWrite = (await import('../../functions/employees/write')).handler as Handler;
  bantul = fx.peopleOf('bantul');
  await fx.seedEmployees(employeesWrite, bantul);
}, 120_000);
afterAll(() => fx.realClock());

const year = String(YEAR);

describe('journey 1: drafting from the atasan’s plan', () => {
  it('should offer the atasan’s hasil kerja and the jabatan’s template, and refuse a cascade to a result that does not exist', async () => {
    const { pegawai, atasan, otherAtasan } = bantul;
    const params = { nip: pegawai.sub, year };
    const before = await call(read, 'GET /skp/{nip}/{year}/plan-options', { params, principal: pegawai });
    expect(before.status, JSON.stringify(before.json)).toBe(200);
    // The atasan has no SKP yet: nothing to cascade from, said as null rather than an empty plan.
    expect(before.json).toMatchObject({
      nip: pegawai.sub,
      pejabatPenilai: { nip: atasan.sub, nama: fx.memberOf(bantul, atasan.sub).employee.nama },
      atasanSkp: null,
      suggestedTemplate: { key: 'guru' },
    });

    // The atasan's own SKP, approved by their own atasan (the kepala dinas).
    const kepalaNip = fx.memberOf(bantul, atasan.sub).employee.penempatan.atasanNip as string;
    const kepala = { ...atasan, sub: kepalaNip };
    const { key, ...entry } = TENANT_LIBRARY_ENTRIES.find((e) => e.key === 'struktural-kepala-bidang')!;
    const put = await call(write, 'PUT /indicator-library/{key}', {
      params: { key },
      body: { expectedVersion: 0, entry },
      principal: bantul.bkpsdm,
    });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    const atasanSkp = await fx.approvedSkp(write, atasan, kepala, { templateKey: key });
    const options = await call(read, 'GET /skp/{nip}/{year}/plan-options', { params, principal: pegawai });
    expect(options.json.atasanSkp).toMatchObject({ skpId: atasanSkp.id, status: 'DISETUJUI' });
    const utama = options.json.atasanSkp.results.find((r: { jenis: string }) => r.jenis === 'UTAMA');
    expect(utama.indicators.length).toBeGreaterThan(0);

    // A pegawai of another atasan may not read this one's options (404, not 403).
    const other = await call(read, 'GET /skp/{nip}/{year}/plan-options', { params, principal: otherAtasan });
    expect(other.status).toBe(404);

    const template = options.json.suggestedTemplate;
    const results = template.results.map(
      (r: {
        key: string;
        jenis: string;
        description: string;
        indicators: {
          key: string;
          description: string;
          target: unknown;
          direction: string;
          aggregation: string;
          weightPercent: number;
        }[];
      }) => ({
        id: `${YEAR}-${r.key}`,
        jenis: r.jenis,
        description: r.description,
        ...(r.jenis === 'UTAMA' ? { cascadedFrom: { skpId: atasanSkp.id, resultId: 'tidak-ada' } } : {}),
        indicators: r.indicators.map((i) => ({
          id: `${YEAR}-${r.key}-${i.key}`,
          description: i.description,
          target: i.target,
          direction: i.direction,
          aggregation: i.aggregation,
          weightPercent: i.weightPercent,
        })),
      }),
    );
    const refused = await call(write, 'POST /skp', { body: { year: YEAR, results }, principal: pegawai });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('SKP_CASCADE_INVALID');
    expect(refused.json.error.issues[0].path).toMatch(/^body\.results\[\d+\]\.cascadedFrom\.resultId$/);

    const fixed = results.map((r: { cascadedFrom?: unknown }) =>
      r.cascadedFrom ? { ...r, cascadedFrom: { skpId: atasanSkp.id, resultId: utama.id } } : r,
    );
    const skp = await fx.approvedSkp(write, pegawai, atasan, { results: fixed });
    expect(skp.results.find((r) => r.cascadedFrom)?.cascadedFrom).toEqual({
      skpId: atasanSkp.id,
      resultId: utama.id,
    });
  });
});

describe('journey 2: the atasan through the month', () => {
  it('should show capaian per indicator per month and the year’s months', async () => {
    const { pegawai, atasan } = bantul;
    const params = { nip: pegawai.sub, year };
    const skp = (await call(read, 'GET /skp/{nip}/{year}', { params, principal: pegawai })).json.revisions[0];
    for (const r of fx.onTargetRealizations(skp, MONTH)) {
      const res = await call(write, 'POST /skp/{nip}/{year}/realizations', {
        params,
        body: r,
        principal: pegawai,
      });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
    }
    const monthly = await call(read, 'GET /skp/{nip}/{year}/progress/monthly', { params, principal: atasan });
    expect(monthly.status, JSON.stringify(monthly.json)).toBe(200);
    const row = monthly.json.months.find((m: { month: string }) => m.month === MONTH);
    // On target everywhere: every indicator at 100 % (capped at the tenant's 120 %), weighted 100 %.
    expect(row.weightedAchievementPercent).toBeGreaterThanOrEqual(100);
    expect(row.indicators.every((i: { achievementPercent: number }) => i.achievementPercent >= 100)).toBe(
      true,
    );
    expect(monthly.json.months.at(-1).month).toBe(MONTH);
    const earlier = monthly.json.months.filter((m: { month: string }) => m.month < MONTH);
    expect(
      earlier.every((m: { weightedAchievementPercent: null }) => m.weightedAchievementPercent === null),
    ).toBe(true);
  });

  it('should preview the predikat and TPP factor of a lembar penilaian without saving it', async () => {
    const { pegawai, atasan, otherAtasan } = bantul;
    const params = { month: MONTH, nip: pegawai.sub };
    // Bantul (rulesets/tenants/bantul.json): Butuh Perbaikan pays 90 % of the 60 % produktivitas part, a
    // month later (paymentLagMonths 1); the matrix gives Butuh Perbaikan for results below expectation.
    const preview = await call(read, 'POST /evaluations/{month}/{nip}/preview', {
      params,
      body: { hasilKerja: 'DI_BAWAH_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI' },
      principal: atasan,
    });
    expect(preview.status, JSON.stringify(preview.json)).toBe(200);
    expect(preview.json).toMatchObject({
      mode: 'MATRIX',
      status: 'FINAL',
      predikat: 'BUTUH_PERBAIKAN',
      predikatLabel: 'Butuh Perbaikan',
      tpp: {
        factorPercent: 90,
        parts: [{ code: 'PRODUKTIVITAS', weightPercent: 60 }],
      },
    });
    expect(preview.json.tpp.payMonth > MONTH).toBe(true);
    const sb = await call(read, 'POST /evaluations/{month}/{nip}/preview', {
      params,
      body: { hasilKerja: 'DI_ATAS_EKSPEKTASI', perilaku: 'DI_ATAS_EKSPEKTASI' },
      principal: atasan,
    });
    expect(sb.json).toMatchObject({ predikat: 'SANGAT_BAIK', tpp: { factorPercent: 100 } });
    // Nothing was saved.
    const stored = await call(read, 'GET /evaluations/{month}/{nip}', { params, principal: atasan });
    expect(stored.json.evaluation).toBeNull();

    const missing = await call(read, 'POST /evaluations/{month}/{nip}/preview', {
      params,
      body: { hasilKerja: 'SESUAI_EKSPEKTASI' },
      principal: atasan,
    });
    expect(missing.status).toBe(400);
    expect(missing.json.error.issues).toEqual([expect.objectContaining({ path: 'body.perilaku' })]);
    const badRating = await call(read, 'POST /evaluations/{month}/{nip}/preview', {
      params,
      body: { hasilKerja: 'LUAR_BIASA', perilaku: 'SESUAI_EKSPEKTASI' },
      principal: atasan,
    });
    expect(badRating.status).toBe(400);
    expect(badRating.json.error.issues[0].path).toBe('body.hasilKerja');
    const byOther = await call(read, 'POST /evaluations/{month}/{nip}/preview', {
      params,
      body: { hasilKerja: 'SESUAI_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI' },
      principal: otherAtasan,
    });
    expect(byOther.status).toBe(404);
  });

  it('should keep the atasan’s feedback notes, newest first, for the pegawai to read', async () => {
    const { pegawai, atasan } = bantul;
    const params = { nip: pegawai.sub, year };
    const skp = (await call(read, 'GET /skp/{nip}/{year}', { params, principal: pegawai })).json.revisions[0];
    const indicatorId = skp.results[0].indicators[0].id;
    const first = await call(write, 'POST /skp/{nip}/{year}/feedback-notes', {
      params,
      body: { text: 'Laporan minggu ini rapi, pertahankan.' },
      principal: atasan,
    });
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    expect(first.json).toMatchObject({
      by: atasan.sub,
      byNama: fx.memberOf(bantul, atasan.sub).employee.nama,
    });
    const second = await call(write, 'POST /skp/{nip}/{year}/feedback-notes', {
      params,
      body: { text: 'Target indikator ini tertinggal; mari bahas Jumat.', indicatorId },
      principal: atasan,
    });
    expect(second.status).toBe(201);
    const list = await call(read, 'GET /skp/{nip}/{year}/feedback-notes', { params, principal: pegawai });
    expect(list.json.items.map((n: { text: string }) => n.text)).toHaveLength(2);
    expect(list.json.items[0].at >= list.json.items[1].at).toBe(true);

    const unknown = await call(write, 'POST /skp/{nip}/{year}/feedback-notes', {
      params,
      body: { text: 'x', indicatorId: 'tidak-ada' },
      principal: atasan,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.issues[0].path).toBe('body.indicatorId');
    const empty = await call(write, 'POST /skp/{nip}/{year}/feedback-notes', {
      params,
      body: { text: '   ' },
      principal: atasan,
    });
    expect(empty.status).toBe(400);
    expect(empty.json.error.issues[0].path).toBe('body.text');
    // The pegawai writes no feedback on themself (the route is the atasan's).
    const self = await call(write, 'POST /skp/{nip}/{year}/feedback-notes', {
      params,
      body: { text: 'catatan sendiri' },
      principal: pegawai,
    });
    expect(self.status).toBe(403);
  });
});

describe('journey 3 and 4: the pegawai’s year and the lembar penilaian PDF', () => {
  it('should show the rated month with its predikat and TPP factor, and print the lembar penilaian', async () => {
    const { pegawai, atasan } = bantul;
    const rated = await call(write, 'PUT /evaluations/{month}/{nip}', {
      params: { month: MONTH, nip: pegawai.sub },
      body: {
        expectedVersion: 0,
        hasilKerja: 'SESUAI_EKSPEKTASI',
        perilaku: 'DI_ATAS_EKSPEKTASI',
        perilakuDetail: { akuntabel: 'DI_ATAS_EKSPEKTASI', kolaboratif: 'SESUAI_EKSPEKTASI' },
        feedback: 'Pelayanan konsisten; dokumentasi perlu dilengkapi.',
      },
      principal: atasan,
    });
    expect(rated.status, JSON.stringify(rated.json)).toBe(200);
    const months = await call(read, 'GET /skp/{nip}/{year}/months', {
      params: { nip: pegawai.sub, year },
      principal: pegawai,
    });
    expect(months.status).toBe(200);
    // The result is not computed yet: rated, with its feedback, but no predikat until the month's results.
    expect(months.json.items.find((m: { month: string }) => m.month === MONTH)).toMatchObject({
      evaluated: true,
      feedback: 'Pelayanan konsisten; dokumentasi perlu dilengkapi.',
      predikat: null,
      tppFactorPercent: null,
    });

    const res = await read(
      anHttpEvent('GET /evaluations/{month}/{nip}/pdf', {
        params: { month: MONTH, nip: pegawai.sub },
        principal: pegawai,
      }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['content-type']).toBe('application/pdf');
    const pdf = Buffer.from(String(res.body), res.isBase64Encoded ? 'base64' : 'utf8');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractPdfText(pdf).text;
    for (const expected of [
      'LEMBAR PENILAIAN KINERJA PEGAWAI',
      fx.memberOf(bantul, pegawai.sub).employee.nama,
      fx.memberOf(bantul, atasan.sub).employee.nama,
      'Atasan pejabat penilai kinerja',
      'Berorientasi Pelayanan',
      'Kolaboratif',
      'Baik', // sesuai × di atas ekspektasi (PermenPANRB 6/2022 matrix)
      'Pelayanan konsisten',
    ])
      expect(text).toContain(expected);

    const stranger = await read(
      anHttpEvent('GET /evaluations/{month}/{nip}/pdf', {
        params: { month: MONTH, nip: pegawai.sub },
        principal: bantul.otherAtasan,
      }),
      lambdaContext,
    );
    expect(stranger.statusCode).toBe(404);
  });
});

void db;
