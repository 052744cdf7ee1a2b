import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../../core/errors';
import { auditPut } from '../../audit/audit-items';
import { batchGetAll, batchWriteAll, mapLimit } from '../../table/batch';
import { decodeCursor, encodeCursor } from '../../table/cursor';
import { keys } from '../../table/keys';
import { transactWrite } from '../../table/transactions';
import type { AllQuery, Item, ItemStore, Key, Page, PageQuery, UnitOfWork } from './ports';

type TxItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export function monthLocked(month: string): DomainError {
  return new DomainError(
    'LOCKED',
    'MONTH_LOCKED',
    `Bulan ${month} sudah dikunci oleh run gaji; kirim correction: { reason } untuk koreksi`,
    [{ path: 'month', message: `bulan ${month} terkunci` }],
  );
}

function keyCondition(q: Pick<PageQuery, 'index' | 'pk' | 'skPrefix'>) {
  const pkName = q.index ? `${q.index}pk` : 'pk';
  const skName = q.index ? `${q.index}sk` : 'sk';
  return {
    ...(q.index ? { IndexName: q.index } : {}),
    KeyConditionExpression: q.skPrefix ? '#pk = :pk AND begins_with(#sk, :sk)' : '#pk = :pk',
    ExpressionAttributeNames: { '#pk': pkName, ...(q.skPrefix ? { '#sk': skName } : {}) },
    ExpressionAttributeValues: { ':pk': q.pk, ...(q.skPrefix ? { ':sk': q.skPrefix } : {}) },
  };
}

/** `facts.coverage` → `#p0.#p1`: every path segment a name placeholder (reserved words are many). */
function projectionOf(paths: readonly string[]) {
  const names: Record<string, string> = {};
  const seen = new Map<string, string>();
  const expression = paths
    .map((path) =>
      path
        .split('.')
        .map((segment) => {
          let placeholder = seen.get(segment);
          if (!placeholder) {
            placeholder = `#p${seen.size}`;
            seen.set(segment, placeholder);
            names[placeholder] = segment;
          }
          return placeholder;
        })
        .join('.'),
    )
    .join(', ');
  return { expression, names };
}

export class DynamoItemStore implements ItemStore {
  constructor(
    readonly db: DynamoDBDocumentClient,
    readonly table: string,
  ) {}

  async get(key: Key): Promise<Item | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: key }));
    return out.Item as Item | undefined;
  }

  async batchGet(list: readonly Key[]): Promise<Item[]> {
    return (await batchGetAll(this.db, this.table, list)) as Item[];
  }

  async queryAll(q: AllQuery): Promise<Item[]> {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    const condition = keyCondition(q);
    const projection = q.projection ? projectionOf(q.projection) : undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          ...condition,
          ...(projection
            ? {
                ProjectionExpression: projection.expression,
                ExpressionAttributeNames: { ...condition.ExpressionAttributeNames, ...projection.names },
              }
            : {}),
          ...(q.descending ? { ScanIndexForward: false } : {}),
          ExclusiveStartKey: start,
        }),
      );
      items.push(...((out.Items ?? []) as Item[]));
      start = out.LastEvaluatedKey;
    } while (start && (q.limit === undefined || items.length < q.limit));
    return q.limit === undefined ? items : items.slice(0, q.limit);
  }

  async queryPage(q: PageQuery): Promise<Page<Item>> {
    // Bound to the table, index and partition queried: a token from another list is a 400.
    const cursorScope = `${this.table}|${q.index ?? ''}|${q.pk}|${q.skPrefix ?? ''}|${q.descending ? 'desc' : 'asc'}`;
    const start = decodeCursor<Record<string, unknown>>(q.nextToken, cursorScope);
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        ...keyCondition(q),
        ...(q.descending ? { ScanIndexForward: false } : {}),
        Limit: q.limit,
        ExclusiveStartKey: start,
      }),
    );
    return {
      items: (out.Items ?? []) as Item[],
      ...(out.LastEvaluatedKey ? { nextToken: encodeCursor(out.LastEvaluatedKey, cursorScope) } : {}),
    };
  }

  async isMonthLocked(month: string): Promise<boolean> {
    return Boolean(await this.get(keys.monthLock(month)));
  }

  async commit(work: UnitOfWork): Promise<void> {
    const lockMonths = work.correction ? [] : [...new Set(work.lockMonths)];
    const items: TxItem[] = lockMonths.map((m) => ({
      ConditionCheck: {
        TableName: this.table,
        Key: keys.monthLock(m),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }));
    for (const change of work.changes) items.push(this.txItem(change));
    work.audits.forEach((a, n) => {
      items.push(auditPut(this.table, a, (work.auditSeq ?? 0) + n));
    });
    if (items.length > 100) throw new Error(`unit of work too large: ${items.length} items`);
    const result = await transactWrite(this.db, items);
    if (result.ok) return;
    const first = result.failedIndexes[0] ?? 0;
    if (first < lockMonths.length) throw monthLocked(lockMonths[first] as string);
    const change = work.changes[first - lockMonths.length];
    if (change && change.kind !== 'put') throw change.onConflict;
    // An audit record that already exists means this very request was applied before.
    throw new DomainError('CONFLICT', 'DUPLICATE_REQUEST', 'Permintaan yang sama sudah diproses');
  }

  async bulkPut(items: readonly Item[]): Promise<void> {
    // Slices written side by side: one sequential BatchWrite stream is the bottleneck of a big import.
    const slices: Item[][] = [];
    for (let i = 0; i < items.length; i += 500) slices.push(items.slice(i, i + 500));
    await mapLimit(slices, 8, (slice) =>
      batchWriteAll(
        this.db,
        this.table,
        slice.map((Item) => ({ PutRequest: { Item } })),
      ),
    );
  }

  private txItem(change: UnitOfWork['changes'][number]): TxItem {
    const TableName = this.table;
    switch (change.kind) {
      case 'create':
        return { Put: { TableName, Item: change.item, ConditionExpression: 'attribute_not_exists(pk)' } };
      case 'put':
        return { Put: { TableName, Item: change.item } };
      case 'replace':
        return {
          Put: {
            TableName,
            Item: change.item,
            ...(change.expectedVersion === 0
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression: 'attribute_exists(pk) AND version = :v',
                  ExpressionAttributeValues: { ':v': change.expectedVersion },
                }),
          },
        };
      case 'strip':
        return {
          Update: {
            TableName,
            Key: change.key,
            UpdateExpression: `REMOVE ${change.attributes.map((_, i) => `#a${i}`).join(', ')}`,
            ConditionExpression: 'attribute_exists(pk) AND version = :v',
            ExpressionAttributeNames: Object.fromEntries(change.attributes.map((a, i) => [`#a${i}`, a])),
            ExpressionAttributeValues: { ':v': change.expectedVersion },
          },
        };
    }
  }
}
