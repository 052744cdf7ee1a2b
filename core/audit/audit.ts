import type { Principal } from '../auth/principal';

/** One audit record: who did what to which entity, when, with the state before and after. */
export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  actor: { sub: string; roles: readonly string[] };
  at: string;
  requestId: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

export function auditEntry(principal: Principal, fields: Omit<AuditEntry, 'actor'>): AuditEntry {
  return { ...fields, actor: { sub: principal.sub, roles: [...principal.roles] } };
}
