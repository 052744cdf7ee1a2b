import type { AuditEntry } from '../../core/audit/audit';
import { keys } from '../table/keys';

/**
 * The audit item for an entry. It is written in the same TransactWriteItems call as the change it
 * records, guarded by attribute_not_exists so a retried request cannot write a second record.
 */
export function auditPut(table: string, entry: AuditEntry, n = 0) {
  return {
    Put: {
      TableName: table,
      Item: {
        ...keys.audit(entry.entityType, entry.entityId, entry.at, entry.requestId, n),
        entity: 'AUDIT',
        ...entry,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export function auditFromItem(item: Record<string, unknown>): AuditEntry {
  const { pk: _pk, sk: _sk, gsi2pk: _g, gsi2sk: _gs, entity: _e, ...rest } = item;
  return rest as unknown as AuditEntry;
}
