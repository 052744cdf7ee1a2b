import * as z from 'zod';
import { ALL_ROLES } from '../http/roles';
import { defineRoute, type RouteSpec } from '../http/route-spec';

export const SYSTEM_ROUTES = [
  defineRoute({
    id: 'health',
    method: 'GET',
    path: '/health',
    group: 'system',
    summary: 'Liveness check',
    tags: ['system'],
    roles: 'PUBLIC',
    response: z.object({ status: z.literal('ok') }),
  }),
  defineRoute({
    id: 'openapi',
    method: 'GET',
    path: '/openapi.json',
    group: 'system',
    summary: 'OpenAPI 3.1 document of this API',
    tags: ['system'],
    roles: 'PUBLIC',
  }),
  defineRoute({
    id: 'docs',
    method: 'GET',
    path: '/docs',
    group: 'system',
    summary: 'Browsable API documentation',
    tags: ['system'],
    roles: 'PUBLIC',
    contentType: 'text/html',
  }),
  defineRoute({
    id: 'whoami',
    method: 'GET',
    path: '/me',
    group: 'system',
    summary: 'The caller as the API sees them (tenant, roles, OPD scope)',
    tags: ['system'],
    roles: ALL_ROLES,
    response: z.object({
      tenantId: z.string(),
      /** Display name for the console header ("Pemerintah Kabupaten Bantul"). */
      tenantName: z.string(),
      /** IANA zone of the tenant: times are shown as WIB/WITA/WIT. */
      timeZone: z.string(),
      sub: z.string(),
      roles: z.array(z.string()),
      opds: z.array(z.string()),
    }),
  }),
] as const satisfies readonly RouteSpec[];
