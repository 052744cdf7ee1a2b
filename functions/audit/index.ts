import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tenantRegistry } from '../../config/registry';
import { depsFor } from '../http/deps';
import { createGroupHandler, implement } from '../http/http-handler';
import { routeById } from '../routes';
import { documentClient } from '../table/client';
import { decodeCursor, encodeCursor } from '../table/cursor';
import { keys } from '../table/keys';
import { auditFromItem } from './audit-items';

/**
 * The instant a local day begins in a tenant's zone, as `at` is written (toISOString). Indonesian zones
 * have no daylight saving, so the offset at that instant is the zone's one offset.
 */
export function startOfLocalDay(date: string, timeZone: string): string {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(guess))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`);
  return new Date(guess - (local - guess)).toISOString();
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Audit is read-only here: records are only ever written inside the transaction of their change.
 *
 * The date range is a key condition (both sort keys begin with `at`), so it costs nothing; actor and
 * action are filters applied after the read, so a page may hold fewer than `limit` records (even none)
 * while `nextToken` says more may follow — the console keeps paging on the token, not on the count.
 */
const listAudit = implement(routeById('listAudit'), async ({ query, principal, requestId }) => {
  const { table } = depsFor(principal, requestId);
  const [entityType, entityId] = query.entity.split(/:(.*)/s) as [string, string | undefined];
  // The filters are part of the cursor's scope: a token continues the list it came from, no other.
  const cursorScope = [table, 'audit', query.entity, query.actor, query.action, query.from, query.to]
    .map((p) => p ?? '')
    .join('|');
  const timeZone = tenantRegistry().get(principal.tenantId)!.timeZone;
  // Every sort key continues after `at` (`#requestId…`), so the next day's first instant, as a bare
  // prefix, sorts after every record of the last day and before any of the next.
  const from = query.from ? startOfLocalDay(query.from, timeZone) : undefined;
  const until = query.to ? startOfLocalDay(nextDay(query.to), timeZone) : undefined;
  const sortKey = entityId ? 'sk' : 'gsi2sk';
  const range =
    from && until
      ? { cond: ` AND ${sortKey} BETWEEN :from AND :until`, values: { ':from': from, ':until': until } }
      : from
        ? { cond: ` AND ${sortKey} >= :from`, values: { ':from': from } }
        : until
          ? { cond: ` AND ${sortKey} < :until`, values: { ':until': until } }
          : { cond: '', values: {} };
  const filters: string[] = [];
  const names: Record<string, string> = {};
  const filterValues: Record<string, string> = {};
  if (query.actor) {
    filters.push('#actor.#sub = :actor');
    Object.assign(names, { '#actor': 'actor', '#sub': 'sub' });
    filterValues[':actor'] = query.actor;
  }
  if (query.action) {
    filters.push('#action = :action');
    names['#action'] = 'action';
    filterValues[':action'] = query.action;
  }
  const target = entityId
    ? {
        KeyConditionExpression: `pk = :pk${range.cond}`,
        ExpressionAttributeValues: {
          ':pk': keys.auditOfEntity(entityType, entityId).pk,
          ...range.values,
          ...filterValues,
        },
      }
    : {
        IndexName: keys.auditOfType(entityType).index,
        KeyConditionExpression: `gsi2pk = :pk${range.cond}`,
        ExpressionAttributeValues: {
          ':pk': keys.auditOfType(entityType).pk,
          ...range.values,
          ...filterValues,
        },
      };
  const out = await documentClient.send(
    new QueryCommand({
      TableName: table,
      ...target,
      ...(filters.length > 0
        ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names }
        : {}),
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
