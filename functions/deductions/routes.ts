import { ALL_ROLES } from '../http/roles';
import { defineRoute, IMPORT_MAX_BODY_BYTES, type RouteSpec } from '../http/route-spec';
import {
  employeeDeductionsResponse,
  entryBody,
  entryParams,
  importBody,
  importResponse,
  listQuery,
  listResponse,
  nipParams,
  putTypesBody,
  typesResponse,
} from './schemas';

const tags = ['deductions'];
const READERS = ['operator', 'bkpsdm', 'auditor'] as const;
const WRITERS = ['operator', 'bkpsdm'] as const;

/** Potongan lain (potongan-lain.md): the tenant's creditors and policy, and each employee's deductions. */
export const DEDUCTION_ROUTES = [
  defineRoute({
    id: 'getDeductionTypes',
    method: 'GET',
    path: '/deductions/types',
    group: 'deductions',
    summary: 'The tenant’s deduction types (creditors, layer, priority) and policy (caps, arrears)',
    tags,
    roles: ALL_ROLES,
    response: typesResponse,
  }),
  defineRoute({
    id: 'putDeductionTypes',
    method: 'PUT',
    path: '/deductions/types',
    group: 'deductions-write',
    summary: 'Replace the deduction types and policy (BKPSDM; optimistic concurrency; audited)',
    tags,
    roles: ['bkpsdm'],
    body: putTypesBody,
    response: typesResponse,
  }),
  defineRoute({
    id: 'listDeductions',
    method: 'GET',
    path: '/deductions',
    group: 'deductions',
    summary: 'Deduction entries of the caller’s OPDs (operators name one), by type, paginated by employee',
    tags,
    roles: READERS,
    query: listQuery,
    response: listResponse,
  }),
  defineRoute({
    id: 'getEmployeeDeductions',
    method: 'GET',
    path: '/employees/{nip}/deductions',
    group: 'deductions',
    summary: 'One employee’s deduction entries (staff of the OPD, BKPSDM, auditors; the employee their own)',
    tags,
    roles: ['operator', 'bkpsdm', 'auditor', 'pegawai'],
    params: nipParams,
    response: employeeDeductionsResponse,
  }),
  defineRoute({
    id: 'createEmployeeDeduction',
    method: 'POST',
    path: '/employees/{nip}/deductions',
    group: 'deductions-write',
    summary: 'Add a deduction entry (fixed, percent or instalment) to an employee; audited',
    tags,
    roles: WRITERS,
    params: nipParams,
    body: entryBody,
    response: employeeDeductionsResponse,
    successStatus: 201,
  }),
  defineRoute({
    id: 'updateEmployeeDeduction',
    method: 'PUT',
    path: '/employees/{nip}/deductions/{entryId}',
    group: 'deductions-write',
    summary: 'Change or end (status NONAKTIF with a reason) a deduction entry; audited',
    tags,
    roles: WRITERS,
    params: entryParams,
    body: entryBody,
    response: employeeDeductionsResponse,
  }),
  defineRoute({
    id: 'importDeductions',
    method: 'POST',
    path: '/deductions/imports',
    group: 'deductions-write',
    summary:
      'Import a creditor’s list (XLSX/CSV: NIP, JENIS, JUMLAH or TOTAL+TENOR, BULAN_MULAI, BULAN_AKHIR, NOMOR_REFERENSI, NOMOR_REKENING): dry run reports every row, commit writes the valid ones',
    tags,
    roles: WRITERS,
    body: importBody,
    maxBodyBytes: IMPORT_MAX_BODY_BYTES,
    response: importResponse,
  }),
] as const satisfies readonly RouteSpec[];
