import { randomUUID } from 'node:crypto';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, inject } from 'vitest';
import { tenantRegistry } from '../../config/registry';
import { tenantTableName } from '../../functions/table/table-schema';
import { createTenantTables, deleteTable, localDynamoClient } from '../../infra/local/tables';

/**
 * Tables of one test file in the run's DynamoDB Local, under a prefix no other file uses.
 *
 * The handlers' DocumentClient reads DYNAMODB_ENDPOINT when its module is first imported, so:
 *
 *   const db = useTestTables(['bantul']);          // top of the file, before any handler import
 *   let handler: typeof import('../../functions/employees/read').handler;
 *   beforeAll(async () => ({ handler } = await import('../../functions/employees/read')));
 *
 * A static `import` of a handler module would run before this call and bind to no endpoint.
 */
export interface TestTables {
  client: DynamoDBDocumentClient;
  prefix: string;
  endpoint: string;
  tableName(tenantId: string): string;
}

export function dynamoEndpoint(): string {
  const endpoint = inject('dynamoEndpoint');
  if (!endpoint)
    throw new Error(inject('dynamoUnavailable') || 'DynamoDB Local was not started by the global setup');
  return endpoint;
}

/** A fresh prefix such as `t-3f9a1c2b-`; table names stay valid (letters, digits, -, _, .). */
export function uniquePrefix(): string {
  return `t-${randomUUID().slice(0, 8)}-`;
}

/** Points this test file at DynamoDB Local and creates its tables (all registry tenants by default). */
export function useTestTables(tenantIds?: readonly string[]): TestTables {
  const endpoint = dynamoEndpoint();
  const prefix = uniquePrefix();
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.TABLE_PREFIX = prefix;
  process.env.AWS_REGION ??= 'local';
  // The handlers' request logs would drown the test output (read once, at their import); errors still print.
  process.env.SIGAP_LOG ??= 'silent';
  const ids = tenantIds ?? [...tenantRegistry().keys()];
  const raw = localDynamoClient(endpoint);
  const client = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });

  beforeAll(async () => {
    await createTenantTables(raw, prefix, ids);
  });
  afterAll(async () => {
    // In-memory tables live as long as the run; dropping them keeps a long run's JVM small.
    await Promise.all(ids.map((t) => deleteTable(raw, tenantTableName(prefix, t))));
    raw.destroy();
  });

  return { client, prefix, endpoint, tableName: (tenantId) => tenantTableName(prefix, tenantId) };
}
