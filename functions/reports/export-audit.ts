import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { auditEntry } from '../../core/audit/audit';
import type { Principal } from '../../core/auth/principal';
import type { ExportRunRef } from '../../core/reports/export-state';
import { auditPut } from '../audit/audit-items';
import { documentClient, tableForTenant } from '../table/client';

export interface ExportRecord {
  readonly exportId: string;
  readonly run: ExportRunRef;
  readonly fileName: string;
  /** What the file was made for: OPD, source account, template and version, rows and total. */
  readonly detail: Readonly<Record<string, string | number>>;
}

/**
 * Who exported what, when: one audit record per file handed out (entity `export:<runId>`, action
 * EXPORT), written before the file is returned — an export whose record could not be written fails.
 */
export async function auditExport(
  tenantId: string,
  principal: Principal,
  requestId: string,
  at: string,
  record: ExportRecord,
): Promise<void> {
  const entry = auditEntry(principal, {
    entityType: 'export',
    entityId: record.run.runId,
    action: 'EXPORT',
    at,
    requestId,
    after: {
      export: record.exportId,
      file: record.fileName,
      runState: record.run.runState,
      exportState: record.run.exportState,
      ...record.detail,
    },
  });
  const put = auditPut(tableForTenant(tenantId), entry).Put;
  // One request may hand out one file; a retried request writes its record once.
  await documentClient.send(new PutCommand(put)).catch((err: unknown) => {
    if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return;
    throw err;
  });
}
