import type { Node } from 'constructs';

/** The deployment settings read from CDK context (cdk.json defaults, `-c key=value` overrides). */
export interface AppContext {
  stage: string;
  jwtIssuer: string;
  jwtAudience: string;
}

/**
 * Lower-case, short and without hyphens: the stage is part of table, stack and API names, and a hyphen
 * would make `sigap-<stage>-<tenant>` ambiguous (tenant ids may contain hyphens).
 */
const STAGE = /^[a-z][a-z0-9]{0,11}$/;

export const DEFAULT_STAGE = 'dev';

export class AppContextError extends Error {
  override name = 'AppContextError';
}

export function readAppContext(node: Node): AppContext {
  const stage: unknown = node.tryGetContext('stage') ?? DEFAULT_STAGE;
  if (typeof stage !== 'string' || !STAGE.test(stage)) {
    throw new AppContextError(
      `context "stage" must match ${STAGE} (it names tables and stacks), got ${JSON.stringify(stage)}`,
    );
  }
  const jwtIssuer = stringContext(node, 'jwtIssuer');
  // API Gateway finds the signing keys through the issuer's OpenID discovery document, over HTTPS
  // only: a wrong issuer should fail the synth, not every request after the deploy.
  if (!jwtIssuer.startsWith('https://')) {
    throw new AppContextError(`context "jwtIssuer" must be an https URL, got "${jwtIssuer}"`);
  }
  return { stage, jwtIssuer, jwtAudience: stringContext(node, 'jwtAudience') };
}

function stringContext(node: Node, key: string): string {
  const value: unknown = node.tryGetContext(key);
  if (typeof value !== 'string' || value === '') {
    throw new AppContextError(`context "${key}" is not set (cdk.json "context", or -c ${key}=…)`);
  }
  return value;
}
