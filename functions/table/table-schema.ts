/**
 * The tenant table, declared once: the CDK stack, the local runtime and the tests all create tables
 * from this, so the three cannot drift. Generic key names (single-table design); every access pattern
 * is a named builder in keys.ts.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
  timeToLiveAttribute: 'expiresAt',
} as const;

export type IndexName = (typeof TABLE_SCHEMA.globalIndexes)[number]['name'];

/** Physical table name of a tenant: one table per tenant, named by convention from a stage prefix. */
export function tenantTableName(prefix: string, tenantId: string): string {
  return `${prefix}${tenantId}`;
}
