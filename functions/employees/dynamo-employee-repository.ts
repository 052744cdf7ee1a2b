import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../core/audit/audit';
import type {
  EmployeeListFilter,
  EmployeeRepository,
  EmployeeWithTimelines,
  Page,
  StoredEmployee,
} from '../../core/employee/repository';
import type { TimelineEntry } from '../../core/employee/timeline';
import { searchText } from '../../core/employee/use-cases';
import { DomainError } from '../../core/errors';
import { auditPut } from '../audit/audit-items';
import { decodeCursor, encodeCursor } from '../table/cursor';
import { keys } from '../table/keys';
import { transactWrite } from '../table/transactions';

/** Rows a search reads per query round (20 rounds at most per request). */
const SEARCH_READ_LIMIT = 500;

type Source = { kind: 'query'; index: 'gsi1' | 'gsi2' | 'gsi3'; pk: string } | { kind: 'self'; nip: string };

/** A list may span several partitions (an operator's OPDs, an atasan's own row + bawahan). */
function sourcesFor(filter: EmployeeListFilter): Source[] {
  const { scope, opd } = filter;
  const byOpd = (o: string): Source => ({ kind: 'query', ...keys.employeesByOpd(o) });
  switch (scope.kind) {
    case 'ALL':
      return [opd ? byOpd(opd) : { kind: 'query', ...keys.allEmployees() }];
    case 'OPDS':
      return (opd ? [opd] : [...scope.opds].sort()).map(byOpd);
    case 'BAWAHAN':
      return [
        ...(scope.includeSelf ? [{ kind: 'self', nip: scope.atasanNip } as Source] : []),
        { kind: 'query', ...keys.employeesByAtasan(scope.atasanNip) },
      ];
    case 'SELF':
      return [{ kind: 'self', nip: scope.nip }];
  }
}

/**
 * The whole record is one item: identity, current values, and every dated timeline entry. A payroll
 * run then reads a chunk of employees with BatchGetItem instead of a Query each, and a change is one
 * conditional Put. A long career stays far below the 400 KB item limit (~60 entries ≈ 25 KB).
 */
export function employeeItem(e: StoredEmployee, timelines: readonly TimelineEntry[]) {
  const { nip } = e.identity;
  return {
    ...keys.employee(nip),
    ...keys.employeeIndexes(nip, e.current.penempatan.opd, e.current.penempatan.atasanNip),
    entity: 'EMPLOYEE',
    nip,
    // Top-level copies exist only so list filters can use a FilterExpression.
    jenisAsn: e.current.kepegawaian.jenisAsn,
    statusKepegawaian: e.current.kepegawaian.status,
    // The name as searched (lower case, single spaces): DynamoDB's contains() is case-sensitive.
    namaCari: searchText(e.identity.nama),
    identity: e.identity,
    current: e.current,
    timelines,
    version: e.version,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

/** The roster copy of an employee (keys.employeeRoster): always written in the same transaction. */
export function rosterItem(e: StoredEmployee) {
  const { nip, tmtStart, tmtEnd } = e.identity;
  return {
    ...keys.employeeRoster(nip),
    entity: 'ROSTER',
    nip,
    opd: e.current.penempatan.opd,
    tmtStart,
    ...(tmtEnd ? { tmtEnd } : {}),
  };
}

export function employeeFromItem(item: Record<string, unknown>): StoredEmployee {
  return {
    identity: item.identity as StoredEmployee['identity'],
    current: item.current as StoredEmployee['current'],
    version: item.version as number,
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
  };
}

const fromItem = employeeFromItem;

function matches(e: StoredEmployee, filter: EmployeeListFilter): boolean {
  if (filter.jenis && e.current.kepegawaian.jenisAsn !== filter.jenis) return false;
  if (filter.status && e.current.kepegawaian.status !== filter.status) return false;
  if (filter.opd && e.current.penempatan.opd !== filter.opd) return false;
  if (filter.q && !searchText(e.identity.nama).includes(filter.q) && !e.identity.nip.startsWith(filter.q)) {
    return false;
  }
  return true;
}

export class DynamoEmployeeRepository implements EmployeeRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async getWithTimelines(nip: string): Promise<EmployeeWithTimelines | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.employee(nip), ConsistentRead: true }),
    );
    if (!out.Item) return undefined;
    return { employee: fromItem(out.Item), timelines: (out.Item.timelines ?? []) as TimelineEntry[] };
  }

  async create(employee: StoredEmployee, timelines: TimelineEntry[], audit: AuditEntry): Promise<void> {
    const { nip } = employee.identity;
    const result = await transactWrite(this.db, [
      {
        Put: {
          TableName: this.table,
          Item: employeeItem(employee, timelines),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      { Put: { TableName: this.table, Item: rosterItem(employee) } },
      auditPut(this.table, audit),
    ]);
    if (!result.ok) {
      throw new DomainError('CONFLICT', 'ALREADY_EXISTS', `Pegawai dengan NIP ${nip} sudah terdaftar`, [
        { path: 'body.nip', message: 'NIP sudah terdaftar' },
      ]);
    }
  }

  async update(
    employee: StoredEmployee,
    expectedVersion: number,
    timelines: TimelineEntry[],
    audit: AuditEntry,
    backdatedFrom?: string,
  ): Promise<void> {
    const { nip } = employee.identity;
    const item = employeeItem(employee, timelines);
    const result = await transactWrite(this.db, [
      {
        Put: {
          TableName: this.table,
          // A move out of an atasan's chain must drop the gsi3 keys, so the item is replaced whole.
          Item: item,
          ConditionExpression: 'attribute_exists(pk) AND version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        },
      },
      { Put: { TableName: this.table, Item: rosterItem(employee) } },
      ...(backdatedFrom
        ? [
            {
              Put: {
                TableName: this.table,
                Item: {
                  ...keys.correctionMarker(nip),
                  entity: 'CORRECTION_MARKER',
                  since: backdatedFrom,
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
        'Data telah diubah pengguna lain; muat ulang lalu coba lagi',
        [{ path: 'body.expectedVersion', message: `versi ${expectedVersion} sudah tidak berlaku` }],
      );
    }
  }

  async list(filter: EmployeeListFilter, limit: number, nextToken?: string): Promise<Page<StoredEmployee>> {
    const sources = sourcesFor(filter);
    // The token is bound to this table and this exact filter: resuming it elsewhere is a 400.
    const cursorScope = `${this.table}|employees|${JSON.stringify(filter)}`;
    const cursor = decodeCursor<{ s: number; k?: Record<string, unknown> }>(nextToken, cursorScope);
    let sourceIndex = cursor?.s ?? 0;
    let startKey = cursor?.k;
    if (!Number.isInteger(sourceIndex) || sourceIndex < 0 || sourceIndex > sources.length) {
      throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Token halaman tidak valid', [
        { path: 'query.nextToken', message: 'token halaman tidak valid' },
      ]);
    }
    const items: StoredEmployee[] = [];
    // Bounded work per request: a sparse filter returns a short page and a token rather than looping on.
    for (let round = 0; round < 20 && sourceIndex < sources.length && items.length < limit; round++) {
      const source = sources[sourceIndex]!;
      if (source.kind === 'self') {
        const out = await this.db.send(
          new GetCommand({ TableName: this.table, Key: keys.employee(source.nip) }),
        );
        if (out.Item) {
          const e = fromItem(out.Item);
          if (matches(e, filter)) items.push(e);
        }
        sourceIndex++;
        startKey = undefined;
        continue;
      }
      const filters: string[] = [];
      const values: Record<string, unknown> = { ':pk': source.pk };
      if (filter.jenis) {
        filters.push('jenisAsn = :jenis');
        values[':jenis'] = filter.jenis;
      }
      if (filter.status) {
        filters.push('statusKepegawaian = :status');
        values[':status'] = filter.status;
      }
      if (filter.q) {
        filters.push('(contains(namaCari, :q) OR begins_with(nip, :q))');
        values[':q'] = filter.q;
      }
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: source.index,
          KeyConditionExpression: `${source.index}pk = :pk`,
          ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
          ExpressionAttributeValues: values,
          // A search matches few rows: read more per round (bounded by DynamoDB's 1 MB per query).
          Limit: filter.q ? SEARCH_READ_LIMIT : limit - items.length,
          ExclusiveStartKey: startKey,
        }),
      );
      const raws = out.Items ?? [];
      let cut: Record<string, unknown> | undefined;
      for (const [i, raw] of raws.entries()) {
        const e = fromItem(raw);
        if (matches(e, filter)) items.push(e);
        if (items.length >= limit && i < raws.length - 1) {
          // The page is full before the rows read: resume right after this row, none skipped.
          const k = source.index;
          cut = { pk: raw.pk, sk: raw.sk, [`${k}pk`]: raw[`${k}pk`], [`${k}sk`]: raw[`${k}sk`] };
          break;
        }
      }
      startKey = cut ?? out.LastEvaluatedKey;
      if (!startKey) sourceIndex++;
    }
    const more = sourceIndex < sources.length;
    return {
      items,
      ...(more
        ? { nextToken: encodeCursor({ s: sourceIndex, ...(startKey ? { k: startKey } : {}) }, cursorScope) }
        : {}),
    };
  }
}
