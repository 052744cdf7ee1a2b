import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

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
