import type { AuditEntry } from '../../../core/audit/audit';
import type { DomainError } from '../../../core/errors';

/**
 * The port the appraisal use cases talk to: items of the tenant table, addressed only by the builders
 * of functions/table/keys.ts, and one all-or-nothing write. The use cases hold no AWS code; the DynamoDB
 * implementation is ./dynamo-item-store.ts.
 */
export type Item = Record<string, unknown> & { pk: string; sk: string };
export type Key = { pk: string; sk: string };

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export type Change =
  /** attribute_not_exists(pk): a create never overwrites. */
  | { kind: 'create'; item: Item; onConflict: DomainError }
  /** A put that may overwrite (idempotent re-imports, recomputed results). */
  | { kind: 'put'; item: Item }
  /** Optimistic concurrency: the stored `version` must be `expectedVersion` (0 means "must not exist"). */
  | { kind: 'replace'; item: Item; expectedVersion: number; onConflict: DomainError }
  /** Drops attributes (index keys of a superseded SKP revision) under the same version condition. */
  | { kind: 'strip'; key: Key; attributes: string[]; expectedVersion: number; onConflict: DomainError };

/**
 * One write: the lock marker of every month in `lockMonths` must be absent (a ConditionCheck in the
 * same transaction), unless the write is an audited correction, which payroll turns into difference
 * lines later.
 */
export interface UnitOfWork {
  lockMonths: readonly string[];
  correction: boolean;
  changes: readonly Change[];
  audits: readonly AuditEntry[];
  /** First audit sequence number: one request writing several units (chunks) keeps its audit keys apart. */
  auditSeq?: number;
}

export interface PageQuery {
  index?: 'gsi1' | 'gsi2' | 'gsi3';
  pk: string;
  skPrefix?: string;
  limit: number;
  nextToken?: string | undefined;
  /** Read newest first (descending sort key). */
  descending?: boolean;
}

export type AllQuery = Omit<PageQuery, 'limit' | 'nextToken'> & {
  limit?: number;
  /** Only these attributes (dotted paths into maps): a month's summary need not read whole results. */
  projection?: readonly string[];
};

export interface ItemStore {
  get(key: Key): Promise<Item | undefined>;
  batchGet(keys: readonly Key[]): Promise<Item[]>;
  /** Every item of a partition (or a sort-key prefix of it), all pages. */
  queryAll(q: AllQuery): Promise<Item[]>;
  queryPage(q: PageQuery): Promise<Page<Item>>;
  isMonthLocked(month: string): Promise<boolean>;
  /** Fails with the change's own DomainError, or MONTH_LOCKED (409) when a month is locked. */
  commit(work: UnitOfWork): Promise<void>;
  /** Unconditional idempotent puts in bulk (BatchWrite with retry): attendance punches. */
  bulkPut(items: readonly Item[]): Promise<void>;
}
