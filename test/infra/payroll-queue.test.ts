import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSigapTemplate, realTenants } from './support/sigap-template';

describe('PayrollQueue', () => {
  let template: Template;

  beforeAll(() => {
    template = buildSigapTemplate(realTenants()).template;
  });

  it('should fan chunks out through SQS with a dead-letter queue after five receives', () => {
    template.resourceCountIs('AWS::SQS::Queue', 3);
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 5400,
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }),
      SqsManagedSseEnabled: true,
    });
  });

  it('should feed the chunk worker one message at a time with partial batch failures', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 12 },
    });
  });

  it('should give the queue URL and send rights only to the functions that start runs and results computations, and the worker that plans results', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    const withQueue = Object.entries(functions)
      .filter(([, r]) => JSON.stringify(r.Properties?.Environment ?? {}).includes('CHUNK_QUEUE_URL'))
      .map(([id]) => id)
      .sort();
    expect(withQueue).toHaveLength(4);
    expect(withQueue.join(' ')).toMatch(/PayrollSchedule/);
    expect(withQueue.join(' ')).toMatch(/PayrollWrite/);
    expect(withQueue.join(' ')).toMatch(/AppraisalWrite/);
    expect(withQueue.join(' ')).toMatch(/PayrollChunkWorker/);
    const policies = template.findResources('AWS::IAM::Policy');
    const senders = Object.values(policies).filter((p) => {
      const statements = (p.Properties?.PolicyDocument?.Statement ?? []) as {
        Action: unknown;
        Resource: unknown;
      }[];
      return statements.some(
        (s) =>
          JSON.stringify(s.Action).includes('sqs:SendMessage') &&
          JSON.stringify(s.Resource).includes('ChunkQueue'),
      );
    });
    expect(senders).toHaveLength(4);
  });
});
