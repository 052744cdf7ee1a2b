import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type WriteRequest =
  | { PutRequest: { Item: Record<string, unknown> } }
  | { DeleteRequest: { Key: Record<string, unknown> } };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * BatchWrite in pages of 25, retrying what DynamoDB leaves unprocessed with exponential backoff and
 * jitter. Throws if items are still unprocessed after the attempts: a chunk must never believe it wrote
 * slips it did not.
 */
export async function batchWriteAll(
  db: DynamoDBDocumentClient,
  table: string,
  requests: readonly WriteRequest[],
  maxAttempts = 8,
): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending = requests.slice(i, i + 25);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= maxAttempts)
        throw new Error(`batch write: ${pending.length} items unprocessed after ${maxAttempts} attempts`);
      if (attempt > 0) await sleep(Math.min(2000, 25 * 2 ** attempt) * (0.5 + Math.random() / 2));
      const out = await db.send(
        new BatchWriteCommand({ RequestItems: { [table]: pending as WriteRequest[] } }),
      );
      pending = (out.UnprocessedItems?.[table] ?? []) as WriteRequest[];
    }
  }
}

export async function batchGetAll(
  db: DynamoDBDocumentClient,
  table: string,
  keys: readonly Record<string, unknown>[],
  projection?: string,
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Record<string, unknown>[] = keys.slice(i, i + 100);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= 8) throw new Error(`batch get: ${pending.length} keys unprocessed`);
      if (attempt > 0) await sleep(Math.min(2000, 25 * 2 ** attempt));
      const out = await db.send(
        new BatchGetCommand({
          RequestItems: {
            [table]: {
              Keys: pending,
              ...(projection ? { ProjectionExpression: projection } : {}),
            },
          },
        }),
      );
      found.push(...(out.Responses?.[table] ?? []));
      pending = (out.UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return found;
}

/**
 * Runs `fn` over items with at most `limit` in flight: DynamoDB Local and Lambda both like bounded
 * concurrency. After a failure no new item starts (those in flight finish): the caller has been told
 * the call failed, and nothing it asked for should go on happening behind its back.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i] as T);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  });
  await Promise.all(workers);
  return out;
}
