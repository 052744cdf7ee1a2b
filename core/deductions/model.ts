import * as z from 'zod';

/**
 * Potongan lain: deductions an employee owes third parties (koperasi, bank, BAZNAS, Korpri, Dharma
 * Wanita, rumah dinas …), potongan-lain.md §1–2. Each type declares its layer: IN_LIST items are columns
 * of the SIPD list (zakat, Bulog) and reduce the SP2D net; POST_LIST items are taken between the SIPD
 * bersih and the bank credit and paid to the creditor. The tenant's types (creditors) and its policy
 * (caps, arrears) are one versioned register; each employee's entries are another, beside the employee.
 */

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
const month = z.string().regex(MONTH_PATTERN, 'bulan: format YYYY-MM');
const rupiah = z.number().int('rupiah bulat').min(0, 'tidak boleh negatif').max(10_000_000_000);
const positiveRupiah = z
  .number()
  .int('rupiah bulat')
  .positive('harus lebih dari 0')
  .max(10_000_000_000, 'terlalu besar');
/** Percent with at most two decimals (basis points are exact). */
const percent = z
  .number()
  .gt(0, 'harus lebih dari 0')
  .max(100, 'paling besar 100')
  .refine((p) => Number.isInteger(Math.round(p * 100)) && Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, {
    message: 'paling banyak dua angka desimal',
  });

export const DEDUCTION_LAYERS = ['IN_LIST', 'POST_LIST'] as const;
export type DeductionLayer = (typeof DEDUCTION_LAYERS)[number];
export const DEDUCTION_CATEGORIES = [
  'ZAKAT',
  'INFAK',
  'KOPERASI',
  'BANK',
  'KORPRI',
  'DHARMA_WANITA',
  'RUMAH_DINAS',
  'BULOG',
  'LAINNYA',
] as const;
export const APPLIES_TO = ['GAJI', 'TPP', 'BOTH'] as const;
export type AppliesTo = (typeof APPLIES_TO)[number];
/** potongan-lain.md §2 `base`: what a PERCENT deduction is a share of. */
export const PERCENT_BASES = [
  'GAPOK',
  'GAJI_KOTOR',
  'GAJI_BERSIH',
  'TPP_BRUTO',
  'TPP_BERSIH',
  'GAJI_PLUS_TPP',
] as const;
export type PercentBase = (typeof PERCENT_BASES)[number];
export const CONFIDENCES = ['VERIFIED', 'SINGLE-SOURCE', 'DEMO', 'UNVERIFIED'] as const;

const code = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,29}$/, 'kode: huruf besar, angka dan garis bawah, 2–30 karakter');
const text = (max: number) => z.string().trim().min(1, 'wajib diisi').max(max);
/** Account numbers as people write them (dots, dashes and spaces kept: the bank file strips them). */
const accountNumber = z
  .string()
  .trim()
  .regex(/^[0-9][0-9 .-]{4,29}$/, 'nomor rekening: angka (titik, tanda hubung, spasi boleh)');

export const sourceSchema = z.strictObject({
  regulation: text(200),
  refs: z.array(text(80)).max(20).default([]),
  confidence: z.enum(CONFIDENCES),
  note: z.string().trim().max(500).optional(),
});

export const creditorSchema = z.strictObject({
  name: text(120),
  bank: text(60).optional(),
  accountNumber: accountNumber.optional(),
  accountName: text(120).optional(),
});
export type Creditor = z.infer<typeof creditorSchema>;

export const deductionTypeFields = z.strictObject({
  code,
  name: text(120),
  layer: z.enum(DEDUCTION_LAYERS),
  category: z.enum(DEDUCTION_CATEGORIES),
  creditor: creditorSchema,
  appliesTo: z.enum(APPLIES_TO),
  /** THR, gaji 13 and other special lists: none inside the list (PP); post-list only if the tenant opts in. */
  appliesToSpecial: z.boolean().default(false),
  /** Lower first (potongan-lain.md §5: rumah dinas and recovery, then bank, koperasi, Korpri/DW/infak). */
  priority: z.number().int().min(0).max(999),
  /** Default rate of PERCENT entries of this type (zakat 2,5 %). */
  percent: percent.optional(),
  base: z.enum(PERCENT_BASES).optional(),
  /** Zakat nisab per month: below it (on the base) nothing is due that month. */
  nisabMonthly: rupiah.optional(),
  /** Recorded as the tenant's rule; SIGAP stores no agama, so the employee's own entry is the enrolment. */
  religionFilter: z.enum(['ISLAM']).optional(),
  /** The employee may stop it at any time (zakat/infak is an appeal, not an obligation). */
  optOut: z.boolean().default(false),
  effectiveFrom: month,
  effectiveTo: month.optional(),
  source: sourceSchema,
  active: z.boolean().default(true),
});
export const deductionTypeSchema = deductionTypeFields.superRefine((t, ctx) => {
  if (t.effectiveTo && t.effectiveTo < t.effectiveFrom) {
    ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'tidak boleh sebelum effectiveFrom' });
  }
  if (t.layer === 'IN_LIST' && t.appliesToSpecial) {
    ctx.addIssue({
      code: 'custom',
      path: ['appliesToSpecial'],
      message: 'potongan dalam daftar SIPD tidak berlaku untuk THR/gaji 13 (tanpa potongan menurut PP)',
    });
  }
  if ((t.percent === undefined) !== (t.base === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['base'], message: 'persen dan dasar diisi bersama' });
  }
});
export type DeductionType = z.infer<typeof deductionTypeSchema>;

export const deductionPolicySchema = z.strictObject({
  /** Post-list deductions take at most this share of each list's SIPD bersih (optional). */
  maxPostListSharePercent: percent.optional(),
  /** The take-home never falls below this after post-list deductions (optional). */
  minTakeHome: rupiah.optional(),
  /** A shortfall is carried to the next month as arrear (default); false: reported, not carried. */
  carryArrears: z.boolean().default(true),
  effectiveFrom: month,
  source: sourceSchema,
});
export type DeductionPolicy = z.infer<typeof deductionPolicySchema>;

export const deductionTypesBody = z
  .strictObject({
    types: z.array(deductionTypeSchema).max(200),
    policy: deductionPolicySchema.nullable(),
  })
  .superRefine((b, ctx) => {
    // A code may have several dated versions (a new zakat rate from a month): their periods must not
    // overlap, so exactly one is in force in any month.
    b.types.forEach((t, i) => {
      const clash = b.types.findIndex(
        (o, j) =>
          j < i &&
          o.code === t.code &&
          o.effectiveFrom <= (t.effectiveTo ?? '9999-12') &&
          t.effectiveFrom <= (o.effectiveTo ?? '9999-12'),
      );
      if (clash >= 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['types', i, 'effectiveFrom'],
          message: `kode ${t.code} sudah berlaku pada periode ini (baris ${clash + 1}); akhiri versi lama dengan effectiveTo`,
        });
      }
    });
  });

/** The tenant's register of types and its policy, as stored (one item, versioned). */
export interface DeductionRegister {
  types: DeductionType[];
  policy: DeductionPolicy | null;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

export const ENTRY_KINDS = ['FIXED', 'PERCENT', 'INSTALMENT'] as const;
export const REFERENCE_KINDS = [
  'SURAT_KUASA_POTONG_GAJI',
  'SIP_RUMAH_DINAS',
  'PERBUP',
  'PERNYATAAN',
  'LAINNYA',
] as const;
export const ENTRY_STATUSES = ['AKTIF', 'NONAKTIF'] as const;

export const deductionEntryFields = z.strictObject({
  typeCode: code,
  kind: z.enum(ENTRY_KINDS),
  amount: positiveRupiah.optional(),
  percent: percent.optional(),
  base: z.enum(PERCENT_BASES).optional(),
  instalment: z
    .strictObject({
      total: positiveRupiah,
      tenor: z.number().int('bulat').min(1, 'paling sedikit 1 bulan').max(360, 'paling lama 360 bulan'),
    })
    .optional(),
  startMonth: month,
  endMonth: month.optional(),
  reference: z.strictObject({
    kind: z.enum(REFERENCE_KINDS),
    number: text(80),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal YYYY-MM-DD')
      .optional(),
  }),
  /** Nomor rekening/pinjaman at the creditor (the daftar potongan prints it). */
  accountRef: z.string().trim().min(1).max(40).optional(),
  status: z.enum(ENTRY_STATUSES).default('AKTIF'),
  stopReason: z.string().trim().min(1).max(200).optional(),
  note: z.string().trim().max(200).optional(),
});
export const deductionEntryInput = deductionEntryFields.superRefine((e, ctx) => {
  const need = (field: 'amount' | 'instalment', when: string) =>
    ctx.addIssue({ code: 'custom', path: [field], message: `wajib diisi untuk jenis ${when}` });
  const forbid = (field: string, when: string) =>
    ctx.addIssue({ code: 'custom', path: [field], message: `tidak dipakai untuk jenis ${when}` });
  if (e.kind === 'FIXED') {
    if (e.amount === undefined) need('amount', 'FIXED');
    if (e.instalment) forbid('instalment', 'FIXED');
    if (e.percent !== undefined) forbid('percent', 'FIXED');
  } else if (e.kind === 'INSTALMENT') {
    if (!e.instalment) need('instalment', 'INSTALMENT');
    if (e.amount !== undefined) forbid('amount', 'INSTALMENT (angsuran dihitung dari total dan tenor)');
    if (e.percent !== undefined) forbid('percent', 'INSTALMENT');
    if (e.endMonth !== undefined) forbid('endMonth', 'INSTALMENT (bulan akhir = bulan mulai + tenor − 1)');
  } else {
    if (e.amount !== undefined) forbid('amount', 'PERCENT');
    if (e.instalment) forbid('instalment', 'PERCENT');
  }
  if (e.endMonth && e.endMonth < e.startMonth) {
    ctx.addIssue({ code: 'custom', path: ['endMonth'], message: 'tidak boleh sebelum bulan mulai' });
  }
  if (e.status === 'NONAKTIF' && !e.stopReason) {
    ctx.addIssue({ code: 'custom', path: ['stopReason'], message: 'wajib diisi bila status NONAKTIF' });
  }
});
export type DeductionEntryInput = z.infer<typeof deductionEntryInput>;

export interface DeductionEntry extends DeductionEntryInput {
  id: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** One employee's entries as stored (one item beside the employee's record). */
export interface EmployeeDeductions {
  nip: string;
  /** The employee's OPD when last written: the register list filters by it. */
  opd: string;
  entries: DeductionEntry[];
  version: number;
}
