/**
 * Display formats of the console (UX reference, "Microcopy and formats"). Written out by hand rather
 * than with Intl: Intl's id-ID currency form is "Rp 4.491.800,00" with a no-break space, and ICU data
 * differs between Node and the browser, so tests would not prove what users see.
 *
 * Rupiah follows the UX reference, "Rp1.250.000" (no space, period thousands, whole rupiah, no ",-");
 * the issue text wrote "Rp 4.491.800", the reference and the EYD rule it cites [RUPIAH] win.
 */
export const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;
export const MONTHS_SHORT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Mei',
  'Jun',
  'Jul',
  'Agu',
  'Sep',
  'Okt',
  'Nov',
  'Des',
] as const;

/** 1284 → "1.284"; negative numbers keep a leading minus sign. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const sign = value < 0 ? '-' : '';
  const [whole, fraction] = Math.abs(value).toString().split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction ? `${sign}${grouped},${fraction}` : `${sign}${grouped}`;
}

/** Integer rupiah → "Rp4.491.800", "-Rp150.000". Money is whole rupiah everywhere; a fraction is a bug. */
export function formatRupiah(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`rupiah must be a whole number, got ${value}`);
  return `${value < 0 ? '-' : ''}Rp${formatNumber(Math.abs(value))}`;
}

/** A signed difference: "+Rp12.000", "-Rp3.500", "Rp0". */
export function formatRupiahDelta(value: number): string {
  return value > 0 ? `+${formatRupiah(value)}` : formatRupiah(value);
}

/** 12.5 → "12,5%"; digits caps the decimals (trailing zeros dropped). */
export function formatPercent(value: number, digits = 1): string {
  const rounded = Number(value.toFixed(digits));
  return `${formatNumber(rounded)}%`;
}

function parseIsoDate(iso: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  const m = Number(match[2]);
  if (m < 1 || m > 12) throw new RangeError(`not an ISO date: ${iso}`);
  return { y: Number(match[1]), m, d: Number(match[3]) };
}

/** "2026-12-03" → "3 Desember 2026". */
export function formatDate(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "2026-08-05" → "5 Agu 2026". */
export function formatDateShort(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  return `${d} ${MONTHS_SHORT[m - 1]} ${y}`;
}

/** "2026-12" (or a full date) → "Desember 2026". */
export function formatMonth(isoMonth: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(isoMonth);
  const m = Number(match?.[2]);
  if (!match || m < 1 || m > 12) throw new RangeError(`not an ISO month: ${isoMonth}`);
  return `${MONTHS[m - 1]} ${match[1]}`;
}

const ZONE_ABBR: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** An instant in the tenant's zone: "3 Desember 2026 14.05 WIT" (Indonesian time uses a period). */
export function formatDateTime(instant: string | Date, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date-time: ${String(instant)}`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const zone = ZONE_ABBR[timeZone] ?? timeZone;
  return `${formatDate(`${parts.year}-${parts.month}-${parts.day}`)} ${parts.hour}.${parts.minute} ${zone}`;
}

/**
 * NIP as printed on Indonesian documents: birth date (8), TMT CPNS (6), sex (1), sequence (3):
 * "197805122008011001" → "19780512 200801 1 001". Anything else is shown as given.
 */
export function formatNip(nip: string): string {
  const m = /^(\d{8})(\d{6})(\d)(\d{3})$/.exec(nip);
  return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]}` : nip;
}

/** What the user typed, for the API: NIP is entered or pasted with spaces and sent without. */
export function normalizeNip(input: string): string {
  return input.replace(/\s+/g, '');
}
