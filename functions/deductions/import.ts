import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { auditEntry } from '../../core/audit/audit';
import type { Principal } from '../../core/auth/principal';
import { canWriteRow } from '../../core/auth/scope';
import {
  IMPORT_COLUMNS,
  type ImportColumn,
  type ImportSheetRow,
  planImport,
  REQUIRED_COLUMNS,
} from '../../core/deductions/import';
import type { DeductionEntry } from '../../core/deductions/model';
import type { DeductionDeps } from '../../core/deductions/register';
import { MAX_IMPORT_ROWS } from '../../core/employee/import-columns';
import { tooManyRows } from '../../core/employee/import-use-case';
import { DomainError } from '../../core/errors';
import { contentOf } from '../employees/import-file';
import { columnLetter, fileError, formulaError } from '../employees/import-file-errors';
import { mapLimit } from '../table/batch';

/**
 * The creditor's spreadsheet at the edge: the employee import's base64 decoding, size limit, refusals
 * (formula cells, old .xls) and row limit; one sheet, header in row 1, cells as text. The rows are
 * checked in core (core/deductions/import.ts); a commit writes each changed employee's entries with its
 * audit record, as the console's own writes do.
 */
const headerKey = (t: string) =>
  t
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

type Grid = { row: number; cells: string[] }[];

async function readGrid(fileName: string, content: Buffer): Promise<Grid> {
  const zip = content[0] === 0x50 && content[1] === 0x4b;
  if (/\.xls$/i.test(fileName) || content.subarray(0, 4).toString('hex') === 'd0cf11e0') {
    throw fileError(
      415,
      'IMPORT_FILE_TYPE',
      'Format .xls tidak didukung',
      'simpan sebagai .xlsx atau CSV UTF-8',
    );
  }
  if (zip) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(content as unknown as ArrayBuffer);
    } catch (err) {
      throw fileError(
        400,
        'IMPORT_UNREADABLE',
        'XLSX tidak dapat dibaca',
        (err as Error).message,
        'body.contentBase64',
      );
    }
    const sheet = wb.worksheets[0];
    if (!sheet) throw fileError(400, 'IMPORT_EMPTY', 'XLSX tanpa lembar kerja', 'tidak ada lembar', 'file');
    const grid: Grid = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const v = cell.value;
        if (v && typeof v === 'object' && 'formula' in v) throw formulaError(cell.address, String(v.formula));
        cells[col - 1] =
          v === null || v === undefined
            ? ''
            : typeof v === 'object' && 'richText' in v
              ? v.richText.map((t) => t.text).join('')
              : v instanceof Date
                ? v.toISOString().slice(0, 10)
                : String(v);
      });
      grid.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
    });
    return grid;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw fileError(
      400,
      'IMPORT_ENCODING',
      'Berkas bukan XLSX dan bukan CSV UTF-8',
      'simpan ulang sebagai CSV UTF-8',
    );
  }
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, delimiter, relax_column_count: true });
  } catch (err) {
    throw fileError(
      400,
      'IMPORT_UNREADABLE',
      'CSV tidak dapat dibaca',
      (err as Error).message,
      'body.contentBase64',
    );
  }
  return records.map((cells, i) => {
    cells.forEach((c, col) => {
      if (i > 0 && c.trim().startsWith('=')) throw formulaError(`${columnLetter(col)}${i + 1}`, c);
    });
    return { row: i + 1, cells };
  });
}

function toRows(grid: Grid): ImportSheetRow[] {
  const [head, ...body] = grid;
  const index = new Map<ImportColumn, number>();
  (head?.row === 1 ? head.cells : []).forEach((h, i) => {
    const k = headerKey(h) as ImportColumn;
    if ((IMPORT_COLUMNS as readonly string[]).includes(k) && !index.has(k)) index.set(k, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new DomainError(
      'INVALID',
      'IMPORT_MISSING_COLUMNS',
      `Kolom wajib tidak ada: ${missing.join(', ')}`,
      missing.map((c) => ({ path: 'file.header', message: `kolom ${c} tidak ada (judul kolom di baris 1)` })),
    );
  }
  const rows = body.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length === 0) {
    throw new DomainError('INVALID', 'IMPORT_EMPTY', 'Berkas tidak berisi baris data', [
      { path: 'file', message: 'tidak ada baris data di bawah judul kolom' },
    ]);
  }
  if (rows.length > MAX_IMPORT_ROWS) throw tooManyRows(rows.length);
  return rows.map((r) => ({
    row: r.row,
    cells: Object.fromEntries([...index].map(([c, i]) => [c, r.cells[i] ?? ''])),
  }));
}

export async function importDeductionFile(
  body: { fileName: string; contentBase64: string; typeCode: string; dryRun: boolean },
  principal: Principal,
  deps: DeductionDeps,
) {
  const rows = toRows(await readGrid(body.fileName, contentOf(body.contentBase64)));
  const register = await deps.store.getRegister();
  if (!register.types.some((t) => t.code === body.typeCode)) {
    throw new DomainError('INVALID', 'VALIDATION_FAILED', `Jenis potongan ${body.typeCode} tidak terdaftar`, [
      {
        path: 'body.typeCode',
        message: `pilihan: ${register.types.map((t) => t.code).join(', ') || '(belum ada)'}`,
      },
    ]);
  }
  const nips = [...new Set(rows.map((r) => (r.cells.NIP ?? '').replace(/[\s.\-/]/g, '')).filter(Boolean))];
  const employees = await deps.store.employees(nips);
  const existing = new Map(
    (await mapLimit(nips, 8, (nip) => deps.store.getEmployee(nip))).flatMap((d) =>
      d ? [[d.nip, d] as const] : [],
    ),
  );
  const plan = planImport(rows, body.typeCode, register.types, employees, existing, (e) =>
    canWriteRow(principal, { nip: e.nip, opd: e.opd }),
  );
  if (!body.dryRun) {
    const failed = new Set<string>();
    await mapLimit([...plan.changes], 4, async ([nip, change]) => {
      const employee = employees.get(nip)!;
      const before = change.before;
      const entries: DeductionEntry[] = change.entries.map((e) => {
        const old = 'id' in e && e.id ? before?.entries.find((b) => b.id === e.id) : undefined;
        if (old && old === e) return old;
        return {
          ...e,
          id: old?.id ?? deps.newId(),
          createdAt: old?.createdAt ?? deps.now,
          createdBy: old?.createdBy ?? principal.sub,
          updatedAt: deps.now,
          updatedBy: principal.sub,
        } as DeductionEntry;
      });
      try {
        await deps.store.putEmployee(
          { nip, opd: employee.opd, entries, version: (before?.version ?? 0) + 1 },
          before?.version ?? 0,
          auditEntry(principal, {
            entityType: 'deduction',
            entityId: nip,
            action: 'IMPORT',
            at: deps.now,
            requestId: deps.requestId,
            before: before?.entries,
            after: entries,
            reason: `impor ${body.fileName} (${body.typeCode})`,
          }),
        );
      } catch (err) {
        if (!(err instanceof DomainError) || err.kind !== 'CONFLICT') throw err;
        failed.add(nip);
      }
    });
    for (const r of plan.rows) {
      if (failed.has(r.nip) && r.status === 'OK' && r.action !== 'UNCHANGED') {
        r.status = 'ERROR';
        delete r.action;
        r.issues.push({
          path: `rows.${r.row}.NIP`,
          message: 'potongan pegawai ini diubah pengguna lain saat impor; kirim ulang berkas',
        });
      }
    }
  }
  const counts: Record<string, number> = { OK: 0, ERROR: 0, CREATE: 0, UPDATE: 0, UNCHANGED: 0 };
  for (const r of plan.rows) {
    counts[r.status] = (counts[r.status] ?? 0) + 1;
    if (r.action) counts[r.action] = (counts[r.action] ?? 0) + 1;
  }
  return { dryRun: body.dryRun, rows: plan.rows, counts };
}
