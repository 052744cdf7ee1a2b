import { Duration, TimeZone } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TenantConfig } from '../../core/tenant/tenant-config';

/** The run the schedule starts: monthly gaji and TPP (functions/payroll/scheduled-run.ts). */
export const SCHEDULED_PAYROLL_KIND = 'GAJI_TPP';

/**
 * Typed, not `TimeZone.of(string)`: a zone added to the tenant schema fails type checking here until it
 * is mapped, instead of reaching EventBridge as an unchecked string.
 */
const TIME_ZONES: Record<TenantConfig['timeZone'], TimeZone> = {
  'Asia/Jakarta': TimeZone.ASIA_JAKARTA,
  'Asia/Makassar': TimeZone.ASIA_MAKASSAR,
  'Asia/Jayapura': TimeZone.ASIA_JAYAPURA,
};

export interface PayrollScheduleProps {
  tenants: readonly TenantConfig[];
  /** The scheduled payroll function (SCHEDULED_FUNCTIONS['payroll-schedule']). */
  target: IFunction;
}

/**
 * One EventBridge Scheduler schedule per tenant, firing on the tenant's payroll day at its local hour
 * (WIB, WITA or WIT, from the tenant's own time zone, so no UTC arithmetic and no drift). A run that
 * cannot be delivered, or that fails after its retries, lands in one dead-letter queue where an
 * operator can see it and start the run again.
 */
export class PayrollSchedule extends Construct {
  readonly deadLetterQueue: Queue;
  /** Each tenant's schedule, by tenant id. */
  readonly schedules: ReadonlyMap<string, Schedule>;

  constructor(scope: Construct, id: string, { tenants, target }: PayrollScheduleProps) {
    super(scope, id);

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      // The SQS maximum: a failed run must still be there after a long weekend or a holiday.
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });

    // Scheduler invokes the function asynchronously, so a run that throws is retried by Lambda, not by
    // Scheduler. The run must therefore be idempotent per tenant and period (retried runs repeat it).
    target.configureAsyncInvoke({
      retryAttempts: 2,
      onFailure: new SqsDestination(this.deadLetterQueue),
    });

    const schedules = new Map<string, Schedule>();
    for (const tenant of tenants) {
      const schedule = new Schedule(this, `Schedule-${tenant.id}`, {
        description: `Monthly ${SCHEDULED_PAYROLL_KIND} payroll run of ${tenant.name}`,
        schedule: ScheduleExpression.cron({
          minute: '0',
          hour: String(tenant.payroll.runHour),
          day: String(tenant.payroll.runDayOfMonth),
          timeZone: TIME_ZONES[tenant.timeZone],
        }),
        target: new LambdaInvoke(target, {
          input: ScheduleTargetInput.fromObject({ tenantId: tenant.id, kind: SCHEDULED_PAYROLL_KIND }),
          // Delivery retries (throttling, service errors); a run not started within 6 hours is
          // better looked at by a person than started late in the working day.
          retryAttempts: 3,
          maxEventAge: Duration.hours(6),
          deadLetterQueue: this.deadLetterQueue,
        }),
      });
      schedules.set(tenant.id, schedule);
    }
    this.schedules = schedules;
  }
}
