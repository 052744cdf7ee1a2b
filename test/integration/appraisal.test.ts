import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Handler } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';
import {
  approvedSkp,
  MONTH,
  memberOf,
  onTargetRealizations,
  type People,
  peopleOf,
  seedEmployees,
  YEAR,
} from './appraisal-fixtures';

const db = useTestTables(['bantul', 'sofifi']);

let read: Handler;
let write: Handler;
let bantul: People;
let sofifi: People;

beforeAll(async () => {
  read = (await import('../../functions/appraisal/read')).handler as Handler;
  write = (await import('../../functions/appraisal/write')).handler as Handler;
  const employeesWrite = (await import('../../functions/employees/write')).handler as Handler;
  bantul = peopleOf('bantul');
  sofifi = peopleOf('sofifi');
  await Promise.all([seedEmployees(employeesWrite, bantul), seedEmployees(employeesWrite, sofifi)]);
}, 120_000);

async function auditActions(tenantId: string, entity: string): Promise<string[]> {
  const out = await db.client.send(
    new QueryCommand({
      TableName: db.tableName(tenantId),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#${entity}` },
    }),
  );
  return (out.Items ?? []).map((i) => String(i.action));
}

describe('the SKP lifecycle over the appraisal handlers', () => {
  it('should draft from the library, refuse the wrong people, approve, and keep the approved revision on revise', async () => {
    const { pegawai, atasan, otherAtasan, auditor } = bantul;
    const params = { nip: pegawai.sub, year: String(YEAR) };

    const library = await call(read, 'GET /indicator-library', {
      query: { limit: '100' },
      principal: pegawai,
    });
    expect(library.json.items.map((t: { key: string }) => t.key)).toContain('guru');

    const created = await call(write, 'POST /skp', { body: { year: YEAR }, principal: pegawai });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: 'DRAFT', revision: 1, template: 'guru' });
    expect(created.json.pejabatPenilai.nip).toBe(atasan.sub);
    const again = await call(write, 'POST /skp', { body: { year: YEAR }, principal: pegawai });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('SKP_EXISTS');

    const early = await call(write, 'POST /skp/{nip}/{year}/approve', {
      params,
      body: { expectedVersion: 1 },
      principal: atasan,
    });
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('SKP_NOT_SUBMITTED');

    const submitted = await call(write, 'POST /skp/{nip}/{year}/submit', {
      params,
      body: { expectedVersion: 1 },
      principal: pegawai,
    });
    expect(submitted.json.status).toBe('DIAJUKAN');

    // A pegawai token cannot approve at all; another OPD's atasan does not even see the SKP.
    const byPegawai = await call(write, 'POST /skp/{nip}/{year}/approve', {
      params,
      body: { expectedVersion: 2 },
      principal: pegawai,
    });
    expect(byPegawai.status).toBe(403);
    const byOther = await call(write, 'POST /skp/{nip}/{year}/approve', {
      params,
      body: { expectedVersion: 2 },
      principal: otherAtasan,
    });
    expect(byOther.status).toBe(404);
    const byAuditor = await call(write, 'POST /skp/{nip}/{year}/approve', {
      params,
      body: { expectedVersion: 2 },
      principal: auditor,
    });
    expect(byAuditor.status).toBe(403);
    const stale = await call(write, 'POST /skp/{nip}/{year}/approve', {
      params,
      body: { expectedVersion: 1 },
      principal: atasan,
    });
    expect(stale.json.error.code).toBe('VERSION_CONFLICT');

    const approved = await call(write, 'POST /skp/{nip}/{year}/approve', {
      params,
      body: { expectedVersion: 2 },
      principal: atasan,
    });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ status: 'DISETUJUI', approvedBy: atasan.sub });

    const edit = await call(write, 'PATCH /skp/{nip}/{year}', {
      params,
      body: { expectedVersion: 3, unit: 'SD Negeri 2' },
      principal: pegawai,
    });
    expect(edit.json.error.code).toBe('SKP_APPROVED_REVISE_INSTEAD');
    const revised = await call(write, 'POST /skp/{nip}/{year}/revise', {
      params,
      body: { expectedVersion: 3, reason: 'target jam tatap muka berubah' },
      principal: pegawai,
    });
    expect(revised.status).toBe(201);
    expect(revised.json).toMatchObject({ revision: 2, status: 'DRAFT' });

    const all = await call(read, 'GET /skp/{nip}/{year}', { params, principal: atasan });
    expect(all.json.revisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    expect(all.json.inForceRevision).toBe(1);
    const toAssess = await call(read, 'GET /skp', { query: { year: String(YEAR) }, principal: atasan });
    expect(toAssess.json.items).toEqual([expect.objectContaining({ nip: pegawai.sub, revision: 2 })]);
    expect(await auditActions('bantul', `skp#${pegawai.sub}#${YEAR}`)).toEqual(
      expect.arrayContaining(['CREATE', 'SUBMIT', 'APPROVE', 'REVISE']),
    );
  });

  it('should log realizations against the revision in force and show progress to the employee and the atasan', async () => {
    const { pegawai, atasan, otherAtasan } = bantul;
    const params = { nip: pegawai.sub, year: String(YEAR) };
    const skp = (await call(read, 'GET /skp/{nip}/{year}', { params, principal: pegawai })).json.revisions[1];
    const unknown = await call(write, 'POST /skp/{nip}/{year}/realizations', {
      params,
      body: { indicatorId: 'tidak-ada', date: `${MONTH}-02`, value: 1 },
      principal: pegawai,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.issues[0].path).toBe('body.indicatorId');
    for (const r of onTargetRealizations(skp, MONTH)) {
      const res = await call(write, 'POST /skp/{nip}/{year}/realizations', {
        params,
        body: r,
        principal: pegawai,
      });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
    }
    const byAtasan = await call(write, 'POST /skp/{nip}/{year}/realizations', {
      params,
      body: onTargetRealizations(skp, MONTH)[0],
      principal: atasan,
    });
    expect(byAtasan.status).toBe(403);

    const own = await call(read, 'GET /skp/{nip}/{year}/progress', {
      params,
      query: { month: MONTH },
      principal: pegawai,
    });
    expect(own.json.month.weightedAchievementPercent).toBe(100);
    const bawahan = await call(read, 'GET /progress/bawahan', { query: { month: MONTH }, principal: atasan });
    expect(bawahan.json.items).toEqual([expect.objectContaining({ nip: pegawai.sub, monthPercent: 100 })]);
    const foreign = await call(read, 'GET /skp/{nip}/{year}/progress', { params, principal: otherAtasan });
    expect(foreign.status).toBe(404);
  });

  it('should let only the atasan rate, answer the predikat, and show the result to the right readers', async () => {
    const { pegawai, atasan, otherAtasan, auditor, operator, bkpsdm, operatorOpd } = bantul;
    const params = { month: MONTH, nip: pegawai.sub };
    const rating = {
      expectedVersion: 0,
      hasilKerja: 'SESUAI_EKSPEKTASI',
      perilaku: 'DI_ATAS_EKSPEKTASI',
      feedback: 'Pertahankan.',
    };

    expect(
      (await call(write, 'PUT /evaluations/{month}/{nip}', { params, body: rating, principal: otherAtasan }))
        .status,
    ).toBe(404);
    expect(
      (await call(write, 'PUT /evaluations/{month}/{nip}', { params, body: rating, principal: auditor }))
        .status,
    ).toBe(403);
    const numeric = await call(write, 'PUT /evaluations/{month}/{nip}', {
      params,
      body: { expectedVersion: 0 },
      principal: atasan,
    });
    expect(numeric.status).toBe(400);
    expect(numeric.json.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.hasilKerja',
      'body.perilaku',
    ]);

    const rated = await call(write, 'PUT /evaluations/{month}/{nip}', {
      params,
      body: rating,
      principal: atasan,
    });
    expect(rated.status, JSON.stringify(rated.json)).toBe(200);
    expect(rated.json.preview).toMatchObject({ status: 'FINAL', predikat: 'BAIK' });
    const seen = await call(read, 'GET /evaluations/{month}/{nip}', { params, principal: pegawai });
    expect(seen.json.evaluation.feedback).toBe('Pertahankan.');

    expect(
      (
        await call(write, 'POST /results/{month}/compute', {
          params: { month: MONTH },
          body: {},
          principal: auditor,
        })
      ).status,
    ).toBe(403);
    const computed = await call(write, 'POST /results/{month}/compute', {
      params: { month: MONTH },
      body: {},
      principal: bkpsdm,
    });
    expect(computed.status, JSON.stringify(computed.json)).toBe(200);
    expect(computed.json.computed).toBe(bantul.members.length);

    const mine = await call(read, 'GET /results/{month}/{nip}', { params, principal: pegawai });
    expect(mine.json.facts.performance).toMatchObject({ status: 'FINAL', predikat: 'BAIK' });
    expect(mine.json.facts.discipline).toEqual(
      expect.objectContaining({ counts: expect.any(Object), leave: [], sanctions: [] }),
    );
    const colleague = bantul.members.find((m) => m.opd !== operatorOpd)!.employee.nip;
    expect(
      (
        await call(read, 'GET /results/{month}/{nip}', {
          params: { month: MONTH, nip: colleague },
          principal: pegawai,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(read, 'GET /results/{month}/{nip}', {
          params: { month: MONTH, nip: colleague },
          principal: operator,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(read, 'GET /results/{month}/{nip}', {
          params: { month: MONTH, nip: colleague },
          principal: auditor,
        })
      ).status,
    ).toBe(200);

    const ownOpd = await call(read, 'GET /results/{month}', {
      params: { month: MONTH },
      query: { opd: operatorOpd },
      principal: operator,
    });
    expect(ownOpd.status).toBe(200);
    expect(ownOpd.json.items.every((r: { opd: string }) => r.opd === operatorOpd)).toBe(true);
    const otherOpd = memberOf(bantul, colleague).opd;
    expect(
      (
        await call(read, 'GET /results/{month}', {
          params: { month: MONTH },
          query: { opd: otherOpd },
          principal: operator,
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(read, 'GET /results/{month}', { params: { month: MONTH }, principal: operator })).status,
    ).toBe(400);
    const otherCompute = await call(write, 'POST /results/{month}/compute', {
      params: { month: MONTH },
      body: { opd: otherOpd },
      principal: operator,
    });
    expect(otherCompute.status).toBe(403);
  });

  it('should page through results with opaque tokens, each employee once', async () => {
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await call(read, 'GET /results/{month}', {
        params: { month: MONTH },
        query: { limit: '7', ...(nextToken ? { nextToken } : {}) },
        principal: bantul.bkpsdm,
      });
      seen.push(...page.json.items.map((r: { nip: string }) => r.nip));
      nextToken = page.json.nextToken;
    } while (nextToken);
    expect(seen.sort()).toEqual(bantul.members.map((m) => m.employee.nip).sort());
  });
});

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
      expect(todo.json.items).toEqual([{ nip: pegawai.sub, month: MONTH, submitted: false }]);
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
    await call(write, 'POST /results/{month}/compute', {
      params: { month: MONTH },
      body: {},
      principal: sofifi.bkpsdm,
    });
    const result = await call(read, 'GET /results/{month}/{nip}', { params, principal: pegawai });
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
