import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { checkNip } from '../../core/employee/nip';
import type { CheckIssue } from '../../core/payroll/opening-balance';
import type { ImportRow } from '../../core/payroll/opening-balance-import';
import { contentOf } from '../employees/import-file';
import { HttpError } from '../http/errors';
import { openingBalanceFigures } from './schemas';

/**
 * Reads an opening-balance sheet (XLSX or CSV, one sheet, header in row 1) into rows the import use case
 * checks. A file that cannot be read as a whole is a 4xx naming the problem, with the codes and paths of
 * the employee import (functions/employees/import-file.ts, whose base64 decoding and size limit it
 * shares); a cell that cannot be read is that row's issue, naming the column.
 */

/** Column of the sheet → field of the balance. Headers match case- and separator-insensitively. */
export const IMPORT_COLUMNS = {
  NIP: 'nip',
  BULAN_AWAL: 'firstMonth',
  BULAN_AKHIR: 'lastMonth',
  JUMLAH_BULAN: 'monthsWorked',
  BRUTO_GAJI: 'brutoGaji',
  BRUTO_TPP: 'brutoTpp',
  IURAN_PENSIUN: 'iuranPensiun',
  PPH_GAJI: 'pphGaji',
  PPH_TPP: 'pphTpp',
  SUMBER: 'source',
} as const;

type Column = keyof typeof IMPORT_COLUMNS;
type Field = (typeof IMPORT_COLUMNS)[Column];
const COLUMNS = Object.keys(IMPORT_COLUMNS) as Column[];
const INTEGER_FIELDS = new Set<Field>([
  'firstMonth',
  'lastMonth',
  'monthsWorked',
  'brutoGaji',
  'brutoTpp',
  'iuranPensiun',
  'pphGaji',
  'pphTpp',
]);

/** One file per OPD or a whole pemda of a few thousand: every row is a write and an audit record. */
export const MAX_IMPORT_ROWS = 5_000;

const fileError = (
  code: string,
  message: string,
  issues: { path: string; message: string }[],
  status = 400,
) => new HttpError(status, code, message, issues);

const headerKey = (text: string) =>
  text
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** A cell as the reader delivers it: text, a number, or something else (named in the row's issue). */
type Cell = string | number | { other: string } | undefined;

export interface ReadSheet {
  rows: ImportRow[];
  fileHash: string;
}

export async function readOpeningBalanceFile(contentBase64: string): Promise<ReadSheet> {
  const bytes = contentOf(contentBase64);
  const fileHash = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  const table = isZip(bytes) ? await readXlsx(bytes) : isOleXls(bytes) ? oldXls() : readCsv(bytes);
  return { rows: toRows(table), fileHash };
}

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOleXls = (b: Buffer) => b.length > 8 && b.readUInt32BE(0) === 0xd0cf11e0;

function oldXls(): never {
  throw fileError(
    'IMPORT_FILE_TYPE',
    'Format .xls (Excel 97–2003) tidak didukung',
    [{ path: 'body.fileName', message: 'simpan sebagai Excel Workbook (.xlsx) atau CSV UTF-8' }],
    415,
  );
}

/** Rows of cells, each with its sheet row number; row 1 is the header. */
interface Table {
  header: string[];
  body: { row: number; cells: Cell[] }[];
}

function readCsv(bytes: Buffer): Table {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileError('IMPORT_ENCODING', 'Berkas bukan XLSX dan bukan CSV UTF-8', [
      { path: 'body.contentBase64', message: 'simpan ulang sebagai Excel Workbook (.xlsx) atau "CSV UTF-8"' },
    ]);
  }
  if (text.includes('\u0000')) {
    throw fileError(
      'IMPORT_FILE_TYPE',
      'Berkas bukan teks CSV maupun XLSX',
      [{ path: 'body.fileName', message: 'unggah berkas .xlsx atau .csv' }],
      415,
    );
  }
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  // Excel in Indonesian locale writes ';' between columns.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  const formulas: string[] = [];
  try {
    records = parseCsv(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false });
  } catch (err) {
    throw fileError('IMPORT_UNREADABLE', 'CSV tidak dapat dibaca', [
      { path: 'body.contentBase64', message: (err as Error).message },
    ]);
  }
  const [header = [], ...rest] = records;
  // A CSV keeps a formula as its text ("=6*3188734"): the same refusal as an XLSX formula cell.
  for (const [i, cells] of rest.entries()) {
    for (const [col, c] of cells.entries()) {
      if (c.trim().startsWith('=')) formulas.push(`${columnLetter(col)}${i + 2}`);
    }
  }
  if (formulas.length > 0) throw formulaError(formulas);
  return {
    header,
    body: rest.map((cells, i) => ({
      row: i + 2,
      cells: cells.map((c) => (c.trim() === '' ? undefined : c)),
    })),
  };
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw fileError('IMPORT_UNREADABLE', 'XLSX tidak dapat dibaca', [
      { path: 'body.contentBase64', message: (err as Error).message },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet)
    throw fileError('IMPORT_EMPTY', 'XLSX tanpa lembar kerja', [
      { path: 'file', message: 'tidak ada lembar' },
    ]);
  const formulas: string[] = [];
  const rows: { row: number; cells: Cell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = cell.value;
      if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) formulas.push(cell.address);
      cells[col - 1] = cellOf(v);
    });
    rows.push({ row: rowNumber, cells });
  });
  if (formulas.length > 0) throw formulaError(formulas);
  const [head, ...body] = rows;
  if (head?.row !== 1) {
    throw fileError('IMPORT_MISSING_COLUMNS', 'Baris 1 harus berisi judul kolom', [
      { path: 'file.header', message: `judul kolom di baris 1: ${COLUMNS.join(', ')}` },
    ]);
  }
  return { header: Array.from(head.cells, (c) => (typeof c === 'string' ? c : '')), body };
}

/** Every cell holding a formula, each named: the import needs values (Paste Values). */
function formulaError(cells: readonly string[]) {
  return fileError(
    'IMPORT_FORMULA',
    `Sel ${cells[0]} berisi rumus; impor membutuhkan nilai`,
    cells.slice(0, 50).map((c) => ({
      path: `file.cells.${c}`,
      message: 'sel berisi rumus, bukan nilai: salin lalu tempel sebagai nilai (Paste Values)',
    })),
  );
}

function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function cellOf(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v && typeof v.text === 'string') return v.text;
  if (v instanceof Date) return { other: 'tanggal' };
  if (typeof v === 'boolean') return { other: 'nilai benar/salah' };
  return { other: 'nilai yang tidak dikenal' };
}

function toRows(table: Table): ImportRow[] {
  const index = new Map<Column, number>();
  table.header.forEach((h, i) => {
    const key = headerKey(h) as Column;
    if (COLUMNS.includes(key) && !index.has(key)) index.set(key, i);
  });
  const missing = COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw fileError(
      'IMPORT_MISSING_COLUMNS',
      `Kolom wajib tidak ada: ${missing.join(', ')}`,
      missing.map((c) => ({ path: 'file.header', message: `kolom ${c} tidak ada (judul kolom di baris 1)` })),
    );
  }
  const body = table.body.filter((r) => r.cells.some((c) => c !== undefined));
  if (body.length === 0) {
    throw fileError('IMPORT_EMPTY', 'Berkas tidak berisi baris data', [
      { path: 'file', message: 'tidak ada baris data di bawah judul kolom' },
    ]);
  }
  if (body.length > MAX_IMPORT_ROWS) {
    throw fileError(
      'IMPORT_TOO_MANY_ROWS',
      `Berkas berisi ${body.length} baris data; paling banyak ${MAX_IMPORT_ROWS}`,
      [
        {
          path: 'file',
          message: `bagi berkas (mis. per OPD) menjadi paling banyak ${MAX_IMPORT_ROWS} baris`,
        },
      ],
    );
  }
  return body.map(({ row, cells }) => {
    const issues: CheckIssue[] = [];
    const values: Record<string, unknown> = {};
    for (const column of COLUMNS) {
      const field = IMPORT_COLUMNS[column];
      const cell = cells[index.get(column) as number];
      const read =
        field === 'nip' ? readNip(cell) : INTEGER_FIELDS.has(field) ? readInteger(cell) : readText(cell);
      if ('error' in read) issues.push({ field, message: `kolom ${column}: ${read.error}` });
      else values[field] = read.value;
    }
    const nip = typeof values.nip === 'string' ? values.nip : undefined;
    const { nip: _n, ...figures } = values;
    // The same schema as the API, on every cell that could be read (the others already have their issue).
    const parsed = openingBalanceFigures.safeParse(figures);
    if (parsed.success && issues.length === 0) return { row, nip, values: parsed.data, issues: [] };
    const unread = new Set(issues.map((i) => i.field));
    const columnOf = (field: string) => COLUMNS.find((c) => IMPORT_COLUMNS[c] === field) ?? field;
    for (const i of parsed.error?.issues ?? []) {
      const field = String(i.path[0] ?? '');
      if (!unread.has(field)) issues.push({ field, message: `kolom ${columnOf(field)}: ${i.message}` });
    }
    return { row, nip, issues };
  });
}

type Read<T> = { value: T } | { error: string };

function readNip(cell: Cell): Read<string> {
  if (cell === undefined) return { error: 'wajib diisi' };
  // 18 digits do not fit a spreadsheet number: the last digits are already lost.
  if (typeof cell === 'number')
    return { error: 'NIP harus diketik sebagai teks (sel angka kehilangan digit)' };
  if (typeof cell !== 'string') return { error: `berisi ${cell.other}, bukan NIP` };
  const nip = cell.replace(/\s+/g, '');
  const check = checkNip(nip);
  return check.ok ? { value: nip } : { error: check.reason };
}

/** Integers as numbers or as text, with id-ID thousands separators allowed ("19.132.404"). */
function readInteger(cell: Cell): Read<number> {
  if (cell === undefined) return { error: 'wajib diisi (isi 0 bila tidak ada)' };
  if (typeof cell === 'number') {
    return Number.isSafeInteger(cell) ? { value: cell } : { error: `${cell} bukan bilangan bulat` };
  }
  if (typeof cell !== 'string') return { error: `berisi ${cell.other}, bukan angka` };
  const t = cell.replace(/\s+/g, '').replace(/^Rp\.?/i, '');
  if (/^-?\d+$/.test(t) || /^-?\d{1,3}(\.\d{3})+$/.test(t)) {
    const value = Number(t.replace(/\./g, ''));
    if (Number.isSafeInteger(value)) return { value };
  }
  return { error: `"${cell}" bukan bilangan bulat (tanpa desimal; pemisah ribuan titik boleh)` };
}

function readText(cell: Cell): Read<string> {
  if (cell === undefined) return { error: 'wajib diisi' };
  if (typeof cell === 'number') return { value: String(cell) };
  if (typeof cell !== 'string') return { error: `berisi ${cell.other}, bukan teks` };
  return { value: cell.trim() };
}
