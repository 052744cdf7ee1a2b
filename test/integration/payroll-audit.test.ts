// First: employees here have no appraisal results; pay them without cuts rather than error them all.
import '../support/pay-without-cuts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntry } from '../../core/audit/audit';
import { auditPut } from '../../functions/audit/audit-items';
import { AUDIT_ENTITY_TYPES } from '../../functions/audit/schemas';
import { transactWrite } from '../../functions/table/transactions';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { anEmployee, aPrincipal, nipNo } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';

/**
 * Issue 13 item 17: every audit record written can be read back with GET /audit, and a recompute is
 * audited. The entity types are found in the code itself (every `entityType: '<type>'` literal under
 * core/ and functions/), so a new audited entity fails here until it is readable.
 */
const db = useTestTables(['bantul']);
const T = 'bantul';
const NIP = '198503152010011002';

/** One id in each writer's own format (see the `entityId` next to each `entityType` written). */
const SAMPLE_IDS: Record<string, string> = {
  employee: NIP,
  run: '2026-11-GAJI_TPP',
  skp: `${NIP}#2026`,
  evaluation: `${NIP}#2026-11`,
  attendance: `${NIP}#2026-11-03`,
  ruleset: 'tenant.bantul',
  result: '2026-11',
  discipline: NIP,
  calendar: '2026',
  library: 'guru-ahli-pertama',
  'unit-score': '2026-11',
  'unit-rating': '2026-11',
  'prestasi-award': `2026-11:${NIP}`,
  'realization-import': 'DISDIK#2026',
  'opening-balance': `2026:${NIP}`,
  budget: '2031:DINKES',
  'employee-import': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'tax-settings': 'tenant',
  'tax-export': 'BPMP:2026-11:BPKAD',
  export: '2026-11-GAJI_TPP',
  deduction: NIP,
  'deduction-types': 'tenant',
};

function writtenEntityTypes(): string[] {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/entityType:\s*['"]([a-z][a-z-]*)['"]/g))
          found.add(m[1]!);
      }
    }
  };
  walk(join(root, 'core'));
  walk(join(root, 'functions'));
  return [...found].sort();
}

const auditor = aPrincipal({ tenantId: T, sub: 'auditor.inspektorat', roles: ['auditor'] });
const bkpsdm = aPrincipal({ tenantId: T, sub: 'kepala.bkpsdm', roles: ['bkpsdm'] });
let audit: Handler;
let payrollWrite: Handler;
let employeesWrite: Handler;

beforeAll(async () => {
  audit = (await import('../../functions/audit/index')).handler as Handler;
  payrollWrite = (await import('../../functions/payroll/write')).handler as Handler;
  employeesWrite = (await import('../../functions/employees/write')).handler as Handler;
});

const readAudit = (entity: string) => call(audit, 'GET /audit', { query: { entity }, principal: auditor });

describe('every audited entity can be read back (issue 13 item 17)', () => {
  it('should accept every entity type the code writes, each with a sample id in its writer’s format', () => {
    const written = writtenEntityTypes();
    expect(written.length).toBeGreaterThanOrEqual(10);
    expect(written.filter((t) => !(AUDIT_ENTITY_TYPES as readonly string[]).includes(t))).toEqual([]);
    expect(AUDIT_ENTITY_TYPES.filter((t) => !(t in SAMPLE_IDS))).toEqual([]);
  });

  it.each(AUDIT_ENTITY_TYPES.map((t) => [t, SAMPLE_IDS[t] ?? '(no sample id)'] as const))(
    'should read back a %s record by its id %s and by its type',
    async (entityType, entityId) => {
      const entry = auditEntry(bkpsdm, {
        entityType,
        entityId,
        action: 'UPDATE',
        at: new Date().toISOString(),
        requestId: `req-${entityType}`,
        after: { probe: entityType },
      });
      expect((await transactWrite(db.client, [auditPut(db.tableName(T), entry)])).ok).toBe(true);
      const one = await readAudit(`${entityType}:${entityId}`);
      expect(one.status, JSON.stringify(one.json)).toBe(200);
      expect(one.json.items).toEqual([
        expect.objectContaining({ entityType, entityId, after: { probe: entityType } }),
      ]);
      const all = await readAudit(entityType);
      expect(all.status).toBe(200);
      expect(all.json.items.map((i: { entityId: string }) => i.entityId)).toContain(entityId);
    },
  );

  it('should read the audit of PUT /budgets/{year}/{opd} as budget:<year>:<opd>', async () => {
    // A pagu is only taken for an OPD that exists: one with an employee placed in it.
    const employee = anEmployee({ nip: nipNo(90), penempatan: { opd: 'DINKES', unit: 'Sekretariat' } });
    const created = await call(employeesWrite, 'POST /employees', { body: employee, principal: bkpsdm });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const put = await call(payrollWrite, 'PUT /budgets/{year}/{opd}', {
      params: { year: '2031', opd: 'DINKES' },
      body: { paguTpp: 12_500_000_000, source: 'DPA DINKES 2031' },
      principal: bkpsdm,
    });
    expect(put.status).toBe(200);
    const res = await readAudit('budget:2031:DINKES');
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'CREATE',
          actor: expect.objectContaining({ sub: 'kepala.bkpsdm' }),
          after: { paguTpp: 12_500_000_000, source: 'DPA DINKES 2031' },
        }),
      ]),
    );
  });

  it('should audit a recompute: who, which employees, and whom it added', async () => {
    for (const m of generateTenantSeed(T).members.slice(0, 3)) {
      expect(
        (await call(employeesWrite, 'POST /employees', { body: m.employee, principal: bkpsdm })).status,
      ).toBe(201);
    }
    const started = await call(payrollWrite, 'POST /runs', {
      body: { month: '2026-04' },
      principal: aPrincipal({ tenantId: T, sub: 'operator.gaji', roles: ['operator'], opds: ['*'] }),
    });
    expect(started.status).toBe(201);
    const runId = started.json.id as string;
    const recomputer = aPrincipal({ tenantId: T, sub: 'bk.recompute', roles: ['bkpsdm'] });
    const res = await call(payrollWrite, 'POST /runs/{runId}/recompute', {
      params: { runId },
      body: {},
      principal: recomputer,
    });
    expect(res.status).toBe(200);
    const records = (await readAudit(`run:${runId}`)).json.items as {
      action: string;
      actor: { sub: string };
      after: Record<string, unknown>;
    }[];
    expect(records.map((r) => r.action)).toEqual(['RECOMPUTE', 'START']);
    expect(records[0]).toMatchObject({ actor: { sub: 'bk.recompute' }, after: { opds: 'ALL', added: 0 } });
  });
});
