import { CsvError, parse } from 'csv-parse/sync';
import { MAX_IMPORT_ROWS, resolveHeaders } from '../../core/employee/import-columns';
import type { SheetRow } from '../../core/employee/import-row';
import { type ImportSheet, tooManyRows } from '../../core/employee/import-use-case';
import { columnLetter, fileError, formulaError } from './import-file-errors';

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

export function readCsv(content: Buffer): Pick<ImportSheet, 'layout' | 'rows'> {
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
