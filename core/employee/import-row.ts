import { digitsOnly } from './identity-numbers';

/**
 * One sheet row as the edge read it, the issues of a row, and a small reader that keeps the row's
 * messages together. Every message names the row (sheet row number, header = 1), the NIP as written and
 * the column, in Indonesian: the dry-run report is read by the operator who fixes the sheet.
 */
export type Severity = 'ERROR' | 'WARNING';

export const DATE_HINT = 'tanggal YYYY-MM-DD atau DD-MM-YYYY';
export const FLAG_HINT = '1 atau 0';

export interface RowIssue {
  row: number;
  nip: string;
  field: string;
  message: string;
  severity: Severity;
}

export interface SheetRow {
  /** Row number in the sheet (the header is row 1). */
  row: number;
  /** Canonical column → cell text, trimmed; '' for an empty cell. Absent key = column not in the sheet. */
  cells: Readonly<Record<string, string>>;
  /** What the edge noticed while reading the cells (a number cell that lost digits, …). */
  cellIssues?: readonly { field: string; message: string; severity: Severity }[];
}

export class RowReader {
  readonly issues: RowIssue[] = [];
  readonly nip: string;

  constructor(
    readonly sheetRow: SheetRow,
    readonly present: ReadonlySet<string>,
  ) {
    this.nip = digitsOnly(sheetRow.cells.nip ?? '');
    for (const i of sheetRow.cellIssues ?? []) this.add(i.field, i.message, i.severity);
  }

  has(column: string): boolean {
    return this.present.has(column);
  }

  /** The cell's text ('' when empty or when the column is absent). */
  text(column: string): string {
    return this.sheetRow.cells[column] ?? '';
  }

  error(field: string, message: string): void {
    this.add(field, message, 'ERROR');
  }

  warn(field: string, message: string): void {
    this.add(field, message, 'WARNING');
  }

  get hasErrors(): boolean {
    return this.issues.some((i) => i.severity === 'ERROR');
  }

  /** A required cell: '' reports "wajib diisi" and answers undefined. */
  required(column: string): string | undefined {
    const t = this.text(column);
    if (t === '') {
      this.error(column, 'wajib diisi');
      return undefined;
    }
    return t;
  }

  /** An optional cell read by `parse`; unreadable text reports `expected`. '' → undefined. */
  optional<T>(column: string, parse: (text: string) => T | undefined, expected: string): T | undefined {
    const t = this.text(column);
    if (t === '') return undefined;
    const v = parse(t);
    if (v === undefined) this.error(column, `"${t}" tidak dapat dibaca: ${expected}`);
    return v;
  }

  /** A required cell read by `parse`. */
  parsed<T>(column: string, parse: (text: string) => T | undefined, expected: string): T | undefined {
    if (this.required(column) === undefined) return undefined;
    return this.optional(column, parse, expected);
  }

  private add(field: string, message: string, severity: Severity): void {
    this.issues.push({ row: this.sheetRow.row, nip: this.nip, field, message, severity });
  }
}
