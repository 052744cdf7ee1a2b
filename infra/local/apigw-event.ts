import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';

/**
 * Builds the payload-format-2.0 event API Gateway HTTP APIs hand to a Lambda integration, so the
 * handlers cannot tell the local server from AWS. Field rules follow the AWS developer guide
 * ("Working with AWS Lambda proxy integrations for HTTP APIs"): duplicate headers and query
 * parameters are comma-joined, cookies move to their own array, binary bodies arrive base64.
 */
export interface IncomingRequestParts {
  method: string;
  /** Path and query exactly as received, before any decoding. */
  url: string;
  httpVersion: string;
  headersDistinct: Record<string, string[] | undefined>;
  remoteAddress: string;
  localPort: number;
  body: Buffer;
  routeKey: string;
  pathParameters: Record<string, string>;
  /** Claims of the verified token; absent on PUBLIC routes, where API Gateway runs no authorizer. */
  claims?: Record<string, unknown>;
  requestId?: string;
  now?: Date;
}

export type HttpApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_API_ID = 'sigaplocal';

export function buildHttpApiEvent(req: IncomingRequestParts): HttpApiEvent {
  const now = req.now ?? new Date();
  const queryAt = req.url.indexOf('?');
  const rawPath = queryAt === -1 ? req.url : req.url.slice(0, queryAt);
  const rawQueryString = queryAt === -1 ? '' : req.url.slice(queryAt + 1);
  const { headers, cookies } = flattenHeaders(req.headersDistinct, req.localPort);
  const domainName = headers.host ?? 'localhost';
  const contentType = headers['content-type'];
  const hasBody = req.body.length > 0;
  const isBase64Encoded = hasBody && !isTextContentType(contentType);
  const queryStringParameters = parseQuery(rawQueryString);
  const requestContext = {
    accountId: LOCAL_ACCOUNT_ID,
    apiId: LOCAL_API_ID,
    domainName,
    domainPrefix: domainName.split('.')[0] ?? domainName,
    http: {
      method: req.method,
      path: rawPath,
      protocol: `HTTP/${req.httpVersion}`,
      sourceIp: req.remoteAddress.replace(/^::ffff:/, ''),
      userAgent: headers['user-agent'] ?? '',
    },
    requestId: req.requestId ?? randomUUID(),
    routeKey: req.routeKey,
    stage: '$default',
    time: formatClf(now),
    timeEpoch: now.getTime(),
    ...(req.claims ? { authorizer: { jwt: { claims: flattenClaims(req.claims), scopes: null } } } : {}),
  };
  return {
    version: '2.0',
    routeKey: req.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    ...(Object.keys(req.pathParameters).length > 0 ? { pathParameters: req.pathParameters } : {}),
    ...(hasBody ? { body: req.body.toString(isBase64Encoded ? 'base64' : 'utf8') } : {}),
    isBase64Encoded,
    // The type insists on an authorizer; on PUBLIC routes AWS sends none, and so do we.
    requestContext: requestContext as HttpApiEvent['requestContext'],
  };
}

function flattenHeaders(distinct: Record<string, string[] | undefined>, localPort: number) {
  const headers: Record<string, string> = {};
  let cookies: string[] = [];
  for (const [name, values] of Object.entries(distinct)) {
    if (!values) continue;
    const lower = name.toLowerCase();
    if (lower === 'cookie') {
      cookies = values.flatMap((v) => v.split(';').map((c) => c.trim())).filter((c) => c !== '');
      continue;
    }
    headers[lower] = values.join(',');
  }
  // Headers the API Gateway edge adds on the way in.
  headers['x-forwarded-proto'] ??= 'http';
  headers['x-forwarded-port'] ??= String(localPort);
  return { headers, cookies };
}

function parseQuery(raw: string): Record<string, string> | undefined {
  if (raw === '') return undefined;
  const joined: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    joined[key] = key in joined ? `${joined[key]},${value}` : value;
  }
  return Object.keys(joined).length > 0 ? joined : undefined;
}

const TEXT_TYPES = [
  /^text\//,
  /^application\/([\w.-]+\+)?json\b/,
  /^application\/([\w.-]+\+)?xml\b/,
  /^application\/(javascript|x-www-form-urlencoded|graphql|yaml|x-yaml)\b/,
];

/**
 * Which bodies reach the handler as plain text. A body without a content type is treated as text:
 * that is what curl users expect and every SIGAP route speaks JSON (UNVERIFIED how AWS decides it).
 */
export function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return true;
  const type = contentType.toLowerCase().trim();
  return TEXT_TYPES.some((pattern) => pattern.test(type));
}

/**
 * API Gateway hands JWT claims to the Lambda as strings only: numbers and booleans are printed,
 * arrays become "[a b]" and objects "map[k:v]" (Go formatting), e.g. roles ["operator","bkpsdm"]
 * arrive as "[operator bkpsdm]". Handlers must parse them back; the local server must not spare them that.
 */
export function flattenClaims(claims: Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(claims)) {
    if (value === undefined) continue;
    flat[key] = formatClaim(value);
  }
  return flat;
}

function formatClaim(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatClaim).join(' ')}]`;
  if (value === null) return '<nil>';
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `map[${entries.map(([k, v]) => `${k}:${formatClaim(v)}`).join(' ')}]`;
  }
  return String(value);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** requestContext.time uses the access-log format: 12/Mar/2020:19:03:58 +0000. */
function formatClf(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
  );
}

/** A Lambda context good enough for logging, middy's timeout handling and request ids. */
export function lambdaContext(functionName: string, memoryMb: number, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  const awsRequestId = randomUUID();
  const unsupported = () => {
    throw new Error('callback-style Lambda completion is not supported; return a Promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:${LOCAL_ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: String(memoryMb),
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${awsRequestId.replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
