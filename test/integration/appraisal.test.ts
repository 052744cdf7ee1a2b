import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Handler } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';
import {
  clockAfterMonth,
  clockInMonth,
  MONTH,
  memberOf,
  onTargetRealizations,
  type People,
  peopleOf,
  realClock,
  seedEmployees,
  YEAR,
} from './appraisal-fixtures';

const db = useTestTables(['bantul']);

let read: Handler;
let write: Handler;
let bantul: People;

beforeAll(async () => {
  clockInMonth();
  read = (await import('../../functions/appraisal/read')).handler as Handler;
  write = (await import('../../functions/appraisal/write')).handler as Handler;
  const employeesWrite = (await import('../../functions/employees/write')).handler as Handler;
  bantul = peopleOf('bantul');
  await seedEmployees(employeesWrite, bantul);
}, 120_000);
afterAll(realClock);

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

    // Results are computed once the month has ended.
    clockAfterMonth();
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
