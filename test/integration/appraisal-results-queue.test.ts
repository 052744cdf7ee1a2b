process.env.SIGAP_LOCAL_ASYNC_RESULTS = '1';

import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * A month's results computed like the payroll run: planned into chunks, the chunks queued (here the
 * process's background queue, SIGAP_LOCAL_ASYNC_RESULTS=1; SQS on AWS), progress readable meanwhile,
 * a dead chunk resumed by starting again, simultaneous starts making one computation.
 */
const db = useTestTables(['bukitintan']);
const table = () => db.tableName('bukitintan');

let read: Handler;
let write: Handler;
let drain: () => Promise<void>;
let people: People;

beforeAll(async () => {
  read = (await import('../../functions/appraisal/read')).handler as Handler;
  write = (await import('../../functions/appraisal/write')).handler as Handler;
  drain = (await import('../../functions/payroll/local-chunk-queue')).drainLocalChunks;
  people = peopleOf('bukitintan');
  await seedEmployees((await import('../../functions/employees/write')).handler as Handler, people);
  clockAfterMonth();
}, 120_000);
afterAll(async () => {
  await drain();
  realClock();
});

const compute = (body: Record<string, unknown> = {}) =>
  call(write, 'POST /results/{month}/compute', { params: { month: MONTH }, body, principal: people.bkpsdm });
const progress = async () =>
  (await call(read, 'GET /results/{month}/progress', { params: { month: MONTH }, principal: people.bkpsdm }))
    .json;

describe('the month’s results through the chunk queue', () => {
  it('should answer 202 at once, show progress, and finish every employee once', async () => {
    const none = await call(read, 'GET /results/{month}/progress', {
      params: { month: MONTH },
      principal: people.bkpsdm,
    });
    expect(none.status).toBe(404);

    // The request only opens the computation: even the plan (which reads the whole scope) is queued.
    const started = await compute();
    expect(started.status, JSON.stringify(started.json)).toBe(202);
    expect(started.json).toMatchObject({ state: 'PLANNING', generation: 1, chunksDone: 0, computed: 0 });

    await drain();
    const done = await progress();
    // Planned per OPD: every OPD of the demo tenant is at least one chunk.
    expect(done.chunks).toBeGreaterThanOrEqual(new Set(people.members.map((m) => m.opd)).size);
    expect(done).toMatchObject({
      state: 'DONE',
      generation: 1,
      employees: people.members.length,
      chunksDone: done.chunks,
      computed: people.members.length,
      errors: [],
    });
    expect(done.coverage.reduce((s: number, c: { employees: number }) => s + c.employees, 0)).toBe(
      people.members.length,
    );
    const listed = await call(read, 'GET /results/{month}', {
      params: { month: MONTH },
      query: { limit: '100' },
      principal: people.bkpsdm,
    });
    expect(listed.json.items).toHaveLength(people.members.length);
  });

  it('should resume a chunk whose worker died, computing only that chunk again', async () => {
    const before = await progress();
    const meta = await db.client.send(
      new GetCommand({ TableName: table(), Key: { pk: `RJOB#${MONTH}#ALL`, sk: 'CHUNK#00001' } }),
    );
    const chunk = meta.Item!;
    // The worker died before its commit: the chunk is pending and none of its results was written.
    await db.client.send(
      new UpdateCommand({
        TableName: table(),
        Key: { pk: chunk.pk, sk: chunk.sk },
        UpdateExpression: 'SET #s = :p, version = :v',
        ExpressionAttributeNames: { '#s': 'state' },
        ExpressionAttributeValues: { ':p': 'PENDING', ':v': 2 * chunk.generation - 1 },
      }),
    );
    for (const nip of chunk.nips as string[]) {
      await db.client.send(
        new DeleteCommand({ TableName: table(), Key: { pk: `EMP#${nip}`, sk: `RESULT#${MONTH}` } }),
      );
    }
    const others = await db.client.send(
      new GetCommand({ TableName: table(), Key: { pk: `RJOB#${MONTH}#ALL`, sk: 'CHUNK#00000' } }),
    );
    expect((await progress()).state).toBe('RUNNING');

    const resumed = await compute();
    // One chunk left: computed inside the request (a queue is for more than one).
    expect(resumed.status).toBe(200);
    expect(resumed.json.generation).toBe(before.generation);
    await drain();
    const after = await progress();
    expect(after).toMatchObject({ state: 'DONE', generation: before.generation, computed: before.computed });
    for (const nip of chunk.nips as string[]) {
      const result = await db.client.send(
        new GetCommand({ TableName: table(), Key: { pk: `EMP#${nip}`, sk: `RESULT#${MONTH}` } }),
      );
      expect(result.Item?.facts).toBeDefined();
    }
    const untouched = await db.client.send(
      new GetCommand({ TableName: table(), Key: { pk: `RJOB#${MONTH}#ALL`, sk: 'CHUNK#00000' } }),
    );
    expect(untouched.Item?.doneAt).toBe(others.Item?.doneAt);
  });

  it('should make one new computation of ten simultaneous starts after the last one finished', async () => {
    const { generation } = await progress();
    const starts = await Promise.all(Array.from({ length: 10 }, () => compute()));
    for (const s of starts) expect([200, 202], JSON.stringify(s.json)).toContain(s.status);
    expect(new Set(starts.map((s) => s.json.generation))).toEqual(new Set([generation + 1]));
    await drain();
    expect(await progress()).toMatchObject({
      state: 'DONE',
      generation: generation + 1,
      computed: people.members.length,
    });
  });
});
