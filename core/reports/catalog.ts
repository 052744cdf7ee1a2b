/**
 * Every file SIGAP produces for the outside world from a run, as the console's export menu lists it.
 * `path` is the API path the menu calls; it fills `{runId}`, `{month}` and `{opd}` and adds
 * `preview=true` for an approved run. The route itself decides and enforces (state, scope, readiness):
 * the catalog only says what exists. Other areas add their own entries here (see .scratch/exports.md).
 */
export type ExportFormat = 'CSV' | 'XLSX' | 'PDF' | 'XML' | 'TXT';
/** RUN: one file for the run (or per source account); OPD: one per OPD; MONTH: per masa, all runs. */
export type ExportScope = 'RUN' | 'OPD' | 'ACCOUNT' | 'MONTH';

export interface ExportEntry {
  readonly id: string;
  readonly area: 'BANK' | 'IURAN' | 'SIPD' | 'TAX';
  readonly format: ExportFormat;
  readonly scope: ExportScope;
  readonly path: string;
  /** Only for tenants that pay through the bendahara's account (surat pemindahbukuan). */
  readonly disbursement?: 'VIA_BENDAHARA_PEMINDAHBUKUAN';
}

const RUN_EXPORT = '/runs/{runId}/exports/';

export const EXPORT_CATALOG: readonly ExportEntry[] = [
  { id: 'bank-file', area: 'BANK', format: 'CSV', scope: 'ACCOUNT', path: `${RUN_EXPORT}bank-file` },
  {
    id: 'pemindahbukuan-pdf',
    area: 'BANK',
    format: 'PDF',
    scope: 'ACCOUNT',
    path: `${RUN_EXPORT}pemindahbukuan-pdf`,
    disbursement: 'VIA_BENDAHARA_PEMINDAHBUKUAN',
  },
  {
    id: 'pemindahbukuan-xlsx',
    area: 'BANK',
    format: 'XLSX',
    scope: 'ACCOUNT',
    path: `${RUN_EXPORT}pemindahbukuan-xlsx`,
    disbursement: 'VIA_BENDAHARA_PEMINDAHBUKUAN',
  },
  { id: 'bpjs-kesehatan', area: 'IURAN', format: 'XLSX', scope: 'RUN', path: `${RUN_EXPORT}bpjs-kesehatan` },
  { id: 'taspen', area: 'IURAN', format: 'XLSX', scope: 'RUN', path: `${RUN_EXPORT}taspen` },
  { id: 'sipd-gaji', area: 'SIPD', format: 'CSV', scope: 'OPD', path: `${RUN_EXPORT}sipd-gaji` },
  { id: 'sipd-tpp', area: 'SIPD', format: 'CSV', scope: 'OPD', path: `${RUN_EXPORT}sipd-tpp` },
  // Potongan lain (core/deductions): daftar per kreditur (a sheet per creditor and OPD; ?creditor=<kode>)
  // and the remittance per creditor.
  {
    id: 'potongan-kreditur',
    area: 'BANK',
    format: 'XLSX',
    scope: 'OPD',
    path: `${RUN_EXPORT}potongan-kreditur`,
  },
  {
    id: 'rekap-potongan-kreditur',
    area: 'BANK',
    format: 'XLSX',
    scope: 'RUN',
    path: `${RUN_EXPORT}rekap-potongan-kreditur`,
  },
  // --- tax (helper C) --- add Coretax BPMP, BPA2/BPA1 and the tax recap entries below this line.
  // Per masa, every run of the month (functions/tax): the tenant's only withholder, or ?withholder=.
  { id: 'bpmp-xml', area: 'TAX', format: 'XML', scope: 'MONTH', path: '/tax/bpmp/{month}' },
  { id: 'rekap-pph21', area: 'TAX', format: 'XLSX', scope: 'MONTH', path: '/tax/recap/{month}' },
];

export const RUN_EXPORT_IDS = [
  'bank-file',
  'pemindahbukuan-pdf',
  'pemindahbukuan-xlsx',
  'bpjs-kesehatan',
  'taspen',
  'sipd-gaji',
  'sipd-tpp',
  'potongan-kreditur',
  'rekap-potongan-kreditur',
] as const;
export type RunExportId = (typeof RUN_EXPORT_IDS)[number];
