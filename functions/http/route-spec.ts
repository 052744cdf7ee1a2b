import type * as z from 'zod';
import type { Role } from '../../core/auth/principal';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** How a Lambda touches its tenant tables; the stack grants exactly this and an assertion test checks it. */
export type TableAccess = 'NONE' | 'RO' | 'RW';

/**
 * One HTTP route, declared once. The CDK stack reads method/path/group/auth to create API routes, the
 * local server reads the same list to dispatch, and the OpenAPI document is generated from the schemas.
 * Handlers live beside their group and are bound by `id`.
 */
export interface RouteSpec {
  id: string;
  method: HttpMethod;
  /** API Gateway style path with {param} segments. */
  path: string;
  group: string;
  summary: string;
  tags: readonly string[];
  /** Roles allowed to call; 'PUBLIC' routes skip the authorizer (health, docs). */
  roles: readonly Role[] | 'PUBLIC';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
  successStatus?: number;
  /** Non-JSON responses (the docs page) are described, not schema'd. */
  contentType?: string;
}

export function routeKey(route: Pick<RouteSpec, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

export function defineRoute<const R extends RouteSpec>(route: R): R {
  return route;
}
