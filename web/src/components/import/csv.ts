/**
 * A small CSV reader for files exported by attendance machines and spreadsheets: the separator is
 * guessed from the header line (`;` as Excel writes it in id-ID, `,` or tab), quoted fields may hold
 * separators, doubled quotes and line breaks, a UTF-8 BOM is dropped. Returns the header and the rows
 * as strings, exactly as written (no number conversion: an 18-digit NIP keeps its digits).
 */
export interface CsvTable {
  headers: string[];
  rows: string[][];
  separator: string;
}

export function parseCsv(text: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const separator = [';', ',', '\t'].reduce((best, s) =>
    firstLine.split(s).length > firstLine.split(best).length ? s : best,
  );
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const nonEmpty = records.filter((r) => r.some((c) => c.trim() !== ''));
  const [headers = [], ...rows] = nonEmpty;
  return { headers: headers.map((h) => h.trim()), rows, separator };
}

/** Header names accepted for each field of an attendance row (lower case, spaces as _). */
const ALIASES: Record<'nip' | 'timestamp' | 'type', string[]> = {
  nip: ['nip', 'nip_baru', 'no_induk'],
  timestamp: ['timestamp', 'waktu', 'tanggal_jam', 'datetime', 'tanggal_waktu', 'tanggal'],
  type: ['type', 'jenis', 'tipe', 'status', 'keterangan'],
};

export interface AttendanceRows {
  rows: { nip: string; timestamp: string; type: string }[];
  /** Required columns the header lacks (by their SIGAP name). */
  missingColumns: string[];
}

/** The file's rows as the API's import rows (`{nip, timestamp, type}`), matched by header name. */
export function attendanceRows(table: CsvTable): AttendanceRows {
  const norm = table.headers.map((h) => h.toLowerCase().replace(/\s+/g, '_'));
  const index = Object.fromEntries(
    (Object.keys(ALIASES) as (keyof typeof ALIASES)[]).map((k) => [
      k,
      norm.findIndex((h) => ALIASES[k].includes(h)),
    ]),
  ) as Record<keyof typeof ALIASES, number>;
  const missingColumns = (Object.keys(index) as (keyof typeof ALIASES)[]).filter((k) => index[k] < 0);
  if (missingColumns.length > 0) return { rows: [], missingColumns };
  return {
    rows: table.rows.map((r) => ({
      nip: (r[index.nip] ?? '').trim(),
      timestamp: (r[index.timestamp] ?? '').trim(),
      type: (r[index.type] ?? '').trim().toUpperCase(),
    })),
    missingColumns,
  };
}

/** The template offered for download: the header and two example punches. */
export function attendanceTemplate(month: string): string {
  return [
    'nip;timestamp;type',
    `198503152010011001;${month}-02 07:28;IN`,
    `198503152010011001;${month}-02 16:05;OUT`,
    '',
  ].join('\r\n');
}
