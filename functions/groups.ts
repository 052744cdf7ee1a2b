import type { TableAccess } from './http/route-spec';

/**
 * One Lambda function per route group (plus non-HTTP functions). `entry` is relative to the repo root;
 * `tableAccess` is the only table permission the stack grants it.
 */
export const FUNCTION_GROUPS = {
  system: { entry: 'functions/system/index.ts', tableAccess: 'NONE', memoryMb: 256 },
  'employees-read': { entry: 'functions/employees/read.ts', tableAccess: 'RO', memoryMb: 512 },
  'employees-write': { entry: 'functions/employees/write.ts', tableAccess: 'RW', memoryMb: 512 },
  // The employee import parses up to 10,000-row XLSX files (exceljs) and commits them: CPU and memory.
  'employees-import': { entry: 'functions/employees/import.ts', tableAccess: 'RW', memoryMb: 1769 },
  audit: { entry: 'functions/audit/index.ts', tableAccess: 'RO', memoryMb: 256 },
  // Tenant rules live in the tenant table (issue 17): reads and previews RO, proposals and approvals RW.
  rulesets: { entry: 'functions/rulesets/index.ts', tableAccess: 'RO', memoryMb: 1024 },
  'rulesets-write': { entry: 'functions/rulesets/write.ts', tableAccess: 'RW', memoryMb: 1024 },
  simulations: { entry: 'functions/rulesets/simulate.ts', tableAccess: 'RO', memoryMb: 1024 },
  'payroll-read': { entry: 'functions/payroll/read.ts', tableAccess: 'RO', memoryMb: 1024 },
  'payroll-write': { entry: 'functions/payroll/write.ts', tableAccess: 'RW', memoryMb: 1769 },
  'payroll-docs': { entry: 'functions/payroll/docs.ts', tableAccess: 'RO', memoryMb: 1769 },
  // Exports for the outside world (bank, BPJS, Taspen, SIPD): reads the run, writes only its audit record.
  reports: { entry: 'functions/reports/index.ts', tableAccess: 'RW', memoryMb: 1769 },
  'opening-balances-read': { entry: 'functions/opening-balances/read.ts', tableAccess: 'RO', memoryMb: 512 },
  'opening-balances-write': {
    entry: 'functions/opening-balances/write.ts',
    tableAccess: 'RW',
    memoryMb: 1024,
  },
  // Appraisal & discipline: reads in an RO function; writes (incl. bulk import and month compute) RW.
  'appraisal-read': { entry: 'functions/appraisal/read.ts', tableAccess: 'RO', memoryMb: 1024 },
  'appraisal-write': { entry: 'functions/appraisal/write.ts', tableAccess: 'RW', memoryMb: 1769 },
  // Tax reporting (Coretax bukti potong, rekap PPh): settings read RO, written RW; every export writes
  // its audit record, so the export function is RW too; it renders PDF/XLSX/XML of a whole masa or year.
  'tax-read': { entry: 'functions/tax/read.ts', tableAccess: 'RO', memoryMb: 256 },
  'tax-write': { entry: 'functions/tax/write.ts', tableAccess: 'RW', memoryMb: 256 },
  'tax-exports': { entry: 'functions/tax/exports.ts', tableAccess: 'RW', memoryMb: 1769 },
  // Potongan lain: the register read RO; its writes and the creditor import (XLSX parsing) RW.
  deductions: { entry: 'functions/deductions/read.ts', tableAccess: 'RO', memoryMb: 512 },
  'deductions-write': { entry: 'functions/deductions/write.ts', tableAccess: 'RW', memoryMb: 1024 },
} as const satisfies Record<string, { entry: string; tableAccess: TableAccess; memoryMb: number }>;

export type FunctionGroup = keyof typeof FUNCTION_GROUPS;

/** Scheduled (non-HTTP) functions. The payroll run replaces the placeholder in a later issue. */
export const SCHEDULED_FUNCTIONS = {
  'payroll-schedule': { entry: 'functions/payroll/scheduled-run.ts', tableAccess: 'RW', memoryMb: 1769 },
  'payroll-chunk-worker': { entry: 'functions/payroll/chunk-worker.ts', tableAccess: 'RW', memoryMb: 1769 },
} as const satisfies Record<string, { entry: string; tableAccess: TableAccess; memoryMb: number }>;
