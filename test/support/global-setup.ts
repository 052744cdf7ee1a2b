import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { devKeys } from '../../infra/local/dev-keys';
import { type DynamoDbLocal, JavaMissingError, startDynamoDbLocal } from '../../infra/local/dynamodb-local';

/**
 * One DynamoDB Local (in memory, free port) for the whole vitest run; test files get its endpoint via
 * `inject('dynamoEndpoint')` and isolate themselves with a table prefix of their own (see dynamo.ts).
 * Without Java the unit tests still run: the endpoint is '' and integration helpers fail with the fix.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    /** Why there is no endpoint, when there is none. */
    dynamoUnavailable: string;
    /** Where this run keeps the demo seeds it played, for later files to copy (seed-snapshots.ts). */
    seedSnapshotDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // Create the dev signing key here, once, rather than in several workers at the same moment.
  await devKeys();
  let dynamo: DynamoDbLocal | undefined;
  try {
    dynamo = await startDynamoDbLocal();
  } catch (err) {
    if (!(err instanceof JavaMissingError)) throw err;
    console.warn(`DynamoDB Local not started, integration tests will fail: ${err.message}`);
  }
  project.provide('dynamoEndpoint', dynamo?.endpoint ?? '');
  project.provide('dynamoUnavailable', dynamo ? '' : new JavaMissingError().message);
  const seedSnapshotDir = mkdtempSync(join(tmpdir(), 'sigap-seed-snapshots-'));
  project.provide('seedSnapshotDir', seedSnapshotDir);
  return async () => {
    await dynamo?.stop();
    rmSync(seedSnapshotDir, { recursive: true, force: true });
  };
}
