import ExcelJS from 'exceljs';

/**
 * A plain report workbook: per sheet a title block (pemda, report, run, state, template version), one
 * header row, the rows, a totals row whose sums are formulas with their value cached (a reader that
 * never recalculates still sees the numbers), and notes. Used by the BPJS/Taspen recaps and the
 * pemindahbukuan lampiran; the daftar gaji keeps its banded layout (xlsx-list.ts).
 */
export type ReportCell = string | number;

export interface ReportColumn {
  readonly key: string;
  readonly header: string;
  readonly format: 'text' | 'money' | 'int';
  readonly width?: number;
}

export interface ReportSheetSpec {
  readonly name: string;
  readonly titleLines: readonly string[];
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly Readonly<Record<string, ReportCell>>[];
  /** Label of the totals row; numeric columns are summed. Absent: no totals row. */
  readonly totalLabel?: string;
  readonly notes?: readonly string[];
  /** Red title line and tab for a preview. */
  readonly previewMark?: string;
}

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

function writeSheet(workbook: ExcelJS.Workbook, spec: ReportSheetSpec): void {
  const sheet = workbook.addWorksheet(spec.name, {
    properties: spec.previewMark ? { tabColor: { argb: 'FFCC0000' } } : {},
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = Math.max(1, spec.columns.length);
  spec.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width ?? (c.format === 'text' ? 24 : 16);
  });
  let r = 1;
  const titles: [string, Partial<ExcelJS.Font>][] = spec.titleLines.map((t, i) => [
    t,
    i === 0 ? { bold: true, size: 13 } : { size: 11 },
  ]);
  if (spec.previewMark)
    titles.push([spec.previewMark, { bold: true, size: 13, color: { argb: 'FFCC0000' } }]);
  for (const [text, font] of titles) {
    if (width > 1) sheet.mergeCells(r, 1, r, width);
    const cell = sheet.getCell(r, 1);
    cell.value = text;
    cell.font = font;
    r++;
  }
  r++;
  const headerRow = r;
  spec.columns.forEach((c, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  sheet.getRow(headerRow).height = 36;
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  const first = headerRow + 1;
  const sums = new Map<string, number>();
  spec.rows.forEach((row, k) => {
    spec.columns.forEach((c, i) => {
      const cell = sheet.getCell(first + k, i + 1);
      const value = row[c.key] ?? (c.format === 'text' ? '' : 0);
      cell.value = value;
      cell.border = BORDER;
      if (c.format !== 'text') {
        cell.numFmt = '#,##0';
        cell.alignment = { horizontal: 'right' };
        sums.set(c.key, (sums.get(c.key) ?? 0) + Number(value));
      }
    });
  });
  r = first + spec.rows.length;
  if (spec.totalLabel !== undefined) {
    const last = r - 1;
    spec.columns.forEach((c, i) => {
      const cell = sheet.getCell(r, i + 1);
      if (c.format === 'text') cell.value = i === 0 ? spec.totalLabel! : '';
      else {
        const ref = letter(i + 1);
        cell.value =
          spec.rows.length > 0
            ? { formula: `SUM(${ref}${first}:${ref}${last})`, result: sums.get(c.key) ?? 0 }
            : 0;
        cell.numFmt = '#,##0';
        cell.alignment = { horizontal: 'right' };
      }
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
    });
    r++;
  }
  r++;
  for (const note of spec.notes ?? []) {
    if (width > 1) sheet.mergeCells(r, 1, r, width);
    const cell = sheet.getCell(r, 1);
    cell.value = note;
    cell.font = { italic: true, size: 9 };
    r++;
  }
}

export async function renderReportWorkbook(
  sheets: readonly ReportSheetSpec[],
  meta: { readonly title: string; readonly createdAt: Date },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SIGAP';
  workbook.created = meta.createdAt;
  workbook.title = meta.title;
  for (const spec of sheets) writeSheet(workbook, spec);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
