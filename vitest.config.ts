import { defineConfig } from 'vitest/config';

const shared = {
  testTimeout: 30_000,
  hookTimeout: 60_000,
  env: {
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    CDK_VALIDATION: 'false',
    CDK_DISABLE_VERSION_CHECK: '1',
  },
};

/**
 * Tests that neither touch process.env nor need DynamoDB Local (pure domain units, CDK assertions) share
 * their worker's module cache (`isolate: false`): re-evaluating zod, the rulesets and aws-cdk-lib for
 * each of ~95 files was a third of their CPU time. A file placed here must leave no state behind it
 * (vi.stubEnv/unstubAllEnvs and vi.resetModules are fine). Everything that starts DynamoDB tables, the
 * local API or a browser, or sets process.env for a handler, stays isolated, one fresh module graph per file.
 */
const SHARED_MODULES = ['test/unit/**/*.test.ts', 'test/infra/**/*.test.ts'];

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: { ...shared, name: 'pure', include: SHARED_MODULES, isolate: false },
      },
      {
        test: {
          ...shared,
          name: 'io',
          include: ['test/**/*.test.ts'],
          exclude: SHARED_MODULES,
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
