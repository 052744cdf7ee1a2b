import { BatchWriteCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/table/keys';

/** Every key a run holds: its own partition (META, exclusions), its chunk shards and its slip shards. */
function runPartitions(runId: string): string[] {
  return [
    keys.run(runId).pk,
    ...keys.runChunkShards(runId).map((s) => s.pk),
    ...keys.slipShardsOfRun(runId).map((s) => s.pk),
  ];
}

async function queryKeys(db: DynamoDBDocumentClient, table: string, pk: string, skPrefix?: string) {
  const found: { pk: string; sk: string }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :s)' : 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(skPrefix ? { ':s': skPrefix } : {}) },
        ProjectionExpression: 'pk, sk',
        ExclusiveStartKey: start,
      }),
    );
    found.push(...((out.Items ?? []) as { pk: string; sk: string }[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return found;
}

/** How many slips a run has stored, over all its shards (read from the table, not from the run's counters). */
export async function slipCount(db: DynamoDBDocumentClient, table: string, runId: string): Promise<number> {
  const shards = keys.slipShardsOfRun(runId);
  const counts = await Promise.all(
    shards.map(async (s) => (await queryKeys(db, table, s.pk, s.skPrefix)).length),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** Deletes every item of a run (so a test can start it again from nothing). */
export async function deleteRun(db: DynamoDBDocumentClient, table: string, runId: string): Promise<void> {
  for (const pk of runPartitions(runId)) {
    const found = await queryKeys(db, table, pk);
    for (let i = 0; i < found.length; i += 25) {
      await db.send(
        new BatchWriteCommand({
          RequestItems: { [table]: found.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })) },
        }),
      );
    }
  }
}
