import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CfnElement } from 'aws-cdk-lib';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { DEFAULT_TENANTS_DIR, loadTenantsFromDir } from '../../../config/registry';
import type { TenantConfig } from '../../../core/tenant/tenant-config';
import { readAppContext } from '../../../infra/lib/app-context';
import { SigapStack } from '../../../infra/lib/sigap-stack';

const CDK_JSON = fileURLToPath(new URL('../../../cdk.json', import.meta.url));
/** A stand-in for web/dist, so the infra tests do not depend on the console's build. */
export const CONSOLE_FIXTURE_DIR = fileURLToPath(new URL('../fixtures/console-dist/', import.meta.url));

/** The tenants of the real registry (config/tenants/). */
export function realTenants(): TenantConfig[] {
  return loadTenantsFromDir(DEFAULT_TENANTS_DIR);
}

/** The context a `cdk synth` would see: cdk.json's defaults and feature flags. */
export function cdkJsonContext(): Record<string, unknown> {
  return (JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context: Record<string, unknown> }).context;
}

export interface SigapTemplate {
  stack: SigapStack;
  template: Template;
  /** How long building the stack and its template took. */
  buildMs: number;
  /** The synthesized cloud assembly (staged assets), when asked to keep it; the caller removes it. */
  assemblyDir?: string;
}

export interface BuildOptions {
  /** Context on top of cdk.json's (e.g. `oidcClientId`). */
  context?: Record<string, unknown>;
  /** Keep the cloud assembly on disk, to read a staged asset (config.json). */
  keepAssembly?: boolean;
}

/**
 * Builds the stack as `cdk synth` would (same context, same props path), but without bundling: the
 * assertions look at the template, and esbuild would cost seconds per function. The console is a
 * fixture build. The assembly (a temporary folder with ~20 MB of staged assets, the AWS CLI layer of
 * the console deployment among them) is removed unless kept.
 */
export function buildSigapTemplate(
  tenants: readonly TenantConfig[] = realTenants(),
  options: BuildOptions = {},
): SigapTemplate {
  const started = performance.now();
  const app = new App({
    context: { ...cdkJsonContext(), ...options.context, 'aws:cdk:bundling-stacks': [] },
  });
  const stack = new SigapStack(app, 'SigapStack', {
    ...readAppContext(app.node),
    tenants,
    consoleAssetsDir: CONSOLE_FIXTURE_DIR,
  });
  const template = Template.fromStack(stack);
  const buildMs = performance.now() - started;
  if (options.keepAssembly) return { stack, template, buildMs, assemblyDir: app.outdir };
  rmSync(app.outdir, { recursive: true, force: true });
  return { stack, template, buildMs };
}

/** The CloudFormation logical id of a construct's L1 resource (e.g. a function's role). */
export function logicalIdOf(stack: SigapStack, construct: IConstruct): string {
  return stack.getLogicalId(construct.node.defaultChild as CfnElement);
}

export interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
}

/** Every IAM statement attached to a role: its inline policies, and the policies that name it. */
export function roleStatements(template: Template, roleLogicalId: string): PolicyStatement[] {
  type WithDocument = { PolicyDocument: { Statement: PolicyStatement[] } };
  const namesRole = (roles: unknown): boolean =>
    Array.isArray(roles) && roles.some((role) => (role as { Ref?: string }).Ref === roleLogicalId);
  const statements: PolicyStatement[] = [];
  for (const type of ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']) {
    for (const policy of Object.values(template.findResources(type))) {
      const props = policy.Properties as WithDocument & { Roles?: unknown };
      if (namesRole(props.Roles)) statements.push(...props.PolicyDocument.Statement);
    }
  }
  const role = template.findResources('AWS::IAM::Role')[roleLogicalId];
  for (const inline of (role?.Properties?.Policies ?? []) as WithDocument[]) {
    statements.push(...inline.PolicyDocument.Statement);
  }
  return statements;
}

export function actionsOf(statements: readonly PolicyStatement[]): string[] {
  return statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}
