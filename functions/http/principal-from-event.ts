import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { tenantRegistry } from '../../config/registry';
import { type Principal, ROLES, type Role } from '../../core/auth/principal';
import { ForbiddenError, UnauthorizedError } from './errors';

/**
 * API Gateway's JWT authorizer hands claims to the function as strings: an array claim arrives as
 * "[a b]". Tokens issued by other IdPs may carry "a b" or a JSON array string. Accept all three.
 */
export function claimList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const trimmed = value.trim();
  if (trimmed.startsWith('[') && trimmed.includes('"')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // fall through to the API Gateway flattening
    }
  }
  return trimmed
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

export function principalFromEvent(event: APIGatewayProxyEventV2WithJWTAuthorizer): Principal {
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  if (!claims) throw new UnauthorizedError();
  const tenantId = typeof claims.tenant === 'string' ? claims.tenant : undefined;
  const sub = typeof claims.sub === 'string' ? claims.sub : undefined;
  if (!tenantId || !sub) throw new UnauthorizedError('Token tidak memuat tenant atau sub');
  // A token for a tenant this deployment does not serve is refused outright: it must not reach a table.
  if (!tenantRegistry().has(tenantId)) throw new ForbiddenError('Tenant pada token tidak dikenal');
  const roles = claimList(claims.roles).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  return { tenantId, sub, roles, opds: claimList(claims.opds) };
}
