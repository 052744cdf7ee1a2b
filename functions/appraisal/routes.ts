import type { RouteSpec } from '../http/route-spec';

/** Appraisal (SKP, realizations, evaluations) and discipline (calendar, attendance, leave, sanctions) routes. */
export const APPRAISAL_ROUTES = [] as const satisfies readonly RouteSpec[];
