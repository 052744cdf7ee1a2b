import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { employeeFromItem, rosterItem } from '../../functions/employees/dynamo-employee-repository';
import { batchWriteAll } from '../../functions/table/batch';
import { keys } from '../../functions/table/keys';
import type { localDynamoClient } from './tables';

/**
 * A table kept with `npm start -- --persist` from before the roster existed has employee records and
 * no roster copies, and a run planned from the roster would find nobody. Writes the copy of every
 * record (idempotent: the copy is derived from the record), so a kept table plans like a new one.
 */
export async function backfillRoster(
  raw: ReturnType<typeof localDynamoClient>,
  table: string,
): Promise<number> {
  const db = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  const q = keys.allEmployees();
  let start: Record<string, unknown> | undefined;
  let written = 0;
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
    const items = page.Items ?? [];
    await batchWriteAll(
      db,
      table,
      items.map((item) => ({ PutRequest: { Item: rosterItem(employeeFromItem(item)) } })),
    );
    written += items.length;
    start = page.LastEvaluatedKey;
  } while (start);
  return written;
}
