import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addMonths } from '../../../core/pay/month';
import { monthInZone } from '../../../core/payroll/lifecycle';
import { records } from '../../../functions/appraisal/store/records';
import { batchWriteAll } from '../../../functions/table/batch';
import { tenantTableName } from '../../../functions/table/table-schema';
import { generateTenantSeed } from '../../../infra/local/seed/employees';
import { localDynamoClient } from '../../../infra/local/tables';
import { dynamoEndpoint } from '../../support/dynamo';
import type { TestApi } from '../../support/local-api';

/**
 * What the payroll journeys of the console need before a person starts the month: the current month
 * on the tenant's clock (never hard-coded) and, for the month whose TPP it pays (the previous one),
 * an appraisal result per employee as the appraisal would store it once attendance and evaluations are
 * complete (FINAL predikat BAIK, every hari kerja covered).
 *
 * Why arranged in the table rather than through the API: the enriched demo seed (past months'
 * attendance, evaluations and results) was not ready when these tests were written; walking every
 * employee through attendance import, SKP, evaluation and result computation here would make the
 * browser test a seed of its own. Once `startTestApi` offers the history seed, use it instead.
 */
export function currentMonth(timeZone = 'Asia/Jakarta', now = new Date()): string {
  return monthInZone(now.toISOString(), timeZone);
}

export interface ArrangedEmployee {
  nip: string;
  nama: string;
  opd: string;
  unit: string;
}

/** Seeded employees of the tenant plus `extra` (employees a test created through the API). */
export async function arrangeCoveredResults(
  api: TestApi,
  tenantId: string,
  month: string,
  extra: readonly ArrangedEmployee[] = [],
): Promise<number> {
  const raw = localDynamoClient(dynamoEndpoint());
  const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  const members: ArrangedEmployee[] = [
    ...generateTenantSeed(tenantId).members.map((m) => ({
      nip: m.employee.nip,
      nama: m.employee.nama,
      opd: m.employee.penempatan.opd,
      unit: m.employee.penempatan.unit,
    })),
    ...extra,
  ];
  const items = members.map((m) =>
    records.result({
      nip: m.nip,
      nama: m.nama,
      opd: m.opd,
      unit: m.unit,
      unitId: `${m.opd}/SEKRETARIAT`,
      month,
      facts: {
        month,
        performance: { status: 'FINAL', predikat: 'BAIK' },
        discipline: { counts: {}, leave: [], sanctions: [] },
        coverage: { attendance: { workingDays: 21, daysWithData: 21, missingDates: [] }, evaluated: true },
      },
      detail: {
        performance: {},
        discipline: {
          tk: { thisMonth: 0, yearToDate: 0, longestStreak: 0, trailingStreak: 0 },
          warnings: [],
        },
      },
      computedAt: `${month}-28T10:00:00.000Z`,
      computedBy: 'test.arrange',
    }),
  );
  await batchWriteAll(
    client,
    tenantTableName(api.prefix, tenantId),
    items.map((Item) => ({ PutRequest: { Item } })),
  );
  raw.destroy();
  return items.length;
}

export const previousMonth = (month: string) => addMonths(month, -1);

/** A JSON call to the test API with a dev token; throws with the body on a non-2xx answer. */
export async function apiCall<T>(
  api: TestApi,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Starts the month's run as `token`'s user and waits until every chunk is done (background chunks). */
export async function startRunAndWait(api: TestApi, token: string, month: string, kind = 'GAJI_TPP') {
  await apiCall(api, token, 'POST', '/runs', { month, kind });
  const id = `${month}-${kind}`;
  for (let i = 0; i < 240; i++) {
    const run = await apiCall<{ counts: { chunks: number; chunksDone: number } }>(
      api,
      token,
      'GET',
      `/runs/${id}`,
    );
    if (run.counts.chunks > 0 && run.counts.chunksDone === run.counts.chunks) return id;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`run ${id} did not finish computing`);
}
