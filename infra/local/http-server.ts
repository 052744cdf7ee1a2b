import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { FUNCTION_GROUPS, type FunctionGroup } from '../../functions/groups';
import { type RouteSpec, routeKey } from '../../functions/http/route-spec';
import { ROUTES } from '../../functions/routes';
import { buildHttpApiEvent, type HttpApiEvent, lambdaContext } from './apigw-event';
import { handleDevSignIn } from './console-dev-sign-in';
import { serveConsole } from './console-static';
import { DevTokenError, verifyDevToken } from './dev-keys';
import { createRouteMatcher, MalformedPathError } from './route-match';

/**
 * The local stand-in for API Gateway (HTTP API) + Lambda: one node:http server that routes by the same
 * ROUTES list as the CDK stack, verifies the dev token where the stack attaches the JWT authorizer,
 * and invokes the group's real handler in-process with a payload-2.0 event.
 */
export type LambdaHttpHandler = (
  event: HttpApiEvent,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2 | string | object | undefined>;

export interface LocalApiOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  tablePrefix: string;
  dynamoEndpoint: string;
  quiet?: boolean;
  routes?: readonly RouteSpec[];
  /** Tests swap in fake handlers; the default imports FUNCTION_GROUPS[group].entry. */
  loadHandler?: (group: string) => Promise<LambdaHttpHandler>;
  /** Built console (web/dist) served for GET requests no API route matches, as CloudFront does on AWS. */
  consoleDir?: string;
  /** Local dev sign-in for the console (GET /dev/users, POST /dev/sign-in); never part of the stack. */
  devSignIn?: boolean;
}

export interface LocalApi {
  url: string;
  port: number;
  /** Imports every group's handler now, so a broken entry file shows at start, not on first call. */
  preload(): Promise<{ group: string; error?: string }[]>;
  /** Turns the access log off and on (seeding would print a line per employee). */
  setQuiet(quiet: boolean): void;
  close(): Promise<void>;
}

/** Lambda's synchronous invocation payload limit; API Gateway's own (10 MB) is never reached first. */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;
/** API Gateway stops waiting after 30 s whatever the function timeout; the handler sees the same budget. */
const HANDLER_BUDGET_MS = 29_000;
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

let boundEndpoint: string | undefined;

export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  bindEnvironment(options);
  const routes = options.routes ?? ROUTES;
  const match = createRouteMatcher(routes);
  const loadHandler = cachedLoader(options.loadHandler ?? importGroupHandler);
  let quiet = options.quiet ?? false;
  const log = (line: object) => {
    if (!quiet) console.log(JSON.stringify(line));
  };

  const server = createServer((req, res) => {
    const started = performance.now();
    const requestId = randomUUID();
    res.setHeader('apigw-requestid', requestId);
    res.once('finish', () => {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      log({
        level: 'INFO',
        message: 'request',
        method: req.method,
        path: req.url,
        status: res.statusCode,
        ms,
        requestId,
      });
    });
    handle(req, res, requestId).catch((err: Error) => {
      console.error(
        JSON.stringify({ level: 'ERROR', message: 'local API failure', requestId, error: err.stack }),
      );
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Internal Server Error' }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    if (options.devSignIn && (await handleDevSignIn(req, res, path, requestId))) return;
    let found: ReturnType<typeof match>;
    try {
      found = match(method, path);
    } catch (err) {
      if (!(err instanceof MalformedPathError)) throw err;
      return sendError(res, 400, 'BAD_REQUEST', 'Path tidak valid', requestId);
    }
    // In AWS an unmatched route is API Gateway's own {"message":"Not Found"}; locally we answer in the
    // standard shape so clients and tests see one error format.
    if (found.kind === 'not-found') {
      if (options.consoleDir && serveConsole(req, res, options.consoleDir, path)) return;
      return sendError(res, 404, 'ROUTE_NOT_FOUND', `Rute tidak ditemukan: ${method} ${path}`, requestId);
    }
    if (found.kind === 'method-not-allowed') {
      res.setHeader('allow', found.allowed.join(', '));
      const message = `Metode ${method} tidak didukung untuk ${path}`;
      return sendError(res, 405, 'METHOD_NOT_ALLOWED', message, requestId);
    }
    const { route, pathParameters } = found;

    // In AWS the HTTP API JWT authorizer answers these 401s itself, before any Lambda runs; roles are
    // still checked by the handler, since the authorizer only proves who is calling.
    let claims: Record<string, unknown> | undefined;
    if (route.roles !== 'PUBLIC') {
      try {
        claims = await verifyDevToken(bearerToken(req.headers.authorization));
      } catch (err) {
        if (!(err instanceof DevTokenError)) throw err;
        res.setHeader('www-authenticate', 'Bearer');
        return sendError(res, 401, 'UNAUTHORIZED', err.message, requestId);
      }
    }

    const body = await readBody(req, MAX_BODY_BYTES);
    // The client hung up (a load test ending mid-request): nobody is left to answer.
    if (body === 'aborted') return;
    if (body === 'too-large') {
      res.setHeader('connection', 'close');
      return sendError(res, 413, 'PAYLOAD_TOO_LARGE', 'Body permintaan melebihi 6 MB', requestId);
    }

    const event = buildHttpApiEvent({
      method,
      url,
      httpVersion: req.httpVersion,
      headersDistinct: req.headersDistinct,
      remoteAddress: req.socket.remoteAddress ?? '127.0.0.1',
      localPort: req.socket.localPort ?? 0,
      body,
      routeKey: routeKey(route),
      pathParameters,
      ...(claims ? { claims } : {}),
      requestId,
    });
    const group = FUNCTION_GROUPS[route.group as FunctionGroup];
    const context = lambdaContext(`sigap-local-${route.group}`, group?.memoryMb ?? 512, HANDLER_BUDGET_MS);
    let result: Awaited<ReturnType<LambdaHttpHandler>>;
    try {
      const handler = await loadHandler(route.group);
      result = await handler(event, context);
    } catch (err) {
      // What the Lambda runtime would log; the caller gets API Gateway's generic 500, as in AWS.
      const stack = (err as Error).stack ?? String(err);
      console.error(
        JSON.stringify({ level: 'ERROR', message: 'handler threw', group: route.group, requestId, stack }),
      );
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Internal Server Error' }));
      return;
    }
    writeResult(res, result);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${options.port} is already in use; pick another with --port <n>`)
          : err,
      );
    });
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : options.port;
  // An IP literal, not "localhost": Node clients may resolve that to ::1 where nothing listens.
  const host = !options.host || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;

  return {
    url: `http://${host}:${port}`,
    port,
    async preload() {
      const groups = [...new Set(routes.map((r) => r.group))];
      return Promise.all(
        groups.map(async (group) => {
          try {
            await loadHandler(group);
            return { group };
          } catch (err) {
            return { group, error: (err as Error).message };
          }
        }),
      );
    },
    setQuiet(value) {
      quiet = value;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * The handlers' DocumentClient reads DYNAMODB_ENDPOINT once, at import; TABLE_PREFIX is read per call.
 * So one process serves one endpoint, and the env must be in place before the first handler import.
 */
function bindEnvironment(options: LocalApiOptions): void {
  if (boundEndpoint && boundEndpoint !== options.dynamoEndpoint) {
    throw new Error(
      `this process already serves DynamoDB at ${boundEndpoint}; handler modules cannot be re-bound to ${options.dynamoEndpoint}`,
    );
  }
  boundEndpoint = options.dynamoEndpoint;
  process.env.DYNAMODB_ENDPOINT = options.dynamoEndpoint;
  process.env.TABLE_PREFIX = options.tablePrefix;
  process.env.AWS_REGION ??= 'local';
}

function cachedLoader(load: (group: string) => Promise<LambdaHttpHandler>) {
  const cache = new Map<string, Promise<LambdaHttpHandler>>();
  return (group: string) => {
    let pending = cache.get(group);
    if (!pending) {
      pending = load(group);
      // A failed import is not cached: while someone is still writing the entry file, the next request retries.
      pending.catch(() => cache.delete(group));
      cache.set(group, pending);
    }
    return pending;
  };
}

export async function importGroupHandler(group: string): Promise<LambdaHttpHandler> {
  const spec = FUNCTION_GROUPS[group as FunctionGroup];
  if (!spec) throw new Error(`route group "${group}" has no entry in FUNCTION_GROUPS`);
  const mod = (await import(pathToFileURL(join(REPO_ROOT, spec.entry)).href)) as { handler?: unknown };
  if (typeof mod.handler !== 'function') throw new Error(`${spec.entry} does not export a handler function`);
  return mod.handler as LambdaHttpHandler;
}

/** API Gateway reads the Authorization header and strips an optional "Bearer " prefix. */
function bearerToken(header: string | undefined): string | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(value);
  return (m ? m[1] : value)?.trim() || undefined;
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return 'too-large';
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) return 'too-large';
      chunks.push(chunk);
    }
  } catch (err) {
    if (req.destroyed) return 'aborted';
    throw err;
  }
  return Buffer.concat(chunks);
}

function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  requestId: string,
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error: { code, message, requestId, issues: [] } }));
}

/** Payload 2.0 response rules: a result without statusCode is a 200 JSON body, as API Gateway infers. */
function writeResult(res: ServerResponse, result: Awaited<ReturnType<LambdaHttpHandler>>): void {
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(typeof result === 'string' ? result : (JSON.stringify(result) ?? 'null'));
    return;
  }
  const structured = result as APIGatewayProxyStructuredResultV2;
  for (const [name, value] of Object.entries(structured.headers ?? {})) res.setHeader(name, String(value));
  if (structured.cookies?.length) res.setHeader('set-cookie', structured.cookies);
  res.statusCode = structured.statusCode ?? 200;
  const body = structured.body ?? '';
  res.end(structured.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}
