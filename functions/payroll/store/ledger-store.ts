import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PaidLedger } from '../../../core/payroll/ports';
import type { PaidRecord } from '../../../core/payroll/run-types';
import { batchWriteAll } from '../../table/batch';
import { keys } from '../../table/keys';

/** The paid ledger under each employee's own partition (EMP#<nip>): spread by nature. */
export class DynamoPaidLedger implements PaidLedger {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** A put by key: writing a chunk's records again (a resumed lock) leaves the same ledger. */
  async publish(records: readonly { nip: string; record: PaidRecord }[]): Promise<void> {
    await batchWriteAll(
      this.db,
      this.table,
      records.map(({ nip, record }) => ({
        PutRequest: {
          Item: { ...keys.paidLedger(nip, record.month, record.kind), entity: 'PAID', record },
        },
      })),
    );
  }

  /** Put by key or deleted: a resumed lock writes the same flag again. */
  async flagKelebihan(nip: string, open: boolean): Promise<void> {
    const key = keys.kelebihanOpen(nip);
    if (open) {
      await this.db.send(
        new PutCommand({ TableName: this.table, Item: { ...key, entity: 'KELEBIHAN_OPEN', nip } }),
      );
    } else {
      await this.db.send(new DeleteCommand({ TableName: this.table, Key: { pk: key.pk, sk: key.sk } }));
    }
  }

  async clearCorrectionMarker(nip: string, seenAt: string): Promise<void> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.table,
          Key: keys.correctionMarker(nip),
          ConditionExpression: '#at = :seen',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: { ':seen': seenAt },
        }),
      );
    } catch (err) {
      // A newer backdated change arrived since the run read the marker: it stays for the next run.
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    }
  }
}
