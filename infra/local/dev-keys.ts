import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  errors,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import { ROLES, type Role } from '../../core/auth/principal';
import { TENANT_ID } from '../../core/tenant/tenant-config';

/**
 * The local stand-in for the identity provider: one RS256 key pair per checkout (API Gateway's JWT
 * authorizer accepts RSA-signed tokens, so the dev tokens use the same algorithm), created on first use
 * and kept under infra/local/.keys/ (gitignored) so tokens survive restarts of `npm start`.
 * In AWS the tokens come from the real IdP and API Gateway's JWT authorizer verifies them.
 */
export const DEV_ISSUER = 'sigap-local-dev';
export const DEV_AUDIENCE = 'sigap-api';
const ALG = 'RS256';

export const DEFAULT_KEYS_DIR = fileURLToPath(new URL('./.keys/', import.meta.url));
const KEY_FILE = 'dev-signing-key-rs256.json';

export interface DevTokenOptions {
  tenant: string;
  /** NIP for ASN users, an account name otherwise. */
  sub: string;
  roles: readonly Role[];
  /** OPD codes the caller is scoped to; ['*'] is the whole tenant. */
  opds?: readonly string[];
  ttlSeconds?: number;
  /** Epoch seconds; tests set it in the past to mint an expired token. */
  issuedAt?: number;
}

export interface DevTokenClaims extends JWTPayload {
  tenant: string;
  sub: string;
  roles: Role[];
  opds: string[];
  iat: number;
  exp: number;
}

export type DevTokenFailure = 'MISSING' | 'EXPIRED' | 'INVALID';

export class DevTokenError extends Error {
  override name = 'DevTokenError';
  constructor(
    readonly reason: DevTokenFailure,
    message: string,
  ) {
    super(message);
  }
}

interface DevKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
  kid: string;
}

let loaded: Promise<DevKeys> | undefined;

export function devKeys(dir = process.env.SIGAP_DEV_KEYS_DIR ?? DEFAULT_KEYS_DIR): Promise<DevKeys> {
  loaded ??= loadOrCreate(dir);
  return loaded;
}

async function loadOrCreate(dir: string): Promise<DevKeys> {
  const file = join(dir, KEY_FILE);
  let privateJwk = readJwk(file);
  if (!privateJwk) {
    mkdirSync(dir, { recursive: true });
    const pair = await generateKeyPair(ALG, { extractable: true });
    const candidate = await exportJWK(pair.privateKey);
    // Test workers may race to create the key: write a temp file, then link() it into place, which
    // fails atomically if another process won, and everyone reads the winner's key.
    const tmp = join(dir, `${KEY_FILE}.${randomUUID()}.tmp`);
    writeFileSync(tmp, JSON.stringify(candidate, null, 2), { mode: 0o600 });
    try {
      linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(tmp);
    }
    privateJwk = readJwk(file);
    if (!privateJwk) throw new Error(`could not read the dev signing key at ${file}`);
  }
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    privateKey: (await importJWK(privateJwk, ALG)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, ALG)) as CryptoKey,
    publicJwk: { ...publicJwk, kid, alg: ALG, use: 'sig' },
    kid,
  };
}

function readJwk(file: string): JWK | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(
      `${file} is not a valid key file; delete it to create a new one (${(err as Error).message})`,
    );
  }
}

export async function issueDevToken(options: DevTokenOptions): Promise<string> {
  const { tenant, sub, roles, opds = [], ttlSeconds = 3600 } = options;
  if (!TENANT_ID.test(tenant)) throw new Error(`tenant "${tenant}" is not a valid tenant id`);
  if (!sub) throw new Error('sub must not be empty');
  if (roles.length === 0) throw new Error('at least one role is needed');
  const unknown = roles.filter((r) => !ROLES.includes(r));
  if (unknown.length > 0) throw new Error(`unknown role ${unknown.join(', ')}; roles: ${ROLES.join(', ')}`);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0)
    throw new Error('ttlSeconds must be a positive integer');
  const keys = await devKeys();
  const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
  return new SignJWT({ tenant, roles: [...roles], opds: [...opds] })
    .setProtectedHeader({ alg: ALG, typ: 'JWT', kid: keys.kid })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setSubject(sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(keys.privateKey);
}

/** Verifies like the API Gateway JWT authorizer: signature, issuer, audience, exp/nbf. */
export async function verifyDevToken(token: string | undefined): Promise<DevTokenClaims> {
  if (!token) throw new DevTokenError('MISSING', 'Token tidak ada');
  const keys = await devKeys();
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, {
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      algorithms: [ALG],
      requiredClaims: ['sub', 'exp', 'iat', 'tenant'],
    });
    return payload as DevTokenClaims;
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw new DevTokenError('EXPIRED', 'Token kedaluwarsa');
    throw new DevTokenError('INVALID', 'Token tidak valid');
  }
}
