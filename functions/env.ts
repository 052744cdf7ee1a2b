/**
 * Every environment variable the functions read, read once when this module loads. In Lambda
 * (AWS_LAMBDA_FUNCTION_NAME is set) a variable a function needs and lacks stops it at start — an init
 * error on the first invocation, not a 500 in the middle of a run; see `requireAtStart`. Locally and in
 * tests the local runtime and the test helpers set the variables before they import a handler (see
 * test/support/dynamo.ts), so reading them once here sees their values.
 *
 * What the stack sets (infra/lib): TABLE_PREFIX for functions with table access, CHUNK_QUEUE_URL for
 * the functions that enqueue chunks, SIGAP_CURSOR_KEY (read by functions/table/cursor.ts), and the
 * POWERTOOLS_* settings of the logger and tracer. DYNAMODB_ENDPOINT and the SIGAP_LOCAL_* switches
 * exist only locally.
 */
const vars = process.env;

/** True inside a Lambda execution environment. */
export const IN_LAMBDA = Boolean(vars.AWS_LAMBDA_FUNCTION_NAME);

/** Chunk size of a payroll run when PAYROLL_CHUNK_SIZE is not set: ~1 s of work for one Lambda. */
export const DEFAULT_PAYROLL_CHUNK_SIZE = 200;

export class MissingEnvironmentError extends Error {
  constructor(name: string, why: string) {
    super(`environment variable ${name} is not set: ${why}`);
    this.name = 'MissingEnvironmentError';
  }
}

function text(name: string): string | undefined {
  const value = vars[name];
  return value === undefined || value === '' ? undefined : value;
}

function positiveInt(name: string, fallback: number): number {
  const value = text(name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`environment variable ${name} must be a whole number ≥ 1`);
  return n;
}

function fraction(name: string, fallback: number): number {
  const value = text(name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new Error(`environment variable ${name} must be between 0 and 1`);
  return n;
}

/**
 * TABLE_PREFIX and DYNAMODB_ENDPOINT as the process has them now. In Lambda they are fixed before the
 * process starts, so they are read once, here. The local runtime and the test harness choose them at run
 * time (a DynamoDB Local port, a table prefix per test file) after modules that import this one (the
 * logger, the seed) have loaded; outside Lambda they are therefore read when used, so an early import
 * cannot freeze them as unset.
 */
const tableSettingsAtLoad = {
  tablePrefix: text('TABLE_PREFIX'),
  dynamoDbEndpoint: text('DYNAMODB_ENDPOINT'),
};

export const env = Object.freeze({
  /** Tenant tables are `<TABLE_PREFIX><tenantId>`; absent for functions without table access. */
  get tablePrefix(): string | undefined {
    return IN_LAMBDA ? tableSettingsAtLoad.tablePrefix : text('TABLE_PREFIX');
  },
  /** DynamoDB Local (local runtime and tests only). */
  get dynamoDbEndpoint(): string | undefined {
    return IN_LAMBDA ? tableSettingsAtLoad.dynamoDbEndpoint : text('DYNAMODB_ENDPOINT');
  },
  awsRegion: text('AWS_REGION'),
  /** The payroll chunk queue; only the functions that start runs or results computations have it. */
  chunkQueueUrl: text('CHUNK_QUEUE_URL'),
  /** `silent`: only errors are logged (tests, benches, `npm start` without --verbose). */
  logSilent: text('SIGAP_LOG') === 'silent',
  /** The service name on every log line and trace (Powertools' own variable). */
  serviceName: text('POWERTOOLS_SERVICE_NAME') ?? 'sigap',
  /**
   * Share of invocations logged at DEBUG (Powertools log sampling), 0–1. Default 1 %: enough to see a
   * request's detail in production without paying for it on every invocation.
   */
  logSampleRate: fraction('POWERTOOLS_LOGGER_SAMPLE_RATE', 0.01),
  payrollChunkSize: positiveInt('PAYROLL_CHUNK_SIZE', DEFAULT_PAYROLL_CHUNK_SIZE),
  /** Chunks computed at once by the in-process dispatcher (local runtime, tests, bench). */
  payrollInlineParallel: positiveInt('PAYROLL_INLINE_PARALLEL', 2),
  payrollReadConcurrency: positiveInt('PAYROLL_READ_CONCURRENCY', 16),
});

/**
 * For a module that cannot work without a variable: in Lambda, fail now (at module load) when it is
 * missing; elsewhere return it or undefined, and the caller fails on first use with the same message.
 */
export function requireAtStart<T>(name: string, value: T | undefined, why: string): T | undefined {
  if (value === undefined && IN_LAMBDA) throw new MissingEnvironmentError(name, why);
  return value;
}

/** The value, or the same error `requireAtStart` gives in Lambda (outside it, on first use). */
export function required<T>(name: string, value: T | undefined, why: string): T {
  if (value === undefined) throw new MissingEnvironmentError(name, why);
  return value;
}
