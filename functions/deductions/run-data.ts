import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { arrearsFromLedger, type PaidPosting } from '../../core/deductions/run';
import { addMonths } from '../../core/pay/month';
import type { EmployeeRunData } from '../../core/payroll/ports';
import type { PaidRecord } from '../../core/payroll/run-types';
import { batchGetAll } from '../table/batch';
import { keys, parseKey } from '../table/keys';
import {
  deductionRegisterFromItem,
  employeeDeductionsFromItem,
  isDeductionTypesItem,
  isEmployeeDeductionsItem,
} from './items';

/**
 * Potongan lain in the payroll run's load (functions/payroll/store/run-inputs.ts): the keys a chunk adds
 * to its one BatchGet (each employee's entries item, and the tenant's types once), and what it does with
 * the items that come back. Only employees with entries then get one more BatchGet: last month's ledger
 * records, whose postings carry the arrears into this month.
 */
export function deductionKeys(nips: readonly string[]) {
  return [...nips.map((nip) => keys.employeeDeductions(nip)), keys.deductionTypes()];
}

/** The kinds whose records can carry a regular deduction's arrear. */
const KINDS_WITH_DEDUCTIONS = ['GAJI_TPP', 'GAJI', 'TPP'] as const;

export async function attachDeductions(
  ref: { db: DynamoDBDocumentClient; table: string },
  items: readonly Record<string, unknown>[],
  data: Map<string, EmployeeRunData>,
  month: string,
): Promise<void> {
  const register = deductionRegisterFromItem(items.find(isDeductionTypesItem));
  const withEntries: string[] = [];
  const entriesOf = new Map<string, EmployeeDeductions['entries']>();
  for (const item of items) {
    if (!isEmployeeDeductionsItem(item)) continue;
    const d = employeeDeductionsFromItem(item);
    if (d.entries.length === 0 || !data.has(d.nip)) continue;
    entriesOf.set(d.nip, d.entries);
    withEntries.push(d.nip);
  }
  if (withEntries.length === 0) return;
  const previous = addMonths(month, -1);
  const ledgerOf = new Map<string, { deductions?: readonly PaidPosting[] }[]>();
  // An employee whose ledger the load already read needs no second read.
  const toRead = withEntries.filter((nip) => (data.get(nip)?.paid.length ?? 0) === 0);
  for (const nip of withEntries) {
    const paid = data.get(nip)?.paid ?? [];
    if (paid.length > 0) ledgerOf.set(nip, paid.filter((p) => p.month === previous) as PaidWithPostings[]);
  }
  if (toRead.length > 0) {
    const found = await batchGetAll(
      ref.db,
      ref.table,
      toRead.flatMap((nip) => KINDS_WITH_DEDUCTIONS.map((k) => keys.paidLedger(nip, previous, k))),
    );
    for (const item of found) {
      const nip = parseKey.employeeNip(String(item.pk));
      const list = ledgerOf.get(nip) ?? [];
      list.push(item.record as PaidWithPostings);
      ledgerOf.set(nip, list);
    }
  }
  for (const nip of withEntries) {
    const d = data.get(nip);
    if (!d) continue;
    d.deductions = {
      entries: entriesOf.get(nip) ?? [],
      types: register.types,
      policy: register.policy,
      arrears: arrearsFromLedger(ledgerOf.get(nip) ?? []),
    };
  }
}

type PaidWithPostings = PaidRecord & { deductions?: readonly PaidPosting[] };
type EmployeeDeductions = ReturnType<typeof employeeDeductionsFromItem>;
