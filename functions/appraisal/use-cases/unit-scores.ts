import { auditEntry } from '../../../core/audit/audit';
import type { Principal } from '../../../core/auth/principal';
import { DomainError } from '../../../core/errors';
import type { TeamResult } from '../../../core/performance/evaluation-sources';
import { keys } from '../../table/keys';
import type { AppraisalDeps } from '../deps';
import { settingsFor } from '../settings';
import type { Change } from '../store/ports';
import { records } from '../store/records';

/**
 * Indeks kepuasan masyarakat per unit/service and team results per unit, imported by BKPSDM for the
 * tenants that use them. Unit ids are `OPD/UNIT-SLUG`, as each month result shows them (detail.unitId).
 */
export interface UnitScoresBody {
  publicSatisfaction: { unitId: string; service: string; score: number; respondents: number }[];
  teamResults: TeamResult[];
}

export async function putUnitScores(
  month: string,
  body: UnitScoresBody,
  principal: Principal,
  deps: AppraisalDeps,
) {
  const settings = settingsFor(deps.tenantId, month);
  const issues: { path: string; message: string }[] = [];
  if (body.publicSatisfaction.length > 0 && !settings.publicSatisfaction.enabled)
    issues.push({
      path: 'body.publicSatisfaction',
      message: 'IKM tidak digunakan dalam penilaian tenant ini',
    });
  if (body.teamResults.length > 0 && !settings.teamResult.enabled)
    issues.push({
      path: 'body.teamResults',
      message: 'capaian tim tidak digunakan dalam penilaian tenant ini',
    });
  const seen = new Set<string>();
  body.publicSatisfaction.forEach((s, i) => {
    const k = `${s.unitId}#${s.service}`;
    if (seen.has(k)) issues.push({ path: `body.publicSatisfaction[${i}]`, message: `${k} ganda` });
    seen.add(k);
  });
  body.teamResults.forEach((t, i) => {
    if (seen.has(t.unitId))
      issues.push({ path: `body.teamResults[${i}].unitId`, message: `${t.unitId} ganda` });
    seen.add(t.unitId);
  });
  if (issues.length > 0)
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Data unit tidak valid', issues);
  const changes: Change[] = [
    ...body.publicSatisfaction.map((s) => ({
      kind: 'put' as const,
      item: records.publicSatisfaction(month, s, deps.now),
    })),
    ...body.teamResults.map((t) => ({ kind: 'put' as const, item: records.teamResult(month, t, deps.now) })),
  ];
  await deps.store.commit({
    lockMonths: [month],
    correction: false,
    changes,
    audits: [
      auditEntry(principal, {
        entityType: 'unit-score',
        entityId: month,
        action: 'IMPORT',
        at: deps.now,
        requestId: deps.requestId,
        after: body,
      }),
    ],
  });
  return { month, publicSatisfaction: body.publicSatisfaction.length, teamResults: body.teamResults.length };
}

/** Which unit inputs the tenant's appraisal uses in the month: the console shows only those forms. */
export function unitSourcesUsed(settings: ReturnType<typeof settingsFor>) {
  return {
    publicSatisfaction: settings.publicSatisfaction.enabled,
    teamResult: settings.teamResult.enabled,
    unitRating: settings.calibration.unitRatingMultiplierPercent !== null,
  };
}

export async function listUnitScores(
  month: string,
  query: { limit: number; nextToken?: string | undefined },
  deps: AppraisalDeps,
) {
  const page = await deps.store.queryPage({
    ...keys.unitScores(month),
    limit: query.limit,
    nextToken: query.nextToken,
  });
  return {
    month,
    uses: unitSourcesUsed(settingsFor(deps.tenantId, month)),
    items: page.items.map((i) => ({ kind: i.kind, ...(i.score as object), at: i.at })),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}
