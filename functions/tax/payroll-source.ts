import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StoredEmployee } from '../../core/employee/repository';
import type { StoredOpeningBalance } from '../../core/payroll/opening-balance';
import type { RunSummary, StoredSlip } from '../../core/payroll/run-types';
import { employeeFromItem } from '../employees/dynamo-employee-repository';
import { openingBalanceFromItem } from '../opening-balances/store';
import { decodeSlip } from '../payroll/slip-codec';
import { DynamoRunStore } from '../payroll/store/run-store';
import { allSlipsOfRun, DynamoSlipStore } from '../payroll/store/slip-store';
import { batchGetAll } from '../table/batch';
import { keys } from '../table/keys';

/**
 * Everything the tax exports read from the payroll: runs, their stored slips, and what the slips do not
 * carry (the NIK, the saldo awal). The payroll's stores are called from here only, so a change of the
 * payroll's persistence touches one file of this module.
 */
export class PayrollSource {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** The runs of a year, every kind (GAJI_TPP, GAJI, TPP, and whatever kinds the payroll adds). */
  async runsOfYear(year: string): Promise<RunSummary[]> {
    return new DynamoRunStore(this.db, this.table).ofYear(year);
  }

  /**
   * The stored slips of the given runs: all of them (or one OPD's), or one employee's. The one place the
   * tax module reads slips.
   */
  async slips(runIds: readonly string[], filter: { opd?: string; nip?: string } = {}): Promise<StoredSlip[]> {
    if (filter.nip) {
      const rows = await new DynamoSlipStore(this.db, this.table).ofEmployee(filter.nip, runIds);
      return rows.map((r) => decodeSlip(r.payload));
    }
    const out: StoredSlip[] = [];
    for (const runId of runIds) {
      for (const row of await allSlipsOfRun(this.db, this.table, runId, filter.opd))
        out.push(decodeSlip(row.payload));
    }
    return out;
  }

  /** NIK per NIP from the employee record (identity, not pay: the slip snapshot does not keep it). */
  async niks(nips: readonly string[]): Promise<Map<string, string>> {
    const items = await batchGetAll(
      this.db,
      this.table,
      [...new Set(nips)].map((n) => keys.employee(n)),
    );
    const out = new Map<string, string>();
    for (const item of items) {
      const e: StoredEmployee = employeeFromItem(item);
      if (e.identity.nik) out.set(e.identity.nip, e.identity.nik);
    }
    return out;
  }

  async openingBalances(year: number, nips: readonly string[]): Promise<Map<string, StoredOpeningBalance>> {
    const items = await batchGetAll(
      this.db,
      this.table,
      [...new Set(nips)].map((n) => keys.openingBalance(n, year)),
    );
    return new Map(items.map((i) => openingBalanceFromItem(i)).map((b) => [b.nip, b]));
  }
}
