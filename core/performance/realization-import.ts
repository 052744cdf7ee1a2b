import { fnv1a64 } from '../discipline/attendance-import';
import { isIsoDate } from '../discipline/calendar-date';
import { checkNip } from '../employee/nip';

/**
 * Realisasi in bulk from a sector's own register (a school's exam results per teacher, a Puskesmas
 * service register, a survey's satisfaction scores): one row per employee, indicator and date. Every bad
 * row is reported with its field and reason at once, so the operator fixes the file in one pass; every
 * good row gets an identity from file name, NIP, indicator and date, so importing the same file again
 * replaces its own rows instead of adding them twice.
 */
export interface RealizationImportRow {
  readonly nip?: unknown;
  readonly indicatorId?: unknown;
  readonly date?: unknown;
  readonly value?: unknown;
  readonly note?: unknown;
  readonly evidenceUrl?: unknown;
}

export interface ImportedRealization {
  readonly rowNumber: number;
  readonly id: string;
  readonly nip: string;
  readonly indicatorId: string;
  readonly date: string;
  readonly value: number;
  readonly note?: string;
  readonly evidenceUrl?: string;
}

export interface RealizationRowError {
  readonly rowNumber: number;
  readonly field: 'nip' | 'indicatorId' | 'date' | 'value' | 'note' | 'evidenceUrl';
  readonly reason: string;
}

export interface RealizationImportContext {
  readonly year: number;
  readonly fileName: string;
  /** The tenant's local date: realisasi of a day to come are refused. */
  readonly today: string;
  /** NIP → the indicator ids of the SKP in force (or latest) of the year; absent: not importable. */
  readonly indicatorsOf: ReadonlyMap<string, readonly string[]>;
  /** Why a NIP outside `indicatorsOf` is refused (another OPD, no SKP …); default "tidak terdaftar". */
  readonly whyNot?: ReadonlyMap<string, string>;
  /** Months whose inputs are locked (their run is locked): rows in them are refused. */
  readonly lockedMonths?: ReadonlySet<string>;
}

const MAX_VALUE = 1e12;

/** A number, or text as a spreadsheet or CSV gives it: `12`, `12.5`, `12,5` (Indonesian decimal comma). */
export function parseMeasure(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (!/^\d{1,13}([.,]\d{1,4})?$/.test(text)) return undefined;
  return Number(text.replace(',', '.'));
}

function text(raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const s = String(raw).trim();
  return s === '' ? undefined : s;
}

export function validateRealizationRows(
  rows: readonly RealizationImportRow[],
  ctx: RealizationImportContext,
): { realizations: ImportedRealization[]; errors: RealizationRowError[] } {
  const realizations: ImportedRealization[] = [];
  const errors: RealizationRowError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, rowNumber) => {
    const rowErrors: RealizationRowError[] = [];
    const err = (field: RealizationRowError['field'], reason: string) =>
      rowErrors.push({ rowNumber, field, reason });

    const nip = text(row.nip);
    let indicators: readonly string[] | undefined;
    if (!nip) err('nip', 'wajib diisi');
    else {
      const check = checkNip(nip);
      if (!check.ok) err('nip', check.reason);
      else {
        indicators = ctx.indicatorsOf.get(nip);
        if (!indicators) err('nip', ctx.whyNot?.get(nip) ?? `NIP ${nip} tidak terdaftar sebagai pegawai`);
      }
    }
    const indicatorId = text(row.indicatorId);
    if (!indicatorId) err('indicatorId', 'wajib diisi');
    else if (indicators && !indicators.includes(indicatorId))
      err(
        'indicatorId',
        `indikator ${indicatorId} tidak ada di SKP ${nip} (${indicators.join(', ') || 'kosong'})`,
      );

    const date = text(row.date);
    if (!date) err('date', 'wajib diisi');
    else if (!isIsoDate(date)) err('date', 'format tanggal harus YYYY-MM-DD');
    else if (!date.startsWith(`${ctx.year}-`)) err('date', `harus dalam tahun ${ctx.year}`);
    else if (date > ctx.today) err('date', `tanggal ${date} belum terjadi (hari ini ${ctx.today})`);
    else if (ctx.lockedMonths?.has(date.slice(0, 7)))
      err('date', `bulan ${date.slice(0, 7)} sudah dikunci (penggajiannya terkunci)`);

    const value = parseMeasure(row.value);
    if (row.value === undefined || row.value === null || row.value === '') err('value', 'wajib diisi');
    else if (value === undefined) err('value', 'harus angka (paling banyak 4 desimal)');
    else if (value < 0 || value > MAX_VALUE) err('value', `harus antara 0 dan ${MAX_VALUE}`);

    const note = text(row.note);
    if (note && note.length > 1000) err('note', 'maksimal 1000 karakter');
    const evidenceUrl = text(row.evidenceUrl);
    if (evidenceUrl && (!/^https?:\/\/\S+$/.test(evidenceUrl) || evidenceUrl.length > 2000))
      err('evidenceUrl', 'harus tautan http(s) tanpa spasi, maksimal 2000 karakter');

    if (rowErrors.length === 0 && nip && indicatorId && date && value !== undefined) {
      const identity = `${nip}|${indicatorId}|${date}`;
      const earlier = seen.get(identity);
      if (earlier !== undefined) {
        err('date', `baris ganda: NIP, indikator dan tanggal sama dengan baris ${earlier}`);
      } else {
        seen.set(identity, rowNumber);
        realizations.push({
          rowNumber,
          id: fnv1a64(`${ctx.fileName}|${identity}`),
          nip,
          indicatorId,
          date,
          value: Math.round(value * 10_000) / 10_000,
          ...(note ? { note } : {}),
          ...(evidenceUrl ? { evidenceUrl } : {}),
        });
      }
    }
    errors.push(...rowErrors);
  });
  return { realizations, errors };
}
