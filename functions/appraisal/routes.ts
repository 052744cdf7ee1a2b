import type { RouteSpec } from '../http/route-spec';
import { CONSOLE_APPRAISAL_ROUTES } from './routes-console';
import { DISCIPLINE_ROUTES } from './routes-discipline';
import { EVALUATION_ROUTES } from './routes-evaluation';
import { SKP_ROUTES } from './routes-skp';

/** Appraisal (SKP, realizations, evaluations) and discipline (calendar, attendance, leave, sanctions) routes. */
export const APPRAISAL_ROUTES = [
  ...SKP_ROUTES,
  ...EVALUATION_ROUTES,
  ...DISCIPLINE_ROUTES,
  ...CONSOLE_APPRAISAL_ROUTES,
] as const satisfies readonly RouteSpec[];
