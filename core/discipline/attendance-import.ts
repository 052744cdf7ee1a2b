import { checkNip } from '../employee/nip';
import type { AttendanceEvent, AttendanceEventType } from './attendance';
import { isClockTime, isIsoDate } from './calendar-date';

/**
 * Bulk import of machine attendance (fingerprint/face exports, one row per punch), and of the days the
 * attendance system's recap records as TK (tidak masuk tanpa keterangan: type TK/ALPA, a date without a
 * time is enough). Every bad row is reported with its spreadsheet row number, field and reason, so the
 * admin fixes the file in one pass; every good row gets an identity derived from its content, so
 * importing the same file twice stores each punch once. A punch later than "now" in the tenant's time
 * zone is refused: attendance of a day that has not happened is a typo or a wrong clock, never data.
 */
export interface AttendanceImportRow {
  readonly nip?: unknown;
  /** 'YYYY-MM-DD HH:MM[:SS]' or with a 'T'; local time of the machine. A TK row may give the date alone. */
  readonly timestamp?: unknown;
  /** IN/OUT, or the machine's MASUK/PULANG; TK (or ALPA, TANPA_KETERANGAN) for a recorded absence. */
  readonly type?: unknown;
}

export interface ImportedAttendanceEvent extends AttendanceEvent {
  readonly rowNumber: number;
  /** Deterministic identity of the punch: hash of nip + timestamp + type. */
  readonly id: string;
}

export interface AttendanceRowError {
  readonly rowNumber: number;
  readonly field: 'nip' | 'timestamp' | 'type';
  readonly reason: string;
}

export interface AttendanceImportResult {
  readonly events: ImportedAttendanceEvent[];
  readonly errors: AttendanceRowError[];
  /** Rows repeating an earlier row of the same file (same identity); skipped, not errors. */
  readonly duplicates: { readonly rowNumber: number; readonly sameAsRow: number; readonly id: string }[];
}

export interface AttendanceImportOptions {
  /** Spreadsheet row number of the first data row (2 when row 1 is the header). */
  readonly firstRowNumber?: number;
  /** NIPs of the employees the import may name; when given, a row for anyone else is an error. */
  readonly knownNips?: ReadonlySet<string>;
  /**
   * Why a NIP outside `knownNips` is refused, when the caller knows better than "not registered" (e.g.
   * `NIP … milik OPD DINKES, di luar OPD Anda`).
   */
  readonly unknownNipReasons?: ReadonlyMap<string, string>;
  /** The tenant's local "now" (date and HH:MM:SS): later rows are refused. */
  readonly now?: { readonly date: string; readonly time: string };
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?$/;
const TYPES: Readonly<Record<string, AttendanceEventType>> = {
  IN: 'IN',
  MASUK: 'IN',
  OUT: 'OUT',
  PULANG: 'OUT',
  KELUAR: 'OUT',
  TK: 'TK',
  ALPA: 'TK',
  TANPA_KETERANGAN: 'TK',
};
/** A TK row names a day, not a moment: every TK row of a day has the same identity. */
const TK_TIME = '00:00';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;

/**
 * FNV-1a, 64 bit, over the UTF-16 code units (the key is ASCII). Hand-rolled rather than node:crypto so
 * the domain stays free of platform modules; the id is an idempotency key scoped per employee, not a
 * security feature.
 */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = BigInt.asUintN(64, hash * FNV_PRIME);
  }
  return hash.toString(16).padStart(16, '0');
}

/** Seconds are part of the identity (two punches a minute apart are two punches); 'HH:MM' means ':00'. */
export function attendanceEventId(
  nip: string,
  date: string,
  time: string,
  type: AttendanceEventType,
): string {
  const seconds = time.length === 5 ? `${time}:00` : time;
  return fnv1a64(`${nip}|${date}T${seconds}|${type}`);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function validateAttendanceRows(
  rows: readonly AttendanceImportRow[],
  options: AttendanceImportOptions = {},
): AttendanceImportResult {
  const first = options.firstRowNumber ?? 2;
  const events: ImportedAttendanceEvent[] = [];
  const errors: AttendanceRowError[] = [];
  const duplicates: AttendanceImportResult['duplicates'] = [];
  const seen = new Map<string, number>();
  const nipVerdicts = new Map<string, string | null>();

  rows.forEach((row, index) => {
    const rowNumber = first + index;
    const rowErrors: AttendanceRowError[] = [];

    // Spreadsheets turn an 18-digit NIP into a float; a number here has already lost digits.
    const nip = typeof row.nip === 'number' ? undefined : text(row.nip);
    if (nip === undefined || nip === '') {
      rowErrors.push({
        rowNumber,
        field: 'nip',
        reason:
          typeof row.nip === 'number'
            ? 'NIP harus berupa teks (format angka merusak 18 digit)'
            : 'NIP wajib diisi',
      });
    } else {
      let verdict = nipVerdicts.get(nip);
      if (verdict === undefined) {
        const check = checkNip(nip);
        verdict = !check.ok
          ? check.reason
          : options.knownNips && !options.knownNips.has(nip)
            ? (options.unknownNipReasons?.get(nip) ?? 'NIP tidak terdaftar sebagai pegawai tenant ini')
            : null;
        nipVerdicts.set(nip, verdict);
      }
      if (verdict !== null) rowErrors.push({ rowNumber, field: 'nip', reason: verdict });
    }

    const rawType = text(row.type)?.toUpperCase();
    const type = rawType === undefined ? undefined : TYPES[rawType];
    // Read first (a TK row needs no time), reported after the timestamp as the columns run.
    const typeError: AttendanceRowError | undefined = type
      ? undefined
      : {
          rowNumber,
          field: 'type',
          reason: rawType
            ? `jenis presensi "${rawType}" tidak dikenal (IN/OUT, MASUK/PULANG, TK)`
            : 'jenis presensi wajib diisi',
        };

    const stamp = text(row.timestamp);
    const match = stamp === undefined ? null : TIMESTAMP.exec(stamp);
    const date = match?.[1];
    const time = type === 'TK' ? TK_TIME : match?.[2];
    if (stamp === undefined || stamp === '') {
      rowErrors.push({ rowNumber, field: 'timestamp', reason: 'waktu presensi wajib diisi' });
    } else if (!date || !time) {
      rowErrors.push({
        rowNumber,
        field: 'timestamp',
        reason: 'waktu harus berformat YYYY-MM-DD HH:MM[:SS] (baris TK: YYYY-MM-DD)',
      });
    } else if (!isIsoDate(date)) {
      rowErrors.push({ rowNumber, field: 'timestamp', reason: `tanggal ${date} tidak ada di kalender` });
    } else if (!isClockTime(time)) {
      rowErrors.push({ rowNumber, field: 'timestamp', reason: `jam ${time} tidak valid (00:00–23:59)` });
    } else if (options.now && isAfterNow(date, type === 'TK' ? undefined : time, options.now)) {
      rowErrors.push({
        rowNumber,
        field: 'timestamp',
        reason: `waktu ${date}${type === 'TK' ? '' : ` ${time}`} belum terjadi (sekarang ${options.now.date} ${options.now.time.slice(0, 5)} waktu setempat)`,
      });
    }

    if (typeError) rowErrors.push(typeError);
    if (rowErrors.length > 0 || !nip || !date || !time || !type) {
      errors.push(...rowErrors);
      return;
    }
    const id = attendanceEventId(nip, date, time, type);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      duplicates.push({ rowNumber, sameAsRow: earlier, id });
      return;
    }
    seen.set(id, rowNumber);
    events.push({ rowNumber, id, nip, date, time, type });
  });
  return { events, errors, duplicates };
}

/** Later than the tenant's local now: a day after today, or today at a later time (a TK row: after today). */
function isAfterNow(date: string, time: string | undefined, now: { date: string; time: string }): boolean {
  if (date !== now.date) return date > now.date;
  if (time === undefined) return false;
  return (time.length === 5 ? `${time}:00` : time) > (now.time.length === 5 ? `${now.time}:00` : now.time);
}
