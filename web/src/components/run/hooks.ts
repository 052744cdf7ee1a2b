import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type Schema } from '../../api/client';
import { useMe } from '../../auth/useAuth';
import { L } from '../../i18n/labels';
import { isComputing, isLocking } from './run-state';

/** The month an instant falls in on the tenant's clock ("2026-12"): Sofifi's December starts before Jakarta's. */
export function monthInZone(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(now);
  return `${parts.find((p) => p.type === 'year')?.value}-${parts.find((p) => p.type === 'month')?.value}`;
}

/** The tenant's current month and time zone (from GET /me), Asia/Jakarta until known. */
export function useTenantClock(): { month: string; timeZone: string } {
  const me = useMe();
  const timeZone = me.data?.timeZone ?? 'Asia/Jakarta';
  return { month: monthInZone(new Date(), timeZone), timeZone };
}

export const runKey = (runId: string) => ['run', runId] as const;

/** One run; polled every second while its chunks are being computed or its lock written, then left alone. */
export function useRun(runId: string | undefined) {
  return useQuery({
    queryKey: runKey(runId ?? ''),
    queryFn: () => ok(api.GET('/runs/{runId}', { params: { path: { runId: runId! } } })),
    enabled: !!runId,
    refetchInterval: (q) =>
      q.state.data && (isComputing(q.state.data) || isLocking(q.state.data)) ? 1000 : false,
  });
}

export function useRuns(limit = 25, nextToken?: string) {
  return useQuery({
    queryKey: ['runs', limit, nextToken],
    queryFn: () =>
      ok(api.GET('/runs', { params: { query: { limit, ...(nextToken ? { nextToken } : {}) } } })),
  });
}

/** `revision` (the run's version and chunks done) reloads the list once a recompute has finished. */
export function useRunErrors(runId: string | undefined, enabled = true, revision = '') {
  return useQuery({
    queryKey: ['run-errors', runId, revision],
    queryFn: () => ok(api.GET('/runs/{runId}/errors', { params: { path: { runId: runId! } } })),
    enabled: !!runId && enabled,
  });
}

export function useBudgets(year: string) {
  return useQuery({
    queryKey: ['budgets', year],
    queryFn: () => ok(api.GET('/budgets/{year}', { params: { path: { year } } })),
  });
}

/** After any change to a run: the run, its errors, slips and the lists showing it are read again. */
export function useInvalidateRun() {
  const qc = useQueryClient();
  return (runId: string, run?: Schema<'Run'>) => {
    if (run) qc.setQueryData(runKey(runId), run);
    void qc.invalidateQueries({ queryKey: runKey(runId) });
    void qc.invalidateQueries({ queryKey: ['run-errors', runId] });
    void qc.invalidateQueries({ queryKey: ['run-slips', runId] });
    void qc.invalidateQueries({ queryKey: ['runs'] });
  };
}

export function useRecompute(runId: string, onDone?: (run: Schema<'Run'>) => void) {
  const invalidate = useInvalidateRun();
  return useMutation({
    mutationFn: (nips?: string[]) =>
      ok(
        api.POST('/runs/{runId}/recompute', {
          params: { path: { runId } },
          body: nips ? { nips } : {},
        }),
      ),
    onSuccess: (run) => {
      invalidate(runId, run);
      onDone?.(run);
    },
  });
}

export function notifyOk(message: string) {
  notifications.show({ color: 'teal', message, closeButtonProps: { 'aria-label': L.common.close } });
}
