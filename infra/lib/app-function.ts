import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { TableAccess } from '../../functions/http/route-spec';
import type { TenantTable } from './tenant-table';

/** The repository root: entries in functions/groups.ts are relative to it, and so is the lock file. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * An ESM bundle has no `require`, but CommonJS dependencies bundled into it still call it (for Node
 * built-ins). The alias keeps the import from clashing with a bundled module's own `createRequire`.
 */
const ESM_REQUIRE_BANNER =
  "import { createRequire as __sigapCreateRequire } from 'node:module';" +
  'const require = __sigapCreateRequire(import.meta.url);';

/**
 * HTTP functions stop at 29 s: API Gateway HTTP APIs give up on an integration after 30 s, so running
 * longer only burns money. Scheduled work (the monthly payroll run) gets the Lambda maximum.
 */
const TIMEOUTS = { http: Duration.seconds(29), scheduled: Duration.minutes(15) } as const;

export type FunctionKind = keyof typeof TIMEOUTS;

export interface AppFunctionProps {
  /** Entry file relative to the repository root, as declared in functions/groups.ts. */
  entry: string;
  memoryMb: number;
  kind: FunctionKind;
  /** esbuild `define` map compiled into the bundle (see bundle-defines.ts). */
  define: Record<string, string>;
  description?: string;
  logRetention?: RetentionDays;
}

/**
 * Every SIGAP Lambda: the runtime, architecture, bundling, logging and tracing are decided here once,
 * so a function declaration only says what differs (entry, memory, kind). Table access is added
 * afterwards, and only through `bindTables`.
 */
export class AppFunction extends NodejsFunction {
  /** The entry file relative to the repository root (what the tests check nothing local is deployed). */
  readonly entryFile: string;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    // An explicit log group (instead of the implicit /aws/lambda/<name>) so retention is set and the
    // group is removed with the function; logs hold no record of truth (the audit trail is in DynamoDB).
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    super(scope, id, {
      entry: `${REPO_ROOT}${props.entry}`,
      handler: 'handler',
      description: props.description,
      // Explicit rather than NODEJS_LATEST: a runtime change should be a reviewed diff, not a CDK upgrade.
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb,
      timeout: TIMEOUTS[props.kind],
      tracing: Tracing.ACTIVE,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
      },
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}package-lock.json`,
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        // Source maps make stack traces readable; without sources the map stays small.
        sourceMap: true,
        sourcesContent: false,
        // Prefer packages' ESM builds so tree shaking works.
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        // Bundle the AWS SDK instead of using the runtime's copy, which AWS updates under us: the
        // version we test is the version we run.
        bundleAwsSDK: true,
        define: props.define,
        logLevel: LogLevel.ERROR,
      },
    });
    this.entryFile = props.entry;
  }

  /**
   * Gives this function exactly the declared access to every tenant table (and its indexes): read-only
   * for RO, read-write for RW, and nothing at all — not even the table prefix — for NONE.
   */
  bindTables(tables: readonly TenantTable[], access: TableAccess): void {
    if (access === 'NONE') return;
    const prefixes = new Set(tables.map((table) => table.tablePrefix));
    if (prefixes.size > 1) {
      throw new Error(
        `${this.node.path}: tenant tables disagree on their prefix (${[...prefixes].join(', ')})`,
      );
    }
    for (const prefix of prefixes) this.addEnvironment('TABLE_PREFIX', prefix);
    for (const table of tables) {
      if (access === 'RO') table.grantReadData(this);
      else table.grantReadWriteData(this);
    }
  }
}
