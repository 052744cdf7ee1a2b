import type { Predikat } from '../pay/types';
import type { AppraisalSettings } from './appraisal-settings';
import { PREDIKAT_LABELS } from './predikat';

/**
 * Predikat kinerja unit: where the tenant scales its calibration curve by the unit's own result
 * (calibration.unitRatingMultiplierPercent, Binjai), BKPSDM rates each unit for the period and the
 * curve's maximum shares are multiplied by the rate of that predikat. A rating is keyed by the
 * calibration group it scales: the OPD code (groupBy OPD) or `OPD/UNIT-SLUG` (groupBy UNIT, the unit
 * id the month results carry).
 */
export interface UnitRating {
  readonly unitId: string;
  readonly predikat: Predikat;
}

export interface UnitRatingIssue {
  readonly path: string;
  readonly message: string;
}

/** What is wrong with a batch of ratings for this tenant's calibration settings; empty when none. */
export function unitRatingIssues(
  ratings: readonly UnitRating[],
  config: AppraisalSettings['calibration'],
  knownGroups: ReadonlySet<string>,
  at = 'body.ratings',
): UnitRatingIssue[] {
  const multipliers = config.unitRatingMultiplierPercent;
  if (!multipliers) {
    return [
      {
        path: at,
        message:
          'kurva kalibrasi tenant ini tidak diskalakan menurut predikat unit; nilai unit tidak dipakai',
      },
    ];
  }
  const issues: UnitRatingIssue[] = [];
  const seen = new Set<string>();
  ratings.forEach((r, i) => {
    const isUnit = r.unitId.includes('/');
    if (config.groupBy === 'UNIT' && !isUnit)
      issues.push({ path: `${at}[${i}].unitId`, message: 'kalibrasi per unit: tulis OPD/NAMA-UNIT' });
    else if (config.groupBy === 'OPD' && isUnit)
      issues.push({ path: `${at}[${i}].unitId`, message: 'kalibrasi per OPD: tulis kode OPD saja' });
    else if (!knownGroups.has(r.unitId))
      issues.push({ path: `${at}[${i}].unitId`, message: `unit ${r.unitId} tidak memiliki pegawai` });
    if (seen.has(r.unitId)) issues.push({ path: `${at}[${i}].unitId`, message: `${r.unitId} ganda` });
    seen.add(r.unitId);
    if (multipliers[r.predikat] === undefined)
      issues.push({
        path: `${at}[${i}].predikat`,
        message: `predikat ${PREDIKAT_LABELS[r.predikat]} tidak ada dalam skala unit tenant (${Object.keys(multipliers).join(', ')})`,
      });
  });
  return issues;
}

/** The multiplier (percent) a unit's predikat puts on the curve; 100 without a rating or scaling. */
export function unitMultiplierPercent(
  predikat: Predikat | undefined,
  config: AppraisalSettings['calibration'],
): number {
  if (!predikat || !config.unitRatingMultiplierPercent) return 100;
  return config.unitRatingMultiplierPercent[predikat] ?? 100;
}

/** The calibration group key of one result: the OPD, or the unit id where the tenant groups by unit. */
export function calibrationGroupOf(
  opd: string,
  unitId: string,
  groupBy: AppraisalSettings['calibration']['groupBy'],
): string {
  return groupBy === 'UNIT' ? unitId : opd;
}
