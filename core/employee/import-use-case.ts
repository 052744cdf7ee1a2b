import { type AuditEntry, auditEntry } from '../audit/audit';
import type { Principal } from '../auth/principal';
import { hasAnyRole, TENANT_WIDE_ROLES } from '../auth/principal';
import { DomainError } from '../errors';
import type { Rulesets } from '../pay/compute-monthly-pay';
import { formatNumber } from '../pay/format';
import { type HeaderLayout, MAX_IMPORT_ROWS } from './import-columns';
import { type ImportedEmployee, mapImportRow } from './import-mapping';
import { type EmployeeChange, planImportRow, type RowOutcome } from './import-plan';
import { importReference } from './import-reference';
import type { RowIssue, SheetRow } from './import-row';
import type { EmployeeWithTimelines } from './repository';

/**
 * The employee import (issue 12): a sheet in the layout of data-pegawai-import.md §5 is checked whole —
 * every row, every field — and reported in Indonesian; a dry run stops there, a commit then creates or
 * updates each valid row's employee with dated history, each change atomic with its own audit record,
 * and records the import once (file hash, file name, who, counts). Rows that fail never block the valid
 * ones unless the caller asks for all-or-nothing.
 */
/** The report lists at most this many issues (counts are always complete). */
export const MAX_REPORTED_ISSUES = 5_000;

export interface ImportSheet {
  fileName: string;
  sha256: string;
  type: 'xlsx' | 'csv';
  sheetName?: string;
  layout: HeaderLayout;
  /** Data rows, empty rows left out. */
  rows: readonly SheetRow[];
}

export interface ImportRequest {
  sheet: ImportSheet;
  mode: 'dry-run' | 'commit';
  allOrNothing: boolean;
  /** OPD codes a BKPSDM user declares new, so rows naming them are not refused as unknown. */
  newOpds: readonly string[];
}

export interface ApplyResult {
  /** NIPs whose change was written. */
  applied: ReadonlySet<string>;
  /** NIPs whose stored record changed between reading and writing (nothing written for them). */
  conflicts: ReadonlySet<string>;
  /** NIPs not attempted because the request ran out of time (commit again to finish). */
  notAttempted: ReadonlySet<string>;
}

/** The port the import needs; functions/ implements it over DynamoDB. */
export interface EmployeeImportStore {
  getMany(nips: readonly string[]): Promise<ReadonlyMap<string, EmployeeWithTimelines>>;
  /** Which of these NIPs have an employee record. */
  existing(nips: readonly string[]): Promise<ReadonlySet<string>>;
  /** Which of these OPD codes the tenant already has: employees placed there, or a TPP pagu for the year. */
  knownOpds(candidates: readonly string[], year: string): Promise<ReadonlySet<string>>;
  /** Writes each change with its audit record in one transaction (several changes may share one). */
  apply(changes: readonly EmployeeChange[]): Promise<ApplyResult>;
  recordImport(entry: AuditEntry): Promise<void>;
}

export interface ImportDeps {
  store: EmployeeImportStore;
  rulesets: Rulesets;
  /** ISO timestamp of now, from the edge. */
  now: string;
  /** Today in the tenant's time zone (YYYY-MM-DD); absent = the UTC date of `now`. */
  today?: string;
  requestId: string;
}

export interface ImportCounts {
  rows: number;
  valid: number;
  invalid: number;
  withWarnings: number;
  create: number;
  update: number;
  unchanged: number;
}

export interface ImportReport {
  mode: ImportRequest['mode'];
  file: { name: string; sha256: string; type: 'xlsx' | 'csv'; sheet?: string; rows: number };
  counts: ImportCounts;
  summary: string;
  ignoredColumns: readonly { header: string; reason: string }[];
  issues: RowIssue[];
  issuesTruncated: boolean;
  rows: RowOutcome[];
  commit?: {
    complete: boolean;
    created: number;
    updated: number;
    unchanged: number;
    rejected: number;
    conflicts: number;
    notAttempted: number;
    importRecorded: boolean;
    message: string;
  };
}

const fileIssue = (row: number, field: string, message: string) => ({
  path: `file.rows[${row}].${field}`,
  message,
});

function checkSheet(sheet: ImportSheet): void {
  if (sheet.layout.missing.length > 0) {
    throw new DomainError(
      'INVALID',
      'IMPORT_MISSING_COLUMNS',
      `Kolom wajib tidak ada: ${sheet.layout.missing.join(', ')}`,
      sheet.layout.missing.map((m) => ({ path: 'file.header', message: `kolom ${m} tidak ada` })),
    );
  }
  if (sheet.rows.length === 0) {
    throw new DomainError('INVALID', 'IMPORT_EMPTY', 'Berkas tidak berisi baris data', [
      { path: 'file', message: 'tidak ada baris data di bawah judul kolom' },
    ]);
  }
  if (sheet.rows.length > MAX_IMPORT_ROWS) {
    throw tooManyRows(sheet.rows.length);
  }
  const firstRow = new Map<string, number>();
  const duplicates: { path: string; message: string }[] = [];
  for (const r of sheet.rows) {
    const nip = (r.cells.nip ?? '').replace(/[\s.\-/]/g, '');
    if (nip === '') continue;
    const first = firstRow.get(nip);
    if (first === undefined) firstRow.set(nip, r.row);
    else duplicates.push(fileIssue(r.row, 'nip', `NIP ${nip} ada di baris ${first} dan baris ${r.row}`));
  }
  if (duplicates.length > 0) {
    throw new DomainError(
      'INVALID',
      'IMPORT_DUPLICATE_NIP',
      'NIP ganda di dalam berkas',
      duplicates.slice(0, 500),
    );
  }
}

/** `rows` when the whole file was counted; without it, reading stopped at the limit. */
export function tooManyRows(rows?: number): DomainError {
  const found = rows === undefined ? `lebih dari ${formatNumber(MAX_IMPORT_ROWS)}` : formatNumber(rows);
  return new DomainError(
    'INVALID',
    'IMPORT_TOO_MANY_ROWS',
    `Berkas berisi ${found} baris data; paling banyak ${formatNumber(MAX_IMPORT_ROWS)} baris per berkas`,
    [
      {
        path: 'file',
        message: `bagi berkas menjadi beberapa berkas berisi paling banyak ${formatNumber(MAX_IMPORT_ROWS)} baris`,
      },
    ],
  );
}

function knownOpdsFor(principal: Principal, request: ImportRequest, found: ReadonlySet<string>): Set<string> {
  const tenantWide = hasAnyRole(principal, TENANT_WIDE_ROLES) || principal.opds.includes('*');
  return tenantWide ? new Set([...found, ...request.newOpds]) : new Set(principal.opds);
}

export async function importEmployees(
  request: ImportRequest,
  principal: Principal,
  deps: ImportDeps,
): Promise<ImportReport> {
  const { sheet } = request;
  checkSheet(sheet);
  const tenantWide = hasAnyRole(principal, TENANT_WIDE_ROLES) || principal.opds.includes('*');
  if (request.newOpds.length > 0 && !tenantWide) {
    throw new DomainError('FORBIDDEN', 'OUT_OF_SCOPE', 'Hanya BKPSDM yang dapat menambah OPD baru', [
      { path: 'body.newOpds', message: 'hanya untuk BKPSDM' },
    ]);
  }

  // 1. Every row read and checked on its own (pure).
  const today = deps.today ?? deps.now.slice(0, 10);
  const ref = importReference(deps.rulesets, today);
  const issues: RowIssue[] = [];
  const mapped: ImportedEmployee[] = [];
  const rejectedRows = new Map<number, RowOutcome>();
  for (const row of sheet.rows) {
    const m = mapImportRow(row, sheet.layout.present, ref);
    issues.push(...m.issues);
    if (m.employee) mapped.push(m.employee);
    else rejectedRows.set(row.row, { row: row.row, nip: (row.cells.nip ?? '').trim(), action: 'REJECTED' });
  }

  // 2. What the table holds for them: stored records, known OPDs, atasan.
  const stored = await deps.store.getMany(mapped.map((e) => e.nip));
  const candidates = [...new Set(mapped.map((e) => e.penempatan.opd))].filter(
    (o) => !request.newOpds.includes(o),
  );
  const found =
    tenantWide && candidates.length > 0
      ? await deps.store.knownOpds(candidates, today.slice(0, 4))
      : new Set<string>();
  const knownNips = new Set<string>([...mapped.map((e) => e.nip), ...stored.keys()]);
  const atasan = [
    ...new Set(mapped.flatMap((e) => (e.penempatan.atasanNip ? [e.penempatan.atasanNip] : []))),
  ];
  for (const nip of await deps.store.existing(atasan.filter((n) => !knownNips.has(n)))) knownNips.add(nip);

  // 3. What each valid row does.
  const ctx = {
    principal,
    now: deps.now,
    today,
    requestId: deps.requestId,
    knownOpds: knownOpdsFor(principal, request, found),
    knownNips,
    reason: `Impor pegawai dari ${sheet.fileName} (sha256 ${sheet.sha256.slice(0, 12)})`,
  };
  const outcomes = new Map<number, RowOutcome>(rejectedRows);
  const changes: EmployeeChange[] = [];
  for (const e of mapped) {
    const planned = planImportRow(e, stored.get(e.nip), ctx);
    issues.push(...planned.issues);
    outcomes.set(e.row, planned.outcome);
    if (planned.change) changes.push(planned.change);
  }
  const rows = sheet.rows.map((r) => outcomes.get(r.row) as RowOutcome);
  issues.sort((a, b) => a.row - b.row);
  const counts = countRows(rows, issues);
  const report: ImportReport = {
    mode: request.mode,
    file: {
      name: sheet.fileName,
      sha256: sheet.sha256,
      type: sheet.type,
      ...(sheet.sheetName ? { sheet: sheet.sheetName } : {}),
      rows: sheet.rows.length,
    },
    counts,
    summary: summaryOf(counts),
    ignoredColumns: sheet.layout.ignored,
    issues: issues.slice(0, MAX_REPORTED_ISSUES),
    issuesTruncated: issues.length > MAX_REPORTED_ISSUES,
    rows,
  };
  if (request.mode === 'dry-run') return report;

  // 4. Commit.
  if (request.allOrNothing && counts.invalid > 0) {
    throw new DomainError(
      'INVALID',
      'IMPORT_HAS_INVALID_ROWS',
      `${formatNumber(counts.invalid)} baris bermasalah; dengan allOrNothing tidak ada yang disimpan`,
      issues
        .filter((i) => i.severity === 'ERROR')
        .slice(0, 500)
        .map((i) => fileIssue(i.row, i.field, i.message)),
    );
  }
  const result = changes.length > 0 ? await deps.store.apply(changes) : emptyApply();
  return { ...report, commit: await finishCommit(request, principal, deps, report, changes, result) };
}

function emptyApply(): ApplyResult {
  return { applied: new Set(), conflicts: new Set(), notAttempted: new Set() };
}

function countRows(rows: readonly RowOutcome[], issues: readonly RowIssue[]): ImportCounts {
  const warned = new Set(issues.filter((i) => i.severity === 'WARNING').map((i) => i.row));
  const by = (a: RowOutcome['action']) => rows.filter((r) => r.action === a).length;
  const invalid = by('REJECTED');
  return {
    rows: rows.length,
    valid: rows.length - invalid,
    invalid,
    withWarnings: rows.filter((r) => r.action !== 'REJECTED' && warned.has(r.row)).length,
    create: by('CREATE'),
    update: by('UPDATE'),
    unchanged: by('UNCHANGED'),
  };
}

function summaryOf(c: ImportCounts): string {
  const n = formatNumber;
  return (
    `${n(c.valid)} baris valid, ${n(c.invalid)} bermasalah` +
    (c.withWarnings > 0 ? ` (${n(c.withWarnings)} baris valid dengan peringatan)` : '') +
    `; ${n(c.create)} baru, ${n(c.update)} berubah, ${n(c.unchanged)} tetap`
  );
}

async function finishCommit(
  request: ImportRequest,
  principal: Principal,
  deps: ImportDeps,
  report: ImportReport,
  changes: readonly EmployeeChange[],
  result: ApplyResult,
) {
  const applied = changes.filter((c) => result.applied.has(c.employee.identity.nip));
  const created = applied.filter((c) => c.kind === 'CREATE').length;
  const updated = applied.length - created;
  for (const row of report.rows) {
    if (result.conflicts.has(row.nip)) {
      row.action = 'REJECTED';
      report.issues.push({
        row: row.row,
        nip: row.nip,
        field: 'nip',
        message: 'data pegawai ini diubah pengguna lain selama impor; tidak disimpan, impor ulang berkas ini',
        severity: 'ERROR',
      });
    }
  }
  const complete = result.notAttempted.size === 0;
  // One record per commit that wrote something; a commit cut short by the request's time limit says so,
  // and the one that finishes the file (the same file sent again) records the rest.
  const recorded = applied.length > 0;
  if (recorded) {
    await deps.store.recordImport(
      auditEntry(principal, {
        entityType: 'employee-import',
        entityId: request.sheet.sha256,
        action: 'IMPORT',
        at: deps.now,
        requestId: deps.requestId,
        after: {
          fileName: request.sheet.fileName,
          sha256: request.sheet.sha256,
          type: request.sheet.type,
          rows: report.counts.rows,
          created,
          updated,
          unchanged: report.counts.unchanged,
          rejected: report.counts.invalid + result.conflicts.size,
          allOrNothing: request.allOrNothing,
          complete,
          opds: [...new Set(applied.map((c) => c.employee.current.penempatan.opd))].sort(),
        },
      }),
    );
  }
  const n = formatNumber;
  const message = !complete
    ? `Waktu permintaan habis: ${n(applied.length)} perubahan tersimpan, ${n(result.notAttempted.size)} belum; kirim ulang berkas yang sama untuk melanjutkan (yang sudah tersimpan tidak ditulis ulang)`
    : applied.length === 0
      ? 'Tidak ada perubahan: data di berkas sama dengan data tersimpan (0 berubah)'
      : `${n(created)} pegawai baru, ${n(updated)} berubah, ${n(report.counts.unchanged)} tetap`;
  return {
    complete,
    created,
    updated,
    unchanged: report.counts.unchanged,
    rejected: report.counts.invalid + result.conflicts.size,
    conflicts: result.conflicts.size,
    notAttempted: result.notAttempted.size,
    importRecorded: recorded,
    message,
  };
}
