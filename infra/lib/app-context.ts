import type { Node } from 'constructs';

/** The deployment settings read from CDK context (cdk.json defaults, `-c key=value` overrides). */
export interface AppContext {
  stage: string;
  jwtIssuer: string;
  jwtAudience: string;
  /** How the console signs users in (OIDC authorization code + PKCE, a public client). */
  oidc: ConsoleOidcContext;
}

export interface ConsoleOidcContext {
  /** The OIDC issuer the console signs in against: always the API's JWT issuer (see readOidc). */
  issuer: string;
  /** The console's client id at the identity provider (a public client: no secret). */
  clientId: string;
  /** Scopes the console asks for. */
  scope: string;
  /**
   * Origins, besides the issuer's, the browser must reach during sign-in (e.g. a Cognito hosted-UI
   * domain serves the token endpoint on another host than the issuer): allowed in the console's CSP.
   */
  extraOrigins: string[];
}

/**
 * Lower-case, short and without hyphens: the stage is part of table, stack and API names, and a hyphen
 * would make `sigap-<stage>-<tenant>` ambiguous (tenant ids may contain hyphens).
 */
const STAGE = /^[a-z][a-z0-9]{0,11}$/;

export const DEFAULT_STAGE = 'dev';
export const DEFAULT_OIDC_SCOPE = 'openid profile';

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
  const jwtAudience = stringContext(node, 'jwtAudience');
  return { stage, jwtIssuer, jwtAudience, oidc: readOidc(node, jwtIssuer, jwtAudience) };
}

/**
 * The console's sign-in settings. The HTTP API's JWT authorizer stays the only gate, so the console
 * must sign in where the authorizer's tokens come from: `oidcIssuer` may be given (it reads better in
 * a deploy command) but must equal `jwtIssuer`, since API Gateway compares the `iss` claim exactly.
 * `oidcClientId` defaults to `jwtAudience`: with Cognito the app client id *is* the audience the
 * authorizer checks (`client_id` of access tokens); with an IdP that issues a separate API audience
 * (Keycloak, Auth0, Entra) give the console's own client id and have the IdP put `jwtAudience` in `aud`.
 */
function readOidc(node: Node, jwtIssuer: string, jwtAudience: string): ConsoleOidcContext {
  const issuer = optionalStringContext(node, 'oidcIssuer') ?? jwtIssuer;
  if (issuer !== jwtIssuer) {
    throw new AppContextError(
      `context "oidcIssuer" (${issuer}) must equal "jwtIssuer" (${jwtIssuer}): the API's JWT authorizer refuses tokens of any other issuer`,
    );
  }
  const extraOrigins = (optionalStringContext(node, 'oidcExtraOrigins') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of extraOrigins) {
    if (!/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin)) {
      throw new AppContextError(
        `context "oidcExtraOrigins" must be comma-separated https origins (no path), got "${origin}"`,
      );
    }
  }
  return {
    issuer,
    clientId: optionalStringContext(node, 'oidcClientId') ?? jwtAudience,
    scope: optionalStringContext(node, 'oidcScope') ?? DEFAULT_OIDC_SCOPE,
    extraOrigins,
  };
}

function stringContext(node: Node, key: string): string {
  const value = optionalStringContext(node, key);
  if (value === undefined) {
    throw new AppContextError(`context "${key}" is not set (cdk.json "context", or -c ${key}=…)`);
  }
  return value;
}

function optionalStringContext(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    throw new AppContextError(`context "${key}" must be a string, got ${JSON.stringify(value)}`);
  }
  return value;
}
