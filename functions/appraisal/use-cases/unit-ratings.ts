import { auditEntry } from '../../../core/audit/audit';
import type { Principal } from '../../../core/auth/principal';
import { DomainError } from '../../../core/errors';
import type { Predikat } from '../../../core/pay/types';
import {
  calibrationGroupOf,
  type UnitRating,
  unitMultiplierPercent,
  unitRatingIssues,
} from '../../../core/performance/unit-rating';
import { keys } from '../../table/keys';
import type { AppraisalDeps } from '../deps';
import { settingsFor, unitIdOf } from '../settings';
import { employeesInService } from './results';
import { unitSourcesUsed } from './unit-scores';

/**
 * Predikat kinerja unit per month, entered by BKPSDM where the tenant scales its calibration curve by
 * the unit's own result (Binjai). The calibration report reads them (reports.ts); nothing is paid on
 * them, so they are not behind the month lock, but every entry is audited with the one it replaces.
 */
export interface StoredUnitRating extends UnitRating {
  month: string;
  note?: string;
  by: string;
  at: string;
}

export async function storedUnitRatings(month: string, deps: AppraisalDeps): Promise<StoredUnitRating[]> {
  return (await deps.store.queryAll(keys.unitRatings(month))).map((i) => {
    const { pk: _p, sk: _s, entity: _e, ...rating } = i;
    return rating as unknown as StoredUnitRating;
  });
}

export async function putUnitRatings(
  month: string,
  body: { ratings: { unitId: string; predikat: Predikat; note?: string | undefined }[] },
  principal: Principal,
  deps: AppraisalDeps,
) {
  const config = settingsFor(deps.tenantId, month).calibration;
  const employees = config.unitRatingMultiplierPercent
    ? await employeesInService(month, undefined, deps)
    : [];
  const groups = new Set(
    employees.map((e) =>
      calibrationGroupOf(
        e.current.penempatan.opd,
        unitIdOf(e.current.penempatan.opd, e.current.penempatan.unit),
        config.groupBy,
      ),
    ),
  );
  const issues = unitRatingIssues(body.ratings, config, groups);
  if (issues.length > 0)
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Nilai kinerja unit tidak valid', issues);
  const before = new Map((await storedUnitRatings(month, deps)).map((r) => [r.unitId, r.predikat]));
  const stored: StoredUnitRating[] = body.ratings.map((r) => ({
    unitId: r.unitId,
    predikat: r.predikat,
    month,
    ...(r.note ? { note: r.note } : {}),
    by: principal.sub,
    at: deps.now,
  }));
  await deps.store.commit({
    lockMonths: [],
    correction: false,
    changes: stored.map((r) => ({
      kind: 'put' as const,
      item: { ...keys.unitRating(month, r.unitId), entity: 'UNIT_RATING', ...r },
    })),
    audits: [
      auditEntry(principal, {
        entityType: 'unit-rating',
        entityId: month,
        action: 'UPDATE',
        at: deps.now,
        requestId: deps.requestId,
        before: Object.fromEntries(stored.map((r) => [r.unitId, before.get(r.unitId) ?? null])),
        after: Object.fromEntries(stored.map((r) => [r.unitId, r.predikat])),
      }),
    ],
  });
  return { month, ratings: stored.length };
}

export async function listUnitRatings(month: string, deps: AppraisalDeps) {
  const settings = settingsFor(deps.tenantId, month);
  const config = settings.calibration;
  const items = (await storedUnitRatings(month, deps)).map((r) => ({
    ...r,
    multiplierPercent: unitMultiplierPercent(r.predikat, config),
  }));
  return {
    month,
    groupBy: config.groupBy,
    scaled: config.unitRatingMultiplierPercent !== null,
    uses: unitSourcesUsed(settings),
    multipliers: config.unitRatingMultiplierPercent,
    items,
  };
}
