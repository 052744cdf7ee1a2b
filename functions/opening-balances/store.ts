import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../core/audit/audit';
import { DomainError } from '../../core/errors';
import type { OpeningBalance } from '../../core/pay/opening-balance';
import type {
  OpeningBalanceEmployee,
  PaidMonth,
  StoredOpeningBalance,
} from '../../core/payroll/opening-balance';
import type { OpeningBalanceStore } from '../../core/payroll/opening-balance-use-cases';
import type { PaidRecord } from '../../core/payroll/run-types';
import { auditPut } from '../audit/audit-items';
import { employeeFromItem } from '../employees/dynamo-employee-repository';
import { batchGetAll } from '../table/batch';
import { decodeCursor, encodeCursor } from '../table/cursor';
import { keys } from '../table/keys';
import { queryPrefix } from '../table/query';
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

export class DynamoOpeningBalanceStore implements OpeningBalanceStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
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
    const result = await transactWrite(this.db, [
      {
        Put: {
          TableName: this.table,
          Item: openingBalanceItem(balance),
          ...(expectedVersion === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': expectedVersion },
              }),
        },
      },
      ...(correctionSince
        ? [
            {
              Put: {
                TableName: this.table,
                // The same marker a backdated employee change leaves: the next run recomputes paid months.
                Item: {
                  ...keys.correctionMarker(balance.nip),
                  entity: 'CORRECTION_MARKER',
                  since: correctionSince,
                  at: audit.at,
                },
              },
            },
          ]
        : []),
      auditPut(this.table, audit),
    ]);
    if (!result.ok) {
      throw new DomainError(
        'CONFLICT',
        'VERSION_CONFLICT',
        `Saldo awal ${balance.year} NIP ${balance.nip} telah diubah pengguna lain; muat ulang lalu coba lagi`,
        [{ path: 'body.expectedVersion', message: `versi ${expectedVersion} sudah tidak berlaku` }],
      );
    }
  }

  async list(year: number, opd: string | undefined, limit: number, nextToken?: string) {
    const q = opd ? keys.openingBalancesOfYearOpd(year, opd) : keys.openingBalancesOfYear(year);
    // A token resumes only the list it came from: this table (tenant), year and OPD filter.
    const scope = `${this.table}|opening-balances|${year}|${opd ?? '*'}`;
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: q.index,
        KeyConditionExpression: `${q.index}pk = :pk`,
        ExpressionAttributeValues: { ':pk': q.pk },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(nextToken, scope),
      }),
    );
    return {
      items: (out.Items ?? []).map(openingBalanceFromItem),
      ...(out.LastEvaluatedKey ? { nextToken: encodeCursor(out.LastEvaluatedKey, scope) } : {}),
    };
  }
}
