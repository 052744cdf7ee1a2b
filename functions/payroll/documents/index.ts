/**
 * Payroll documents: pure generators (data in, Buffer/string out; no DynamoDB, no env). The caller
 * decides whether a document may be produced — `assertExportable` first, for exports.
 */
export {
  BANK_TRANSFER_HEADER,
  type BankTransferFile,
  type BankTransferOptions,
  type MissingTransfer,
  renderBankTransfer,
} from './bank-csv';
export {
  type ColumnSide,
  columnOf,
  GAJI_LAYOUT,
  type ListLayout,
  type MoneyColumn,
  TPP_LAYOUT,
} from './columns';
export { CSV_SEPARATOR } from './csv';
export { renderDaftarGaji } from './daftar-gaji-xlsx';
export { assertExportable, RunNotApprovedError } from './export-guard';
export { DRAFT_WATERMARK } from './format';
export { SlipTotalsMismatchError, type UnknownLine } from './list-rows';
export { renderRekapTpp } from './rekap-tpp-xlsx';
export type { DocumentOptions } from './sheet-columns';
export { renderSlipPdf, type SlipPdfOptions } from './slip-pdf';
