import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  type HeaderLayout,
  IDENTIFIER_COLUMNS,
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_ROWS,
  normalizeHeader,
  resolveHeaders,
} from '../../core/employee/import-columns';
import type { Severity, SheetRow } from '../../core/employee/import-row';
import { type ImportSheet, tooManyRows } from '../../core/employee/import-use-case';
import { HttpError } from '../http/errors';

/**
 * The uploaded file, decoded at the edge: its type from its name and its first bytes, its text (CSV:
 * UTF-8 with or without BOM, nothing else), its cells as text. What cannot be imported as it is —
 * another file type, another encoding, a formula, more rows than the limit — is a 4xx naming the
 * problem before any row is looked at; the rows themselves are checked in core.
 */

const fileError = (status: number, code: string, message: string, detail: string, path = 'body.fileName') =>
  new HttpError(status, code, message, [{ path, message: detail }]);

export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

export async function decodeImportFile(file: UploadedFile): Promise<ImportSheet> {
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const type = fileType(file);
  const decoded = type === 'xlsx' ? await readXlsx(file.content) : readCsv(file.content);
  return { fileName: file.fileName, sha256, type, ...decoded };
}

/** Decodes the JSON body's base64 (a `data:…;base64,` prefix from a browser's FileReader is allowed). */
export function contentOf(contentBase64: string): Buffer {
  const b64 = contentBase64.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) {
    throw fileError(
      400,
      'IMPORT_BAD_BASE64',
      'Isi berkas bukan base64 yang sah',
      'bukan base64',
      'body.contentBase64',
    );
  }
  const content = Buffer.from(b64, 'base64');
  if (content.length === 0) {
    throw fileError(400, 'IMPORT_EMPTY', 'Berkas kosong', 'berkas 0 byte', 'body.contentBase64');
  }
  if (content.length > MAX_IMPORT_FILE_BYTES) {
    throw fileError(
      413,
      'IMPORT_FILE_TOO_LARGE',
      `Berkas ${(content.length / 1048576).toFixed(1)} MB; paling besar 4 MB`,
      'bagi berkas, atau simpan sebagai XLSX (lebih kecil dari CSV)',
      'body.contentBase64',
    );
  }
  return content;
}

function fileType(file: UploadedFile): 'xlsx' | 'csv' {
  const ext = /\.([A-Za-z0-9]+)$/.exec(file.fileName)?.[1]?.toLowerCase();
  const head = file.content.subarray(0, 8);
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const isOle = head.toString('hex') === 'd0cf11e0a1b11ae1';
  if (ext === 'xls' || isOle) {
    throw fileError(
      415,
      'IMPORT_FILE_TYPE',
      'Format .xls (Excel 97–2003) tidak didukung',
      'simpan sebagai Excel Workbook (.xlsx) atau CSV UTF-8',
    );
  }
  if (ext === 'xlsx') {
    if (!isZip) {
      throw fileError(
        415,
        'IMPORT_FILE_TYPE',
        'Berkas bernama .xlsx tetapi isinya bukan XLSX',
        'isi berkas bukan XLSX',
      );
    }
    return 'xlsx';
  }
  if (ext === 'csv' || ext === 'txt') {
    // UTF-16 text is full of NUL bytes: let the encoding check name it rather than call it binary.
    const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
    if (isZip || (!utf16 && file.content.subarray(0, 4096).includes(0))) {
      throw fileError(
        415,
        'IMPORT_FILE_TYPE',
        'Berkas bernama .csv tetapi isinya bukan teks CSV',
        'isi berkas bukan teks',
      );
    }
    return 'csv';
  }
  throw fileError(
    415,
    'IMPORT_FILE_TYPE',
    `Jenis berkas ${ext ? `.${ext}` : 'tanpa ekstensi'} tidak didukung`,
    'unggah berkas .xlsx atau .csv',
  );
}

// ── CSV ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * UTF-8 only. A Windows-1252 ("ANSI") file is refused rather than guessed: the same bytes are other
 * letters in other code pages, and a wrongly decoded name would reach slips and bank files.
 */
function csvText(content: Buffer): string {
  if ((content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff)) {
    throw fileError(400, 'IMPORT_ENCODING', 'Berkas CSV berkode UTF-16', 'simpan sebagai "CSV UTF-8"');
  }
  const body =
    content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? content.subarray(3) : content;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const at = firstInvalidUtf8(body);
    const line = body.subarray(0, at).toString('latin1').split('\n').length;
    throw fileError(
      400,
      'IMPORT_ENCODING',
      'Berkas CSV bukan UTF-8',
      `byte 0x${(body[at] ?? 0).toString(16).toUpperCase()} di baris ${line} bukan UTF-8 (kemungkinan ANSI/Windows-1252): simpan ulang sebagai "CSV UTF-8"`,
    );
  }
}

function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const n =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return bytes.length;
}

/** The separator of the header line: `;` (Excel in id-ID), `,` or tab, whichever occurs most outside quotes. */
function delimiterOf(text: string): string {
  const line = text.slice(0, text.search(/\r?\n|$/));
  const counts = new Map([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ';';
}

function readCsv(content: Buffer): Pick<ImportSheet, 'layout' | 'rows'> {
  const text = csvText(content);
  let records: string[][];
  try {
    // relax_quotes: a quote inside an unquoted field (Agus "Jos" Prasetyo, =CONCAT("a")) is text.
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines;
    throw fileError(
      400,
      'IMPORT_UNREADABLE',
      'CSV tidak dapat dibaca',
      `${line ? `baris ${line}: ` : ''}${err.message}`,
    );
  }
  const [header, ...data] = records;
  if (!header) throw fileError(400, 'IMPORT_EMPTY', 'Berkas kosong', 'tidak ada baris judul kolom');
  const layout = resolveHeaders(header.map((h) => h.trim()));
  const rows: SheetRow[] = [];
  data.forEach((cells, i) => {
    const rowNumber = i + 2;
    const out: Record<string, string> = {};
    let filled = false;
    cells.forEach((raw, col) => {
      const text = raw.trim();
      if (text.startsWith('=')) throw formulaError(`${columnLetter(col)}${rowNumber}`, text);
      const key = layout.columnAt[col];
      if (key) out[key] = text;
      if (text !== '') filled = true;
    });
    if (!filled) return;
    if (rows.length >= MAX_IMPORT_ROWS) throw tooManyRows(data.length);
    rows.push({ row: rowNumber, cells: out });
  });
  return { layout, rows };
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

function formulaError(cell: string, formula: string) {
  return new HttpError(400, 'IMPORT_FORMULA', `Sel ${cell} berisi rumus; impor membutuhkan nilai`, [
    {
      path: `file.cells.${cell}`,
      message: `rumus "${formula.slice(0, 60)}": salin lalu tempel sebagai nilai (Paste Values)`,
    },
  ]);
}

// ── XLSX ─────────────────────────────────────────────────────────────────────────────────────────────

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
async function readXlsx(content: Buffer): Promise<Pick<ImportSheet, 'layout' | 'rows' | 'sheetName'>> {
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
