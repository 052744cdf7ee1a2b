import {
  type AttributeDefinition,
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { TABLE_SCHEMA, tenantTableName } from '../../functions/table/table-schema';

/** Credentials and region are placeholders: DynamoDB Local checks neither (it runs with -sharedDb). */
export function localDynamoClient(endpoint: string, options: { maxAttempts?: number } = {}): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: options.maxAttempts ?? 3,
  });
}

/** The CreateTable input of one tenant table, derived from TABLE_SCHEMA like the CDK TenantTable. */
export function tenantTableDefinition(tableName: string) {
  const keyNames = new Set<string>([TABLE_SCHEMA.partitionKey, TABLE_SCHEMA.sortKey]);
  for (const gsi of TABLE_SCHEMA.globalIndexes) {
    keyNames.add(gsi.partitionKey);
    keyNames.add(gsi.sortKey);
  }
  const attributeDefinitions: AttributeDefinition[] = [...keyNames].map((name) => ({
    AttributeName: name,
    AttributeType: 'S',
  }));
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: attributeDefinitions,
    KeySchema: [
      { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: TABLE_SCHEMA.globalIndexes.map((gsi) => ({
      IndexName: gsi.name,
      KeySchema: [
        { AttributeName: gsi.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: gsi.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}

export interface CreatedTables {
  created: string[];
  existing: string[];
}

/** Creates the table of every tenant; tables that already exist (persisted mode) are left untouched. */
export async function createTenantTables(
  client: DynamoDBClient,
  prefix: string,
  tenantIds: readonly string[],
): Promise<CreatedTables> {
  const result: CreatedTables = { created: [], existing: [] };
  await Promise.all(
    tenantIds.map(async (tenantId) => {
      const tableName = tenantTableName(prefix, tenantId);
      try {
        await client.send(new CreateTableCommand(tenantTableDefinition(tableName)));
      } catch (err) {
        if (err instanceof ResourceInUseException) {
          result.existing.push(tableName);
          return;
        }
        throw err;
      }
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.timeToLiveAttribute, Enabled: true },
        }),
      );
      result.created.push(tableName);
    }),
  );
  result.created.sort();
  result.existing.sort();
  return result;
}

/** Deletes a table; a table that is already gone is not an error (cleanup paths run twice). */
export async function deleteTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
}
