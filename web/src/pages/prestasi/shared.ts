import { ApiError, fieldErrors } from '../../api/errors';

/**
 * Whether the tenant's rule tpp.prestasi in force in a month pays a penghargaan prestasi, from the
 * rules GET /rulesets/tenant returns (raw values of core/rulesets/tpp-prestasi-schema.ts). The API
 * decides again on POST /prestasi-awards (prestasi-awards.ts refuses an award in a month whose rule
 * gives none, naming params.month); this only tells the user before they fill the form.
 */
export type AwardRule = { pays: true; percentOfBase: number } | { pays: false };

export function awardRuleOf(rules: readonly { id: string; value: unknown }[]): AwardRule {
  const rule = rules.find((r) => r.id === 'tpp.prestasi');
  const value = rule?.value as { enabled?: boolean; award?: { percentOfBase?: number } } | undefined;
  const percent = value?.award?.percentOfBase;
  // No rule in force that month is the same as a rule that gives no award: nobody would pay it.
  if (!value?.enabled || typeof percent !== 'number' || percent <= 0) return { pays: false };
  return { pays: true, percentOfBase: percent };
}

/**
 * The API's answer to POST /prestasi-awards/{month} → the form's fields: body issues to their inputs,
 * params.month (the tenant's rule gives no award that month) to the page's month picker (`month`), and
 * an unknown NIP (a 404 of the employee, no issues) to the NIP.
 */
export function awardErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = { ...fieldErrors(err, 'body') };
  const month = fieldErrors(err, 'params').month;
  if (month) out.month = month;
  if (err instanceof ApiError && err.status === 404) out.nip = err.message;
  return out;
}
