import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../core/audit/audit';
import { DomainError } from '../../core/errors';
import type { OpeningBalance } from '../../core/pay/opening-balance';
import type {
  OpeningBalanceEmployee,
  PaidMonth,
  StoredOpeningBalance,
} from '../../core/payroll/opening-balance';
import type {
  ApplyOutcome,
  OpeningBalanceStore,
  OpeningBalanceWrite,
} from '../../core/payroll/opening-balance-use-cases';
import type { PaidRecord } from '../../core/payroll/run-types';
import { auditPut } from '../audit/audit-items';
import { employeeFromItem } from '../employees/dynamo-employee-repository';
import { batchGetAll, mapLimit } from '../table/batch';
import { keys } from '../table/keys';
import { queryPage, queryPrefix } from '../table/query';
import { transactWrite } from '../table/transactions';

/** The item of a balance: the figures as attributes, beside the employee's record and paid ledger. */
export function openingBalanceItem(b: StoredOpeningBalance) {
  return {
    ...keys.openingBalance(b.nip, b.year),
    ...keys.openingBalanceIndexes(b.year, b.opd, b.nip),
    entity: 'OPENING_BALANCE',
    ...b,
  };
}

export function openingBalanceFromItem(item: Record<string, unknown>): StoredOpeningBalance {
  const n = (k: string) => Number(item[k]);
  return {
    year: n('year'),
    nip: String(item.nip),
    opd: String(item.opd),
    firstMonth: n('firstMonth'),
    lastMonth: n('lastMonth'),
    monthsWorked: n('monthsWorked'),
    brutoGaji: n('brutoGaji'),
    brutoTpp: n('brutoTpp'),
    iuranPensiun: n('iuranPensiun'),
    pphGaji: n('pphGaji'),
    pphTpp: n('pphTpp'),
    source: String(item.source),
    version: n('version'),
    updatedAt: String(item.updatedAt),
    updatedBy: String(item.updatedBy),
  };
}

/** The engine's view of a stored balance: the figures only (the slip snapshot keeps exactly these). */
export function engineOpeningBalance(b: StoredOpeningBalance): OpeningBalance {
  return {
    year: b.year,
    firstMonth: b.firstMonth,
    lastMonth: b.lastMonth,
    monthsWorked: b.monthsWorked,
    brutoGaji: b.brutoGaji,
    brutoTpp: b.brutoTpp,
    iuranPensiun: b.iuranPensiun,
    pphGaji: b.pphGaji,
    pphTpp: b.pphTpp,
    source: b.source,
  };
}

/** The write of one balance: the item (conditional on its version), its marker if any, its audit record. */
function writeItems(table: string, w: OpeningBalanceWrite) {
  return [
    {
      Put: {
        TableName: table,
        Item: openingBalanceItem(w.balance),
        ...(w.expectedVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': w.expectedVersion },
            }),
      },
    },
    ...(w.correctionSince
      ? [
          {
            Put: {
              TableName: table,
              // The same marker a backdated employee change leaves: the next run recomputes paid months.
              Item: {
                ...keys.correctionMarker(w.balance.nip),
                entity: 'CORRECTION_MARKER',
                since: w.correctionSince,
                at: w.audit.at,
              },
            },
          },
        ]
      : []),
    auditPut(table, w.audit),
  ];
}

export interface StoreOptions {
  /** Epoch ms after which an import starts no new transaction (API Gateway answers 504 at 29 s). */
  deadline?: number;
}

export class DynamoOpeningBalanceStore implements OpeningBalanceStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly options: StoreOptions = {},
  ) {}

  async get(year: number, nip: string): Promise<StoredOpeningBalance | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.openingBalance(nip, year), ConsistentRead: true }),
    );
    return out.Item ? openingBalanceFromItem(out.Item) : undefined;
  }

  async getMany(year: number, nips: readonly string[]): Promise<Map<string, StoredOpeningBalance>> {
    const items = await batchGetAll(
      this.db,
      this.table,
      nips.map((nip) => keys.openingBalance(nip, year)),
    );
    return new Map(items.map((i) => [String(i.nip), openingBalanceFromItem(i)]));
  }

  async employees(nips: readonly string[]): Promise<Map<string, OpeningBalanceEmployee>> {
    const items = await batchGetAll(
      this.db,
      this.table,
      nips.map((nip) => keys.employee(nip)),
    );
    const out = new Map<string, OpeningBalanceEmployee>();
    for (const item of items) {
      const e = employeeFromItem(item);
      out.set(e.identity.nip, {
        nip: e.identity.nip,
        nama: e.identity.nama,
        opd: e.current.penempatan.opd,
        tmtStart: e.identity.tmtStart,
        tmtEnd: e.identity.tmtEnd || undefined,
      });
    }
    return out;
  }

  async lockedMonths(year: number): Promise<Set<string>> {
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    const items = await batchGetAll(
      this.db,
      this.table,
      months.map((m) => keys.monthLock(m)),
    );
    return new Set(items.map((i) => String(i.pk).slice('LOCK#'.length)));
  }

  async paidMonths(nip: string, year: number): Promise<PaidMonth[]> {
    const items = await queryPrefix(this.db, this.table, keys.paidLedgerOfYear(nip, year), true);
    return items.map((i) => {
      const record = i.record as PaidRecord;
      return { month: record.month, runId: record.runId };
    });
  }

  async put(
    balance: StoredOpeningBalance,
    expectedVersion: number,
    audit: AuditEntry,
    correctionSince?: string,
  ): Promise<void> {
    const result = await transactWrite(
      this.db,
      writeItems(this.table, { balance, expectedVersion, audit, correctionSince }),
    );
    if (!result.ok) {
      throw new DomainError(
        'CONFLICT',
        'VERSION_CONFLICT',
        `Saldo awal ${balance.year} NIP ${balance.nip} telah diubah pengguna lain; muat ulang lalu coba lagi`,
        [{ path: 'body.expectedVersion', message: `versi ${expectedVersion} sudah tidak berlaku` }],
      );
    }
  }

  /**
   * As many writes as fit in one TransactWriteItems call (100 actions, 2–3 per balance): on DynamoDB
   * Local a 2,000-row import took 28 s one transaction per row. A group that fails on one row's
   * condition is written again row by row, so only that row is a conflict.
   */
  async apply(writes: readonly OpeningBalanceWrite[]): Promise<ApplyOutcome> {
    const groups: OpeningBalanceWrite[][] = [];
    let group: OpeningBalanceWrite[] = [];
    let actions = 0;
    for (const w of writes) {
      const n = w.correctionSince ? 3 : 2;
      if (actions + n > 100 && group.length > 0) {
        groups.push(group);
        group = [];
        actions = 0;
      }
      group.push(w);
      actions += n;
    }
    if (group.length > 0) groups.push(group);
    const applied = new Set<string>();
    const conflicts = new Set<string>();
    const notAttempted = new Set<string>();
    await mapLimit(groups, 4, async (g) => {
      if (this.options.deadline !== undefined && Date.now() > this.options.deadline) {
        for (const w of g) notAttempted.add(w.balance.nip);
        return;
      }
      const together = await transactWrite(
        this.db,
        g.flatMap((w) => writeItems(this.table, w)),
      );
      if (together.ok) {
        for (const w of g) applied.add(w.balance.nip);
        return;
      }
      for (const w of g) {
        const alone = await transactWrite(this.db, writeItems(this.table, w));
        (alone.ok ? applied : conflicts).add(w.balance.nip);
      }
    });
    return { applied, conflicts, notAttempted };
  }

  async list(year: number, opd: string | undefined, limit: number, nextToken?: string) {
    const q = opd ? keys.openingBalancesOfYearOpd(year, opd) : keys.openingBalancesOfYear(year);
    // A token resumes only the list it came from: this table (tenant), year and OPD filter.
    const scope = `${this.table}|opening-balances|${year}|${opd ?? '*'}`;
    return queryPage(
      this.db,
      { table: this.table, index: q.index, pk: q.pk, scope, limit },
      nextToken,
      openingBalanceFromItem,
    );
  }
}
