import { defineRoute, IMPORT_MAX_BODY_BYTES, type RouteSpec } from '../http/route-spec';
import {
  importOpeningBalancesBody,
  importReportResponse,
  listOpeningBalancesQuery,
  openingBalanceListResponse,
  openingBalanceResponse,
  putOpeningBalanceBody,
  yearNipParams,
  yearParams,
} from './schemas';

const READERS = ['operator', 'bkpsdm', 'auditor'] as const;
const WRITERS = ['operator', 'bkpsdm'] as const;
const tags = ['opening-balances'];

/** Saldo awal: what the same withholder paid and withheld in a tax year before SIGAP (pajak-pelaporan.md §7). */
export const OPENING_BALANCE_ROUTES = [
  defineRoute({
    id: 'putOpeningBalance',
    method: 'PUT',
    path: '/opening-balances/{year}/{nip}',
    group: 'opening-balances-write',
    summary:
      'Create or replace an employee’s opening balance of a tax year (409 if SIGAP paid a month of its period); audited',
    tags,
    roles: WRITERS,
    params: yearNipParams,
    body: putOpeningBalanceBody,
    response: openingBalanceResponse,
  }),
  defineRoute({
    id: 'getOpeningBalance',
    method: 'GET',
    path: '/opening-balances/{year}/{nip}',
    group: 'opening-balances-read',
    summary: 'An employee’s opening balance of a tax year',
    tags,
    roles: READERS,
    params: yearNipParams,
    response: openingBalanceResponse,
  }),
  defineRoute({
    id: 'listOpeningBalances',
    method: 'GET',
    path: '/opening-balances/{year}',
    group: 'opening-balances-read',
    summary: 'Opening balances of a tax year, by OPD (operators: their OPD), paginated',
    tags,
    roles: READERS,
    params: yearParams,
    query: listOpeningBalancesQuery,
    response: openingBalanceListResponse,
  }),
  defineRoute({
    id: 'importOpeningBalances',
    method: 'POST',
    path: '/opening-balances/{year}/imports',
    group: 'opening-balances-write',
    summary:
      'Import a year’s opening balances from one XLSX/CSV sheet (columns NIP, BULAN_AWAL, BULAN_AKHIR, JUMLAH_BULAN, BRUTO_GAJI, BRUTO_TPP, IURAN_PENSIUN, PPH_GAJI, PPH_TPP, SUMBER): DRY_RUN reports every row and writes nothing, COMMIT writes the valid changed rows',
    tags,
    roles: WRITERS,
    params: yearParams,
    body: importOpeningBalancesBody,
    maxBodyBytes: IMPORT_MAX_BODY_BYTES,
    response: importReportResponse,
  }),
] as const satisfies readonly RouteSpec[];
