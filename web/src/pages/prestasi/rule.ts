import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';

/**
 * Whether the tenant's rule tpp.prestasi in force in a month pays a penghargaan prestasi, read from
 * GET /rulesets/tenant (every role may read it). The API decides again on POST /prestasi-awards (it
 * refuses an award in a month whose rule gives none, naming params.month); this only tells the user
 * before they fill the form. `undefined` while loading or when the ruleset cannot be read: the form
 * stays and the API's answer is shown.
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

export function useAwardRule(month: string, enabled: boolean) {
  return useQuery({
    queryKey: ['ruleset', 'tenant', month],
    enabled,
    staleTime: 60_000,
    queryFn: () => ok(api.GET('/rulesets/{id}', { params: { path: { id: 'tenant' }, query: { month } } })),
    select: (data) => awardRuleOf(data.rules as { id: string; value: unknown }[]),
  });
}
