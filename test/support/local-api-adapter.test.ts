import { type IncomingHttpHeaders, request } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { flattenClaims } from '../../infra/local/apigw-event';
import { issueDevToken } from '../../infra/local/dev-keys';
import { type LambdaHttpHandler, type LocalApi, startLocalApi } from '../../infra/local/http-server';
import { createRouteMatcher } from '../../infra/local/route-match';

/**
 * The local API Gateway stand-in, tested against a fake handler that echoes what it was given, so
 * these tests pin the event and response rules without DynamoDB or the real handlers.
 */
type Seen = { event: APIGatewayProxyEventV2WithJWTAuthorizer; context: Context };

const echo: LambdaHttpHandler = async (event, context) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ event, context: { ...context, remaining: context.getRemainingTimeInMillis() } }),
});

/** One fake for every group, switching on the route key like the real group handlers do. */
const fake: LambdaHttpHandler = async (event, context) => {
  if (event.routeKey === 'GET /audit') throw new Error('boom');
  if (event.routeKey === 'POST /employees') {
    return {
      statusCode: 202,
      cookies: ['a=1; Path=/', 'b=2; Path=/'],
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.from([0, 1, 2, 255]).toString('base64'),
      isBase64Encoded: true,
    };
  }
  return echo(event, context);
};

describe('local API adapter', () => {
  let api: LocalApi;
  const token = () =>
    issueDevToken({
      tenant: 'bantul',
      sub: '199001012015031001',
      roles: ['operator', 'bkpsdm'],
      opds: ['DISDIK'],
    });

  beforeAll(async () => {
    api = await startLocalApi({
      port: 0,
      tablePrefix: 'unused-',
      dynamoEndpoint: 'http://127.0.0.1:9',
      quiet: true,
      loadHandler: async () => fake,
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${api.url}${path}`, init);
    return { res, json: (await res.json()) as Seen & { error?: { code: string; message: string } } };
  };

  it('should build a payload 2.0 event the way API Gateway does', async () => {
    // fetch would fold a repeated header into one line; node:http sends two, as a browser may.
    const { status, body, headers } = await rawGet(
      `${api.url}/employees/1990%2001/history?x=1&x=2&y=%C3%A9`,
      {
        authorization: `Bearer ${await token()}`,
        'X-Custom': ['a', 'b'],
        cookie: 'k1=v1; k2=v2',
      },
    );

    expect(status).toBe(200);
    const { event } = JSON.parse(body) as Seen;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /employees/{nip}/history',
      rawPath: '/employees/1990%2001/history',
      rawQueryString: 'x=1&x=2&y=%C3%A9',
      queryStringParameters: { x: '1,2', y: 'é' },
      pathParameters: { nip: '1990 01' },
      cookies: ['k1=v1', 'k2=v2'],
      isBase64Encoded: false,
      requestContext: {
        accountId: expect.any(String),
        apiId: expect.any(String),
        http: {
          method: 'GET',
          path: '/employees/1990%2001/history',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
        },
        routeKey: 'GET /employees/{nip}/history',
        stage: '$default',
        time: expect.stringMatching(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/),
        timeEpoch: expect.any(Number),
      },
    });
    expect(event.headers['x-custom']).toBe('a,b');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.body).toBeUndefined();
    expect(event.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers['apigw-requestid']).toBe(event.requestContext.requestId);
  });

  it('should pass every JWT claim as a string, arrays flattened to "[a b]"', async () => {
    const { json } = await call('/me', { headers: { authorization: `Bearer ${await token()}` } });

    const claims = json.event.requestContext.authorizer.jwt.claims;
    expect(claims).toMatchObject({
      tenant: 'bantul',
      sub: '199001012015031001',
      roles: '[operator bkpsdm]',
      opds: '[DISDIK]',
      iss: 'sigap-local-dev',
      aud: 'sigap-api',
    });
    expect(Object.values(claims).every((v) => typeof v === 'string')).toBe(true);
    expect(claims.exp).toMatch(/^\d+$/);
    expect(json.event.requestContext.authorizer.jwt.scopes).toBeNull();
  });

  it('should send no authorizer on PUBLIC routes, even with a token', async () => {
    const { json } = await call('/health', { headers: { authorization: `Bearer ${await token()}` } });

    expect(json.event.requestContext).not.toHaveProperty('authorizer');
  });

  it('should give the handler a Lambda context with a time budget', async () => {
    const { json } = await call('/health');

    const context = json.context as Context & { remaining: number };
    expect(context.functionName).toBe('sigap-local-system');
    expect(context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(context.remaining).toBeGreaterThan(28_000);
    expect(context.remaining).toBeLessThanOrEqual(29_000);
  });

  it('should pass JSON bodies as text and binary bodies as base64', async () => {
    const patch = async (contentType: string, body: string | Uint8Array) =>
      (
        await call('/employees/199001012015031001', {
          method: 'PATCH',
          headers: { authorization: `Bearer ${await token()}`, 'content-type': contentType },
          body,
        })
      ).json.event;

    const json = await patch('application/json; charset=utf-8', '{"nama":"Sri"}');
    const binary = await patch('application/pdf', new Uint8Array([37, 80, 68, 70, 0, 255]));

    expect(json).toMatchObject({ body: '{"nama":"Sri"}', isBase64Encoded: false });
    expect(binary).toMatchObject({
      body: Buffer.from([37, 80, 68, 70, 0, 255]).toString('base64'),
      isBase64Encoded: true,
    });
  });

  it('should decode base64 responses and send cookies as Set-Cookie', async () => {
    const res = await fetch(`${api.url}/employees`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
      body: '{}',
    });

    expect(res.status).toBe(202);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([0, 1, 2, 255]));
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  });

  it('should answer 401 in the standard shape for missing, malformed and foreign tokens', async () => {
    const missing = await call('/me');
    const garbage = await call('/me', { headers: { authorization: 'Bearer not.a.jwt' } });

    expect(missing.res.status).toBe(401);
    expect(missing.json.error).toMatchObject({ code: 'UNAUTHORIZED', message: 'Token tidak ada' });
    expect(missing.res.headers.get('www-authenticate')).toBe('Bearer');
    expect(garbage.res.status).toBe(401);
    expect(garbage.json.error).toMatchObject({ code: 'UNAUTHORIZED', message: 'Token tidak valid' });
  });

  it('should answer 405 with Allow when the path exists under another method', async () => {
    const { res, json } = await call('/health', { method: 'DELETE' });

    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(json.error).toMatchObject({
      code: 'METHOD_NOT_ALLOWED',
      requestId: expect.any(String),
      issues: [],
    });
  });

  it('should refuse bodies over 6 MB with 413', async () => {
    const { res, json } = await call('/employees', {
      method: 'POST',
      headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
      body: 'x'.repeat(6 * 1024 * 1024 + 1),
    });

    expect(res.status).toBe(413);
    expect(json.error?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('should turn a throwing handler into API Gateway’s bare 500 and log the stack', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});

    const res = await fetch(`${api.url}/audit?entity=employee`, {
      headers: { authorization: `Bearer ${await token()}` },
    });

    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ message: 'Internal Server Error' });
    expect(String(logged.mock.calls[0]?.[0])).toContain('Error: boom');
    logged.mockRestore();
  });
});

function rawGet(url: string, headers: Record<string, string | string[]>) {
  return new Promise<{ status: number; body: string; headers: IncomingHttpHeaders }>((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('flattenClaims', () => {
  it('should print numbers, booleans, arrays and objects the way API Gateway does', () => {
    expect(flattenClaims({ n: 5, b: true, a: ['x', 'y'], e: [], o: { k: 'v', a: 1 } })).toEqual({
      n: '5',
      b: 'true',
      a: '[x y]',
      e: '[]',
      o: 'map[a:1 k:v]',
    });
  });
});

describe('createRouteMatcher', () => {
  const match = createRouteMatcher([
    { id: 'a', method: 'GET', path: '/e/{id}', group: 'g', summary: '', tags: [], roles: 'PUBLIC' },
    { id: 'b', method: 'GET', path: '/e/export', group: 'g', summary: '', tags: [], roles: 'PUBLIC' },
    { id: 'c', method: 'GET', path: '/files/{key+}', group: 'g', summary: '', tags: [], roles: 'PUBLIC' },
  ]);

  it('should prefer the literal route over the parameterised one', () => {
    expect(match('GET', '/e/export')).toMatchObject({ kind: 'found', route: { id: 'b' } });
    expect(match('GET', '/e/42')).toMatchObject({
      kind: 'found',
      route: { id: 'a' },
      pathParameters: { id: '42' },
    });
  });

  it('should give a greedy parameter the rest of the path', () => {
    expect(match('GET', '/files/a/b%20c')).toMatchObject({ pathParameters: { key: 'a/b c' } });
  });

  it('should not match a trailing slash or an empty segment', () => {
    expect(match('GET', '/e/')).toEqual({ kind: 'not-found' });
    expect(match('GET', '/e/42/')).toEqual({ kind: 'not-found' });
  });
});
