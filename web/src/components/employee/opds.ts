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
      const fromBudgets = budgets.items.map((b) => b.opd);
      // A locked run's list item carries its totals (per OPD); a newer run's are read from the run itself.
      const latest = runs.items[0];
      const run =
        latest && latest.totals.length === 0
          ? await ok(api.GET('/runs/{runId}', { params: { path: { runId: latest.id } } })).catch(
              () => undefined,
            )
          : latest;
      const fromRun = (run?.totals ?? []).map((t) => t.opd);
      return [...new Set([...fromBudgets, ...fromRun])].sort();
    },
  });
  if (scoped) return [...me.data!.opds].sort();
  return known.data ?? [];
}
