import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ValidationError } from '../http/errors';

/**
 * Opaque, tamper-evident pagination tokens: `<base64url(position)>.<base64url(HMAC-SHA256)>`.
 *
 * The position is DynamoDB's LastEvaluatedKey plus whatever the list needs to resume (e.g. which OPD
 * partition it was in). It goes back into a Query as ExclusiveStartKey, and DynamoDB answers a key
 * from another partition, index or table with an error the client caused but we would report as a
 * 500. So the MAC covers the position *and* a scope naming the table (hence the tenant), the list and
 * its partition: a forged token, or a genuine one replayed on another list, tenant or filter, is a 400
 * on `query.nextToken` before anything reaches DynamoDB.
 *
 * The key is read once, at module load, from SIGAP_CURSOR_KEY (at least 32 characters). In AWS
 * (AWS_LAMBDA_FUNCTION_NAME set) a missing key stops the function at start: several Lambdas and their
 * containers must accept each other's tokens. Locally (npm start, tests) an unset key is replaced by a
 * random one per process, so tokens last as long as the process that issued them.
 */
export const CURSOR_KEY_ENV = 'SIGAP_CURSOR_KEY';

function cursorKey(): Buffer {
  const configured = process.env[CURSOR_KEY_ENV];
  if (configured) {
    if (configured.length < 32) throw new Error(`${CURSOR_KEY_ENV} must be at least 32 characters`);
    return Buffer.from(configured, 'utf8');
  }
  if (process.env.AWS_LAMBDA_FUNCTION_NAME) {
    throw new Error(`${CURSOR_KEY_ENV} is not set: pagination tokens cannot be signed`);
  }
  return randomBytes(32);
}

const KEY = cursorKey();

function mac(scope: string, payload: string): Buffer {
  return createHmac('sha256', KEY).update(scope).update('\n').update(payload).digest();
}

/** `scope` names the table and the list (and its partition): the token is valid only there. */
export function encodeCursor(position: Record<string, unknown>, scope: string): string {
  const payload = Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
  return `${payload}.${mac(scope, payload).toString('base64url')}`;
}

const invalid = () =>
  new ValidationError([
    {
      path: 'query.nextToken',
      message: 'token halaman tidak valid untuk daftar ini; mulai dari halaman pertama',
    },
  ]);

export function decodeCursor<T extends Record<string, unknown>>(
  token: string | undefined,
  scope: string,
): T | undefined {
  if (token === undefined || token === '') return undefined;
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) throw invalid();
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(scope, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as T;
  } catch {
    // A signed token always decodes; reaching here means the key was shared with something else.
  }
  throw invalid();
}
