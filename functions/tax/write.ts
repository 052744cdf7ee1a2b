import { auditEntry } from '../../core/audit/audit';
import { DomainError } from '../../core/errors';
import type { StoredTaxSettings } from '../../core/tax/withholders';
import { createGroupHandler, implement } from '../http/http-handler';
import { routeById } from '../routes';
import { taxDeps } from './deps';

const putSettings = implement(routeById('putTaxSettings'), async ({ body, principal, requestId }) => {
  const deps = taxDeps(principal, requestId);
  const before = await deps.store.settings();
  const { expectedVersion, ...fields } = body;
  if ((before?.version ?? 0) !== expectedVersion) {
    throw new DomainError(
      'CONFLICT',
      'VERSION_CONFLICT',
      before
        ? `Pengaturan pajak versi ${before.version} tersimpan; kirim expectedVersion ${before.version}`
        : 'Pengaturan pajak belum ada; kirim expectedVersion 0',
      [{ path: 'body.expectedVersion', message: `versi tersimpan ${before?.version ?? 0}` }],
    );
  }
  const after: StoredTaxSettings = {
    ...fields,
    version: expectedVersion + 1,
    updatedAt: deps.now,
    updatedBy: principal.sub,
  };
  await deps.store.putSettings(
    after,
    expectedVersion,
    auditEntry(principal, {
      entityType: 'tax-settings',
      entityId: 'tenant',
      action: before ? 'UPDATE' : 'CREATE',
      at: deps.now,
      requestId: deps.requestId,
      ...(before ? { before } : {}),
      after,
    }),
  );
  return { status: before ? 200 : 201, body: after };
});

export const handler = createGroupHandler('tax-write', [putSettings]);
