/**
 * Opening balance of a tax year (saldo awal, pajak-pelaporan.md §7): what the same withholder paid and
 * withheld in the year before SIGAP paid its first month — for a tenant that starts mid-year or migrates
 * from another application (SIMGAJI, GPP). The last masa (pph21.md §6) reconciles the whole year, so
 * without these figures December's annual PPh sees only the months SIGAP paid.
 *
 * The figures follow the split the annual reconciliation needs (tax-steps.ts, pph21.md §8): the gaji
 * share is stacked first and, for a PNS, borne by the government (tunjangan PPh = potongan PPh); the TPP
 * share is the difference. THR and gaji 13 go with the gaji share, TPP part included, as the reference's
 * year-end example does (pajak-pelaporan.md §9: "DTP income = gaji induk + THR + gaji 13").
 */
export interface OpeningBalance {
  readonly year: number;
  /** First and last month (1–12) the figures cover; SIGAP must not have paid any of them. */
  readonly firstMonth: number;
  readonly lastMonth: number;
  /** Months with income in that period (masa), for the biaya jabatan cap of 500.000 a month. */
  readonly monthsWorked: number;
  /** Σ monthly TER bruto of the gaji lists, THR and gaji 13 (the government-borne share for a PNS). */
  readonly brutoGaji: number;
  /** Σ monthly TER bruto of the TPP paid (TPP and, per tenant, its employer premiums). */
  readonly brutoTpp: number;
  /** Σ employee iuran pensiun/THT (Taspen 8 %, PPPK THT): deductible in the annual computation. */
  readonly iuranPensiun: number;
  /** PPh 21 withheld on the gaji share (for a PNS: borne by the government through the tunjangan PPh). */
  readonly pphGaji: number;
  /** PPh 21 withheld on the TPP share. */
  readonly pphTpp: number;
  /** Where the figures come from, printed on the slip: e.g. "Bukti potong SIMGAJI Jan–Jun 2026". */
  readonly source: string;
}

export const OPENING_BALANCE_AMOUNTS = [
  'brutoGaji',
  'brutoTpp',
  'iuranPensiun',
  'pphGaji',
  'pphTpp',
] as const;

/** Rp 100 miliar: twelve months at the top TER bracket (Rp 1,4 miliar a month) stay well below it. */
export const MAX_OPENING_AMOUNT = 100_000_000_000;
export const MAX_SOURCE_LENGTH = 200;

export interface OpeningBalanceIssue {
  /** A field of OpeningBalance. */
  readonly field: string;
  /** Indonesian, for the person who entered the figures. */
  readonly message: string;
}

const isMonth = (n: number) => Number.isInteger(n) && n >= 1 && n <= 12;

/**
 * Every rule the figures must satisfy, field by field and across fields. The HTTP edge checks types and
 * bounds first; this is the domain's own word (the import and the engine use it too).
 */
export function openingBalanceIssues(ob: OpeningBalance): OpeningBalanceIssue[] {
  const issues: OpeningBalanceIssue[] = [];
  for (const field of OPENING_BALANCE_AMOUNTS) {
    const v = ob[field];
    if (!Number.isSafeInteger(v)) issues.push({ field, message: 'harus bilangan bulat rupiah' });
    else if (v < 0) issues.push({ field, message: 'tidak boleh negatif' });
    else if (v > MAX_OPENING_AMOUNT) issues.push({ field, message: 'melebihi Rp 100.000.000.000' });
  }
  if (!isMonth(ob.firstMonth)) issues.push({ field: 'firstMonth', message: 'bulan harus 1–12' });
  if (!isMonth(ob.lastMonth)) issues.push({ field: 'lastMonth', message: 'bulan harus 1–12' });
  else if (isMonth(ob.firstMonth) && ob.lastMonth < ob.firstMonth) {
    issues.push({ field: 'lastMonth', message: 'bulan akhir tidak boleh sebelum bulan awal' });
  }
  const span = isMonth(ob.firstMonth) && isMonth(ob.lastMonth) ? ob.lastMonth - ob.firstMonth + 1 : 12;
  if (!Number.isInteger(ob.monthsWorked) || ob.monthsWorked < 1 || ob.monthsWorked > Math.max(1, span)) {
    issues.push({
      field: 'monthsWorked',
      message: `jumlah bulan harus 1–${Math.max(1, span)} (periode bulan awal s.d. bulan akhir)`,
    });
  }
  if (issues.length > 0) return issues;
  if (ob.brutoGaji + ob.brutoTpp === 0) {
    issues.push({ field: 'brutoGaji', message: 'bruto gaji dan bruto TPP keduanya 0: tidak ada saldo awal' });
  }
  if (ob.iuranPensiun > ob.brutoGaji) {
    issues.push({ field: 'iuranPensiun', message: 'iuran pensiun tidak boleh melebihi bruto gaji' });
  }
  // The top TER rate is 34 % (40,8 % with the no-NPWP surcharge): withholding never reaches the bruto.
  if (ob.pphGaji + ob.pphTpp > ob.brutoGaji + ob.brutoTpp) {
    issues.push({ field: 'pphTpp', message: 'PPh dipotong tidak boleh melebihi bruto' });
  }
  const source = typeof ob.source === 'string' ? ob.source.trim() : '';
  if (source.length < 3 || source.length > MAX_SOURCE_LENGTH) {
    issues.push({ field: 'source', message: `sumber data wajib diisi (3–${MAX_SOURCE_LENGTH} karakter)` });
  }
  return issues;
}

export const MONTH_NAMES = [
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

/** `Januari–Juni 2026`, `Maret 2026`. */
export function openingBalancePeriod(ob: Pick<OpeningBalance, 'year' | 'firstMonth' | 'lastMonth'>): string {
  const first = MONTH_NAMES[ob.firstMonth - 1] ?? String(ob.firstMonth);
  const last = MONTH_NAMES[ob.lastMonth - 1] ?? String(ob.lastMonth);
  return ob.firstMonth === ob.lastMonth ? `${first} ${ob.year}` : `${first}–${last} ${ob.year}`;
}
