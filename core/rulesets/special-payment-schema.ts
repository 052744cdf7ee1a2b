import * as z from 'zod';
import { percentSchema } from './value-schemas';

/**
 * THR and gaji ketiga belas (gaji13-thr.md): re-enacted every year by a PP, so the national data is one
 * dated version per year (`from` = 1 January of the year) whose `year` must match the payment month's —
 * a year without its version (or still resolving last year's) has no THR/gaji 13 to compute.
 */
export const SPECIAL_PAYMENT_TYPES = ['THR', 'GAJI13'] as const;
export type SpecialPaymentType = (typeof SPECIAL_PAYMENT_TYPES)[number];

/** Components copied from the base month's gaji induk (§4); TPP is the tenant's share on top. */
export const SPECIAL_PAYMENT_COMPONENTS = [
  'GAJI_POKOK',
  'TUNJANGAN_KELUARGA',
  'TUNJANGAN_BERAS',
  'TUNJANGAN_JABATAN',
] as const;

const month = z.number().int().min(1, 'month is 1–12').max(12, 'month is 1–12');

export const nationalSpecialPaymentSchema = z.strictObject({
  /** The calendar year the regulation pays for (the payment month's year). */
  year: z.number().int().min(2000).max(2100),
  /** Earliest payment date (THR: 10 hari kerja before Idul Fitri; gaji 13: 1 June). */
  payFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
  /** The payment window as the regulation states it, for people (Indonesian). */
  window: z.string().min(1),
  /** The base month whose gaji induk is copied (THR: February); null = the month before payment (gaji 13). */
  baseMonth: month.nullable(),
  components: z.array(z.enum(SPECIAL_PAYMENT_COMPONENTS)).min(1),
  /** Statuses that receive nothing (CLTN: no gaji is paid by the instansi). */
  excludedStatuses: z.array(z.enum(['AKTIF', 'TUGAS_BELAJAR', 'CLTN', 'PEMBERHENTIAN_SEMENTARA'])),
  /** Highest share of one month's TPP the year's regulation allows a Pemda (2021: 0, 2023: 50, 2024+: 100). */
  tppMaxPercent: percentSchema,
  /** PP Pasal 13/16: no iuran and no other deductions; PPh borne by the government. */
  noDeductions: z.literal(true),
  taxBorneBy: z.literal('GOVERNMENT'),
});
export type NationalSpecialPayment = z.infer<typeof nationalSpecialPaymentSchema>;

const tenantShare = z.strictObject({
  /** Share of one month's TPP paid with the THR / gaji 13, 0–100 (0 until the tenant's decision is entered). */
  tppPercent: percentSchema,
  /** CEILING: the kelas jabatan's TPP before attendance/SKP cuts; PAID_IN_BASE_MONTH: the TPP paid in the base month. */
  tppBasis: z.enum(['CEILING', 'PAID_IN_BASE_MONTH']),
});

/** The tenant's decision (Perkada / Keputusan Kepala Daerah), per type, dated like every tenant rule. */
export const tenantSpecialPaymentSchema = z.strictObject({ THR: tenantShare, GAJI13: tenantShare });
export type TenantSpecialPayment = z.infer<typeof tenantSpecialPaymentSchema>;
