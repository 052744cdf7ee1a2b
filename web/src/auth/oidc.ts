import { config } from '../api/config';
import { chooseBearer, codeChallenge, createVerifier, jwtClaims, randomBase64url } from './oidc-pkce';
import { clearSession, readSession, type Session, saveSession } from './session';

/**
 * Sign-in on AWS: OIDC authorization code + PKCE against the issuer in /config.json (`oidc`, written by
 * infra/lib/console-hosting.ts). The state, the verifier and the page to return to wait in
 * sessionStorage for the callback (`/auth/callback`); the tokens become the Session the API client
 * sends as `Bearer` (see chooseBearer for which one). No refresh: a 401 sends the user back to sign in.
 */
interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}
interface Pending {
  state: string;
  verifier: string;
  returnTo: string;
}

const PENDING = 'sigap.oidc.pending';
const ID_TOKEN = 'sigap.oidc.idToken';

export class OidcError extends Error {
  override name = 'OidcError';
}

function settings() {
  const oidc = config().oidc;
  if (!oidc) throw new OidcError('OIDC tidak dikonfigurasi');
  return oidc;
}

export async function discover(authority: string): Promise<Discovery> {
  const url = `${authority.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new OidcError(`Penyedia identitas tidak menjawab (${res.status})`);
  const doc = (await res.json()) as Partial<Discovery>;
  if (!doc.authorization_endpoint || !doc.token_endpoint)
    throw new OidcError('Dokumen discovery tidak lengkap');
  return doc as Discovery;
}

/** The authorization request URL (exported for tests). */
export function authorizationUrl(
  endpoint: string,
  p: {
    clientId: string;
    redirectUri: string;
    scope: string;
    state: string;
    challenge: string;
    audience?: string;
  },
): string {
  const url = new URL(endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', p.clientId);
  url.searchParams.set('redirect_uri', p.redirectUri);
  url.searchParams.set('scope', p.scope);
  url.searchParams.set('state', p.state);
  url.searchParams.set('code_challenge', p.challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  if (p.audience) url.searchParams.set('audience', p.audience);
  return url.toString();
}

/** Starts the sign-in: remembers state and verifier, then leaves for the identity provider. */
export async function startSignIn(returnTo = '/beranda'): Promise<void> {
  const oidc = settings();
  const d = await discover(oidc.authority);
  const pending: Pending = { state: randomBase64url(16), verifier: createVerifier(), returnTo };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  window.location.assign(
    authorizationUrl(d.authorization_endpoint, {
      clientId: oidc.clientId,
      redirectUri: oidc.redirectUri,
      scope: oidc.scope,
      state: pending.state,
      challenge: await codeChallenge(pending.verifier),
      audience: oidc.audience,
    }),
  );
}

/** The callback: checks state, exchanges the code with the verifier, saves the session; returns where to go. */
export async function completeSignIn(callbackUrl: string): Promise<string> {
  const oidc = settings();
  const params = new URL(callbackUrl).searchParams;
  const raw = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  if (params.get('error')) {
    throw new OidcError(params.get('error_description') ?? params.get('error') ?? 'Masuk dibatalkan');
  }
  const pending = raw ? (JSON.parse(raw) as Pending) : undefined;
  const code = params.get('code');
  if (!pending || !code || params.get('state') !== pending.state) {
    throw new OidcError('Permintaan masuk tidak cocok (state); silakan masuk lagi');
  }
  const d = await discover(oidc.authority);
  const res = await fetch(d.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: oidc.redirectUri,
      client_id: oidc.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const tokens = (await res.json().catch(() => ({}))) as {
    access_token?: string;
    id_token?: string;
    error?: string;
    error_description?: string;
  };
  if (!res.ok)
    throw new OidcError(tokens.error_description ?? tokens.error ?? `Penukaran kode gagal (${res.status})`);
  const token = chooseBearer(tokens, oidc.audience);
  if (!token) throw new OidcError('Penyedia identitas tidak memberikan token');
  saveSession(sessionFrom(token, tokens.id_token));
  if (tokens.id_token) sessionStorage.setItem(ID_TOKEN, tokens.id_token);
  return pending.returnTo.startsWith('/') && !pending.returnTo.startsWith('//')
    ? pending.returnTo
    : '/beranda';
}

function sessionFrom(token: string, idToken: string | undefined): Session {
  const claims = { ...(jwtClaims(token) ?? {}) };
  const id = idToken ? (jwtClaims(idToken) ?? {}) : {};
  const list = (v: unknown) =>
    Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : [];
  const nama = [id.name, claims.name, id.preferred_username, claims.sub].find(
    (v) => typeof v === 'string',
  ) as string;
  return {
    token,
    tenant: String(claims.tenant ?? id.tenant ?? ''),
    nama,
    roles: list(claims.roles ?? id.roles),
  };
}

/** Signs out here and, when the provider offers it, there too (RP-initiated logout). */
export async function signOutEverywhere(): Promise<void> {
  const oidc = config().oidc;
  const idToken = sessionStorage.getItem(ID_TOKEN);
  const hadSession = !!readSession();
  clearSession();
  sessionStorage.removeItem(ID_TOKEN);
  if (!oidc || !hadSession) return;
  const d = await discover(oidc.authority).catch(() => undefined);
  if (!d?.end_session_endpoint) return;
  const url = new URL(d.end_session_endpoint);
  url.searchParams.set('client_id', oidc.clientId);
  url.searchParams.set('post_logout_redirect_uri', oidc.postLogoutRedirectUri);
  if (idToken) url.searchParams.set('id_token_hint', idToken);
  window.location.assign(url.toString());
}
