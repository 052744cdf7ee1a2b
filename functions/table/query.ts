import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from './cursor';

/**
 * Every page of a Query. Only for partitions known to be small (a run's chunks or errors, one
 * employee's ledger): request paths that can grow use a limit and a cursor instead.
 */
export async function queryAllPages(
  db: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every item of a partition whose sort key starts with a prefix. */
export function queryPrefix(
  db: DynamoDBDocumentClient,
  table: string,
  key: { pk: string; skPrefix: string },
  consistent = false,
): Promise<Record<string, unknown>[]> {
  return queryAllPages(db, {
    TableName: table,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': key.pk, ':sk': key.skPrefix },
    ConsistentRead: consistent,
  });
}

/**
 * One page of an index partition behind an opaque cursor bound to `scope` (the table and the list): the
 * shape of every paged list the API serves.
 */
export async function queryPage<T>(
  db: DynamoDBDocumentClient,
  input: { table: string; index: string; pk: string; scope: string; limit: number; newestFirst?: boolean },
  nextToken: string | undefined,
  map: (item: Record<string, unknown>) => T,
): Promise<{ items: T[]; nextToken?: string }> {
  const out = await db.send(
    new QueryCommand({
      TableName: input.table,
      IndexName: input.index,
      KeyConditionExpression: `${input.index}pk = :pk`,
      ExpressionAttributeValues: { ':pk': input.pk },
      ...(input.newestFirst ? { ScanIndexForward: false } : {}),
      Limit: input.limit,
      ExclusiveStartKey: decodeCursor(nextToken, input.scope),
    }),
  );
  return {
    items: (out.Items ?? []).map(map),
    ...(out.LastEvaluatedKey ? { nextToken: encodeCursor(out.LastEvaluatedKey, input.scope) } : {}),
  };
}
