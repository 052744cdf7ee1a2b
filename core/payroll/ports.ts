import type { AuditEntry } from '../audit/audit';
import type { RunDeductions } from '../deductions/run';
import type { StoredEmployee } from '../employee/repository';
import type { TimelineEntry } from '../employee/timeline';
import type { Rulesets } from '../pay/compute-monthly-pay';
import type { OpeningBalance } from '../pay/types';
import type { TenantConfig } from '../tenant/tenant-config';
import type { ChunkPlan } from './chunks';
import type { OpdTotals, PaidRecord, RunState, RunSummary, SlipError, StoredSlip } from './run-types';
import type { MonthlyFacts } from './snapshot';

/**
 * The ports of the payroll run: what its use cases (start, process a chunk, recompute, approve, return
 * to draft, lock, verify) need from storage, the queue and the clock. DynamoDB adapters implement them
 * in functions/payroll/store/, one per concern; nothing here knows a key or a table.
 */

/** A run as stored: its summary and whether its chunks have all been planned. */
export type StoredRun = RunSummary & {
  planned: boolean;
  /** How many chunks a lock in progress has written to the paid ledger. */
  ledgeredChunks?: number;
  /**
   * Fingerprint of the national values in force, per month its slips are computed for, recorded at start
   * (rapel-kind.ts nationalInForceOf): a later national version dated inside a locked month shows here.
   */
  nationalInForce?: Readonly<Record<string, string>>;
};

export interface ChunkItem {
  no: number;
  opd: string;
  nips: string[];
  state: 'PENDING' | 'DONE';
  version: number;
  /** Set before the first slip write: a chunk never attempted has nothing stored to compare with. */
  attempted: boolean;
  computed: number;
  errors: number;
  totals: OpdTotals | undefined;
  /** Set on chunks a recompute planned for employees that joined after the run started. */
  added?: { by: string; at: string };
  /** Set once the lock has written this chunk's slips to the paid ledger. */
  ledgered?: boolean;
}

export interface RunExclusion {
  nip: string;
  /** The OPD the employee was excluded in: the row's own scope for a later withdrawal. */
  opd: string;
  reason: string;
  by: string;
  at: string;
}

/** What a chunk needs to know of a stored slip to keep it when nothing changed. */
export interface SlipFingerprint {
  nip: string;
  opd: string;
  inputHash: string;
  rulesetVersion: string;
  correctionsHash: string;
}

/** A stored slip row: its fingerprint and the encoded slip (decode with the store's codec). */
export interface SlipRow extends SlipFingerprint {
  payload: Uint8Array;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** Runs (one item each, in the run's partition with its chunks: few writes a second). */
export interface RunStore {
  get(runId: string): Promise<StoredRun | undefined>;
  list(limit: number, nextToken?: string): Promise<Page<StoredRun>>;
  /** Runs of a year (at most 12 months × a few kinds), newest first. */
  ofYear(year: string): Promise<StoredRun[]>;
  /** Conditional create: of any number of simultaneous starts exactly one writes. */
  create(run: RunSummary, audit: AuditEntry): Promise<boolean>;
  /** Records the plan's size once; a second planner (same plan) is ignored. */
  markPlanned(runId: string, chunks: number, employees: number): Promise<void>;
  /** A state change guarded by the expected state and version, written with its audit record. */
  transition(
    runId: string,
    from: RunState,
    expectedVersion: number,
    set: Record<string, unknown>,
    audit: AuditEntry,
    remove?: readonly string[],
  ): Promise<void>;
  /** APPROVED → LOCKING with the month's lock marker, atomically: later input writes to the month fail. */
  beginLock(run: StoredRun, set: { lockedAt: string; lockedBy: string }, audit: AuditEntry): Promise<void>;
  /** LOCKING → LOCKED once every chunk is in the ledger; a second finisher is a no-op. */
  finishLock(runId: string, finalTotals: readonly OpdTotals[]): Promise<void>;
  beginRecompute(
    runId: string,
    actor: string,
    now: string,
    expectedChunks: number,
    added: readonly ChunkPlan[],
    audit: AuditEntry,
  ): Promise<void>;
}

/** A run's chunks: its plan, each chunk's outcome and whether the lock has put it in the ledger. */
export interface ChunkStore {
  putChunks(runId: string, plans: readonly ChunkPlan[]): Promise<void>;
  listChunks(runId: string): Promise<ChunkItem[]>;
  getChunk(runId: string, no: number): Promise<ChunkItem | undefined>;
  /**
   * The chunk as it was, marked attempted in the same step (before any of its slips can be written,
   * so that a retry reads what is stored); undefined when it does not exist or is already DONE.
   */
  claimChunk(runId: string, no: number): Promise<ChunkItem | undefined>;
  /** Marks a chunk done and moves the run's counters by the difference, once per outcome. */
  completeChunk(
    runId: string,
    before: ChunkItem,
    after: { computed: number; errors: number; totals: OpdTotals | undefined },
    actor: string,
    now: string,
  ): Promise<void>;
  reopenChunk(runId: string, chunk: ChunkItem): Promise<void>;
  /** Marks a chunk's slips as written to the paid ledger and counts it on the run, once. */
  markLedgered(runId: string, no: number): Promise<void>;
}

/** A run's slips, error entries and exclusions (sharded by NIP in the table). */
export interface SlipStore {
  fingerprints(
    runId: string,
    nips: readonly string[],
  ): Promise<{ slips: Map<string, SlipFingerprint>; errors: Set<string> }>;
  /** Slips replace by key; a NIP is either a slip or an error entry, never both. */
  writeOutcome(
    runId: string,
    slips: readonly { slip: StoredSlip; correctionsHash: string }[],
    errors: readonly SlipError[],
    existing: { slips: ReadonlyMap<string, unknown>; errors: ReadonlySet<string> },
  ): Promise<void>;
  /** The decoded slips of the given NIPs (those that have one), for a chunk's lock or verify. */
  slipsOf(runId: string, nips: readonly string[]): Promise<StoredSlip[]>;
  getRow(runId: string, nip: string): Promise<SlipRow | undefined>;
  page(runId: string, opd: string | undefined, limit: number, nextToken?: string): Promise<Page<SlipRow>>;
  /** Every slip of a run (or of one OPD), sorted by NIP. For documents; bounded by the run's size. */
  all(runId: string, opd?: string): Promise<SlipRow[]>;
  /** One employee's slip in each of the given runs (absent where the run has none for them). */
  ofEmployee(nip: string, runIds: readonly string[]): Promise<(SlipRow & { runId: string })[]>;
  listErrors(runId: string): Promise<SlipError[]>;
  getError(runId: string, nip: string): Promise<SlipError | undefined>;
  getExclusion(runId: string, nip: string): Promise<RunExclusion | undefined>;
  exclude(runId: string, exclusion: RunExclusion, audit: AuditEntry): Promise<void>;
  withdrawExclusion(runId: string, nip: string, actor: string, audit: AuditEntry): Promise<void>;
}

/** The employees' paid ledger, written when a run locks. */
export interface PaidLedger {
  /** Writes (or rewrites: the same record twice is harmless) ledger records. */
  publish(records: readonly { nip: string; record: PaidRecord }[]): Promise<void>;
  /** Clears a correction marker only if no newer backdated change arrived since the run read it. */
  clearCorrectionMarker(nip: string, seenAt: string): Promise<void>;
  /** Sets (owed) or clears (repaid) the employee's open-kelebihan flag (core/payroll/kelebihan.ts). */
  flagKelebihan(nip: string, open: boolean): Promise<void>;
}

export interface Budget {
  opd: string;
  paguTpp: number;
  source: string;
  updatedAt?: string;
  updatedBy?: string;
}

export interface BudgetStore {
  ofYear(year: string): Promise<Budget[]>;
}

/** What one employee's partition holds for a run: master, timelines, monthly results, paid ledger. */
export interface EmployeeRunData {
  employee?: StoredEmployee;
  timelines: TimelineEntry[];
  results: Map<string, MonthlyFacts>;
  paid: PaidRecord[];
  /** Saldo awal by tax year: loaded with the ledger (last masa, tmtEnd month, correction marker). */
  openingBalances: Map<number, OpeningBalance>;
  /** When a backdated change was recorded; absent when nothing awaits correction. */
  correctionMarker?: string;
  /** A kelebihan is still owed: the ledger is loaded so a gaji slip can take its instalment. */
  kelebihanOpen?: boolean;
  /** Potongan lain: the employee's entries, the tenant's types and last month's arrears; absent = none. */
  deductions?: RunDeductions;
}

/** The run's inputs: who is active in a month, and what a chunk of employees needs to be computed. */
export interface RunInputs {
  roster(month: string): Promise<{ nip: string; opd: string }[]>;
  /** Of these employees, those with an open correction marker (the RAPEL run's roster). */
  pendingCorrections(nips: readonly string[]): Promise<Set<string>>;
  load(
    nips: readonly string[],
    month: string,
    performanceMonths: readonly string[],
    /** paidLedger: every employee's paid ledger (a kind whose spec needs it: THR, gaji 13, rapel). */
    options?: { paidLedger?: boolean },
  ): Promise<Map<string, EmployeeRunData>>;
}

/** A chunk's step: computing its slips, or writing them to the paid ledger when the run locks. */
export type ChunkPhase = 'COMPUTE' | 'LEDGER';

/** Hands chunk numbers to whoever processes them: SQS in AWS, the same process locally and in tests. */
export interface ChunkQueue {
  dispatch(runId: string, chunkNos: readonly number[], phase?: ChunkPhase): Promise<void>;
}

/** Test-only crash points: a run must survive dying at any of them. */
export interface FaultInjector {
  hit(point: string): void;
}

export interface PhaseTimer {
  time<T>(phase: string, fn: () => Promise<T> | T): Promise<T>;
}

/** Everything the payroll use cases take: the stores, the queue, the clock and the rules in force. */
export interface PayrollDeps {
  runs: RunStore;
  chunks: ChunkStore;
  slips: SlipStore;
  ledger: PaidLedger;
  budgets: BudgetStore;
  inputs: RunInputs;
  dispatcher: ChunkQueue;
  /** The clock: an ISO instant. */
  now: () => string;
  requestId: string;
  tenant: TenantConfig;
  rulesets: Rulesets;
  rulesetVersion: string;
  /**
   * The rules a stored slip was computed with, by its `rulesetVersion`: a tenant's rules change by
   * approved versions (issue 17), and `verify` recomputes each slip under its own rules.
   */
  rulesAt?: (version: string) => Promise<Rulesets | undefined>;
  chunkSize: number;
  /** Slips per page a chunk computes and writes at once (default 25, one BatchWrite); tests make it small. */
  slipPageSize?: number;
  /**
   * Lets pending I/O proceed between a chunk's pages (the adapter yields to the event loop), so a page
   * handed to the slip store is sent while the next one computes. Absent: pages follow without a pause.
   */
  yieldToIo?: () => Promise<void>;
  faults?: FaultInjector;
  /** Where the time goes, per phase (the bench reads it). */
  metrics?: PhaseTimer;
}
