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
  /**
   * Largest body accepted, in bytes (default DEFAULT_MAX_BODY_BYTES); past it the answer is a 413 before
   * the body is parsed. Only routes that carry a file (imports) declare more.
   */
  maxBodyBytes?: number;
}

/**
 * 512 KB: above any valid body of a route that stores what it receives (the schemas keep every item,
 * and its audit record holding it twice, below DynamoDB's 400 KB), far below Lambda's 6 MB.
 */
export const DEFAULT_MAX_BODY_BYTES = 512 * 1024;
/** Imports (XLSX/CSV as base64, attendance rows): Lambda's synchronous payload limit. */
export const IMPORT_MAX_BODY_BYTES = 6 * 1024 * 1024;

export function routeKey(route: Pick<RouteSpec, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

export function defineRoute<const R extends RouteSpec>(route: R): R {
  return route;
}
