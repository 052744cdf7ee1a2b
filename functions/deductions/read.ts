import { getEmployeeDeductions, getTypes, listDeductions } from '../../core/deductions/register';
import { createGroupHandler, implement } from '../http/http-handler';
import { routeById } from '../routes';
import { deductionDeps } from './deps';

const types = implement(routeById('getDeductionTypes'), async ({ principal, requestId }) => ({
  body: await getTypes(deductionDeps(principal, requestId)),
}));

const list = implement(routeById('listDeductions'), async ({ query, principal, requestId }) => ({
  body: await listDeductions(query, principal, deductionDeps(principal, requestId)),
}));

const ofEmployee = implement(
  routeById('getEmployeeDeductions'),
  async ({ params, principal, requestId }) => ({
    body: await getEmployeeDeductions(params.nip, principal, deductionDeps(principal, requestId)),
  }),
);

export const handler = createGroupHandler('deductions', [types, list, ofEmployee]);
