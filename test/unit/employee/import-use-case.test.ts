import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../core/audit/audit';
import type { Principal } from '../../../core/auth/principal';
import { resolveHeaders, templateHeaders } from '../../../core/employee/import-columns';
import type { EmployeeChange } from '../../../core/employee/import-plan';
import type { SheetRow } from '../../../core/employee/import-row';
import {
  type EmployeeImportStore,
  type ImportRequest,
  importEmployees,
} from '../../../core/employee/import-use-case';
import type { EmployeeWithTimelines } from '../../../core/employee/repository';
import { DomainError } from '../../../core/errors';
import { nationalRuleset } from '../../../core/rulesets/national-data';
import { demoTenantRulesets } from '../../../core/rulesets/tenant-data';
import { exampleRow, generatedRows, type SheetRowValues } from '../../builders/employee-import';

/**
 * The import use case over an in-memory store: what a dry run reports, what a commit writes, and that
 * the second import of the same sheet writes nothing. The DynamoDB adapter is covered by
 * test/integration/employees-import.test.ts.
 */
class MemoryStore implements EmployeeImportStore {
  readonly records = new Map<string, EmployeeWithTimelines>();
  readonly imports: AuditEntry[] = [];
  readonly applied: EmployeeChange[][] = [];
  constructor(readonly opds: readonly string[] = ['DISDIK', 'DINKES']) {}
  async getMany(nips: readonly string[]) {
    return new Map(nips.flatMap((n) => (this.records.has(n) ? [[n, this.records.get(n)!] as const] : [])));
  }
  async existing(nips: readonly string[]) {
    return new Set(nips.filter((n) => this.records.has(n)));
  }
  async knownOpds(candidates: readonly string[]) {
    return new Set(candidates.filter((c) => this.opds.includes(c)));
  }
  async apply(changes: readonly EmployeeChange[]) {
    this.applied.push([...changes]);
    for (const c of changes) {
      this.records.set(c.employee.identity.nip, { employee: c.employee, timelines: c.timelines });
    }
    return {
      applied: new Set(changes.map((c) => c.employee.identity.nip)),
      conflicts: new Set<string>(),
      notAttempted: new Set<string>(),
    };
  }
  async recordImport(entry: AuditEntry) {
    this.imports.push(entry);
  }
}

const bkpsdm: Principal = { tenantId: 'bantul', sub: 'bkpsdm.admin', roles: ['bkpsdm'], opds: [] };
const operator: Principal = { tenantId: 'bantul', sub: 'op.disdik', roles: ['operator'], opds: ['DISDIK'] };
const rulesets = { national: nationalRuleset, tenant: demoTenantRulesets.bantul };

function sheetOf(rows: readonly SheetRowValues[], headers = templateHeaders(), sha256 = 'a'.repeat(64)) {
  const layout = resolveHeaders(headers);
  const sheetRows: SheetRow[] = rows.map((values, i) => ({
    row: i + 2,
    cells: Object.fromEntries([...layout.present].map((h) => [h, values[h] ?? ''])),
  }));
  return { fileName: 'pegawai.xlsx', sha256, type: 'xlsx' as const, layout, rows: sheetRows };
}

function run(
  store: MemoryStore,
  rows: readonly SheetRowValues[],
  options: Partial<Omit<ImportRequest, 'sheet'>> & {
    principal?: Principal;
    now?: string;
    today?: string;
    headers?: string[];
  } = {},
) {
  return importEmployees(
    {
      sheet: sheetOf(rows, options.headers),
      mode: options.mode ?? 'commit',
      allOrNothing: options.allOrNothing ?? false,
      newOpds: options.newOpds ?? [],
    },
    options.principal ?? bkpsdm,
    {
      store,
      rulesets,
      now: options.now ?? '2026-11-20T02:00:00.000Z',
      ...(options.today ? { today: options.today } : {}),
      requestId: 'req-1',
    },
  );
}

describe('importEmployees: dry run and commit', () => {
  it('should report a dry run per row and write nothing', async () => {
    const store = new MemoryStore();
    const report = await run(
      store,
      [exampleRow(), exampleRow({ nip: '199001012015011010', golongan: 'X/z' })],
      {
        mode: 'dry-run',
      },
    );
    expect(report.counts).toMatchObject({ rows: 2, valid: 1, invalid: 1, create: 1 });
    expect(report.summary).toBe(
      '1 baris valid, 1 bermasalah (1 baris valid dengan peringatan); 1 baru, 0 berubah, 0 tetap',
    );
    expect(report.rows.map((r) => r.action)).toEqual(['CREATE', 'REJECTED']);
    expect(report.issues).toContainEqual(
      expect.objectContaining({ row: 3, nip: '199001012015011010', field: 'golongan', severity: 'ERROR' }),
    );
    expect(report.commit).toBeUndefined();
    expect(store.applied).toEqual([]);
    expect(store.imports).toEqual([]);
  });

  it('should create with dated history from the sheet’s TMTs: CPNS until TMT PNS, pangkat from TMT golongan', async () => {
    const store = new MemoryStore();
    const report = await run(store, [exampleRow()]);
    expect(report.commit).toMatchObject({ complete: true, created: 1, updated: 0, importRecorded: true });
    const saved = store.records.get('199001012015011009');
    const history = (aspect: string) =>
      saved?.timelines.filter((t) => t.aspect === aspect).map((t) => [t.from, t.value]);
    expect(history('kepegawaian')).toEqual([
      ['2015-01-01', { jenisAsn: 'CPNS', status: 'AKTIF' }],
      ['2016-01-01', { jenisAsn: 'PNS', status: 'AKTIF' }],
    ]);
    expect(history('pangkat')).toEqual([['2020-01-01', { golongan: 'III/a', tmt: '2020-01-01' }]]);
    expect(saved?.employee.identity).toMatchObject({ nik: '3375010101900009', npwp: '3375010101900009' });
    const audit = store.applied[0]?.[0]?.audit;
    expect(audit).toMatchObject({
      entityType: 'employee',
      action: 'CREATE',
      reason: expect.stringContaining('pegawai.xlsx'),
    });
    expect(store.imports).toHaveLength(1);
    expect(store.imports[0]).toMatchObject({
      entityType: 'employee-import',
      entityId: 'a'.repeat(64),
      action: 'IMPORT',
      actor: { sub: 'bkpsdm.admin' },
      after: { fileName: 'pegawai.xlsx', rows: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 },
    });
  });

  it('should change nothing when the same sheet is imported again: 0 berubah, no import record', async () => {
    const store = new MemoryStore();
    const rows = [exampleRow(), ...generatedRows(30, ['DISDIK', 'DINKES'])];
    await run(store, rows);
    const again = await run(store, rows, { now: '2026-11-21T02:00:00.000Z' });
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 31 });
    expect(again.commit).toMatchObject({ created: 0, updated: 0, importRecorded: false });
    expect(again.commit?.message).toContain('0 berubah');
    expect(store.applied).toHaveLength(1);
    expect(store.imports).toHaveLength(1);
  });

  it('should add a dated entry for a new SK and keep the old one as history', async () => {
    const store = new MemoryStore();
    await run(store, [exampleRow()]);
    const report = await run(store, [
      exampleRow({ golongan: 'III/b', tmt_golongan: '2024-04-01', mkg_tahun: '4', tmt_kgb_terakhir: '' }),
    ]);
    expect(report.rows[0]).toMatchObject({ action: 'UPDATE', changes: ['pangkat', 'masaKerja'] });
    const change = store.applied[1]?.[0];
    expect(change?.kind).toBe('UPDATE');
    if (change?.kind !== 'UPDATE') return;
    expect(change.timelines.filter((t) => t.aspect === 'pangkat').map((t) => t.from)).toEqual([
      '2020-01-01',
      '2024-04-01',
    ]);
    expect(change.employee.current.pangkat.golongan).toBe('III/b');
    expect(change.expectedVersion).toBe(1);
    // Dated before this month: the next payroll run looks for differences (as PATCH /employees does).
    expect(change.backdatedFrom).toBe('2024-04-01');
  });

  it('should date a change without its TMT from the first of this month, and say so', async () => {
    const store = new MemoryStore();
    await run(store, [exampleRow()]);
    const report = await run(store, [exampleRow({ nama_jabatan: 'Pengelola Data', tmt_jabatan: '' })]);
    expect(report.rows[0]).toMatchObject({ action: 'UPDATE', changes: ['jabatan'] });
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        field: 'tmt_jabatan',
        severity: 'WARNING',
        message: 'tmt_jabatan kosong: perubahan jabatan dicatat berlaku mulai 2026-11-01',
      }),
    );
  });

  it('should take "this month" in the tenant’s time zone: 1 December 01:00 WIB is already December', async () => {
    const store = new MemoryStore();
    await run(store, [exampleRow()]);
    const report = await run(store, [exampleRow({ nama_jabatan: 'Pengelola Data', tmt_jabatan: '' })], {
      now: '2026-11-30T18:00:00.000Z',
      today: '2026-12-01',
    });
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        message: 'tmt_jabatan kosong: perubahan jabatan dicatat berlaku mulai 2026-12-01',
      }),
    );
  });

  it('should keep the stored account and family when the sheet has no such columns', async () => {
    const store = new MemoryStore();
    await run(store, [exampleRow()]);
    const headers = templateHeaders().filter((h) => !/bank|rekening|pasangan|anak/.test(h));
    const report = await run(store, [exampleRow()], { headers });
    expect(report.rows[0]?.action).toBe('UNCHANGED');
    expect(store.records.get('199001012015011009')?.employee.identity.bankAccount?.accountNumber).toBe(
      '0110308888',
    );
  });
});

describe('importEmployees: scope, OPDs and bad sheets', () => {
  it('should let an operator import their OPD only, naming the OPD of other rows', async () => {
    const store = new MemoryStore();
    const report = await run(
      store,
      [exampleRow(), exampleRow({ nip: '199001012015011010', opd_kode: 'DINKES' })],
      {
        principal: operator,
      },
    );
    expect(report.rows.map((r) => r.action)).toEqual(['CREATE', 'REJECTED']);
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        row: 3,
        field: 'opd_kode',
        message: 'OPD DINKES di luar cakupan Anda (DISDIK)',
      }),
    );
    // The valid row is written although another row was refused.
    expect(report.commit?.created).toBe(1);
  });

  it('should refuse an operator’s row for an employee stored in another OPD', async () => {
    const store = new MemoryStore();
    await run(store, [exampleRow({ opd_kode: 'DINKES' })]);
    const report = await run(store, [exampleRow()], { principal: operator });
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        field: 'nip',
        message: 'NIP 199001012015011009 terdaftar di OPD DINKES, di luar OPD Anda',
      }),
    );
  });

  it('should refuse an OPD the tenant does not know unless BKPSDM declares it new', async () => {
    const store = new MemoryStore();
    const row = exampleRow({ opd_kode: 'DISHUB' });
    const refused = await run(store, [row], { mode: 'dry-run' });
    expect(refused.issues).toContainEqual(
      expect.objectContaining({
        field: 'opd_kode',
        message: expect.stringContaining('OPD DISHUB belum dikenal'),
      }),
    );
    const declared = await run(store, [row], { mode: 'dry-run', newOpds: ['DISHUB'] });
    expect(declared.counts.invalid).toBe(0);
    await expect(run(store, [row], { newOpds: ['DISHUB'], principal: operator })).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
  });

  it('should refuse a sheet with one NIP twice, naming both rows', async () => {
    const err = await run(new MemoryStore(), [exampleRow(), generatedRows(1)[0]!, exampleRow()]).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({
      code: 'IMPORT_DUPLICATE_NIP',
      issues: [{ path: 'file.rows[4].nip', message: 'NIP 199001012015011009 ada di baris 2 dan baris 4' }],
    });
  });

  it('should list the missing required columns', async () => {
    const err = await run(new MemoryStore(), [exampleRow()], {
      headers: templateHeaders().filter((h) => h !== 'golongan' && h !== 'opd_kode'),
    }).catch((e) => e);
    expect(err).toMatchObject({
      code: 'IMPORT_MISSING_COLUMNS',
      message: 'Kolom wajib tidak ada: golongan, opd_kode',
    });
  });

  it('should write nothing with allOrNothing when one row is bad', async () => {
    const store = new MemoryStore();
    const err = await run(
      store,
      [exampleRow(), exampleRow({ nip: '199001012015011010', kelas_jabatan: '30' })],
      {
        allOrNothing: true,
      },
    ).catch((e) => e);
    expect(err).toMatchObject({
      code: 'IMPORT_HAS_INVALID_ROWS',
      issues: [{ path: 'file.rows[3].kelas_jabatan', message: expect.stringContaining('kelas 30') }],
    });
    expect(store.applied).toEqual([]);
  });

  it('should count in Indonesian: 1.001 baris valid', async () => {
    const report = await run(new MemoryStore(), generatedRows(1001, ['DISDIK']), { mode: 'dry-run' });
    expect(report.summary).toBe('1.001 baris valid, 0 bermasalah; 1.001 baru, 0 berubah, 0 tetap');
  });
});
