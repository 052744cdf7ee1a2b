import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApiEvent, lambdaContext } from '../../infra/local/apigw-event';
import { useTestTables } from './dynamo';

// First statement that touches DynamoDB: the env must be set before the handler module is imported.
const db = useTestTables(['bantul']);

type Handler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: ReturnType<typeof lambdaContext>,
) => Promise<APIGatewayProxyStructuredResultV2>;

describe('useTestTables', () => {
  let handler: Handler;

  beforeAll(async () => {
    ({ handler } = (await import('../../functions/employees/read')) as unknown as { handler: Handler });
  });

  it('should create the tenant table from TABLE_SCHEMA under a prefix of this file', async () => {
    const { Table } = await db.client.send(new DescribeTableCommand({ TableName: db.tableName('bantul') }));
    const ttl = await db.client.send(new DescribeTimeToLiveCommand({ TableName: db.tableName('bantul') }));

    expect(db.prefix).toMatch(/^t-[0-9a-f]{8}-$/);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(
      Table?.GlobalSecondaryIndexes?.map((g) => [g.IndexName, g.Projection?.ProjectionType]).sort(),
    ).toEqual([
      ['gsi1', 'ALL'],
      ['gsi2', 'ALL'],
      ['gsi3', 'ALL'],
    ]);
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe('expiresAt');
  });

  it('should let a handler imported afterwards reach the test table', async () => {
    const event = buildHttpApiEvent({
      method: 'GET',
      url: '/employees/199001012015031001',
      httpVersion: '1.1',
      headersDistinct: { host: ['localhost'] },
      remoteAddress: '127.0.0.1',
      localPort: 0,
      body: Buffer.alloc(0),
      routeKey: 'GET /employees/{nip}',
      pathParameters: { nip: '199001012015031001' },
      claims: { tenant: 'bantul', sub: 'test.bkpsdm', roles: ['bkpsdm'], opds: [] },
    });

    const result = await handler(event, lambdaContext('test', 512, 10_000));

    // 404 (not 500) proves the query ran against the empty table of this file.
    expect(result.statusCode).toBe(404);
  });
});
