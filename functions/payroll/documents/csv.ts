/**
 * CSV as SIGAP writes it: UTF-8 without BOM, `;` between fields (the list separator of Excel in the
 * id-ID locale, so a bendahara can open the file as it is), CRLF line ends, RFC 4180 quoting. Fields
 * holding `;`, `,`, a quote, a line break or edge spaces are quoted (commas too, for readers that guess
 * the separator); quotes inside are doubled. Amounts are plain integers without separators.
 */
export const CSV_SEPARATOR = ';';

export type CsvField = string | number;

export function csvField(value: CsvField): string {
  const text = typeof value === 'number' ? String(value) : value;
  return /[;,"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvField[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}

/** A file-name part: ASCII letters and digits, runs of anything else as one dash. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'x'
  );
}
