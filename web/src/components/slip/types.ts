/**
 * The slip as GET /runs/{runId}/slips/{nip} answers it (functions/payroll/access.ts readableSlip:
 * the stored slip with every line explained). The route declares it loosely (`Schema<'Slip'>`), so
 * the fields the console reads are written out here, mirroring core/pay/types.ts ExplainedPaySlip.
 */
export type LineKind = 'PENGHASILAN' | 'POTONGAN' | 'IURAN_PEMBERI_KERJA' | 'INFORMASI';

export interface SlipCitation {
  parameterId: string;
  regulation: string;
  article?: string;
  confidence: string;
  from: string;
}

export interface SlipLine {
  code: string;
  label: string;
  amount: number;
  kind: LineKind;
  group: 'GAJI' | 'TPP';
  ruleId: string;
  citation: SlipCitation;
  basis: Record<string, number | string | boolean>;
  explanation: string;
  passThrough?: string;
  refund?: true;
}

export interface GroupTotals {
  penghasilan: number;
  potongan: number;
  bersih: number;
  iuranPemberiKerja: number;
  employerCost: number;
}

export interface TraceStep {
  step: string;
  ruleId: string;
  value: number;
  detail: string;
  citation?: SlipCitation;
}

export type Predikat = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'CUKUP' | 'KURANG' | 'SANGAT_KURANG';
export type PerformanceStatus = 'FINAL' | 'BELUM_DINILAI' | 'TIDAK_ADA_SKP' | 'SKP_BELUM_DISETUJUI';

export interface SanctionEntry {
  level: 'RINGAN' | 'SEDANG' | 'BERAT';
  cutPercent?: number;
  skNumber: string;
}

export interface TppPeriodFacts {
  month: string;
  performance: { status: PerformanceStatus; predikat?: Predikat; capaianPercent?: number };
  discipline: {
    counts: Record<string, number>;
    leave: { type: string; days: number }[];
    sanctions: SanctionEntry[];
  };
  missingData?: { attendance?: unknown; evaluation?: true; resultMissing?: true };
}

/** THR / gaji 13 (core/payroll/special-payment-kind.ts): what was paid on which basis, and the masa's lists. */
export interface SpecialPaymentMeta {
  type: 'THR' | 'GAJI13';
  year: number | string;
  baseMonth?: string;
  regulation?: string;
  tppPercent?: number;
  tppBasis?: 'CEILING' | 'PAID_IN_BASE_MONTH' | string;
  /** The TPP amount the percent was applied to. */
  tppBase?: number;
  masaLists?: { runId: string; bruto: number; pph: number }[];
}

export interface ExplainedSlip {
  meta: {
    nip: string;
    month: string;
    tppPeriod?: string;
    isLastMasa: boolean;
    rulesetVersion: string;
    special?: SpecialPaymentMeta;
    rapel?: RapelSection;
  };
  lines: SlipLine[];
  totals: GroupTotals & { gaji: GroupTotals; tpp: GroupTotals };
  trace: TraceStep[];
  warnings: string[];
}

export interface SlipHeader {
  nip: string;
  nama: string;
  gelarDepan?: string;
  gelarBelakang?: string;
  jenisAsn: string;
  golongan: string;
  jabatan: string;
  kelasJabatan: number;
  opd: string;
  unit?: string;
  bank?: { accountNumber?: string; accountName?: string; bank?: string };
}

/**
 * Potongan lain taken from this slip (core/deductions/apply.ts Posting): in the SIPD list (zakat, Bulog)
 * or after it, from the transfer (koperasi, bank, Korpri …), paid to the creditor.
 */
export interface DeductionPosting {
  entryId: string;
  typeCode: string;
  typeName: string;
  layer: 'IN_LIST' | 'POST_LIST';
  category: string;
  priority: number;
  creditor: { name: string; bank?: string; accountNumber?: string; accountName?: string };
  list: 'GAJI' | 'TPP' | 'GAJI_TPP';
  scheduled?: number;
  arrearIn: number;
  due: number;
  taken: number;
  arrearCarried: number;
  instalmentNo?: number;
  tenor?: number;
  accountRef?: string;
  reference?: { kind: string; number: string; date?: string };
  note?: string;
}

/** One line of one original month in a rapel (core/payroll/rapel.ts RapelRow). */
export interface RapelRow {
  code: string;
  label: string;
  kind: LineKind;
  group: 'GAJI' | 'TPP';
  old: number;
  new: number;
  diff: number;
  passThrough?: string;
}

/** A rapel / kekurangan gaji slip's section: per original month and cause (rapel.md §3). */
export interface RapelSection {
  payMonth: string;
  arrearsTaxMethod: 'PAYMENT_MONTH' | 'PER_ORIGINAL_MONTH';
  months: {
    month: string;
    runId: string;
    kind: string;
    cause: string;
    rows: RapelRow[];
    pph: { gajiOld: number; gajiNew: number; tppOld: number; tppNew: number };
    employerAmountsUnknown?: true;
  }[];
  netBeforePembulatan: number;
  pembulatan: number;
  pph: number;
  bersih: number;
  kelebihan?: number;
}

/** A difference found for a locked month (core/payroll/run-types.ts CorrectionLine): information on a regular slip. */
export interface CorrectionLine {
  month: string;
  runId: string;
  code: string;
  label: string;
  /** recomputed − paid: positive = kekurangan, negative = kelebihan. */
  amount: number;
  cause: string;
}

/** Absent: nothing applied (no entries, or a slip computed before the register existed). */
export interface SlipDeductions {
  /** The slip's bersih less the in-list deductions: the SP2D net. */
  sipdBersih: number;
  /** sipdBersih less the post-list deductions: what the bank credits. */
  takeHome: number;
  inList: DeductionPosting[];
  postList: DeductionPosting[];
  notes: string[];
}

export interface SlipView {
  runState: 'DRAFT' | 'APPROVED' | 'LOCKED';
  runId: string;
  month: string;
  kind: 'GAJI_TPP' | 'GAJI' | 'TPP' | 'THR' | 'GAJI13' | 'RAPEL';
  header: SlipHeader;
  slip: ExplainedSlip;
  /** The engine's input snapshot (core/pay/types.ts PayInput): where the simulator starts. */
  input: { tppPeriods?: TppPeriodFacts[] };
  computedAt: string;
  deductions?: SlipDeductions;
  rapel?: RapelSection;
  corrections?: CorrectionLine[];
}

/** What POST /simulations/payslip answers: the explained slip of the imagined month. */
export type SimulatedSlip = ExplainedSlip & { simulated: true; header: SlipHeader };
