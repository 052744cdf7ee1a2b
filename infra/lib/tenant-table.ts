import { RemovalPolicy, Tags } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import type { TenantConfig } from '../../core/tenant/tenant-config';
import { TABLE_SCHEMA, tenantTableName } from '../../functions/table/table-schema';

/** Every table of a stage shares this prefix; functions receive it as TABLE_PREFIX. */
export function tablePrefixOf(stage: string): string {
  return `sigap-${stage}-`;
}

export interface TenantTableProps {
  tenant: TenantConfig;
  /** From `tablePrefixOf(stage)`; functions get it as TABLE_PREFIX and derive the name themselves. */
  tablePrefix: string;
}

/**
 * The table of one tenant, built from TABLE_SCHEMA so the stack, the local runtime and the tests
 * create the same keys and indexes. One table per tenant keeps a pemda's data, backups and restores
 * apart from every other pemda's.
 */
export class TenantTable extends TableV2 {
  readonly tenantId: string;
  readonly tablePrefix: string;

  constructor(scope: Construct, id: string, { tenant, tablePrefix }: TenantTableProps) {
    super(scope, id, {
      // A fixed name, because functions compute it from TABLE_PREFIX + tenant id (functions/table/client.ts).
      tableName: tenantTableName(tablePrefix, tenant.id),
      partitionKey: { name: TABLE_SCHEMA.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_SCHEMA.sortKey, type: AttributeType.STRING },
      // Every key is a string built in functions/table/keys.ts; ALL keeps a query on an index one round trip.
      globalSecondaryIndexes: TABLE_SCHEMA.globalIndexes.map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      })),
      timeToLiveAttribute: TABLE_SCHEMA.timeToLiveAttribute,
      // Payroll load is a monthly spike on a near-idle table: on-demand costs nothing between runs.
      billing: Billing.onDemand(),
      // Payroll and personnel records are the system of record: they must survive a bad deploy, a
      // `cdk destroy` and a bad write. PITR gives 35 days of restore points.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // The aws/dynamodb key: key use shows in CloudTrail, and no key policy to manage or grant.
      encryption: TableEncryptionV2.awsManagedKey(),
    });
    this.tenantId = tenant.id;
    this.tablePrefix = tablePrefix;
    // Cost allocation and access reviews per pemda.
    Tags.of(this).add('sigap:tenant', tenant.id);
  }
}
