import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../core/pay/month';
import { call, type Handler } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';
import {
  clockAfterMonth,
  MONTH,
  type People,
  peopleOf,
  realClock,
  seedEmployees,
} from './appraisal-fixtures';

/**
 * #13 item 15: once the run that pays a month's TPP is locked (bantul pays the TPP of MONTH in the run
 * of MONTH + 1), that month's evaluation is frozen like its result. A change is accepted only as an
 * audited correction with a reason, which recomputes the result and leaves a correction marker for
 * the next run; without a reason it is 409 MONTH_LOCKED and nothing is written.
 */
const db = useTestTables(['bantul']);
const table = () => db.tableName('bantul');

let read: Handler;
let write: Handler;
let people: People;

beforeAll(async () => {
  clockAfterMonth();
  read = (await import('../../functions/appraisal/read')).handler as Handler;
  write = (await import('../../functions/appraisal/write')).handler as Handler;
  people = peopleOf('bantul');
  await seedEmployees((await import('../../functions/employees/write')).handler as Handler, people);
}, 120_000);
afterAll(realClock);

async function evaluationAudits(nip: string) {
  const out = await db.client.send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#evaluation#${nip}#${MONTH}` },
    }),
  );
  return out.Items ?? [];
}

describe('an evaluation after the run paying its TPP is locked', () => {
  const rating = { hasilKerja: 'DI_ATAS_EKSPEKTASI', perilaku: 'DI_ATAS_EKSPEKTASI' } as const;
  const lower = { hasilKerja: 'SESUAI_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI' } as const;

  it('should refuse a plain change with 409 MONTH_LOCKED naming the paying month, and write nothing', async () => {
    const { pegawai, atasan } = people;
    const params = { month: MONTH, nip: pegawai.sub };
    const first = await call(write, 'PUT /evaluations/{month}/{nip}', {
      params,
      body: { expectedVersion: 0, ...rating },
      principal: atasan,
    });
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    const payMonth = addMonths(MONTH, 1);
    await db.client.send(
      new PutCommand({
        TableName: table(),
        Item: { pk: `LOCK#${payMonth}`, sk: 'LOCK', entity: 'MONTH_LOCK' },
      }),
    );

    const refused = await call(write, 'PUT /evaluations/{month}/{nip}', {
      params,
      body: { expectedVersion: 1, ...lower },
      principal: atasan,
    });

    expect(refused.status, JSON.stringify(refused.json)).toBe(409);
    expect(refused.json.error.code).toBe('MONTH_LOCKED');
    expect(refused.json.error.message).toContain(payMonth);
    const stored = (await call(read, 'GET /evaluations/{month}/{nip}', { params, principal: atasan })).json;
    expect(stored.evaluation).toMatchObject({ version: 1, assessment: rating });
    expect((await evaluationAudits(pegawai.sub)).map((a) => a.action)).toEqual(['CREATE']);
  });

  it('should take the change as a correction with a reason: audited, result recomputed, marker for payroll', async () => {
    const { pegawai, atasan } = people;
    const params = { month: MONTH, nip: pegawai.sub };

    const corrected = await call(write, 'PUT /evaluations/{month}/{nip}', {
      params,
      body: { expectedVersion: 1, ...lower, correction: { reason: 'keberatan pegawai dikabulkan' } },
      principal: atasan,
    });

    expect(corrected.status, JSON.stringify(corrected.json)).toBe(200);
    const audits = await evaluationAudits(pegawai.sub);
    expect(audits.map((a) => a.action)).toEqual(['CREATE', 'CORRECTION']);
    expect(audits[1]).toMatchObject({ reason: 'keberatan pegawai dikabulkan' });
    const marker = await db.client.send(
      new GetCommand({ TableName: table(), Key: { pk: `EMP#${pegawai.sub}`, sk: 'CORR' } }),
    );
    expect(marker.Item).toBeDefined();
    const stored = (await call(read, 'GET /evaluations/{month}/{nip}', { params, principal: atasan })).json;
    expect(stored.evaluation).toMatchObject({ version: 2, assessment: lower });
  });
});
