import { APPRAISAL_ROUTES } from './appraisal/routes';
import { AUDIT_ROUTES } from './audit/routes';
import { DEDUCTION_ROUTES } from './deductions/routes';
import { EMPLOYEE_ROUTES } from './employees/routes';
import type { RouteSpec } from './http/route-spec';
import { OPENING_BALANCE_ROUTES } from './opening-balances/routes';
import { PAYROLL_ROUTES } from './payroll/routes';
import { REPORT_ROUTES } from './reports/routes';
import { RULESET_ROUTES } from './rulesets/routes';
import { SYSTEM_ROUTES } from './system/routes';
import { TAX_ROUTES } from './tax/routes';

/**
 * Every HTTP route of SIGAP, declared per area and gathered here. The stack, the local server, the
 * OpenAPI document and the tests read this list; a handler is bound to its route by `id` inside its
 * group's entry file.
 */
export const ROUTES = [
  ...SYSTEM_ROUTES,
  ...EMPLOYEE_ROUTES,
  ...AUDIT_ROUTES,
  ...RULESET_ROUTES,
  ...PAYROLL_ROUTES,
  ...REPORT_ROUTES,
  ...OPENING_BALANCE_ROUTES,
  ...APPRAISAL_ROUTES,
  ...TAX_ROUTES,
  ...DEDUCTION_ROUTES,
] as const satisfies readonly RouteSpec[];

export type RouteId = (typeof ROUTES)[number]['id'];

export function routeById<const I extends RouteId>(id: I): Extract<(typeof ROUTES)[number], { id: I }> {
  const route = ROUTES.find((r) => r.id === id);
  if (!route) throw new Error(`unknown route ${id}`);
  return route as Extract<(typeof ROUTES)[number], { id: I }>;
}
