import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { useMe } from '../../auth/useAuth';
import { useTenantClock } from '../run/hooks';

/**
 * OPD codes to filter by: an operator's own OPDs; for BKPSDM and auditors the OPDs the tenant has
 * budgets for this year or that its latest run paid (the API has no OPD register of its own yet).
 */
export function useOpdOptions(): string[] {
  const me = useMe();
  const clock = useTenantClock();
  const scoped = me.data && me.data.opds.length > 0 && me.data.roles.every((r) => r === 'operator');
  const known = useQuery({
    queryKey: ['opd-options', clock.month.slice(0, 4)],
    enabled: !!me.data && !scoped,
    queryFn: async () => {
      const year = clock.month.slice(0, 4);
      const [budgets, runs] = await Promise.all([
        ok(api.GET('/budgets/{year}', { params: { path: { year } } })).catch(() => ({ items: [] })),
        ok(api.GET('/runs', { params: { query: { limit: 1 } } })).catch(() => ({ items: [] })),
      ]);
      const fromBudgets = ((budgets as { items?: { opd: string }[] }).items ?? []).map((b) => b.opd);
      // The list carries no totals; the run itself does (per OPD).
      const latest = runs.items[0]?.id;
      const run = latest
        ? await ok(api.GET('/runs/{runId}', { params: { path: { runId: latest } } })).catch(() => undefined)
        : undefined;
      const fromRun = ((run as { totals?: { opd: string }[] } | undefined)?.totals ?? []).map((t) => t.opd);
      return [...new Set([...fromBudgets, ...fromRun])].sort();
    },
  });
  if (scoped) return [...me.data!.opds].sort();
  return known.data ?? [];
}
