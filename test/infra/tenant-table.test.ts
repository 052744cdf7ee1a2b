import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_SCHEMA, tenantTableName } from '../../functions/table/table-schema';
import { buildSigapTemplate, realTenants, type SigapTemplate } from './support/sigap-template';

const TABLE = 'AWS::DynamoDB::GlobalTable';
/** cdk.json's default stage is `dev`; functions compute the same name from TABLE_PREFIX. */
const DEV_PREFIX = 'sigap-dev-';

describe('TenantTable', () => {
  const tenants = realTenants();
  let built: SigapTemplate;

  beforeAll(() => {
    built = buildSigapTemplate(tenants);
  });

  it('should create one table per tenant of the registry', () => {
    // The registry holds the four demo tenants; the count follows it.
    expect(tenants.length).toBeGreaterThanOrEqual(4);
    built.template.resourceCountIs(TABLE, tenants.length);
  });

  it.each(tenants.map((t) => t.id))('should name the table of %s by the stage prefix', (tenantId) => {
    built.template.hasResourceProperties(TABLE, { TableName: tenantTableName(DEV_PREFIX, tenantId) });
  });

  it('should key every table by pk/sk and the GSIs of TABLE_SCHEMA, projecting ALL', () => {
    const keySchema = (hash: string, range: string) => [
      { AttributeName: hash, KeyType: 'HASH' },
      { AttributeName: range, KeyType: 'RANGE' },
    ];
    const keyNames = [
      TABLE_SCHEMA.partitionKey,
      TABLE_SCHEMA.sortKey,
      ...TABLE_SCHEMA.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ];
    const tables = built.template.findResources(TABLE, {
      Properties: {
        KeySchema: keySchema(TABLE_SCHEMA.partitionKey, TABLE_SCHEMA.sortKey),
        AttributeDefinitions: Match.arrayEquals(
          keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        ),
        GlobalSecondaryIndexes: TABLE_SCHEMA.globalIndexes.map((index) => ({
          IndexName: index.name,
          KeySchema: keySchema(index.partitionKey, index.sortKey),
          Projection: { ProjectionType: 'ALL' },
        })),
      },
    });
    expect(Object.keys(tables)).toHaveLength(tenants.length);
  });

  it('should bill on demand, keep point-in-time recovery on and retain the table', () => {
    const tables = built.template.findResources(TABLE, {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      },
    });
    expect(Object.keys(tables)).toHaveLength(tenants.length);
  });

  it('should encrypt with the AWS managed key and expire items by the TTL attribute', () => {
    const tables = built.template.findResources(TABLE, {
      Properties: {
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.timeToLiveAttribute, Enabled: true },
      },
    });
    expect(Object.keys(tables)).toHaveLength(tenants.length);
  });

  it.each(tenants.map((t) => t.id))('should tag the table of %s with its tenant', (tenantId) => {
    built.template.hasResourceProperties(TABLE, {
      TableName: tenantTableName(DEV_PREFIX, tenantId),
      Replicas: [Match.objectLike({ Tags: Match.arrayWith([{ Key: 'sigap:tenant', Value: tenantId }]) })],
    });
  });
});
