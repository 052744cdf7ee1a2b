import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { Principal } from '../../core/auth/principal';

interface EventOptions {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  principal?: Principal;
}

let counter = 0;

/**
 * An API Gateway v2 event as the JWT authorizer delivers it: claims are strings, arrays flattened to
 * "[a b]". For handler-level tests that skip HTTP; the e2e tests go through the local server instead.
 */
export function anHttpEvent(
  routeKey: string,
  opts: EventOptions = {},
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const [method, path] = routeKey.split(' ') as [string, string];
  const rawPath = path.replace(/\{(\w+)\}/g, (_, k: string) => opts.params?.[k] ?? '');
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const p = opts.principal;
  counter += 1;
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: new URLSearchParams(opts.query ?? {}).toString(),
    headers: { 'content-type': opts.contentType ?? 'application/json' },
    ...(opts.query ? { queryStringParameters: opts.query } : {}),
    ...(opts.params ? { pathParameters: opts.params } : {}),
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: `req-${counter}-${Math.random().toString(36).slice(2, 8)}`,
      routeKey,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      authorizer: {
        principalId: '',
        integrationLatency: 0,
        jwt: {
          claims: p
            ? {
                tenant: p.tenantId,
                sub: p.sub,
                roles: `[${p.roles.join(' ')}]`,
                opds: `[${p.opds.join(' ')}]`,
              }
            : {},
          scopes: [],
        },
      },
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

export const lambdaContext = {
  awsRequestId: 'test',
  functionName: 'test',
  getRemainingTimeInMillis: () => 30_000,
} as unknown as Context;

export type Handler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

export async function call(handler: Handler, routeKey: string, opts: EventOptions = {}) {
  const res = await handler(anHttpEvent(routeKey, opts), lambdaContext);
  const text = typeof res.body === 'string' ? res.body : '';
  return {
    status: res.statusCode ?? 0,
    headers: res.headers ?? {},
    json: text ? JSON.parse(text) : undefined,
  };
}
