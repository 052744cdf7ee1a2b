import type { KelebihanBalance } from '../payroll/kelebihan';
import type { RapelInput, RapelSection } from '../payroll/rapel';
import type { Confidence } from '../rulesets/parameter';
import type { PtkpStatus } from '../rulesets/value-schemas';
import type { OpeningBalance } from './opening-balance';
import type { SpecialPaymentInput, SpecialPaymentMeta } from './special-payment';

export type { Confidence, OpeningBalance, PtkpStatus };

/** 'YYYY-MM' */
export type YearMonth = string;
/** 'YYYY-MM-DD' */
export type IsoDate = string;

export type JenisAsn = 'PNS' | 'CPNS' | 'PPPK';
export type EmploymentStatus = 'AKTIF' | 'TUGAS_BELAJAR' | 'CLTN' | 'PEMBERHENTIAN_SEMENTARA';

/** Exactly one jabatan allowance follows from this: struktural, fungsional, or umum for pelaksana. */
export type Jabatan =
  | { readonly type: 'STRUKTURAL'; readonly eselon: string }
  /** `amount` overrides the national reference table (e.g. an amount stated in the employee's SK). */
  | { readonly type: 'FUNGSIONAL'; readonly code: string; readonly jenjang: string; readonly amount?: number }
  | { readonly type: 'PELAKSANA' };

export interface Child {
  readonly birthDate: IsoDate;
  readonly status: 'KANDUNG' | 'ANGKAT' | 'TIRI';
  /** Holds a surat keterangan of school/university/course (extends the age limit to 25). */
  readonly inSchool: boolean;
  readonly married: boolean;
  readonly hasIncome: boolean;
}

export interface Spouse {
  readonly isAsn: boolean;
  /**
   * The tunjangan suami/istri is paid on this employee's slip. When both spouses are ASN only the one with
   * the higher gaji pokok is the holder (true here); the other one has false and gets no tunjangan keluarga.
   */
  readonly receivesAllowanceHere: boolean;
}

export interface Family {
  readonly spouse?: Spouse;
  readonly children: readonly Child[];
}

/** The employee as of the pay month. */
export interface EmployeeSnapshot {
  readonly nip: string;
  readonly nama: string;
  readonly jenisAsn: JenisAsn;
  /** PNS 'I/a' … 'IV/e'; PPPK 'I' … 'XVII'. */
  readonly golongan: string;
  /** Masa kerja golongan; only whole years select the gaji pokok step. */
  readonly mkgYears: number;
  readonly mkgMonths: number;
  readonly jabatan: Jabatan;
  /** 1–17, selects the TPP ceiling. */
  readonly kelasJabatan: number;
  readonly family: Family;
  readonly ptkpStatus: PtkpStatus;
  /** First day of service (TMT). */
  readonly tmtStart: IsoDate;
  /** Last day of service, when it ends (pensiun, pemberhentian, death). */
  readonly tmtEnd?: IsoDate;
  readonly status: EmploymentStatus;
  readonly hasNpwp: boolean;
}

export type Predikat = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'CUKUP' | 'KURANG' | 'SANGAT_KURANG';

/**
 * The appraisal outcome for one performance month, as the SKP module delivers it.
 * - `FINAL`: assessed; `predikat` is set (PermenPANRB 6/2022 vocabulary, or CUKUP from PP 30/2019),
 *   and/or `capaianPercent` for tenants that pay on a numeric achievement.
 * - `BELUM_DINILAI`: the supervisor has not assessed yet.
 * - `TIDAK_ADA_SKP`: the employee made no SKP.
 * - `SKP_BELUM_DISETUJUI`: an SKP exists but was not approved.
 * The tenant maps each predikat/status to a percent of the performance part of TPP.
 */
export interface MonthlyPerformanceResult {
  readonly status: 'FINAL' | 'BELUM_DINILAI' | 'TIDAK_ADA_SKP' | 'SKP_BELUM_DISETUJUI';
  readonly predikat?: Predikat;
  /** Numeric achievement 0–100 (values above 100 count as 100); at most two decimals. */
  readonly capaianPercent?: number;
  /** This employee supervises others and did not assess them (some tenants cut points, e.g. Jambi −5). */
  readonly atasanTidakMenilai?: boolean;
  /** Perilaku kerja score 0–100 for tenants with a separate behaviour part (Sumut-style 40/18/42). */
  readonly perilakuPercent?: number;
  /**
   * The capaian of the employee's unit this month (percent of the unit's own target, may exceed 100),
   * where the tenant records team results; read by the insentif prestasi rule (core/pay/tpp-prestasi.ts).
   */
  readonly teamResult?: { readonly unitId: string; readonly achievementPercent: number };
  /** A penghargaan prestasi BKPSDM decided for this employee and month, by its decree (tpp.prestasi award). */
  readonly award?: { readonly skNumber: string; readonly skDate: string };
  /**
   * Set by the TPP step only, never by the appraisal: the evaluation is missing and the tenant pays the
   * performance (and behaviour) part without a cut (`missingData.evaluation`).
   */
  readonly paidWithoutEvaluation?: true;
}

export type LeaveType =
  | 'CUTI_TAHUNAN'
  | 'CUTI_SAKIT'
  | 'CUTI_BESAR'
  | 'CUTI_ALASAN_PENTING'
  | 'CUTI_MELAHIRKAN';

export interface LeaveEntry {
  readonly type: LeaveType;
  /**
   * Days of this leave in the month; for banded rules (cuti sakit) the cumulative length of the episode
   * up to the end of the month.
   */
  readonly days: number;
  /** Cuti melahirkan: which child (1, 2, 3 …). */
  readonly childOrder?: number;
  /** Cuti melahirkan: 1 for the first month of the leave, 2 for the second … */
  readonly monthOfLeave?: number;
}

export interface SanctionEntry {
  readonly level: 'RINGAN' | 'SEDANG' | 'BERAT';
  /** The cut stated in the SK (percent); when absent the tenant's default for the level applies. */
  readonly cutPercent?: number;
  readonly skNumber: string;
}

/** Attendance and discipline facts for one performance month, as the attendance module delivers them. */
export interface DisciplineSummary {
  /** Attendance code (TL1–TL4, PSW1–PSW4, TK, APEL, DL … as defined by the tenant) → occurrences/days. */
  readonly counts: Readonly<Record<string, number>>;
  readonly leave: readonly LeaveEntry[];
  /** Hukuman disiplin whose cut runs in this month. */
  readonly sanctions: readonly SanctionEntry[];
}

/** Facts of one performance month whose TPP may be paid in the pay month. */
export interface TppPeriodFacts {
  readonly month: YearMonth;
  readonly performance: MonthlyPerformanceResult;
  readonly discipline: DisciplineSummary;
  /** For partial months (start, end, mutasi): hari kerja of the unit calendar and those served. */
  readonly workingDays?: { readonly inMonth: number; readonly served: number };
  /** When the employee's kelas jabatan, jenis ASN or status in that month differed from the snapshot. */
  readonly kelasJabatan?: number;
  readonly jenisAsn?: JenisAsn;
  readonly status?: EmploymentStatus;
  /**
   * Data of the month that is missing and that the tenant pays without (tenant rule tpp.missingData =
   * PAY_WITHOUT_CUTS): no attendance cut is taken (the recorded counts are kept here as they are), the
   * performance part is paid at 100%, and the slip carries a note naming what was missing.
   */
  readonly missingData?: MissingTppData;
}

export interface MissingTppData {
  readonly attendance?: {
    readonly workingDays: number;
    readonly daysWithData: number;
    readonly missingDates: readonly string[];
  };
  readonly evaluation?: true;
  /** No result was computed for the month at all: both of the above, and nothing else to show. */
  readonly resultMissing?: true;
}

/** Sums over the earlier months of the same tax year (January … the month before), for the last masa. */
export interface TaxYearToDate {
  /** Σ monthly TER bruto of the gaji lists. */
  readonly brutoGaji: number;
  /** Σ monthly TER bruto of the TPP paid (TPP and, per tenant, its employer premiums). */
  readonly brutoTpp: number;
  readonly pphGaji: number;
  readonly pphTpp: number;
  /** Σ employee iuran pensiun/THT (Taspen 8%, PPPK THT). */
  readonly iuranPensiun: number;
  readonly monthsWorked: number;
}

export interface PayInput {
  readonly tenantId: string;
  /** The pay month (masa pajak) of the gaji and of any TPP paid in it. */
  readonly month: YearMonth;
  readonly employee: EmployeeSnapshot;
  /** Income in the BPJS Kesehatan base paid on another list this month (e.g. tunjangan profesi). */
  readonly otherBpjsBaseThisMonth?: number;
  /**
   * Performance months available for TPP. The tenant's payment lag picks the one paid this month
   * (pay month − lag). Omit to compute the gaji alone.
   */
  readonly tppPeriods?: readonly TppPeriodFacts[];
  /** Required in the last masa. */
  readonly taxYtd?: TaxYearToDate;
  /**
   * What the same withholder paid and withheld this tax year before SIGAP (saldo awal): added to
   * `taxYtd` by the last masa only, and shown on its slip with its source.
   */
  readonly openingBalance?: OpeningBalance;
  /** Defaults to: December, or the month of `employee.tmtEnd`. */
  readonly isLastMasa?: boolean;
  /** A kelebihan still to recover (core/payroll/kelebihan.ts): a regular gaji slip deducts an instalment. */
  readonly kelebihan?: KelebihanBalance;
  /** RAPEL only: the corrected months, each with what it paid and its recomputation input (core/payroll/rapel.ts). */
  readonly rapel?: RapelInput;
  /** THR / gaji 13 runs only: the base month and the masa's paid lists (core/pay/special-payment.ts). */
  readonly special?: SpecialPaymentInput;
}

export type LineKind = 'PENGHASILAN' | 'POTONGAN' | 'IURAN_PEMBERI_KERJA' | 'INFORMASI';
export type LineGroup = 'GAJI' | 'TPP';

export interface Citation {
  readonly parameterId: string;
  readonly regulation: string;
  readonly article?: string;
  readonly refs: readonly string[];
  readonly confidence: Confidence;
  /** Effective-from date of the version used. */
  readonly from: string;
}

export interface PayLine {
  readonly code: string;
  readonly label: string;
  /** Integer rupiah; negative only on a last-masa refund line (`refund: true`). */
  readonly amount: number;
  readonly kind: LineKind;
  readonly group: LineGroup;
  readonly ruleId: string;
  readonly citation: Citation;
  /**
   * Every input and rate of the line's computation: enough to print its explanation (`explainLine`),
   * which is rendered where a person reads it (API, PDF) rather than built for every slip of a run.
   */
  readonly basis: Readonly<Record<string, number | string | boolean>>;
  /** Employer premium shown as income and as deduction (net 0): both lines carry the same key. */
  readonly passThrough?: string;
  readonly refund?: true;
}

export interface GroupTotals {
  readonly penghasilan: number;
  readonly potongan: number;
  readonly bersih: number;
  /** Employer premiums not shown on the slip (kind IURAN_PEMBERI_KERJA). */
  readonly iuranPemberiKerja: number;
  /** penghasilan + iuranPemberiKerja: what the employer spends on this slip. */
  readonly employerCost: number;
}

export interface PayTotals extends GroupTotals {
  readonly gaji: GroupTotals;
  readonly tpp: GroupTotals;
}

export interface TraceStep {
  readonly step: string;
  readonly ruleId: string;
  readonly value: number;
  readonly detail: string;
  readonly citation?: Citation;
}

export interface PaySlip {
  readonly meta: {
    readonly tenantId: string;
    readonly nip: string;
    readonly month: YearMonth;
    /** Performance month of the TPP paid on this slip, if any. */
    readonly tppPeriod?: YearMonth;
    readonly isLastMasa: boolean;
    readonly rulesetVersion: string;
    /** TER bruto and PPh of gaji and TPP, and iuran pensiun: what the paid ledger keeps for the last masa. */
    readonly taxFacts: {
      readonly brutoGaji: number;
      readonly brutoTpp: number;
      readonly pphGaji: number;
      readonly pphTpp: number;
      readonly iuranPensiun: number;
    };
    /** A rapel slip's rows per original month and cause (core/payroll/rapel.ts). */
    readonly rapel?: RapelSection;
    /** THR / gaji 13 slips only: regulation, base month, TPP share and the masa's lists counted. */
    readonly special?: SpecialPaymentMeta;
  };
  readonly lines: readonly PayLine[];
  readonly totals: PayTotals;
  readonly trace: readonly TraceStep[];
  readonly warnings: readonly string[];
}

/** A line as people read it: with its explanation rendered from the rule and the basis. */
export interface ExplainedPayLine extends PayLine {
  /** e.g. `Tunjangan anak: 2 × 2% × Rp 3.385.600 = Rp 135.424`. */
  readonly explanation: string;
}

export interface ExplainedPaySlip extends Omit<PaySlip, 'lines'> {
  readonly lines: readonly ExplainedPayLine[];
}
