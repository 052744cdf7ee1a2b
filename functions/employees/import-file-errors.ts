import { HttpError } from '../http/errors';

/** A file-level 4xx with one issue naming what is wrong. */
export const fileError = (
  status: number,
  code: string,
  message: string,
  detail: string,
  path = 'body.fileName',
) => new HttpError(status, code, message, [{ path, message: detail }]);

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A formula where the import needs a value: refused naming the cell (A1 style, with the sheet for XLSX). */
export function formulaError(cell: string, formula: string) {
  return new HttpError(400, 'IMPORT_FORMULA', `Sel ${cell} berisi rumus; impor membutuhkan nilai`, [
    {
      path: `file.cells.${cell}`,
      message: `rumus "${formula.slice(0, 60)}": salin lalu tempel sebagai nilai (Paste Values)`,
    },
  ]);
}
