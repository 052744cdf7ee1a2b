import { auditEntry } from '../../../core/audit/audit';
import type { Principal } from '../../../core/auth/principal';
import { DomainError } from '../../../core/errors';
import { type IndicatorLibrary, parseIndicatorLibrary } from '../../../core/performance/indicator-library';
import { RulesetValidationError } from '../../../core/rulesets/errors';
import { decodeCursor, encodeCursor } from '../../table/cursor';
import { keys } from '../../table/keys';
import { versionConflict } from '../access';
import type { AppraisalDeps } from '../deps';
import { baseIndicatorLibrary } from '../settings';
import { parse, records, type StoredLibraryEntry } from '../store/records';

/**
 * The indicator library per jabatan: the shared DEMO library (rulesets/appraisal/indicator-library.json)
 * with the tenant's own entries, managed by BKPSDM, replacing or adding templates by key.
 */
async function overrides(deps: AppraisalDeps): Promise<StoredLibraryEntry[]> {
  return (await deps.store.queryAll(keys.libraryEntries())).map(parse.library);
}

export async function tenantLibrary(deps: AppraisalDeps): Promise<IndicatorLibrary> {
  const base = baseIndicatorLibrary();
  const own = await overrides(deps);
  const byKey = new Map(own.map((e) => [e.template.key, e.template]));
  // Tenant entries first: a tenant's own match for a jabatan wins over the shared one.
  const jabatan = [...own.map((e) => e.template), ...base.jabatan.filter((t) => !byKey.has(t.key))];
  return { ...base, jabatan };
}

export async function listLibrary(
  query: { limit: number; nextToken?: string | undefined },
  deps: AppraisalDeps,
) {
  const own = await overrides(deps);
  const ownKeys = new Map(own.map((e) => [e.template.key, e]));
  const rows = [
    ...own.map((e) => ({
      ...e.template,
      source: 'TENANT' as const,
      version: e.version,
      updatedAt: e.updatedAt,
    })),
    ...baseIndicatorLibrary()
      .jabatan.filter((t) => !ownKeys.has(t.key))
      .map((t) => ({ ...t, source: 'PUSTAKA' as const, version: 0 })),
  ].sort((a, b) => a.key.localeCompare(b.key));
  // The library is small and assembled from two sources: an offset cursor over the sorted keys.
  const cursorScope = `${deps.tenantId}|library`;
  const from = decodeCursor<{ o: number }>(query.nextToken, cursorScope)?.o ?? 0;
  const items = rows.slice(from, from + query.limit);
  const next =
    from + query.limit < rows.length ? encodeCursor({ o: from + query.limit }, cursorScope) : undefined;
  return { items, ...(next ? { nextToken: next } : {}) };
}

export async function putLibraryEntry(
  key: string,
  body: { expectedVersion: number; entry: Record<string, unknown> },
  principal: Principal,
  deps: AppraisalDeps,
) {
  let template: IndicatorLibrary['jabatan'][number];
  try {
    const base = baseIndicatorLibrary();
    const doc = parseIndicatorLibrary(
      { id: base.id, confidence: base.confidence, source: base.source, jabatan: [{ ...body.entry, key }] },
      'body.entry',
    );
    template = doc.jabatan[0] as IndicatorLibrary['jabatan'][number];
  } catch (err) {
    if (!(err instanceof RulesetValidationError)) throw err;
    throw new DomainError(
      'INVALID',
      'VALIDATION_FAILED',
      'Template indikator tidak valid',
      err.issues.map((i) => ({
        path: `body.entry${i.path.replace(/^jabatan\[0\]/, '')}`,
        message: i.reason,
      })),
    );
  }
  const stored: StoredLibraryEntry = {
    template,
    version: body.expectedVersion + 1,
    updatedAt: deps.now,
    updatedBy: principal.sub,
  };
  await deps.store.commit({
    lockMonths: [],
    correction: false,
    changes: [
      {
        kind: 'replace',
        item: records.library(stored),
        expectedVersion: body.expectedVersion,
        onConflict: versionConflict(body.expectedVersion),
      },
    ],
    audits: [
      auditEntry(principal, {
        entityType: 'library',
        entityId: key,
        action: body.expectedVersion === 0 ? 'CREATE' : 'UPDATE',
        at: deps.now,
        requestId: deps.requestId,
        after: template,
      }),
    ],
  });
  return { ...template, source: 'TENANT', version: stored.version, updatedAt: stored.updatedAt };
}
