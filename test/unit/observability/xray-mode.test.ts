import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * The X-Ray SDK picks its context mode once, when it is loaded (functions/observability/xray-mode.ts):
 * each case runs in a fresh Node process, the only place where "first load" is what a Lambda or the
 * local runtime sees.
 */
function automaticModeWith(env: Record<string, string | undefined>): string {
  const script = [
    "await import('./functions/observability/tracer.ts');",
    "const xray = (await import('aws-xray-sdk-core')).default;",
    'console.log(String(xray.isAutomaticMode()));',
  ].join(' ');
  const { AWS_LAMBDA_FUNCTION_NAME: _l, AWS_XRAY_MANUAL_MODE: _m, ...rest } = process.env;
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...rest, SIGAP_LOG: 'silent', ...env },
    encoding: 'utf8',
  }).trim();
}

describe('X-Ray context mode', () => {
  it('should load the X-Ray SDK without its async hooks outside Lambda, where the tracer traces nothing', () => {
    // Its hooks made every awaited promise ~10x dearer in the local run and the tests.
    expect(automaticModeWith({})).toBe('false');
  });

  it('should keep automatic mode in Lambda, where X-Ray follows a request through its promises', () => {
    expect(automaticModeWith({ AWS_LAMBDA_FUNCTION_NAME: 'sigap-dev-payroll-worker' })).toBe('true');
  });
});
