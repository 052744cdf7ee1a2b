import { CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { loadRulesetFilesFromDir } from '../../config/registry';
import type { TenantConfig } from '../../core/tenant/tenant-config';
import { FUNCTION_GROUPS, SCHEDULED_FUNCTIONS } from '../../functions/groups';
import type { TableAccess } from '../../functions/http/route-spec';
import { ROUTES } from '../../functions/routes';
import type { AppContext } from './app-context';
import { AppFunction, type FunctionKind } from './app-function';
import { bundleDefines } from './bundle-defines';
import { ConsoleHosting, DEFAULT_CONSOLE_DIST } from './console-hosting';
import { HttpApi } from './http-api';
import { PayrollQueue } from './payroll-queue';
import { PayrollSchedule } from './payroll-schedule';
import { TenantTable, tablePrefixOf } from './tenant-table';

/** The scheduled function the payroll schedules invoke; typed so a rename in groups.ts fails here. */
const PAYROLL_FUNCTION: keyof typeof SCHEDULED_FUNCTIONS = 'payroll-schedule';
/** The SQS worker that computes run chunks, and the HTTP group that starts and recomputes runs. */
const CHUNK_WORKER: keyof typeof SCHEDULED_FUNCTIONS = 'payroll-chunk-worker';
const RUN_PRODUCER_GROUP = 'payroll-write';

export interface SigapStackProps extends StackProps, AppContext {
  /** The tenant registry (config/tenants/), parsed; tests pass their own list. */
  tenants: readonly TenantConfig[];
  /** The built console to host (web/dist by default; the infra tests pass a fixture). */
  consoleAssetsDir?: string;
}

/**
 * All of SIGAP in one stack: a table per tenant, a function per group, the HTTP API, the console's
 * hosting and the payroll schedules. Everything is derived from the declarations in config/ and
 * functions/ (tenants, groups, routes, table schema), so adding a tenant or a route is a change there,
 * not here.
 */
export class SigapStack extends Stack {
  readonly tables: readonly TenantTable[];
  /** Every function by its group (HTTP groups and scheduled functions). */
  readonly functions: Readonly<Record<string, AppFunction>>;
  readonly api: HttpApi;
  readonly console: ConsoleHosting;
  readonly payrollSchedule: PayrollSchedule;
  readonly payrollQueue: PayrollQueue;
  /** The esbuild `define` map compiled into every function. */
  readonly bundleDefinitions: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: SigapStackProps) {
    super(scope, id, props);
    const { stage, tenants } = props;
    Tags.of(this).add('sigap:stage', stage);

    const tablePrefix = tablePrefixOf(stage);
    this.tables = tenants.map(
      (tenant) => new TenantTable(this, `Table${pascalCase(tenant.id)}`, { tenant, tablePrefix }),
    );

    const define = bundleDefines({ tenants, rulesetFiles: loadRulesetFilesFromDir() });
    this.bundleDefinitions = define;
    const functions: Record<string, AppFunction> = {};
    const addFunctions = (
      groups: Record<string, { entry: string; tableAccess: TableAccess; memoryMb: number }>,
      kind: FunctionKind,
    ) => {
      for (const [group, spec] of Object.entries(groups)) {
        if (functions[group]) throw new Error(`function group "${group}" is declared twice`);
        const fn = new AppFunction(this, `${pascalCase(group)}Function`, {
          entry: spec.entry,
          memoryMb: spec.memoryMb,
          kind,
          define,
          description: `SIGAP ${stage} ${group} (${kind}, tables ${spec.tableAccess})`,
        });
        fn.bindTables(this.tables, spec.tableAccess);
        functions[group] = fn;
      }
    };
    addFunctions(FUNCTION_GROUPS, 'http');
    addFunctions(SCHEDULED_FUNCTIONS, 'scheduled');
    this.functions = functions;

    // The console first: the API's CORS names its origin (see ConsoleHosting for why in two steps).
    this.console = new ConsoleHosting(this, 'Console', {
      assetsDir: props.consoleAssetsDir ?? DEFAULT_CONSOLE_DIST,
      oidc: props.oidc,
      jwtAudience: props.jwtAudience,
    });
    this.api = new HttpApi(this, 'HttpApi', {
      apiName: `sigap-${stage}`,
      routes: ROUTES,
      functions,
      jwtIssuer: props.jwtIssuer,
      jwtAudience: props.jwtAudience,
      corsAllowOrigins: [this.console.origin],
    });
    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the SIGAP HTTP API' });
    this.console.publish({ apiUrl: this.api.api.apiEndpoint });
    new CfnOutput(this, 'ConsoleUrl', {
      value: `${this.console.origin}/`,
      description: 'The SIGAP console (sign-in through the OIDC issuer)',
    });

    const worker = functions[CHUNK_WORKER]!;
    this.payrollQueue = new PayrollQueue(this, 'PayrollQueue', {
      worker,
      producers: [functions[PAYROLL_FUNCTION]!, functions[RUN_PRODUCER_GROUP]!],
      workerTimeout: worker.timeout!,
    });

    this.payrollSchedule = new PayrollSchedule(this, 'PayrollSchedule', {
      tenants,
      target: functions[PAYROLL_FUNCTION]!,
    });
  }
}

/** `employees-read` → `EmployeesRead`: readable construct ids; they also fix the logical ids. */
function pascalCase(kebab: string): string {
  return kebab
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
