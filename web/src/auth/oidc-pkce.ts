/**
 * PKCE (RFC 7636) and the random values of an authorization code request, with WebCrypto only (the
 * browser's, or Node's in tests): no library, no DOM. The verifier is 32 random octets in base64url
 * (43 characters, the RFC's recommendation); the challenge is base64url(SHA-256(verifier)) — method
 * S256, never "plain".
 */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomBase64url(octets = 32): string {
  const bytes = new Uint8Array(octets);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

/** A code_verifier: 43–128 characters of [A-Z a-z 0-9 - . _ ~] (RFC 7636 §4.1). */
export function createVerifier(): string {
  return randomBase64url(32);
}

export async function codeChallenge(verifier: string): Promise<string> {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier))
    throw new RangeError('code_verifier: 43–128 unreserved characters');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The claims of a JWT, read without verifying it: only to choose a token and name the user. The API verifies. */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const b64 = part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Which token goes to the API as the bearer. The API's JWT authorizer (API Gateway HTTP API) accepts a
 * token whose `aud` — or, for access tokens, `client_id` — is the configured audience, and the handlers
 * read the custom claims `tenant`, `roles`, `opds` (functions/http/principal-from-event.ts). So: the
 * access token when it is a JWT for that audience carrying `tenant` (Keycloak, Auth0, Entra with an API
 * audience); otherwise the ID token, whose `aud` is the client id — with Cognito the app client id *is*
 * the audience (infra/lib/app-context.ts) and a pre-token-generation trigger puts the claims in it.
 */
export function chooseBearer(
  tokens: { access_token?: string; id_token?: string },
  audience: string,
): string | undefined {
  const forAudience = (claims: Record<string, unknown> | undefined) => {
    if (!claims) return false;
    const aud = claims.aud;
    return (Array.isArray(aud) ? aud.includes(audience) : aud === audience) || claims.client_id === audience;
  };
  const access = tokens.access_token ? jwtClaims(tokens.access_token) : undefined;
  if (tokens.access_token && forAudience(access) && typeof access?.tenant === 'string')
    return tokens.access_token;
  const id = tokens.id_token ? jwtClaims(tokens.id_token) : undefined;
  if (tokens.id_token && forAudience(id)) return tokens.id_token;
  return tokens.access_token ?? tokens.id_token;
}
