import { ValidationError } from '../http/errors';

/**
 * Opaque pagination tokens: base64url of the position (DynamoDB's LastEvaluatedKey plus whatever the
 * list needs to resume, e.g. which OPD partition it was in). A token that does not decode is the
 * client's fault: 400 on query.nextToken.
 */
export function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor<T extends Record<string, unknown>>(token: string | undefined): T | undefined {
  if (!token) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as T;
  } catch {
    // reported below
  }
  throw new ValidationError([{ path: 'query.nextToken', message: 'token halaman tidak valid' }]);
}
