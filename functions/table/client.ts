import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tenantTableName } from './table-schema';

/**
 * One DocumentClient per process, created at module scope so warm invocations reuse its connections.
 * DYNAMODB_ENDPOINT is set only by the local runtime and the tests (DynamoDB Local).
 */
const endpoint = process.env.DYNAMODB_ENDPOINT;

export const documentClient = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    ...(endpoint
      ? {
          endpoint,
          region: process.env.AWS_REGION ?? 'local',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
    maxAttempts: 5,
  }),
  { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } },
);

export function getStringFromEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

export function tableForTenant(tenantId: string): string {
  return tenantTableName(getStringFromEnv('TABLE_PREFIX'), tenantId);
}
