import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

/** A produced list read back with exceljs: the header row, the employee rows and the totals row. */
export interface ReadList {
  readonly sheet: ExcelJS.Worksheet;
  readonly headers: readonly string[];
  readonly rows: readonly ExcelJS.Row[];
  readonly totals: ExcelJS.Row;
  readonly column: (header: string) => number;
  /** Every text of the sheet, top to bottom (title block, notes, signatures). */
  readonly texts: readonly string[];
  readonly workbook: ExcelJS.Workbook;
}

/**
 * The number a reader sees without recalculating: a plain number or a formula's cached result. exceljs'
 * reader drops a cached `<v>0</v>` (the file has it: see cachedFormulaValues), so a formula without a
 * result reads as 0.
 */
export function numberOf(cell: ExcelJS.Cell): number {
  const v = cell.value;
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'formula' in v) return typeof v.result === 'number' ? v.result : 0;
  throw new Error(`cell ${cell.address} holds no number: ${JSON.stringify(v)}`);
}

export function formulaOf(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value;
  return v && typeof v === 'object' && 'formula' in v ? v.formula : undefined;
}

export async function readList(buffer: Buffer): Promise<ReadList> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  let headerRow = 0;
  sheet.eachRow((row, n) => {
    if (headerRow === 0 && row.getCell(2).value === 'NIP') headerRow = n;
  });
  const header = sheet.getRow(headerRow);
  const headers: string[] = [];
  header.eachCell((cell, col) => {
    headers[col - 1] = String(cell.value);
  });
  const rows: ExcelJS.Row[] = [];
  let n = headerRow + 1;
  while (!String(sheet.getRow(n).getCell(1).value ?? '').startsWith('JUMLAH')) {
    rows.push(sheet.getRow(n));
    n++;
    if (n > headerRow + 100_000) throw new Error('no totals row');
  }
  const texts: string[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      // A merged range repeats its master's value in every cell: count it once.
      if (typeof cell.value === 'string' && cell.master.address === cell.address) texts.push(cell.value);
    }),
  );
  const column = (h: string) => {
    const i = headers.indexOf(h);
    if (i < 0) throw new Error(`no column ${h}; have ${headers.join(' | ')}`);
    return i + 1;
  };
  return { sheet, headers, rows, totals: sheet.getRow(n), column, texts, workbook };
}

/** One file of a zip archive (stored or deflated), read from the central directory. */
export function unzipEntry(zip: Buffer, name: string): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    }
    at += 46 + nameLength + extra;
  }
  throw new Error(`no ${name} in the archive`);
}

/** Every formula cell of the first sheet as written: its reference, formula and cached value (if any). */
export function cachedFormulaValues(xlsx: Buffer): { ref: string; formula: string; cached?: string }[] {
  const xml = unzipEntry(xlsx, 'xl/worksheets/sheet1.xml').toString('utf8');
  return [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f>([^<]*)<\/f>(?:<v>([^<]*)<\/v>)?/g)].map((m) => ({
    ref: m[1] as string,
    formula: m[2] as string,
    ...(m[3] !== undefined ? { cached: m[3] } : {}),
  }));
}
