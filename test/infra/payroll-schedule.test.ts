import { Capture } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TenantConfig } from '../../core/tenant/tenant-config';
import { buildSigapTemplate, logicalIdOf, realTenants, type SigapTemplate } from './support/sigap-template';

const SCHEDULE = 'AWS::Scheduler::Schedule';

/** EventBridge Scheduler cron: minute hour day-of-month month day-of-week year. */
const cronOf = (tenant: TenantConfig) =>
  `cron(0 ${tenant.payroll.runHour} ${tenant.payroll.runDayOfMonth} * ? *)`;

describe('PayrollSchedule', () => {
  const tenants = realTenants();
  let built: SigapTemplate;

  beforeAll(() => {
    built = buildSigapTemplate(tenants);
  });

  const scheduleOf = (tenantId: string) => {
    const input = JSON.stringify({ tenantId, kind: 'GAJI_TPP' });
    const found = Object.values(
      built.template.findResources(SCHEDULE, { Properties: { Target: { Input: input } } }),
    );
    expect(found, `schedule of ${tenantId}`).toHaveLength(1);
    return found[0]!.Properties;
  };

  it('should create one schedule per tenant', () => {
    built.template.resourceCountIs(SCHEDULE, tenants.length);
  });

  it.each(tenants)('should run $id on its payroll day and hour, in its own time zone', (tenant) => {
    expect(scheduleOf(tenant.id)).toMatchObject({
      ScheduleExpression: cronOf(tenant),
      ScheduleExpressionTimezone: tenant.timeZone,
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
    });
  });

  // The registry's zones, spelled out: WIT for Maluku Utara, WITA for Bukitintan, WIB for Java/Sumatra.
  it.each([
    ['sofifi', 'Asia/Jayapura'],
    ['bukitintan', 'Asia/Makassar'],
    ['bantul', 'Asia/Jakarta'],
    ['binjai', 'Asia/Jakarta'],
  ])('should schedule %s in %s', (tenantId, timeZone) => {
    expect(scheduleOf(tenantId).ScheduleExpressionTimezone).toBe(timeZone);
  });

  it.each(tenants.map((t) => t.id))('should invoke the scheduled payroll function for %s', (tenantId) => {
    const fnId = logicalIdOf(built.stack, built.stack.functions['payroll-schedule']!);
    expect(scheduleOf(tenantId).Target).toMatchObject({
      Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
      RetryPolicy: { MaximumRetryAttempts: 3 },
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } },
    });
  });

  it('should send failed runs of the function to the same dead-letter queue', () => {
    const destination = new Capture();
    built.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalIdOf(built.stack, built.stack.functions['payroll-schedule']!) },
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [destination, 'Arn'] } } },
    });
    const queueId = logicalIdOf(built.stack, built.stack.payrollSchedule.deadLetterQueue);
    expect(destination.asString()).toBe(queueId);
    expect(scheduleOf(tenants[0]!.id).Target.DeadLetterConfig.Arn['Fn::GetAtt'][0]).toBe(queueId);
  });
});
