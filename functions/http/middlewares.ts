import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type middy from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { DomainError } from '../../core/errors';
import { RuleNotInForceError } from '../../core/rulesets/errors';
import { tracer } from '../observability/tracer';
import { HttpError } from './errors';
import { log, logger } from './log';

type Request = middy.Request<
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Error,
  Context
>;

function requestIdOf(request: Request): string {
  return request.event?.requestContext?.requestId ?? request.context?.awsRequestId ?? 'unknown';
}

const STATUS_OF_KIND: Record<DomainError['kind'], number> = {
  INVALID: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 409,
};

function toHttpError(err: unknown): unknown {
  if (err instanceof DomainError)
    return new HttpError(STATUS_OF_KIND[err.kind], err.code, err.message, err.issues);
  // A month before the first version of a rule (POST /results/1051-04/compute) is the caller's
  // mistake, wherever the rules are read: a 400 naming the month, never a 500 (found by the fuzz test).
  if (err instanceof RuleNotInForceError)
    return new HttpError(400, 'RULES_NOT_IN_FORCE', `Belum ada aturan yang berlaku pada ${err.month}`, [
      { path: 'month', message: `aturan ${err.parameterId} belum berlaku pada ${err.month}` },
    ]);
  return err;
}

/**
 * The one error mapper: an HttpError goes out as it is; anything else is a bug, answered with a bare
 * "internal error" and the request id, while the stack goes to the log only.
 */
export function jsonErrorHandler(): middy.MiddlewareObj<
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Error,
  Context
> {
  return {
    onError: async (request) => {
      const requestId = requestIdOf(request);
      const err = toHttpError(request.error);
      if (err instanceof HttpError) {
        request.response = {
          statusCode: err.status,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'x-request-id': requestId,
            ...err.headers,
          },
          body: JSON.stringify({
            error: { code: err.code, message: err.message, requestId, issues: err.issues },
          }),
        };
        return;
      }
      log('ERROR', 'unhandled error', {
        requestId,
        routeKey: request.event?.routeKey,
        error:
          err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
      });
      request.response = {
        statusCode: 500,
        headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId },
        body: JSON.stringify({
          error: { code: 'INTERNAL', message: 'internal error', requestId, issues: [] },
        }),
      };
    },
  };
}

/** A caller's correlation id is kept when it looks like one; anything else is replaced by the request id. */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function correlationIdOf(request: Request): string {
  const given = request.event?.headers?.['x-correlation-id'];
  return given && CORRELATION_ID.test(given) ? given : requestIdOf(request);
}

/**
 * Per invocation: the Lambda context, request id and correlation id on every log line of the request
 * (Powertools), a fresh sampling decision (a sampled request logs at DEBUG), the invocation traced as
 * the handler's segment with its cold start annotated; then one line per request. Bodies are never
 * logged (they hold bank accounts and family data).
 */
export function requestLogger(
  group: string,
): middy.MiddlewareObj<
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Error,
  Context
> {
  const traced = captureLambdaHandler(tracer, { captureResponse: false }) as unknown as middy.MiddlewareObj<
    APIGatewayProxyEventV2WithJWTAuthorizer,
    APIGatewayProxyStructuredResultV2,
    Error,
    Context
  >;
  const started = new WeakMap<object, number>();
  const done = async (request: Request) => {
    const t0 = started.get(request) ?? performance.now();
    log('INFO', 'request', {
      group,
      routeKey: request.event?.routeKey,
      status: request.response?.statusCode,
      ms: Math.round((performance.now() - t0) * 10) / 10,
    });
    logger.resetKeys();
  };
  return {
    before: async (request) => {
      started.set(request, performance.now());
      if (request.context) logger.addContext(request.context);
      logger.refreshSampleRateCalculation();
      logger.appendKeys({ requestId: requestIdOf(request), group });
      logger.setCorrelationId(correlationIdOf(request));
      await traced.before?.(request);
    },
    after: async (request) => {
      await traced.after?.(request);
      await done(request);
    },
    onError: async (request) => {
      await traced.onError?.(request);
      await done(request);
    },
  };
}
