import { describe, expect, it } from 'vitest';
import {
  base64url,
  chooseBearer,
  codeChallenge,
  createVerifier,
  jwtClaims,
} from '../../../web/src/auth/oidc-pkce';

/** RFC 7636 Appendix B: the verifier's 32 octets, the verifier, and its S256 challenge. */
const RFC_OCTETS = [
  116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191,
  240, 91, 88, 5, 88, 83, 132, 141, 121,
];
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

const jwt = (claims: Record<string, unknown>) =>
  `eyJhbGciOiJSUzI1NiJ9.${base64url(new TextEncoder().encode(JSON.stringify(claims)))}.c2ln`;

describe('PKCE helpers of the console sign-in', () => {
  it('should encode the RFC 7636 Appendix B octets as its verifier (base64url, no padding)', () => {
    expect(base64url(Uint8Array.from(RFC_OCTETS))).toBe(RFC_VERIFIER);
  });

  it('should derive the RFC 7636 Appendix B challenge: base64url(SHA-256(verifier))', async () => {
    expect(await codeChallenge(RFC_VERIFIER)).toBe(RFC_CHALLENGE);
  });

  it('should create 43-character verifiers of unreserved characters, different each time', () => {
    const a = createVerifier();
    const b = createVerifier();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('should refuse a verifier shorter than 43 characters or with other characters', async () => {
    await expect(codeChallenge('short')).rejects.toThrow(RangeError);
    await expect(codeChallenge(`${RFC_VERIFIER}+`)).rejects.toThrow(RangeError);
  });

  it('should read JWT claims (base64url, UTF-8) and give undefined for a non-JWT', () => {
    expect(jwtClaims(jwt({ name: 'Sri Wahyuni Ñ', tenant: 'bantul' }))).toEqual({
      name: 'Sri Wahyuni Ñ',
      tenant: 'bantul',
    });
    expect(jwtClaims('opaque-token')).toBeUndefined();
  });
});

describe('chooseBearer: the token the JWT authorizer accepts and the handlers can read', () => {
  const audience = 'sigap-api';
  it('should send the access token when it is for the API audience and carries the tenant claim', () => {
    const access = jwt({ aud: ['sigap-api', 'other'], tenant: 'bantul', roles: ['operator'] });
    const id = jwt({ aud: 'console-client', tenant: 'bantul' });
    expect(chooseBearer({ access_token: access, id_token: id }, audience)).toBe(access);
  });

  it('should send the ID token when the access token is not for the audience (Cognito: aud = app client id)', () => {
    const access = jwt({ client_id: 'sigap-api', scope: 'openid' });
    const id = jwt({ aud: 'sigap-api', tenant: 'bantul', roles: ['pegawai'] });
    expect(chooseBearer({ access_token: access, id_token: id }, audience)).toBe(id);
    expect(chooseBearer({ access_token: 'opaque', id_token: id }, audience)).toBe(id);
  });
});
