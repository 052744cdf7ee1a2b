import { defineRoute, type RouteSpec } from '../http/route-spec';
import { auditListResponse, auditQuery } from './schemas';

export const AUDIT_ROUTES = [
  defineRoute({
    id: 'listAudit',
    method: 'GET',
    path: '/audit',
    group: 'audit',
    summary: 'Audit records of an entity type or one entity, newest first',
    tags: ['audit'],
    roles: ['auditor', 'bkpsdm'],
    query: auditQuery,
    response: auditListResponse,
  }),
] as const satisfies readonly RouteSpec[];
