import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { tenantRegistry } from '../../config/registry';
import { RUN_KINDS } from '../../core/payroll/run-types';
import { log, logger } from '../http/log';
import { withCurrentRules } from './rulesets';
import { runDepsFor } from './run-deps';
import { SCHEDULER_ACTOR, startRun } from './run-service';

const scheduledEvent = z.strictObject({
  tenantId: z.string().min(2),
  kind: z.enum(RUN_KINDS).default('GAJI_TPP'),
  /** Only for a manual re-drive; the schedule itself sends none and the tenant's local month is used. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});

/** The month as the tenant's clock reads it: Sofifi's 1 December starts while Jakarta is still in November. */
export function tenantMonth(timeZone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(at);
  const y = parts.find((p) => p.type === 'year')?.value;
  const m = parts.find((p) => p.type === 'month')?.value;
  return `${y}-${m}`;
}

/**
 * Target of each tenant's monthly EventBridge Scheduler schedule. Starting a run that exists returns
 * it, so a retried or duplicated invocation is harmless.
 */
export async function handler(event: unknown, context?: Context) {
  if (context) logger.addContext(context);
  const parsed = scheduledEvent.parse(event);
  const tenant = tenantRegistry().get(parsed.tenantId);
  if (!tenant) throw new Error(`unknown tenant ${parsed.tenantId}`);
  const month = parsed.month ?? tenantMonth(tenant.timeZone, new Date());
  const run = await startRun(
    month,
    parsed.kind,
    SCHEDULER_ACTOR,
    await withCurrentRules(runDepsFor(tenant.id, { actor: SCHEDULER_ACTOR })),
  );
  log('INFO', 'scheduled payroll run', {
    tenantId: tenant.id,
    runId: run.id,
    state: run.state,
    counts: run.counts,
  });
  return { runId: run.id, state: run.state, counts: run.counts };
}
