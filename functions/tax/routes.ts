import { defineRoute, type RouteSpec } from '../http/route-spec';
import {
  a1Query,
  a2ListQuery,
  a2Params,
  annualQuery,
  bpmpQuery,
  masaParams,
  putTaxSettingsBody,
  recapQuery,
  taxSettingsResponse,
  yearParams,
} from './schemas';

const tags = ['tax'];
/** Tax files go to the KPP under the bendahara's NPWP: produced by BKPSDM, read by the auditor. */
const EXPORTERS = ['bkpsdm', 'auditor'] as const;

/** Coretax bukti potong and tax recaps (pajak-pelaporan.md), from locked runs' stored slips. */
export const TAX_ROUTES = [
  defineRoute({
    id: 'getTaxSettings',
    method: 'GET',
    path: '/tax/settings',
    group: 'tax-read',
    summary: 'The tenant’s withholders (NPWP, NITKU, bendahara, OPDs and lists) and tax report decisions',
    tags,
    roles: ['operator', 'bkpsdm', 'auditor'],
    response: taxSettingsResponse,
  }),
  defineRoute({
    id: 'putTaxSettings',
    method: 'PUT',
    path: '/tax/settings',
    group: 'tax-write',
    summary:
      'Create (expectedVersion 0) or replace the withholders and tax report decisions; validated (NPWP 16, NITKU 22 = NPWP + 6, no OPD list claimed twice); audited',
    tags,
    roles: ['bkpsdm'],
    body: putTaxSettingsBody,
    response: taxSettingsResponse,
  }),
  defineRoute({
    id: 'exportBpmp',
    method: 'GET',
    path: '/tax/bpmp/{month}',
    group: 'tax-exports',
    summary:
      'BPMP (bukti potong bulanan pegawai tetap) of a masa for one withholder (query withholder; optional when the tenant has one) as the Coretax XML bulk-import file, from every locked run of the month (preview=true: approved runs, marked); audited',
    tags,
    roles: EXPORTERS,
    params: masaParams,
    query: bpmpQuery,
    contentType: 'application/xml',
  }),
  defineRoute({
    id: 'exportTaxRecap',
    method: 'GET',
    path: '/tax/recap/{month}',
    group: 'tax-exports',
    summary:
      'Rekap PPh 21 of a masa per OPD (bruto, PPh dipotong, ditanggung pemerintah, ditanggung pegawai) as XLSX, from every locked run of the month; audited',
    tags,
    roles: ['operator', 'bkpsdm', 'auditor'],
    params: masaParams,
    query: recapQuery,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  defineRoute({
    id: 'exportA2Pdf',
    method: 'GET',
    path: '/tax/a2/{year}/{nip}/pdf',
    group: 'tax-exports',
    summary:
      'Bukti potong tahunan 1721-A2 of one employee as a PDF laid out like the form’s lines, from the year’s locked runs; audited',
    tags,
    roles: EXPORTERS,
    params: a2Params,
    query: annualQuery,
    contentType: 'application/pdf',
  }),
  defineRoute({
    id: 'exportA2Data',
    method: 'GET',
    path: '/tax/a2/{year}',
    group: 'tax-exports',
    summary:
      'Bukti potong tahunan 1721-A2 of every employee on the A2 (or one OPD) as a CSV data file, one row per employee with the form’s lines; audited',
    tags,
    roles: EXPORTERS,
    params: yearParams,
    query: a2ListQuery,
    contentType: 'text/csv',
  }),
  defineRoute({
    id: 'exportA1',
    method: 'GET',
    path: '/tax/a1/{year}',
    group: 'tax-exports',
    summary:
      'BPA1 (1721-A1) Coretax XML of the PPPK of one withholder, where the tenant’s pppkAnnualForm is A1; audited',
    tags,
    roles: EXPORTERS,
    params: yearParams,
    query: a1Query,
    contentType: 'application/xml',
  }),
] as const satisfies readonly RouteSpec[];
