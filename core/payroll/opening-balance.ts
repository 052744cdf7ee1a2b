import { type OpeningBalance, openingBalanceIssues, openingBalancePeriod } from '../pay/opening-balance';
import type { YearMonth } from '../pay/types';
import type { PaidRecord, SlipError } from './run-types';

/**
 * Where the saldo awal meets the payroll: which one the engine gets for a month, which of its months
 * SIGAP also paid, and when a change to it reopens a locked last masa. Pure; the stores are in
 * functions/opening-balances and functions/payroll.
 */

/** An opening balance as stored: the figures, whose employee, and who changed it last. */
export interface StoredOpeningBalance extends OpeningBalance {
  readonly nip: string;
  /** The employee's OPD when the balance was written: scopes the list by OPD. */
  readonly opd: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** What the checks need to know about the employee. */
export interface OpeningBalanceEmployee {
  readonly nip: string;
  readonly nama: string;
  readonly opd: string;
  readonly tmtStart: string;
  readonly tmtEnd?: string | undefined;
}

/** A month SIGAP paid the employee (one row of the paid ledger). */
export interface PaidMonth {
  readonly month: YearMonth;
  readonly runId: string;
}

export const OPENING_BALANCE_FIELDS = [
  'firstMonth',
  'lastMonth',
  'monthsWorked',
  'brutoGaji',
  'brutoTpp',
  'iuranPensiun',
  'pphGaji',
  'pphTpp',
  'source',
] as const satisfies readonly (keyof OpeningBalance)[];

/** The figures of a balance, without its year and bookkeeping: what is compared and audited. */
export function openingBalanceFigures(ob: OpeningBalance): Omit<OpeningBalance, 'year'> {
  return {
    firstMonth: ob.firstMonth,
    lastMonth: ob.lastMonth,
    monthsWorked: ob.monthsWorked,
    brutoGaji: ob.brutoGaji,
    brutoTpp: ob.brutoTpp,
    iuranPensiun: ob.iuranPensiun,
    pphGaji: ob.pphGaji,
    pphTpp: ob.pphTpp,
    source: ob.source,
  };
}

export function sameFigures(a: OpeningBalance, b: OpeningBalance): boolean {
  return OPENING_BALANCE_FIELDS.every((f) => a[f] === b[f]);
}

const monthOf = (year: number, m: number): YearMonth => `${year}-${String(m).padStart(2, '0')}`;

/** The employee's last masa of a tax year: December, or the month service ends if that is earlier. */
export function lastMasaOf(year: number, tmtEnd: string | undefined): YearMonth {
  return tmtEnd?.startsWith(`${year}-`) ? tmtEnd.slice(0, 7) : monthOf(year, 12);
}

/**
 * The saldo awal the engine gets for a pay month: the tax year's, and only in the employee's last masa
 * (TER months do not use it, and leaving it out keeps their input hash unchanged by a later correction).
 */
export function openingBalanceForMonth(
  month: YearMonth,
  tmtEnd: string | undefined,
  balances: ReadonlyMap<number, OpeningBalance>,
): OpeningBalance | undefined {
  const year = Number(month.slice(0, 4));
  if (lastMasaOf(year, tmtEnd) !== month) return undefined;
  return balances.get(year);
}

/** The months of the balance's period that SIGAP itself paid (any kind of run), ascending. */
export function monthsAlsoPaid(
  ob: Pick<OpeningBalance, 'year' | 'firstMonth' | 'lastMonth'>,
  paid: readonly PaidMonth[],
): PaidMonth[] {
  const first = monthOf(ob.year, ob.firstMonth);
  const last = monthOf(ob.year, ob.lastMonth);
  const seen = new Map<string, PaidMonth>();
  for (const p of paid) if (p.month >= first && p.month <= last && !seen.has(p.month)) seen.set(p.month, p);
  return [...seen.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/**
 * The run's last guard against counting a month twice: a saldo awal that covers a month the paid ledger
 * also holds (it was entered before that month's run locked), or the pay month itself, stops this
 * employee with an error entry naming the balance, instead of a December PPh on a doubled year.
 */
export function openingBalanceConflict(
  nip: string,
  month: YearMonth,
  ob: OpeningBalance,
  paid: readonly PaidRecord[],
): SlipError | undefined {
  const payMonth = Number(month.slice(5, 7));
  const also = monthsAlsoPaid(ob, paid).map((p) => p.month);
  if (ob.lastMonth >= payMonth && Number(month.slice(0, 4)) === ob.year) also.push(month);
  if (also.length === 0) return undefined;
  return {
    nip,
    code: 'OPENING_BALANCE_OVERLAP',
    field: 'openingBalance',
    message: `saldo awal ${openingBalancePeriod(ob)} mencakup bulan yang juga dibayar SIGAP (${also.join(', ')}); perbaiki bulan akhir saldo awal`,
  };
}

/**
 * When a change to a balance must reopen a paid month: the employee's last masa of that year is in the
 * ledger (its annual PPh used the old figures). Returns that month, for the correction marker.
 */
export function correctionSince(
  year: number,
  employee: Pick<OpeningBalanceEmployee, 'tmtEnd'>,
  paid: readonly PaidMonth[],
): YearMonth | undefined {
  const last = lastMasaOf(year, employee.tmtEnd);
  return paid.some((p) => p.month === last) ? last : undefined;
}

/** Whether the ledger can hold a month that matters: one of the period or the last masa is locked (paid). */
export function needsLedgerCheck(
  ob: Pick<OpeningBalance, 'year' | 'firstMonth' | 'lastMonth'>,
  tmtEnd: string | undefined,
  lockedMonths: ReadonlySet<string>,
): boolean {
  for (let m = ob.firstMonth; m <= ob.lastMonth; m++) if (lockedMonths.has(monthOf(ob.year, m))) return true;
  return lockedMonths.has(lastMasaOf(ob.year, tmtEnd));
}

export interface CheckIssue {
  /** An OpeningBalance field name, or '' for the row/request as a whole. */
  readonly field: string;
  readonly message: string;
}

/**
 * Everything a balance must satisfy before it is stored, given the employee, the months SIGAP paid and
 * the tenant's current month. `invalid` are the figures' own faults (400), `overlap` the months SIGAP
 * already paid (409): both name the field.
 */
export function checkOpeningBalance(
  ob: OpeningBalance,
  employee: OpeningBalanceEmployee,
  paid: readonly PaidMonth[],
  currentMonth: YearMonth,
): { invalid: CheckIssue[]; overlap: CheckIssue[] } {
  const invalid: CheckIssue[] = openingBalanceIssues(ob).map((i) => ({ field: i.field, message: i.message }));
  if (invalid.some((i) => i.field === 'firstMonth' || i.field === 'lastMonth'))
    return { invalid, overlap: [] };
  const first = monthOf(ob.year, ob.firstMonth);
  const last = monthOf(ob.year, ob.lastMonth);
  if (last > currentMonth) {
    invalid.push({ field: 'lastMonth', message: `${last} belum terjadi (bulan berjalan ${currentMonth})` });
  }
  if (first < employee.tmtStart.slice(0, 7)) {
    invalid.push({
      field: 'firstMonth',
      message: `${first} sebelum TMT pegawai (${employee.tmtStart}); penghasilan dari pemotong lain bukan saldo awal`,
    });
  }
  if (employee.tmtEnd && last > employee.tmtEnd.slice(0, 7)) {
    invalid.push({ field: 'lastMonth', message: `${last} setelah pegawai berhenti (${employee.tmtEnd})` });
  }
  const also = monthsAlsoPaid(ob, paid);
  const overlap: CheckIssue[] =
    also.length === 0
      ? []
      : [
          {
            // Usually the period reaches into SIGAP's first months: the last month is what to change.
            field: also[0]?.month === first ? 'firstMonth' : 'lastMonth',
            message: `bulan ${also.map((p) => `${p.month} (run ${p.runId})`).join(', ')} sudah dibayar SIGAP; saldo awal hanya untuk bulan sebelum SIGAP`,
          },
        ];
  return { invalid, overlap };
}
