import { inListLines } from '../../../core/deductions/run';
import type { GroupTotals } from '../../../core/pay/types';
import type { StoredSlip } from '../../../core/payroll/run-types';
import { columnOf, type ListLayout, type MoneyColumn } from './columns';

/** One employee on a list: every money line of the list's group booked in exactly one column. */
export interface ListRow {
  readonly slip: StoredSlip;
  /** Column key → rupiah. */
  readonly amounts: ReadonlyMap<string, number>;
  readonly kotor: number;
  readonly potongan: number;
  readonly bersih: number;
  /** Lines booked in a lain-lain column because no column knows their code. */
  readonly unknown: readonly UnknownLine[];
}

export interface UnknownLine {
  readonly code: string;
  readonly label: string;
  readonly column: string;
}

/** A stored slip whose lines do not add up to its own totals: printing it would print wrong money. */
export class SlipTotalsMismatchError extends Error {
  constructor(nip: string, what: string, fromLines: number, stored: number) {
    super(`slip ${nip}: ${what} from the lines is ${fromLines}, the stored total is ${stored}`);
    this.name = 'SlipTotalsMismatchError';
  }
}

export function groupTotals(slip: StoredSlip, layout: ListLayout): GroupTotals {
  return layout.group === 'GAJI' ? slip.slip.totals.gaji : slip.slip.totals.tpp;
}

export function listRow(slip: StoredSlip, layout: ListLayout): ListRow {
  const amounts = new Map<string, number>();
  const unknown: UnknownLine[] = [];
  let kotor = 0;
  let potongan = 0;
  // In-list potongan lain (zakat, Bulog) are inside the list's potongan: its bersih is the SIPD bersih.
  const inList = inListLines(slip, layout.group);
  for (const line of [...slip.slip.lines, ...inList]) {
    const booked = columnOf(layout, line);
    if (!booked) continue;
    amounts.set(booked.column.key, (amounts.get(booked.column.key) ?? 0) + line.amount);
    if (booked.column.side === 'PENGHASILAN') kotor += line.amount;
    else potongan += line.amount;
    if (!booked.known) unknown.push({ code: line.code, label: line.label, column: booked.column.key });
  }
  const stored = groupTotals(slip, layout);
  if (kotor !== stored.penghasilan)
    throw new SlipTotalsMismatchError(slip.header.nip, 'penghasilan', kotor, stored.penghasilan);
  const storedPotongan = stored.potongan + inList.reduce((s, l) => s + l.amount, 0);
  if (potongan !== storedPotongan)
    throw new SlipTotalsMismatchError(slip.header.nip, 'potongan', potongan, storedPotongan);
  return { slip, amounts, kotor, potongan, bersih: kotor - potongan, unknown };
}

/** The slips of one OPD that have lines of the list's group, in the order given. */
export function listRows(slips: readonly StoredSlip[], layout: ListLayout, opd?: string): ListRow[] {
  return slips
    .filter((s) => opd === undefined || s.header.opd === opd)
    .filter((s) => s.slip.lines.some((l) => l.group === layout.group))
    .map((s) => listRow(s, layout));
}

/** The layout's columns minus the optional ones no row uses (spreadsheets); CSV files keep all. */
export function usedColumns(layout: ListLayout, rows: readonly ListRow[]): MoneyColumn[] {
  return layout.columns.filter((c) => !c.optional || rows.some((r) => r.amounts.has(c.key)));
}

/** Distinct codes that ended in a lain-lain column, for a note under the list and for the logs. */
export function unknownCodes(rows: readonly ListRow[]): UnknownLine[] {
  const seen = new Map<string, UnknownLine>();
  for (const row of rows) for (const u of row.unknown) if (!seen.has(u.code)) seen.set(u.code, u);
  return [...seen.values()];
}

export interface ListTotals {
  readonly kotor: number;
  readonly potongan: number;
  readonly bersih: number;
  readonly byColumn: ReadonlyMap<string, number>;
}

export function listTotals(rows: readonly ListRow[]): ListTotals {
  const byColumn = new Map<string, number>();
  let kotor = 0;
  let potongan = 0;
  for (const row of rows) {
    kotor += row.kotor;
    potongan += row.potongan;
    for (const [key, amount] of row.amounts) byColumn.set(key, (byColumn.get(key) ?? 0) + amount);
  }
  return { kotor, potongan, bersih: kotor - potongan, byColumn };
}
