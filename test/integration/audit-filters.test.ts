import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../core/audit/audit';
import { aPrincipal } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';

const db = useTestTables(['bantul']);
let audit: Handler;
const auditor = aPrincipal({ sub: 'inspektorat.bantul', roles: ['auditor'] });

/**
 * Records around Bantul's (WIB, UTC+7) day boundaries: 2026-11-30 16:59:59.999Z is still 30 November
 * 23:59 WIB, 17:00:00.000Z is already 1 December 00:00 WIB.
 */
const RECORDS: AuditEntry[] = [
  rec('A', '2026-11-29T10:00:00.000Z', 'op.1', 'UPDATE'),
  rec('A', '2026-11-30T16:59:59.999Z', 'op.2', 'UPDATE'),
  rec('B', '2026-11-30T17:00:00.000Z', 'op.1', 'CREATE'),
  rec('B', '2026-12-01T16:59:59.999Z', 'op.2', 'UPDATE'),
  rec('A', '2026-12-01T17:00:00.000Z', 'op.1', 'UPDATE'),
];

function rec(nip: string, at: string, sub: string, action: string): AuditEntry {
  return {
    entityType: 'employee',
    entityId: `19850315201001100${nip === 'A' ? 1 : 2}`,
    action,
    actor: { sub, roles: ['operator'] },
    at,
    requestId: `req-${at}`,
    before: { x: 1 },
    after: { x: 2 },
  };
}

beforeAll(async () => {
  audit = (await import('../../functions/audit/index')).handler as Handler;
  const { auditPut } = await import('../../functions/audit/audit-items');
  await db.client.send(
    new TransactWriteCommand({ TransactItems: RECORDS.map((r) => auditPut(db.tableName('bantul'), r)) }),
  );
});

async function list(query: Record<string, string>) {
  return call(audit, 'GET /audit', { query: { entity: 'employee', ...query }, principal: auditor });
}
const ats = (res: { json: unknown }) => (res.json as { items: AuditEntry[] }).items.map((i) => i.at);

describe('GET /audit filters (actor, action, date range in the tenant zone)', () => {
  it('should take from/to as whole days in WIB, both ends included', async () => {
    const res = await list({ from: '2026-12-01', to: '2026-12-01' });
    expect(res.status).toBe(200);
    // 1 December WIB = 2026-11-30T17:00Z … 2026-12-01T16:59:59.999Z.
    expect(ats(res)).toEqual(['2026-12-01T16:59:59.999Z', '2026-11-30T17:00:00.000Z']);
    expect(ats(await list({ to: '2026-11-30' }))).toEqual([
      '2026-11-30T16:59:59.999Z',
      '2026-11-29T10:00:00.000Z',
    ]);
    expect(ats(await list({ from: '2026-12-02' }))).toEqual(['2026-12-01T17:00:00.000Z']);
  });

  it('should apply the range to one entity too', async () => {
    const res = await list({ entity: 'employee:198503152010011001', from: '2026-11-30', to: '2026-11-30' });
    expect(ats(res)).toEqual(['2026-11-30T16:59:59.999Z']);
  });

  it('should filter by actor and action', async () => {
    expect(ats(await list({ actor: 'op.2' }))).toEqual([
      '2026-12-01T16:59:59.999Z',
      '2026-11-30T16:59:59.999Z',
    ]);
    expect(ats(await list({ action: 'CREATE' }))).toEqual(['2026-11-30T17:00:00.000Z']);
    expect(ats(await list({ actor: 'op.1', action: 'UPDATE', from: '2026-12-02' }))).toEqual([
      '2026-12-01T17:00:00.000Z',
    ]);
  });

  it('should keep paging through a filter with nextToken and refuse the token for another filter', async () => {
    const first = await list({ actor: 'op.1', limit: '2' });
    const page1 = first.json as { items: AuditEntry[]; nextToken?: string };
    expect(page1.nextToken).toBeDefined();
    const seen = [...ats(first)];
    let token = page1.nextToken;
    while (token) {
      const next = await list({ actor: 'op.1', limit: '2', nextToken: token });
      seen.push(...ats(next));
      token = (next.json as { nextToken?: string }).nextToken;
    }
    expect(seen).toEqual([
      '2026-12-01T17:00:00.000Z',
      '2026-11-30T17:00:00.000Z',
      '2026-11-29T10:00:00.000Z',
    ]);
    const foreign = await list({ actor: 'op.2', limit: '2', nextToken: page1.nextToken! });
    expect(foreign.status).toBe(400);
  });

  it('should refuse a range that ends before it starts and a malformed date, naming the field', async () => {
    const backwards = await list({ from: '2026-12-02', to: '2026-12-01' });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.json)).toContain('query.to');
    const bad = await list({ from: '2026-13-01' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('query.from');
  });
});
