/**
 * Who is calling. Built only from a verified token (API Gateway's JWT authorizer in AWS, the dev
 * issuer's key locally); the tenant never comes from the path or the body.
 */
export const ROLES = ['pegawai', 'atasan', 'operator', 'bkpsdm', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  tenantId: string;
  /** The user's NIP (for ASN users) or account name. */
  sub: string;
  roles: readonly Role[];
  /** OPD codes an operator (or atasan) is scoped to; empty means none. `*` means the whole tenant. */
  opds: readonly string[];
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}

/** Roles that see every employee of the tenant (read or write is decided per route). */
export const TENANT_WIDE_ROLES: readonly Role[] = ['bkpsdm', 'auditor'];
