import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * functions/env.ts, the Powertools logger (functions/http/log.ts, middlewares.ts) and tracer
 * (functions/observability): environment read once and a Lambda stopped at start without what it
 * needs; log lines with the request and correlation ids; tracing off outside Lambda.
 */
describe('environment read once at start', () => {
  beforeEach(() => {
    vi.resetModules();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('should stop a Lambda with table access at start when TABLE_PREFIX is missing', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'sigap-dev-payroll-read');
    vi.stubEnv('TABLE_PREFIX', '');
    await expect(import('../../../functions/table/client')).rejects.toThrow(/TABLE_PREFIX is not set/);
  });

  it('should load locally without TABLE_PREFIX and name it on first use', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', '');
    vi.stubEnv('TABLE_PREFIX', '');
    const { tableForTenant } = await import('../../../functions/table/client');
    expect(() => tableForTenant('bantul')).toThrow(/TABLE_PREFIX is not set/);
  });

  it('should read the table prefix in Lambda as it was when the module loaded', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'sigap-dev-payroll-read');
    vi.stubEnv('TABLE_PREFIX', 'sigap-dev-');
    const { tableForTenant } = await import('../../../functions/table/client');
    vi.stubEnv('TABLE_PREFIX', 'other-');
    expect(tableForTenant('bantul')).toBe('sigap-dev-bantul');
  });

  it('should read the table prefix locally when used (the harness sets it after the logger loaded env.ts)', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', '');
    vi.stubEnv('TABLE_PREFIX', '');
    const { tableForTenant } = await import('../../../functions/table/client');
    vi.stubEnv('TABLE_PREFIX', 't-1234abcd-');
    expect(tableForTenant('bantul')).toBe('t-1234abcd-bantul');
  });

  it('should refuse a chunk size that is not a whole number at start', async () => {
    vi.stubEnv('PAYROLL_CHUNK_SIZE', '20O');
    await expect(import('../../../functions/env')).rejects.toThrow(/PAYROLL_CHUNK_SIZE/);
  });
});

describe('logs and traces', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubEnv('SIGAP_LOG', '');
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', '');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  const event = (headers: Record<string, string>) =>
    ({ routeKey: 'GET /runs', headers, requestContext: { requestId: 'req-1' } }) as never;
  const context = { awsRequestId: 'aws-1', functionName: 'sigap-dev-payroll-read' } as never;

  it('should put the request id, the caller correlation id and the Lambda context on the request line', async () => {
    const lines: Record<string, unknown>[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(JSON.parse(line)));
    const { requestLogger } = await import('../../../functions/http/middlewares');
    const mw = requestLogger('payroll-read');
    const request = {
      event: event({ 'x-correlation-id': 'corr-42' }),
      context,
      response: { statusCode: 200 },
    };
    await mw.before?.(request as never);
    await mw.after?.(request as never);
    const line = lines.find((l) => l.message === 'request');
    expect(line).toMatchObject({
      level: 'INFO',
      service: 'sigap',
      requestId: 'req-1',
      correlation_id: 'corr-42',
      function_name: 'sigap-dev-payroll-read',
      function_request_id: 'aws-1',
      group: 'payroll-read',
      status: 200,
    });
  });

  it('should use the request id as correlation id when the caller sends none or a malformed one', async () => {
    const lines: Record<string, unknown>[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(JSON.parse(line)));
    const { requestLogger } = await import('../../../functions/http/middlewares');
    const mw = requestLogger('payroll-read');
    const request = {
      event: event({ 'x-correlation-id': 'a b\nc' }),
      context,
      response: { statusCode: 200 },
    };
    await mw.before?.(request as never);
    await mw.after?.(request as never);
    expect(lines.find((l) => l.message === 'request')?.correlation_id).toBe('req-1');
  });

  it('should log only errors with SIGAP_LOG=silent', async () => {
    vi.stubEnv('SIGAP_LOG', 'silent');
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { log } = await import('../../../functions/http/log');
    log('INFO', 'quiet');
    log('ERROR', 'loud', { chunk: 'bantul/r/0' });
    expect(out).not.toHaveBeenCalled();
    expect(JSON.parse(String(err.mock.calls[0]?.[0]))).toMatchObject({
      message: 'loud',
      chunk: 'bantul/r/0',
    });
  });

  it('should trace nothing outside Lambda and hand the AWS clients back unwrapped', async () => {
    vi.stubEnv('AWS_EXECUTION_ENV', '');
    const { tracer } = await import('../../../functions/observability/tracer');
    expect(tracer.isTracingEnabled()).toBe(false);
    const client = { send: () => undefined, middlewareStack: { add: () => undefined } };
    expect(tracer.captureAWSv3Client(client)).toBe(client);
  });

  it('should trace in Lambda unless POWERTOOLS_TRACE_ENABLED=false', async () => {
    vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs22.x');
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'false');
    const { tracer } = await import('../../../functions/observability/tracer');
    expect(tracer.isTracingEnabled()).toBe(false);
    vi.resetModules();
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', '');
    const again = await import('../../../functions/observability/tracer');
    expect(again.tracer.isTracingEnabled()).toBe(true);
  });
});
