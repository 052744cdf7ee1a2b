import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { awardRuleOf } from './shared';

/** The month's tenant rule as the page reads it (undefined while loading or when it cannot be read). */
export function useAwardRule(month: string, enabled: boolean) {
  return useQuery({
    queryKey: ['ruleset', 'tenant', month],
    enabled,
    staleTime: 60_000,
    queryFn: () => ok(api.GET('/rulesets/{id}', { params: { path: { id: 'tenant' }, query: { month } } })),
    select: (data) => awardRuleOf(data.rules as { id: string; value: unknown }[]),
  });
}
