import * as z from 'zod';
import { MAX_OPENING_AMOUNT, MAX_SOURCE_LENGTH } from '../../core/pay/opening-balance';
import { nipSchema, paginationQuery, versionSchema } from '../http/common-schemas';

/** Tax years of the PMK 168/2023 regime (TER months + annual last masa), the only one the engine knows. */
export const taxYear = z.coerce
  .number({ error: 'tahun harus angka, mis. 2026' })
  .int('tahun harus bilangan bulat')
  .min(2024, 'saldo awal hanya untuk tahun pajak 2024 dan sesudahnya (PMK 168/2023)')
  .max(2100, 'tahun tidak masuk akal');

export const yearParams = z.strictObject({ year: taxYear });
export const yearNipParams = z.strictObject({ year: taxYear, nip: nipSchema });

const rupiah = z
  .number({ error: 'wajib diisi (angka rupiah; isi 0 bila tidak ada)' })
  .int('harus bilangan bulat rupiah')
  .min(0, 'tidak boleh negatif')
  .max(MAX_OPENING_AMOUNT, 'melebihi Rp 100.000.000.000');
const monthNo = z
  .number({ error: 'wajib diisi (bulan 1–12)' })
  .int('bulan harus bilangan bulat 1–12')
  .min(1, 'bulan harus 1–12')
  .max(12, 'bulan harus 1–12');

/**
 * The figures of one employee's saldo awal (pajak-pelaporan.md §7), every one required: a figure left
 * out is not read as 0, it is asked for.
 */
export const openingBalanceFigures = z.strictObject({
  firstMonth: monthNo.describe('first month (1–12) the figures cover'),
  lastMonth: monthNo.describe('last month (1–12); SIGAP must not have paid any month in between'),
  monthsWorked: z
    .number({ error: 'wajib diisi (jumlah bulan bekerja)' })
    .int('harus bilangan bulat')
    .min(1, 'minimal 1 bulan')
    .max(12, 'maksimal 12 bulan')
    .describe('months with income in the period (biaya jabatan: 500.000 a month)'),
  brutoGaji: rupiah.describe(
    'Σ TER bruto of gaji lists, THR and gaji 13 (the government-borne share for PNS)',
  ),
  brutoTpp: rupiah.describe('Σ TER bruto of TPP (with its employer premiums when the tenant counts them)'),
  iuranPensiun: rupiah.describe('Σ employee iuran pensiun/THT (Taspen 8%, PPPK THT)'),
  pphGaji: rupiah.describe('PPh 21 withheld on the gaji share (PNS: borne by the government)'),
  pphTpp: rupiah.describe('PPh 21 withheld on the TPP'),
  source: z
    .string({ error: 'wajib diisi, mis. "Bukti potong SIMGAJI Jan–Jun 2026"' })
    .trim()
    .min(3, 'minimal 3 karakter')
    .max(MAX_SOURCE_LENGTH, `maksimal ${MAX_SOURCE_LENGTH} karakter`)
    .describe('where the figures come from; printed on the December slip'),
});

export const putOpeningBalanceBody = openingBalanceFigures
  .extend({
    /** Optional optimistic lock: the version read (0 when there was none). */
    expectedVersion: versionSchema().optional(),
  })
  .meta({ id: 'OpeningBalanceInput' });

export const openingBalanceResponse = z
  .object({
    year: z.number(),
    nip: z.string(),
    opd: z.string(),
    firstMonth: z.number(),
    lastMonth: z.number(),
    monthsWorked: z.number(),
    brutoGaji: z.number(),
    brutoTpp: z.number(),
    iuranPensiun: z.number(),
    pphGaji: z.number(),
    pphTpp: z.number(),
    source: z.string(),
    version: z.number(),
    updatedAt: z.string(),
    updatedBy: z.string(),
    /** PUT only: set when the change reopens a locked last masa (a correction marker was left). */
    correctionSince: z.string().optional(),
  })
  .meta({ id: 'OpeningBalance' });

export const listOpeningBalancesQuery = z.strictObject({
  opd: z.string().trim().min(1).max(40).optional(),
  ...paginationQuery,
});

export const openingBalanceListResponse = z
  .object({ items: z.array(openingBalanceResponse), nextToken: z.string().optional() })
  .meta({ id: 'OpeningBalanceList' });

/** 4 MB decoded (the employee import's limit, checked there with a 413), with room for a data: prefix. */
export const MAX_IMPORT_BASE64 = 5_600_000;

export const importOpeningBalancesBody = z
  .strictObject({
    mode: z.enum(['DRY_RUN', 'COMMIT'], { error: 'DRY_RUN (periksa saja) atau COMMIT (simpan)' }),
    fileName: z.string().trim().min(1, 'wajib diisi').max(200),
    /** The XLSX or CSV file, base64. */
    contentBase64: z
      .string()
      .min(1, 'berkas kosong')
      .max(MAX_IMPORT_BASE64, 'berkas terlalu besar (maksimal 4 MB); pecah per OPD'),
    /** Reject the whole file when any row is invalid (default: valid rows are stored, the others reported). */
    allOrNothing: z.boolean().default(false),
  })
  .meta({ id: 'OpeningBalanceImport' });

const issue = z.object({ field: z.string(), message: z.string() });
export const importReportResponse = z
  .object({
    mode: z.enum(['DRY_RUN', 'COMMIT']),
    year: z.number(),
    fileName: z.string(),
    fileHash: z.string(),
    rows: z.array(
      z.object({
        row: z.number(),
        nip: z.string().optional(),
        status: z.enum([
          'INVALID',
          'UNCHANGED',
          'CREATE',
          'UPDATE',
          'CREATED',
          'UPDATED',
          'CONFLICT',
          'NOT_ATTEMPTED',
        ]),
        issues: z.array(issue),
        correctionSince: z.string().optional(),
      }),
    ),
    summary: z.object({
      rows: z.number(),
      valid: z.number(),
      invalid: z.number(),
      unchanged: z.number(),
      written: z.number(),
      conflicts: z.number(),
      notAttempted: z.number(),
    }),
    message: z.string().optional(),
  })
  .meta({ id: 'OpeningBalanceImportReport' });
