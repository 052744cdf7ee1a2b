import middy from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import * as z from 'zod';
import indonesian from 'zod/v4/locales/id.js';
import { hasAnyRole, type Principal } from '../../core/auth/principal';
import { ROUTES } from '../routes';
import {
  type ErrorIssue,
  ForbiddenError,
  HttpError,
  UnauthorizedError,
  ValidationError,
  zodIssues,
} from './errors';
import { jsonErrorHandler, requestLogger } from './middlewares';
import { principalFromEvent } from './principal-from-event';
import { DEFAULT_MAX_BODY_BYTES, type RouteSpec, routeKey } from './route-spec';

// Default validation messages reach end users, so they are in Indonesian; only this locale is loaded.
z.config(indonesian());

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResponse = APIGatewayProxyStructuredResultV2;

type Out<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;

export interface RouteContext<R extends RouteSpec> {
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: Out<R['body']>;
  /** Absent only on PUBLIC routes. */
  principal: R['roles'] extends 'PUBLIC' ? Principal | undefined : Principal;
  requestId: string;
  event: HttpEvent;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  /** A non-JSON payload (HTML, CSV, PDF as base64) with its content type. */
  raw?: { body: string; contentType: string; isBase64Encoded?: boolean };
  headers?: Record<string, string>;
}

export type RouteImpl<R extends RouteSpec> = (ctx: RouteContext<R>) => Promise<RouteResult>;

export interface BoundRoute {
  route: RouteSpec;
  impl: RouteImpl<RouteSpec>;
}

/** Binds an implementation to its declared route; types of params, query and body flow from the schemas. */
export function implement<R extends RouteSpec>(route: R, impl: RouteImpl<R>): BoundRoute {
  return { route, impl: impl as unknown as RouteImpl<RouteSpec> };
}

/** A result whose JSON body is what the route's response schema declares. */
export type TypedRouteResult<R extends RouteSpec> = Omit<RouteResult, 'body'> & {
  body: R['response'] extends z.ZodType ? z.input<R['response']> : never;
};

/**
 * `implement` for a route whose response schema is exact: the body must be what the schema declares
 * (the OpenAPI document and the console's generated client are made from it), so a handler answering
 * something else does not compile. Groups move to it as their response schemas become exact.
 */
export function implementTyped<R extends RouteSpec & { response: z.ZodType }>(
  route: R,
  impl: (ctx: RouteContext<R>) => Promise<TypedRouteResult<R>>,
): BoundRoute {
  return { route, impl: impl as unknown as RouteImpl<RouteSpec> };
}

function header(event: HttpEvent, name: string): string | undefined {
  const headers = event.headers ?? {};
  return headers[name] ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
}

type Parsed<T> = { ok: true; value: T } | { ok: false; issues: ErrorIssue[] };

function parsePart<S extends z.ZodType | undefined>(
  schema: S,
  input: unknown,
  prefix: string,
): Parsed<Out<S>> {
  if (!schema) return { ok: true, value: {} as Out<S> };
  const result = schema.safeParse(input ?? {});
  return result.success
    ? { ok: true, value: result.data as Out<S> }
    : { ok: false, issues: zodIssues(prefix, result.error) };
}

/**
 * `application/json`, optionally with parameters (`; charset=utf-8`); not a look-alike such as
 * `application/json-patch+json`, whose body means something else.
 */
const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;

/** Problems with how the body arrived (type, size, syntax) stop there; schema issues are collected. */
function parseBody(route: RouteSpec, event: HttpEvent): Parsed<unknown> {
  if (!route.body) return { ok: true, value: undefined };
  const contentType = header(event, 'content-type') ?? '';
  if (!JSON_CONTENT_TYPE.test(contentType.trim())) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type harus application/json', [
      { path: 'headers.content-type', message: `diterima "${contentType || '(kosong)'}"` },
    ]);
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : event.body;
  const maxBytes = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (text && Buffer.byteLength(text, 'utf8') > maxBytes) {
    throw new HttpError(413, 'PAYLOAD_TOO_LARGE', 'Body permintaan terlalu besar', [
      { path: 'body', message: `maksimal ${Math.floor(maxBytes / 1024)} KB` },
    ]);
  }
  if (!text || text.trim() === '') {
    return { ok: false, issues: [{ path: 'body', message: 'body wajib diisi (JSON)' }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, 'MALFORMED_JSON', 'Body bukan JSON yang valid', [
      { path: 'body', message: (err as Error).message },
    ]);
  }
  // A literal `null` is not an empty object: parsed as it is, it fails the schema naming `body`.
  const result = route.body.safeParse(json);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: zodIssues('body', result.error) };
}

function toResponse(result: RouteResult, route: RouteSpec, requestId: string): HttpResponse {
  const headers: Record<string, string> = { 'x-request-id': requestId, ...result.headers };
  if (result.raw) {
    return {
      statusCode: result.status ?? 200,
      headers: { ...headers, 'content-type': result.raw.contentType },
      body: result.raw.body,
      isBase64Encoded: result.raw.isBase64Encoded ?? false,
    };
  }
  const status = result.status ?? route.successStatus ?? 200;
  return {
    statusCode: status,
    headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
    body: result.body === undefined ? '' : JSON.stringify(result.body),
  };
}

/**
 * The one Lambda handler shape for HTTP: dispatch on the route key to the group's implementations,
 * authorize by role, validate params/query/body with the route's schemas, run the use case.
 */
export function createGroupHandler(group: string, bound: readonly BoundRoute[]) {
  const byKey = new Map(bound.map((b) => [routeKey(b.route), b]));
  const declared = ROUTES.filter((r) => r.group === group).map((r) => routeKey(r));
  const missing = declared.filter((k) => !byKey.has(k));
  if (missing.length > 0) throw new Error(`group ${group}: no implementation for ${missing.join(', ')}`);

  const dispatch = async (event: HttpEvent, context: Context): Promise<HttpResponse> => {
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    const entry = byKey.get(event.routeKey);
    if (!entry) throw new Error(`route ${event.routeKey} is not served by group ${group}`);
    const { route, impl } = entry;
    let principal: Principal | undefined;
    if (route.roles !== 'PUBLIC') {
      principal = principalFromEvent(event);
      if (principal.roles.length === 0) throw new UnauthorizedError('Token tidak memuat peran (roles)');
      if (!hasAnyRole(principal, route.roles)) throw new ForbiddenError();
    }
    // Every bad field of the request is reported at once: path, query and body together.
    const params = parsePart(route.params, event.pathParameters, 'path');
    const query = parsePart(route.query, event.queryStringParameters, 'query');
    const body = parseBody(route, event);
    if (!params.ok || !query.ok || !body.ok) {
      throw new ValidationError([params, query, body].flatMap((p) => (p.ok ? [] : p.issues)));
    }
    const result = await impl({
      params: params.value,
      query: query.value,
      body: body.value,
      principal,
      requestId,
      event,
    } as RouteContext<RouteSpec>);
    return toResponse(result, route, requestId);
  };

  return middy<HttpEvent, HttpResponse, Error, Context>({ timeoutEarlyInMillis: 500 })
    .use(requestLogger(group))
    .use(jsonErrorHandler())
    .handler(dispatch);
}
