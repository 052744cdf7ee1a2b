import { employeeHistory, getEmployee, listEmployees } from '../../core/employee/use-cases';
import { depsFor } from '../http/deps';
import { createGroupHandler, implement } from '../http/http-handler';
import { routeById } from '../routes';

const get = implement(routeById('getEmployee'), async ({ params, query, principal, requestId }) => ({
  body: await getEmployee(params.nip, query.asOf, principal, depsFor(principal, requestId)),
}));

const list = implement(routeById('listEmployees'), async ({ query, principal, requestId }) => ({
  body: await listEmployees(query, principal, depsFor(principal, requestId)),
}));

const history = implement(routeById('employeeHistory'), async ({ params, principal, requestId }) => ({
  body: await employeeHistory(params.nip, principal, depsFor(principal, requestId)),
}));

export const handler = createGroupHandler('employees-read', [get, list, history]);
