import { defineRoute, type RouteSpec } from '../http/route-spec';
import {
  runExportParams,
  runExportQuery,
  runExportsParams,
  runExportsQuery,
  runExportsResponse,
} from './schemas';

const READERS = ['operator', 'bkpsdm', 'auditor'] as const;

/** Files for the outside world (bank, BPJS Kesehatan, Taspen, SIPD) from a locked or approved run. */
export const REPORT_ROUTES = [
  defineRoute({
    id: 'listRunExports',
    method: 'GET',
    path: '/runs/{runId}/exports',
    group: 'reports',
    summary: 'Exports of a run with their state, and the readiness issues (employee, column, reason)',
    tags: ['reports'],
    roles: READERS,
    params: runExportsParams,
    query: runExportsQuery,
    response: runExportsResponse,
  }),
  defineRoute({
    id: 'downloadRunExport',
    method: 'GET',
    path: '/runs/{runId}/exports/{exportId}',
    group: 'reports',
    summary:
      'Bank file (tenant template), pemindahbukuan letter (PDF/XLSX), BPJS Kesehatan / Taspen recap (XLSX), SIPD list (CSV) from the stored slips; audited',
    tags: ['reports'],
    roles: READERS,
    params: runExportParams,
    query: runExportQuery,
    contentType: 'application/octet-stream',
  }),
] as const satisfies readonly RouteSpec[];
