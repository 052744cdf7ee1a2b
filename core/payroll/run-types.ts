import type { SlipDeductions } from '../deductions/apply';
import type { PaidPosting } from '../deductions/run';
import type { PayInput, PaySlip, YearMonth } from '../pay/types';
import type { SlipKelebihan } from './kelebihan';
import type { CoverageTotals } from './missing-data';

/**
 * A payroll run: one tenant, one pay month, one kind. GAJI_TPP pays the gaji induk and the TPP due
 * in the month on one slip (most tenants); GAJI or TPP alone where a tenant runs the lists apart.
 * THR and GAJI13 pay the year's special payments (gaji13-thr.md) beside the month's gaji induk; RAPEL
 * pays the kekurangan of locked months (rapel.md). What each kind needs and computes: run-kinds.ts.
 * The run's month is the payment month, which is the masa pajak of everything the run pays.
 */
export const RUN_KINDS = ['GAJI_TPP', 'GAJI', 'TPP', 'THR', 'GAJI13', 'RAPEL'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

/** LOCKING: the month is locked and the paid ledger is being written; LOCKED once it is complete. */
export const RUN_STATES = ['DRAFT', 'APPROVED', 'LOCKING', 'LOCKED'] as const;
export type RunState = (typeof RUN_STATES)[number];

export function runId(month: YearMonth, kind: RunKind): string {
  return `${month}-${kind}`;
}

/** Who the slip is for, as printed on every document (kept beside the slip: documents never re-read the master). */
export interface SlipHeader {
  nip: string;
  nama: string;
  gelarDepan?: string;
  gelarBelakang?: string;
  jenisAsn: string;
  golongan: string;
  jabatan: string;
  eselon?: string;
  kelasJabatan: number;
  opd: string;
  unit: string;
  npwp?: string;
  bank?: { bank: string; accountNumber: string; accountName: string };
}

/** A computed slip as stored in a run: what was paid, from which inputs, under which rules. */
export interface StoredSlip {
  tenantId: string;
  runId: string;
  month: YearMonth;
  kind: RunKind;
  header: SlipHeader;
  slip: PaySlip;
  /** The exact engine input, so `verify` can recompute a locked run without touching live data. */
  input: PayInput;
  /** Content hash of the input snapshot; a recompute that changes nothing keeps the slip as it was. */
  inputHash: string;
  rulesetVersion: string;
  computedAt: string;
  computedBy: string;
  /** Kekurangan/kelebihan lines for locked past months whose data changed after they were paid. */
  corrections?: CorrectionLine[];
  /** What each corrected month is now deemed paid at, written to the paid ledger when this run locks. */
  correctionBasis?: PaidRecord[];
  /** The correction marker this slip answered; cleared when the run locks, unless a newer one came. */
  correctionMarkerSeen?: string;
  /** Kelebihan established (rapel) or recovered (gaji instalment) by this slip (core/payroll/kelebihan.ts). */
  kelebihan?: SlipKelebihan;
  /** Potongan lain (core/deductions): in-list and post-list postings, the SIPD bersih and the take-home. */
  deductions?: SlipDeductions;
}

/** Per-employee ledger of a locked run's slip: the base for tax year-to-date and later corrections. */
export interface PaidRecord {
  month: YearMonth;
  kind: RunKind;
  runId: string;
  inputHash: string;
  rulesetVersion: string;
  /** Signed amount per line code as paid: income positive, deductions negative; pass-through pairs omitted. */
  lineAmounts: Record<string, number>;
  labels: Record<string, string>;
  taxFacts: { brutoGaji: number; brutoTpp: number; pphGaji: number; pphTpp: number; iuranPensiun: number };
  /** Potongan lain taken and the arrears carried out of this month (core/deductions/run.ts). */
  deductions?: PaidPosting[];
  /**
   * Employer premiums as paid (pass-through pairs signed as lineAmounts, employer-cost lines positive):
   * a rapel differences them too (rapel.md §3). Absent on records written before the rapel existed.
   */
  employerAmounts?: Record<string, number>;
  /** Kelebihan established by a rapel (positive) and recovered by this slip's instalment (core/payroll/kelebihan.ts). */
  kelebihan?: { established?: number; recovered?: number; months?: string[] };
}

export interface CorrectionLine {
  /** The locked month being corrected. */
  month: YearMonth;
  runId: string;
  code: string;
  label: string;
  /** recomputed − paid; positive = kekurangan (owed to the employee), negative = kelebihan. */
  amount: number;
  cause: string;
}

/** An employee the run could not compute: named field, no crash of the run. */
export interface SlipError {
  nip: string;
  nama?: string;
  opd?: string;
  code: string;
  field: string;
  message: string;
  excluded?: { reason: string; by: string; at: string };
}

export interface OpdTotals {
  opd: string;
  employees: number;
  penghasilan: number;
  potongan: number;
  bersih: number;
  tpp: number;
  employerCost: number;
  /** Whether the TPP period's data is there, for every employee of the OPD (error entries included). */
  coverage?: CoverageTotals;
}

export interface RunSummary {
  id: string;
  tenantId: string;
  tenantName: string;
  month: YearMonth;
  kind: RunKind;
  state: RunState;
  version: number;
  counts: { employees: number; computed: number; errors: number; chunks: number; chunksDone: number };
  totals: OpdTotals[];
  startedAt: string;
  startedBy: string;
  computedAt?: string;
  lastComputedBy?: string;
  /**
   * Everyone who computed or changed the run's data since it started: the starter, every recomputer,
   * everyone who excluded an employee or withdrew an exclusion. None of them may approve (four eyes).
   */
  computedBy?: string[];
  /** The last "kembalikan ke draf": an approved run sent back before lock, with its reason. */
  returnedAt?: string;
  returnedBy?: string;
  returnReason?: string;
  approvedAt?: string;
  approvedBy?: string;
  lockedAt?: string;
  lockedBy?: string;
  durationMs?: number;
}
