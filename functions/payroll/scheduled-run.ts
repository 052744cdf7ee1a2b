import * as z from 'zod';

/**
 * Target of each tenant's monthly EventBridge Scheduler schedule. The payroll run itself arrives with
 * its own issue; until then the handler validates its input and logs, so the schedule wiring is real.
 */
const scheduledEvent = z.strictObject({ tenantId: z.string().min(2), kind: z.string().default('GAJI_TPP') });

export async function handler(event: unknown): Promise<{ accepted: boolean; tenantId: string }> {
  const parsed = scheduledEvent.parse(event);
  console.log(JSON.stringify({ level: 'INFO', message: 'scheduled payroll run requested', ...parsed }));
  return { accepted: true, tenantId: parsed.tenantId };
}
