import * as z from 'zod';
import { auditListResponse, auditQuery } from './audit/schemas';
import {
  createEmployeeBody,
  employeeListResponse,
  employeeResponse,
  getEmployeeQuery,
  historyResponse,
  listEmployeesQuery,
  nipParams,
  updateEmployeeBody,
} from './employees/schemas';
import { defineRoute, type RouteSpec } from './http/route-spec';

const ALL_ROLES = ['pegawai', 'atasan', 'operator', 'bkpsdm', 'auditor'] as const;

/**
 * Every HTTP route of SIGAP. The stack, the local server, the OpenAPI document and the tests read this
 * list; a handler is bound to its route by `id` inside its group's entry file.
 */
export const ROUTES = [
  defineRoute({
    id: 'health',
    method: 'GET',
    path: '/health',
    group: 'system',
    summary: 'Liveness check',
    tags: ['system'],
    roles: 'PUBLIC',
    response: z.object({ status: z.literal('ok') }),
  }),
  defineRoute({
    id: 'openapi',
    method: 'GET',
    path: '/openapi.json',
    group: 'system',
    summary: 'OpenAPI 3.1 document of this API',
    tags: ['system'],
    roles: 'PUBLIC',
  }),
  defineRoute({
    id: 'docs',
    method: 'GET',
    path: '/docs',
    group: 'system',
    summary: 'Browsable API documentation',
    tags: ['system'],
    roles: 'PUBLIC',
    contentType: 'text/html',
  }),
  defineRoute({
    id: 'whoami',
    method: 'GET',
    path: '/me',
    group: 'system',
    summary: 'The caller as the API sees them (tenant, roles, OPD scope)',
    tags: ['system'],
    roles: ALL_ROLES,
    response: z.object({
      tenantId: z.string(),
      sub: z.string(),
      roles: z.array(z.string()),
      opds: z.array(z.string()),
    }),
  }),
  defineRoute({
    id: 'createEmployee',
    method: 'POST',
    path: '/employees',
    group: 'employees-write',
    summary: 'Register an employee (409 if the NIP exists)',
    tags: ['employees'],
    roles: ['operator', 'bkpsdm'],
    body: createEmployeeBody,
    response: employeeResponse,
    successStatus: 201,
  }),
  defineRoute({
    id: 'updateEmployee',
    method: 'PATCH',
    path: '/employees/{nip}',
    group: 'employees-write',
    summary: 'Change an employee; timeline changes take effect from effectiveFrom (optimistic concurrency)',
    tags: ['employees'],
    roles: ['operator', 'bkpsdm'],
    params: nipParams,
    body: updateEmployeeBody,
    response: employeeResponse,
  }),
  defineRoute({
    id: 'getEmployee',
    method: 'GET',
    path: '/employees/{nip}',
    group: 'employees-read',
    summary: 'One employee, as of today or as of a past date',
    tags: ['employees'],
    roles: ALL_ROLES,
    params: nipParams,
    query: getEmployeeQuery,
    response: employeeResponse,
  }),
  defineRoute({
    id: 'listEmployees',
    method: 'GET',
    path: '/employees',
    group: 'employees-read',
    summary: 'Employees in the caller’s scope, filtered by OPD, jenis and status, paginated',
    tags: ['employees'],
    roles: ALL_ROLES,
    query: listEmployeesQuery,
    response: employeeListResponse,
  }),
  defineRoute({
    id: 'employeeHistory',
    method: 'GET',
    path: '/employees/{nip}/history',
    group: 'employees-read',
    summary: 'Every dated change of pangkat, masa kerja, jabatan, penempatan, keluarga and kepegawaian',
    tags: ['employees'],
    roles: ALL_ROLES,
    params: nipParams,
    response: historyResponse,
  }),
  defineRoute({
    id: 'listAudit',
    method: 'GET',
    path: '/audit',
    group: 'audit',
    summary: 'Audit records of an entity type or one entity, newest first',
    tags: ['audit'],
    roles: ['auditor', 'bkpsdm'],
    query: auditQuery,
    response: auditListResponse,
  }),
] as const satisfies readonly RouteSpec[];

export type RouteId = (typeof ROUTES)[number]['id'];

export function routeById<const I extends RouteId>(id: I): Extract<(typeof ROUTES)[number], { id: I }> {
  const route = ROUTES.find((r) => r.id === id);
  if (!route) throw new Error(`unknown route ${id}`);
  return route as Extract<(typeof ROUTES)[number], { id: I }>;
}
