import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { depsFor } from '../http/deps';
import { createGroupHandler, implement } from '../http/http-handler';
import { routeById } from '../routes';
import { documentClient } from '../table/client';
import { decodeCursor, encodeCursor } from '../table/cursor';
import { keys } from '../table/keys';
import { auditFromItem } from './audit-items';

/** Audit is read-only here: records are only ever written inside the transaction of their change. */
const listAudit = implement(routeById('listAudit'), async ({ query, principal, requestId }) => {
  const { table } = depsFor(principal, requestId);
  const [entityType, entityId] = query.entity.split(/:(.*)/s) as [string, string | undefined];
  const cursorScope = `${table}|audit|${query.entity}`;
  const target = entityId
    ? {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.auditOfEntity(entityType, entityId).pk },
      }
    : {
        IndexName: keys.auditOfType(entityType).index,
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.auditOfType(entityType).pk },
      };
  const out = await documentClient.send(
    new QueryCommand({
      TableName: table,
      ...target,
      ScanIndexForward: false,
      Limit: query.limit,
      ExclusiveStartKey: decodeCursor(query.nextToken, cursorScope),
    }),
  );
  return {
    body: {
      items: (out.Items ?? []).map(auditFromItem),
      ...(out.LastEvaluatedKey ? { nextToken: encodeCursor(out.LastEvaluatedKey, cursorScope) } : {}),
    },
  };
});

export const handler = createGroupHandler('audit', [listAudit]);
