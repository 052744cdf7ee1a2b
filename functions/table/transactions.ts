import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';

/**
 * Runs a transaction and reports which guarded item (by index) failed its condition, so the caller can
 * turn "version changed" or "already exists" into the right 409 instead of a 500.
 */
export async function transactWrite(
  db: DynamoDBDocumentClient,
  items: NonNullable<TransactWriteCommandInput['TransactItems']>,
): Promise<{ ok: true } | { ok: false; failedIndexes: number[] }> {
  try {
    await db.send(new TransactWriteCommand({ TransactItems: items }));
    return { ok: true };
  } catch (err) {
    if (
      err instanceof TransactionCanceledException ||
      (err as Error).name === 'TransactionCanceledException'
    ) {
      const reasons = (err as TransactionCanceledException).CancellationReasons ?? [];
      const failedIndexes = reasons
        .map((r, i) => (r.Code === 'ConditionalCheckFailed' ? i : -1))
        .filter((i) => i >= 0);
      if (failedIndexes.length > 0) return { ok: false, failedIndexes };
    }
    throw err;
  }
}
