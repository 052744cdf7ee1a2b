import type { AuditEntry } from '../audit/audit';
import type { ListScope } from '../auth/scope';
import type { EmployeeIdentity, JenisAsn, Timelines } from './employee';
import type { TimelineEntry } from './timeline';

/** The current record: identity, the latest value of every timeline, and the optimistic-lock version. */
export interface StoredEmployee {
  identity: EmployeeIdentity;
  current: Timelines;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface EmployeeWithTimelines {
  employee: StoredEmployee;
  timelines: TimelineEntry[];
}

export interface EmployeeListFilter {
  scope: ListScope;
  opd?: string;
  jenis?: JenisAsn;
  status?: string;
  /** Search text: a part of the name (case-insensitive) or the start of the NIP. */
  q?: string;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** The port the use cases need; functions/ implements it over DynamoDB. Writes are all-or-nothing. */
export interface EmployeeRepository {
  getWithTimelines(nip: string): Promise<EmployeeWithTimelines | undefined>;
  /** Fails with a CONFLICT DomainError if the NIP exists. */
  create(employee: StoredEmployee, timelines: TimelineEntry[], audit: AuditEntry): Promise<void>;
  /**
   * Replaces the record with its full, merged timelines. Fails with a CONFLICT DomainError if the
   * stored version is not `expectedVersion`. `backdatedFrom` marks a change reaching into months that
   * may already be paid, so the next payroll run looks for differences.
   */
  update(
    employee: StoredEmployee,
    expectedVersion: number,
    timelines: TimelineEntry[],
    audit: AuditEntry,
    backdatedFrom?: string,
  ): Promise<void>;
  list(filter: EmployeeListFilter, limit: number, nextToken?: string): Promise<Page<StoredEmployee>>;
}
