import type { Principal } from '../auth/principal';
import { canWriteRow } from '../auth/scope';
import { DomainError } from '../errors';
import type { CheckIssue, StoredOpeningBalance } from './opening-balance';
import {
  type OpeningBalanceDeps,
  type OpeningBalanceInput,
  type OpeningBalanceWrite,
  openingBalanceAudit,
  type Prepared,
  prepareOpeningBalance,
} from './opening-balance-use-cases';

/**
 * Importing a year's opening balances from one sheet (one row per employee): a dry run validates every
 * row against the same rules as the API and writes nothing; a commit writes the valid, changed rows,
 * each with its own audit record naming the file. Re-importing the same file changes nothing. Rejected
 * rows never block the valid ones unless the caller asks for all-or-nothing.
 */

/** One data row as the file reader delivers it: the row number of the sheet, its values or its faults. */
export interface ImportRow {
  /** 1-based row number in the sheet (the header is row 1). */
  readonly row: number;
  readonly nip?: string | undefined;
  readonly values?: OpeningBalanceInput | undefined;
  /** Faults found while reading the cells (types, formats); none when `values` is set. */
  readonly issues: readonly CheckIssue[];
}

export type ImportRowStatus =
  | 'INVALID'
  | 'UNCHANGED'
  | 'CREATE'
  | 'UPDATE'
  | 'CREATED'
  | 'UPDATED'
  | 'CONFLICT'
  | 'NOT_ATTEMPTED';

export interface ImportRowReport {
  row: number;
  nip?: string;
  status: ImportRowStatus;
  issues: CheckIssue[];
  /** A locked last masa this change reopens (the next run pays the difference). */
  correctionSince?: string;
}

export interface ImportReport {
  mode: 'DRY_RUN' | 'COMMIT';
  year: number;
  fileName: string;
  fileHash: string;
  rows: ImportRowReport[];
  summary: {
    rows: number;
    valid: number;
    invalid: number;
    unchanged: number;
    written: number;
    conflicts: number;
    notAttempted: number;
  };
  /** Set when the commit ran out of time: what to do next, in Indonesian. */
  message?: string;
}

export interface ImportOptions {
  mode: 'DRY_RUN' | 'COMMIT';
  allOrNothing: boolean;
  fileName: string;
  /** `sha256:<hex>` of the file as uploaded: named in every audit record of the import. */
  fileHash: string;
}

/** Rows checked at once (each may Query its ledger). */
const CONCURRENCY = 8;

async function eachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function importOpeningBalances(
  year: number,
  rows: readonly ImportRow[],
  options: ImportOptions,
  principal: Principal,
  deps: OpeningBalanceDeps,
): Promise<ImportReport> {
  const reports = new Map<number, ImportRowReport>();
  const invalid = (r: ImportRow, issues: CheckIssue[]) =>
    reports.set(r.row, { row: r.row, ...(r.nip ? { nip: r.nip } : {}), status: 'INVALID', issues });

  // A NIP twice in one file is ambiguous (which figures are right?): the file is refused as a whole.
  const firstRow = new Map<string, number>();
  const duplicates: { path: string; message: string }[] = [];
  for (const r of rows) {
    if (!r.nip) continue;
    const first = firstRow.get(r.nip);
    if (first === undefined) firstRow.set(r.nip, r.row);
    else
      duplicates.push({
        path: `file.rows[${r.row}].nip`,
        message: `NIP ${r.nip} ada di baris ${first} dan baris ${r.row}`,
      });
  }
  if (duplicates.length > 0) {
    throw new DomainError(
      'INVALID',
      'IMPORT_DUPLICATE_NIP',
      'NIP ganda di dalam berkas',
      duplicates.slice(0, 500),
    );
  }
  const candidates: (ImportRow & { nip: string; values: OpeningBalanceInput })[] = [];
  for (const r of rows) {
    if (r.issues.length > 0 || !r.nip || !r.values) invalid(r, [...r.issues]);
    else candidates.push({ ...r, nip: r.nip, values: r.values });
  }

  const nips = candidates.map((c) => c.nip);
  const [employees, existing, locked] = await Promise.all([
    deps.store.employees(nips),
    deps.store.getMany(year, nips),
    deps.store.lockedMonths(year),
  ]);
  const ready: { row: ImportRow; prepared: Prepared; existing?: StoredOpeningBalance }[] = [];
  await eachLimit(candidates, CONCURRENCY, async (c) => {
    const employee = employees.get(c.nip);
    if (!employee) return void invalid(c, [{ field: 'nip', message: `NIP ${c.nip} tidak terdaftar` }]);
    if (!canWriteRow(principal, employee)) {
      return void invalid(c, [
        { field: 'nip', message: `NIP ${c.nip} milik OPD ${employee.opd}, di luar OPD Anda` },
      ]);
    }
    const before = existing.get(c.nip);
    const prepared = await prepareOpeningBalance(year, c.values, employee, before, locked, principal, deps);
    const issues = [...prepared.invalid, ...prepared.overlap];
    if (issues.length > 0) return void invalid(c, issues);
    ready.push({ row: c, prepared, ...(before ? { existing: before } : {}) });
  });

  const rejected = [...reports.values()].filter((r) => r.status === 'INVALID').sort((a, b) => a.row - b.row);
  if (options.mode === 'COMMIT' && options.allOrNothing && rejected.length > 0) {
    throw new DomainError(
      'INVALID',
      'IMPORT_REJECTED',
      `${rejected.length} baris tidak valid; tidak ada yang disimpan (semua-atau-tidak-sama-sekali)`,
      rejected.flatMap((r) =>
        r.issues.map((i) => ({
          path: `file.rows[${r.row}]${i.field ? `.${i.field}` : ''}`,
          message: i.message,
        })),
      ),
    );
  }

  const reason = `impor ${options.fileName} (${options.fileHash})`;
  const pending: { report: ImportRowReport; existed: boolean }[] = [];
  const writes: OpeningBalanceWrite[] = [];
  for (const { row, prepared, existing: before } of ready) {
    const report: ImportRowReport = {
      row: row.row,
      nip: row.nip as string,
      status: 'UNCHANGED',
      issues: [],
      ...(prepared.correctionSince ? { correctionSince: prepared.correctionSince } : {}),
    };
    reports.set(row.row, report);
    if (!prepared.changed) continue;
    if (options.mode === 'DRY_RUN') {
      report.status = before ? 'UPDATE' : 'CREATE';
      continue;
    }
    const next = prepared.next as StoredOpeningBalance;
    pending.push({ report, existed: before !== undefined });
    writes.push({
      balance: next,
      expectedVersion: before?.version ?? 0,
      audit: openingBalanceAudit(principal, deps, before, next, 'IMPORT', reason),
      correctionSince: prepared.correctionSince,
    });
  }
  if (writes.length > 0) {
    const outcome = await deps.store.apply(writes);
    for (const { report, existed } of pending) {
      const nip = report.nip as string;
      if (outcome.applied.has(nip)) report.status = existed ? 'UPDATED' : 'CREATED';
      else if (outcome.notAttempted.has(nip)) report.status = 'NOT_ATTEMPTED';
      else {
        // Someone changed this balance since it was read: this row is left as it is, the others went in.
        report.status = 'CONFLICT';
        report.issues = [
          { field: '', message: 'saldo awal diubah pengguna lain selama impor; impor ulang berkas ini' },
        ];
      }
    }
  }

  const list = [...reports.values()].sort((a, b) => a.row - b.row);
  const count = (...s: ImportRowStatus[]) => list.filter((r) => s.includes(r.status)).length;
  return {
    mode: options.mode,
    year,
    fileName: options.fileName,
    fileHash: options.fileHash,
    rows: list,
    summary: {
      rows: list.length,
      valid: list.length - count('INVALID'),
      invalid: count('INVALID'),
      unchanged: count('UNCHANGED'),
      written: count('CREATED', 'UPDATED'),
      conflicts: count('CONFLICT'),
      notAttempted: count('NOT_ATTEMPTED'),
    },
    ...(count('NOT_ATTEMPTED') > 0
      ? {
          message: `Waktu permintaan habis: ${count('CREATED', 'UPDATED')} baris tersimpan, ${count('NOT_ATTEMPTED')} belum; kirim ulang berkas yang sama untuk melanjutkan (yang sudah tersimpan tidak ditulis ulang)`,
        }
      : {}),
  };
}
