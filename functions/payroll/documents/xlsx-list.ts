import ExcelJS from 'exceljs';
import type { RunSummary } from '../../../core/payroll/run-types';
import { DRAFT_WATERMARK, formatTanggal, RUN_KIND_LABEL, runCaption } from './format';
import type { ListRow } from './list-rows';

/**
 * The spreadsheet shape both lists share: a title block naming the pemda, OPD, month, run and its
 * state; banded column headers; one row per employee; a totals row; notes; a signature block. Sums are
 * formulas with their value cached (`{ formula, result }`), so a reader that never recalculates (a
 * viewer, a parser, SIPD) still sees the numbers.
 */

export type ColumnFormat = 'text' | 'money' | 'percent' | 'int';

/** The value written for a row: a number/text, or a formula over other columns of the same row. */
export type RowCell =
  | string
  | number
  | null
  | { readonly sumOf: readonly string[] }
  | { readonly minus: readonly [string, string] };

export interface SheetColumn {
  readonly key: string;
  readonly header: string;
  /** Header band above the header (IDENTITAS, PENGHASILAN, …); consecutive equal bands are merged. */
  readonly band: string;
  readonly width: number;
  readonly format: ColumnFormat;
  readonly cell: (row: ListRow, index: number) => RowCell;
  /** The totals row sums this column. */
  readonly total?: true;
}

export interface ListSheet {
  readonly title: string;
  readonly sheetName: string;
  readonly tenantName: string;
  readonly opd: string;
  readonly run: RunSummary;
  readonly printedAt: Date;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly ListRow[];
  /** Columns left of (and including) this key stay visible when scrolling right. */
  readonly freezeThrough: string;
  readonly notes: readonly string[];
  /** Each block: the lines above the signature space (e.g. ['Mengetahui,', 'Kepala Dinas X']). */
  readonly signatures: readonly (readonly string[])[];
}

const MONEY_FORMAT = '#,##0';
const PERCENT_FORMAT = '0.00%';
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF3' } } as const;

function letter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `SUM(H9:J9,L9)` over the given 1-based column numbers of one row, contiguous runs as ranges. */
function sumFormula(columns: readonly number[], row: number): string {
  const sorted = [...columns].sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = sorted[0];
  for (let i = 0; i < sorted.length; i++) {
    const current = sorted[i] as number;
    const next = sorted[i + 1];
    if (next === current + 1) continue;
    ranges.push(
      start === current
        ? `${letter(current)}${row}`
        : `${letter(start as number)}${row}:${letter(current)}${row}`,
    );
    start = next;
  }
  return ranges.length === 0 ? '0' : `SUM(${ranges.join(',')})`;
}

export async function renderListSheet(spec: ListSheet): Promise<Buffer> {
  const { columns, rows, run } = spec;
  const draft = run.state === 'DRAFT';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SIGAP';
  workbook.created = spec.printedAt;
  workbook.title = `${spec.title} ${spec.opd} ${run.id}`;
  const width = columns.length;
  const position = new Map(columns.map((c, i) => [c.key, i + 1]));
  const col = (key: string): number => {
    const at = position.get(key);
    if (at === undefined) throw new Error(`sheet column ${key} is not defined`);
    return at;
  };

  const sheet = workbook.addWorksheet(spec.sheetName, {
    properties: draft ? { tabColor: { argb: 'FFCC0000' } } : {},
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: draft ? `&C&"-,Bold"&14&KCC0000${DRAFT_WATERMARK}` : `&C${spec.title}`,
      oddFooter: `&L${run.id}&CHalaman &P dari &N&R${formatTanggal(spec.printedAt)}`,
    },
  });
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });

  // Title block.
  const titleLines: [string, Partial<ExcelJS.Font>][] = [
    [spec.title, { bold: true, size: 14 }],
    [spec.tenantName, { bold: true, size: 12 }],
    [`OPD: ${spec.opd}`, { size: 11 }],
    [`${RUN_KIND_LABEL[run.kind]} · ${runCaption(run)}`, { size: 11 }],
  ];
  if (draft) titleLines.push([DRAFT_WATERMARK, { bold: true, size: 14, color: { argb: 'FFCC0000' } }]);
  let r = 1;
  for (const [text, font] of titleLines) {
    sheet.mergeCells(r, 1, r, width);
    const cell = sheet.getCell(r, 1);
    cell.value = text;
    cell.font = font;
    r++;
  }
  r++;

  // Banded headers.
  const bandRow = r;
  const headerRow = r + 1;
  let bandStart = 1;
  for (let i = 1; i <= width; i++) {
    const band = columns[i - 1]?.band;
    if (i < width && columns[i]?.band === band) continue;
    if (i > bandStart) sheet.mergeCells(bandRow, bandStart, bandRow, i);
    const cell = sheet.getCell(bandRow, bandStart);
    cell.value = band ?? '';
    bandStart = i + 1;
  }
  columns.forEach((c, i) => {
    sheet.getCell(headerRow, i + 1).value = c.header;
  });
  for (const rowNo of [bandRow, headerRow]) {
    const row = sheet.getRow(rowNo);
    for (let i = 1; i <= width; i++) {
      const cell = row.getCell(i);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
    }
  }
  sheet.getRow(headerRow).height = 42;
  sheet.views = [{ state: 'frozen', xSplit: col(spec.freezeThrough), ySplit: headerRow }];

  // One row per employee.
  const firstData = headerRow + 1;
  const sums = new Map<string, number>();
  rows.forEach((row, index) => {
    const rowNo = firstData + index;
    const cached = new Map<string, number>();
    columns.forEach((c, i) => {
      const cell = sheet.getCell(rowNo, i + 1);
      const raw = c.cell(row, index);
      let value: ExcelJS.CellValue;
      let numeric: number | undefined;
      if (raw !== null && typeof raw === 'object') {
        if ('sumOf' in raw) {
          numeric = raw.sumOf.reduce((s, key) => s + (cached.get(key) ?? 0), 0);
          value = { formula: sumFormula(raw.sumOf.map(col), rowNo), result: numeric };
        } else {
          const [a, b] = raw.minus;
          numeric = (cached.get(a) ?? 0) - (cached.get(b) ?? 0);
          value = { formula: `${letter(col(a))}${rowNo}-${letter(col(b))}${rowNo}`, result: numeric };
        }
      } else {
        value = raw;
        if (typeof raw === 'number') numeric = raw;
      }
      if (numeric !== undefined) {
        cached.set(c.key, numeric);
        if (c.total) sums.set(c.key, (sums.get(c.key) ?? 0) + numeric);
      }
      cell.value = value;
      formatCell(cell, c.format);
      cell.border = BORDER;
    });
  });

  // Totals row.
  const totalRow = firstData + rows.length;
  const lastData = totalRow - 1;
  const firstMoney = columns.findIndex((c) => c.total) + 1;
  if (firstMoney > 1) sheet.mergeCells(totalRow, 1, totalRow, firstMoney - 1);
  sheet.getCell(totalRow, 1).value = `JUMLAH (${rows.length} pegawai)`;
  columns.forEach((c, i) => {
    const cell = sheet.getCell(totalRow, i + 1);
    if (c.total) {
      const ref = letter(i + 1);
      cell.value =
        rows.length > 0
          ? { formula: `SUM(${ref}${firstData}:${ref}${lastData})`, result: sums.get(c.key) ?? 0 }
          : 0;
      formatCell(cell, c.format);
    }
    cell.font = { bold: true };
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
  });

  // Notes and signatures.
  r = totalRow + 2;
  for (const note of spec.notes) {
    sheet.mergeCells(r, 1, r, width);
    const cell = sheet.getCell(r, 1);
    cell.value = note;
    cell.font = { italic: true, size: 9 };
    r++;
  }
  writeSignatures(sheet, r + 1, width, spec);
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}

function formatCell(cell: ExcelJS.Cell, format: ColumnFormat): void {
  if (format === 'money' || format === 'int') {
    cell.numFmt = MONEY_FORMAT;
    cell.alignment = { horizontal: 'right' };
  } else if (format === 'percent') {
    cell.numFmt = PERCENT_FORMAT;
    cell.alignment = { horizontal: 'right' };
  } else {
    cell.alignment = { vertical: 'top', wrapText: false };
  }
}

function writeSignatures(sheet: ExcelJS.Worksheet, top: number, width: number, spec: ListSheet): void {
  const blocks = spec.signatures;
  const span = Math.max(1, Math.floor(width / blocks.length));
  const place = sheet.getCell(top, Math.max(1, width - span + 1));
  place.value = `........................., ${formatTanggal(spec.printedAt)}`;
  blocks.forEach((lines, b) => {
    const from = 1 + b * span;
    const to = b === blocks.length - 1 ? width : from + span - 1;
    const text = [
      ...lines,
      '',
      '',
      '',
      '',
      '(......................................)',
      'NIP. ......................................',
    ];
    text.forEach((line, k) => {
      const rowNo = top + 1 + k;
      if (to > from) sheet.mergeCells(rowNo, from, rowNo, to);
      const cell = sheet.getCell(rowNo, from);
      cell.value = line;
      cell.alignment = { horizontal: 'center' };
      if (k < lines.length) cell.font = { bold: k === lines.length - 1 };
    });
  });
}
