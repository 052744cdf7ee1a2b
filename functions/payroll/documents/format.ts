import type { Confidence } from '../../../core/pay/types';
import type { RunKind, RunState, RunSummary, SlipHeader } from '../../../core/payroll/run-types';

export { formatNumber, formatRupiah } from '../../../core/pay/format';

/** Printed on every page/sheet of a document produced from a run that is not approved yet. */
export const DRAFT_WATERMARK = 'DRAFT — BUKAN UNTUK PEMBAYARAN';

const BULAN = [
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

export const RUN_STATE_LABEL: Readonly<Record<RunState, string>> = {
  DRAFT: 'DRAFT (belum disetujui)',
  APPROVED: 'DISETUJUI',
  LOCKING: 'SEDANG DIKUNCI',
  LOCKED: 'TERKUNCI',
};

export const RUN_KIND_LABEL: Readonly<Record<RunKind, string>> = {
  GAJI_TPP: 'Gaji dan TPP',
  GAJI: 'Gaji',
  TPP: 'TPP',
  THR: 'THR',
  GAJI13: 'Gaji ke-13',
  RAPEL: 'Kekurangan gaji (rapel)',
};

export const CONFIDENCE_LABEL: Readonly<Record<Confidence, string>> = {
  VERIFIED: 'terverifikasi',
  'SINGLE-SOURCE': 'satu sumber',
  UNVERIFIED: 'belum terverifikasi',
  DEMO: 'data demo',
};

/** '2026-11' → 'November 2026'. */
export function formatBulan(month: string): string {
  const [year, m] = month.split('-');
  return `${BULAN[Number(m) - 1] ?? m} ${year}`;
}

/**
 * A calendar date in id-ID words: '2026-11-23' → '23 November 2026'. A `Date` is read in WIB
 * (UTC+7), the time zone of the payroll office unless a tenant says otherwise.
 */
export function formatTanggal(date: Date | string): string {
  const iso = typeof date === 'string' ? date : new Date(date.getTime() + 7 * 3_600_000).toISOString();
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${Number(day)} ${BULAN[Number(month) - 1] ?? month} ${year}`;
}

/** 'Dr. Budi Santoso, S.T., M.Eng.': the name with its academic titles as written on an SK. */
export function namaLengkap(header: Pick<SlipHeader, 'nama' | 'gelarDepan' | 'gelarBelakang'>): string {
  const depan = header.gelarDepan?.trim();
  const belakang = header.gelarBelakang?.trim();
  return `${depan ? `${depan} ` : ''}${header.nama}${belakang ? `, ${belakang}` : ''}`;
}

/** Every digit but the last four hidden: '0012345678' → '******5678'. */
export function maskAccount(accountNumber: string): string {
  const digits = accountNumber.replace(/\s+/g, '');
  if (digits.length <= 4) return digits;
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** 'Run 2026-11-GAJI_TPP · November 2026 · Status: DISETUJUI'. */
export function runCaption(run: Pick<RunSummary, 'id' | 'month' | 'state'>): string {
  return `Run ${run.id} · ${formatBulan(run.month)} · Status: ${RUN_STATE_LABEL[run.state]}`;
}

const SATUAN = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
const SKALA = ['', 'ribu', 'juta', 'miliar', 'triliun'];

function ratusan(n: number): string {
  const ratus = Math.floor(n / 100);
  const sisa = n % 100;
  const words: string[] = [];
  if (ratus === 1) words.push('seratus');
  else if (ratus > 1) words.push(`${SATUAN[ratus]} ratus`);
  if (sisa === 10) words.push('sepuluh');
  else if (sisa === 11) words.push('sebelas');
  else if (sisa > 11 && sisa < 20) words.push(`${SATUAN[sisa - 10]} belas`);
  else {
    const puluh = Math.floor(sisa / 10);
    if (puluh > 0) words.push(`${SATUAN[puluh]} puluh`);
    if (sisa % 10 > 0) words.push(SATUAN[sisa % 10] as string);
  }
  return words.join(' ');
}

/** Rupiah in words, as printed under a net amount: 7824600 → 'tujuh juta delapan ratus … rupiah'. */
export function terbilang(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`terbilang needs an integer, got ${amount}`);
  if (amount === 0) return 'nol rupiah';
  const words: string[] = [];
  let rest = Math.abs(amount);
  for (let scale = 0; rest > 0; scale++) {
    const chunk = rest % 1000;
    rest = Math.floor(rest / 1000);
    if (chunk === 0) continue;
    const unit = SKALA[scale] ?? `10^${3 * scale}`;
    words.unshift(scale === 1 && chunk === 1 ? 'seribu' : `${ratusan(chunk)}${unit ? ` ${unit}` : ''}`);
  }
  return `${amount < 0 ? 'minus ' : ''}${words.join(' ')} rupiah`;
}
