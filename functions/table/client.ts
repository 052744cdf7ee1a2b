import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env, requireAtStart, required } from '../env';
import { tracer } from '../observability/tracer';
import { tenantTableName } from './table-schema';

/**
 * One DocumentClient per process, created at module scope so warm invocations reuse its connections,
 * and traced: every DynamoDB call of a request or a chunk shows in its X-Ray trace (a no-op outside
 * Lambda). DYNAMODB_ENDPOINT is set only by the local runtime and the tests (DynamoDB Local).
 */
export const documentClient = DynamoDBDocumentClient.from(
  tracer.captureAWSv3Client(
    new DynamoDBClient({
      ...(env.dynamoDbEndpoint
        ? {
            endpoint: env.dynamoDbEndpoint,
            region: env.awsRegion ?? 'local',
            credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          }
        : {}),
      maxAttempts: 5,
    }),
  ),
  { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } },
);

const WHY_TABLE_PREFIX =
  'tenant tables are named <TABLE_PREFIX><tenantId>; the stack sets it for every function with table access';

// A function that talks to DynamoDB in Lambda without it stops at start.
requireAtStart('TABLE_PREFIX', env.tablePrefix, WHY_TABLE_PREFIX);

export function tableForTenant(tenantId: string): string {
  return tenantTableName(required('TABLE_PREFIX', env.tablePrefix, WHY_TABLE_PREFIX), tenantId);
}
