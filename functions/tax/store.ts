import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../core/audit/audit';
import { DomainError } from '../../core/errors';
import type { StoredTaxSettings } from '../../core/tax/withholders';
import { auditPut } from '../audit/audit-items';
import { keys } from '../table/keys';
import { transactWrite } from '../table/transactions';

function settingsFromItem(item: Record<string, unknown>): StoredTaxSettings {
  const { pk: _p, sk: _s, entity: _e, ...rest } = item;
  return rest as unknown as StoredTaxSettings;
}

/** The tenant's tax settings (one item) and the audit records of tax exports. */
export class DynamoTaxStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async settings(): Promise<StoredTaxSettings | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.taxSettings(), ConsistentRead: true }),
    );
    return out.Item ? settingsFromItem(out.Item) : undefined;
  }

  /** Creates (expected 0) or replaces (expected = stored version) the settings, with their audit record. */
  async putSettings(settings: StoredTaxSettings, expectedVersion: number, audit: AuditEntry): Promise<void> {
    const result = await transactWrite(this.db, [
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.taxSettings(), entity: 'TAX_SETTINGS', ...settings },
          ...(expectedVersion === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': expectedVersion },
              }),
        },
      },
      auditPut(this.table, audit),
    ]);
    if (!result.ok) {
      throw new DomainError(
        'CONFLICT',
        'VERSION_CONFLICT',
        'Pengaturan pajak telah diubah orang lain; muat ulang lalu coba lagi',
        [{ path: 'body.expectedVersion', message: 'tidak sama dengan versi tersimpan' }],
      );
    }
  }

  /**
   * An export leaves its audit record (who, what, of which runs and state, when) before the file is
   * returned: a file that could not be audited is not handed out.
   */
  async auditExport(audit: AuditEntry): Promise<void> {
    const put = auditPut(this.table, audit).Put;
    await this.db.send(new PutCommand(put));
  }
}
