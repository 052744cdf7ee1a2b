import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TimelineEntry } from '../../../core/employee/timeline';
import { performanceMonthPaidIn } from '../../../core/payroll/performance-month';
import type { EmployeeRunData, RunInputs } from '../../../core/payroll/ports';
import type { PaidRecord } from '../../../core/payroll/run-types';
import { lastDayOfMonth, type MonthlyFacts } from '../../../core/payroll/snapshot';
import { attachDeductions, deductionKeys } from '../../deductions/run-data';
import { employeeFromItem } from '../../employees/dynamo-employee-repository';
import { engineOpeningBalance, openingBalanceFromItem } from '../../opening-balances/store';
import { batchGetAll, mapLimit } from '../../table/batch';
import { keys, parseKey } from '../../table/keys';
import { queryPrefix } from '../../table/query';

/** The table a store reads: kept for callers outside payroll that load a run's inputs themselves. */
export interface TableRef {
  db: DynamoDBDocumentClient;
  table: string;
}

/** Who is in service in a month (from the employee index), and what a chunk of them needs to be paid. */
export class DynamoRunInputs implements RunInputs {
  constructor(private readonly ref: TableRef) {}

  async roster(month: string): Promise<{ nip: string; opd: string }[]> {
    const { db, table } = this.ref;
    const first = `${month}-01`;
    const last = lastDayOfMonth(month);
    const q = keys.roster();
    const out: { nip: string; opd: string }[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: table,
          IndexName: q.index,
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': q.pk },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const tmtStart = String(item.tmtStart);
        const tmtEnd = item.tmtEnd === undefined ? undefined : String(item.tmtEnd);
        if (tmtStart > last || (tmtEnd && tmtEnd < first)) continue;
        out.push({ nip: String(item.nip), opd: String(item.opd) });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  async pendingCorrections(nips: readonly string[]): Promise<Set<string>> {
    return withCorrectionMarker(this.ref, nips);
  }

  load(
    nips: readonly string[],
    month: string,
    performanceMonths: readonly string[],
    options?: { paidLedger?: boolean },
  ) {
    return loadRunData(this.ref, nips, month, performanceMonths, options);
  }
}

/**
 * Loads what a chunk of employees needs with BatchGetItem: the record (timelines inside), the monthly
 * results of the performance months the run pays, and the correction marker. Only employees with a
 * marker (a backdated change) or in their last masa pajak also get a Query of their paid ledger.
 */
export async function loadRunData(
  ref: TableRef,
  nips: readonly string[],
  month: string,
  /** The performance months whose results this month pays (default: every lag the schema allows). */
  months: readonly string[] = [0, 1, 2, 3].map((lag) => performanceMonthPaidIn(month, lag)),
  /** paidLedger: everyone's ledger (THR, gaji 13 and rapel read the masa's paid lists and the base month). */
  options?: { paidLedger?: boolean },
): Promise<Map<string, EmployeeRunData>> {
  const { db, table } = ref;
  const lastMasaMonth = month.endsWith('-12');
  const year = Number(month.slice(0, 4));
  const wanted = nips.flatMap((nip) => [
    keys.employee(nip),
    keys.correctionMarker(nip),
    ...months.map((m) => keys.monthlyResult(nip, m)),
    // December is everyone's last masa: the year's saldo awal comes in the same batch.
    ...(lastMasaMonth ? [keys.openingBalance(nip, year)] : []),
  ]);
  // Potongan lain: each employee's entries and the tenant's types, in the same batch.
  wanted.push(...deductionKeys(nips));
  // BatchGet pages (100 keys each) a few at a time instead of one after another.
  const pages = Array.from({ length: Math.ceil(wanted.length / 100) }, (_, i) =>
    wanted.slice(i * 100, i * 100 + 100),
  );
  // Who still owes a kelebihan (a sparse index, usually empty) is asked beside the batch, not after it.
  const [items, owing] = await Promise.all([
    mapLimit(pages, 4, (page) => batchGetAll(db, table, page)).then((p) => p.flat()),
    kelebihanOwing(ref, nips),
  ]);
  const data = new Map<string, EmployeeRunData>(
    nips.map((n) => [n, { timelines: [], results: new Map(), paid: [], openingBalances: new Map() }]),
  );
  const marked = new Set<string>();
  for (const item of items) {
    const nip = parseKey.employeeNip(String(item.pk));
    const d = data.get(nip);
    if (!d) continue;
    const sk = parseKey.employeeItem(String(item.sk));
    if (sk.kind === 'EMPLOYEE') {
      d.employee = employeeFromItem(item);
      d.timelines = (item.timelines ?? []) as TimelineEntry[];
    } else if (sk.kind === 'CORRECTION_MARKER') {
      d.correctionMarker = String(item.at);
      marked.add(nip);
    } else if (sk.kind === 'RESULT') {
      d.results.set(sk.month, item.facts as MonthlyFacts);
    } else if (sk.kind === 'OPENING_BALANCE') {
      const ob = engineOpeningBalance(openingBalanceFromItem(item));
      d.openingBalances.set(ob.year, ob);
    }
  }
  // Their gaji slip takes an instalment of the kelebihan.
  for (const nip of owing) data.get(nip)!.kelebihanOpen = true;
  const needLedger = nips.filter((nip) => {
    const tmtEnd = data.get(nip)?.employee?.identity.tmtEnd;
    return (
      options?.paidLedger ||
      lastMasaMonth ||
      marked.has(nip) ||
      data.get(nip)?.kelebihanOpen === true ||
      tmtEnd?.startsWith(month) === true
    );
  });
  await mapLimit(needLedger, 8, async (nip) => {
    const d = data.get(nip)!;
    d.paid = (await queryPrefix(db, table, keys.paidLedgerPrefix(nip))).map((i) => i.record as PaidRecord);
    // A last masa other than December, or a paid last masa to recompute, may need any year's saldo awal.
    if (!lastMasaMonth || marked.has(nip)) {
      for (const item of await queryPrefix(db, table, keys.openingBalancesOf(nip))) {
        const ob = engineOpeningBalance(openingBalanceFromItem(item));
        d.openingBalances.set(ob.year, ob);
      }
    }
    // Recomputing a paid month needs that month's results too, not only the ones paid now.
    if (marked.has(nip)) {
      for (const item of await queryPrefix(db, table, keys.monthlyResultsPrefix(nip))) {
        const sk = parseKey.employeeItem(String(item.sk));
        if (sk.kind === 'RESULT' && !d.results.has(sk.month))
          d.results.set(sk.month, item.facts as MonthlyFacts);
      }
    }
  });
  await attachDeductions(ref, items, data, month);
  return data;
}

/** The chunk's employees with a kelebihan still owed: one Query of the sparse index (core/payroll/kelebihan.ts). */
async function kelebihanOwing(ref: TableRef, nips: readonly string[]): Promise<string[]> {
  const q = keys.kelebihanOwing();
  const wanted = new Set(nips);
  const out: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ref.db.send(
      new QueryCommand({
        TableName: ref.table,
        IndexName: q.index,
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': q.pk },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) if (wanted.has(String(item.gsi2sk))) out.push(String(item.gsi2sk));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** Which of `nips` have an open correction marker (the RAPEL run's roster): BatchGet of their markers. */
export async function withCorrectionMarker(ref: TableRef, nips: readonly string[]): Promise<Set<string>> {
  const wanted = nips.map((nip) => keys.correctionMarker(nip));
  const pages = Array.from({ length: Math.ceil(wanted.length / 100) }, (_, i) =>
    wanted.slice(i * 100, i * 100 + 100),
  );
  const items = (await mapLimit(pages, 4, (page) => batchGetAll(ref.db, ref.table, page))).flat();
  return new Set(items.map((item) => parseKey.employeeNip(String(item.pk))));
}
