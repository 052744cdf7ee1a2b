import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  type HeaderLayout,
  IDENTIFIER_COLUMNS,
  MAX_IMPORT_ROWS,
  normalizeHeader,
  resolveHeaders,
} from '../../core/employee/import-columns';
import type { Severity, SheetRow } from '../../core/employee/import-row';
import { type ImportSheet, tooManyRows } from '../../core/employee/import-use-case';
import { HttpError } from '../http/errors';
import { fileError, formulaError } from './import-file-errors';

type CellOut = { text: string; issue?: { message: string; severity: Severity } };

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const isDateColumn = (key: string) => key.startsWith('tmt_') || key.startsWith('tanggal_');

/**
 * A cell as text. Identifier columns (NIP, NIK, rekening) must be text: Excel keeps 15 significant
 * digits of a number, so an 18-digit NIP or a 16-digit NIK typed as a number has already lost its last
 * digits, and a rekening loses its leading zeros.
 */
function cellText(cell: ExcelJS.Cell, key: string | undefined, sheet: string): CellOut {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v.trim() };
  if (typeof v === 'boolean') return { text: v ? '1' : '0' };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
  if (typeof v === 'number') {
    if (key && IDENTIFIER_COLUMNS.has(key)) {
      const digits = Number.isInteger(v) && v >= 0 ? BigInt(v).toString() : String(v);
      if (!/^\d+$/.test(digits) || digits.length >= 16) {
        return {
          text: digits,
          issue: {
            message: `sel ${cell.address} tersimpan sebagai angka (${digits}) dan digit terakhirnya hilang (Excel menyimpan 15 digit): format kolom sebagai Teks lalu ketik ulang`,
            severity: 'ERROR',
          },
        };
      }
      return key === 'nomor_rekening'
        ? {
            text: digits,
            issue: {
              message: `sel ${cell.address} tersimpan sebagai angka: nol di depan nomor rekening bisa hilang`,
              severity: 'WARNING',
            },
          }
        : { text: digits };
    }
    if (key && isDateColumn(key) && v > 0 && v < 2_958_466) {
      return { text: new Date(EXCEL_EPOCH_MS + Math.round(v) * 86_400_000).toISOString().slice(0, 10) };
    }
    return { text: Number.isInteger(v) ? BigInt(v).toString() : String(v) };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      throw formulaError(`${sheet}!${cell.address}`, `=${String(o.formula ?? o.sharedFormula ?? '')}`);
    }
    if ('error' in o) {
      return {
        text: '',
        issue: { message: `sel ${cell.address} berisi kesalahan ${String(o.error)}`, severity: 'ERROR' },
      };
    }
    if (Array.isArray(o.richText)) {
      return {
        text: (o.richText as { text: string }[])
          .map((t) => t.text)
          .join('')
          .trim(),
      };
    }
    if (typeof o.text === 'string') return { text: o.text.trim() };
  }
  return { text: String(v).trim() };
}

interface SheetRead {
  name: string;
  layout?: HeaderLayout;
  rows: SheetRow[];
}

/**
 * Streams the workbook (exceljs' streaming reader: about half the time of loading it whole). The sheet
 * read is the one named like "pegawai", else the first; its first non-empty row is the header.
 */
export async function readXlsx(content: Buffer): Promise<Pick<ImportSheet, 'layout' | 'rows' | 'sheetName'>> {
  const sheets: SheetRead[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(content), {
      sharedStrings: 'cache',
      worksheets: 'emit',
      // Styles only tell dates from numbers; date columns are known by name (cellText), so skip them.
      styles: 'ignore',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const ws of reader) {
      const name = (ws as unknown as { name?: string }).name ?? `Sheet${sheets.length + 1}`;
      const wanted = normalizeHeader(name).includes('pegawai');
      const current: SheetRead = { name, rows: [] };
      const read = wanted || !sheets.some((s) => normalizeHeader(s.name).includes('pegawai'));
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        if (!read) continue;
        readXlsxRow(row, current);
      }
      sheets.push(current);
    }
  } catch (err) {
    if (err instanceof HttpError || (err as Error).name === 'DomainError') throw err;
    throw fileError(
      400,
      'IMPORT_UNREADABLE',
      'Berkas XLSX tidak dapat dibaca',
      `rusak atau bukan XLSX: ${(err as Error).message}`,
    );
  }
  const chosen =
    sheets.find((s) => normalizeHeader(s.name).includes('pegawai')) ?? sheets.find((s) => s.layout);
  if (!chosen?.layout)
    throw fileError(400, 'IMPORT_EMPTY', 'Berkas kosong', 'tidak ada lembar berisi judul kolom');
  return { sheetName: chosen.name, layout: chosen.layout, rows: chosen.rows };
}

function readXlsxRow(row: ExcelJS.Row, sheet: SheetRead): void {
  if (!sheet.layout) {
    const headers: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      headers[col - 1] = cellText(cell, undefined, sheet.name).text;
    });
    if (headers.some((h) => h !== '')) sheet.layout = resolveHeaders(Array.from(headers, (h) => h ?? ''));
    return;
  }
  const layout = sheet.layout;
  const cells: Record<string, string> = {};
  const issues: { field: string; message: string; severity: Severity }[] = [];
  let filled = false;
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const key = layout.columnAt[col - 1];
    const out = cellText(cell, key, sheet.name);
    if (out.text !== '') filled = true;
    if (!key) return;
    cells[key] = out.text;
    if (out.issue) issues.push({ field: key, ...out.issue });
  });
  if (!filled) return;
  if (sheet.rows.length >= MAX_IMPORT_ROWS) throw tooManyRows();
  sheet.rows.push({
    row: row.number,
    cells,
    ...(issues.length > 0 ? { cellIssues: issues } : {}),
  });
}
