import { App } from 'aws-cdk-lib';
import { DEFAULT_TENANTS_DIR, loadTenantsFromDir } from '../../config/registry';
import { AppContextError, readAppContext } from '../lib/app-context';
import { ConsoleAssetsMissingError } from '../lib/console-hosting';
import { SigapStack } from '../lib/sigap-stack';

// The CDK app (cdk.json "app"). Settings come from context: cdk.json holds the dev defaults, and a
// deployment overrides them, e.g. `npx cdk deploy -c stage=prod -c jwtIssuer=https://…`.
try {
  const app = new App();
  const context = readAppContext(app.node);

  // SIGAP_TENANTS_DIR lets a test or a trial deployment use another registry folder.
  const tenants = loadTenantsFromDir(process.env.SIGAP_TENANTS_DIR ?? DEFAULT_TENANTS_DIR);

  new SigapStack(app, 'SigapStack', {
    // One CloudFormation stack per stage, so dev and prod can share an account.
    stackName: `sigap-${context.stage}`,
    description: `SIGAP (${context.stage}): payroll and performance management for regional governments`,
    ...context,
    tenants,
  });
} catch (err) {
  // A setting or a build step the person at the terminal can fix: one line, no stack trace.
  if (err instanceof AppContextError || err instanceof ConsoleAssetsMissingError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
