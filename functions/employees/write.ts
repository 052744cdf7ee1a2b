import { createEmployee, type EmployeeInput, updateEmployee } from '../../core/employee/use-cases';
import { depsFor } from '../http/deps';
import { createGroupHandler, implement } from '../http/http-handler';
import { routeById } from '../routes';

const create = implement(routeById('createEmployee'), async ({ body, principal, requestId }) => {
  const view = await createEmployee(body as EmployeeInput, principal, depsFor(principal, requestId));
  return { status: 201, body: view, headers: { location: `/employees/${view.nip}` } };
});

const update = implement(routeById('updateEmployee'), async ({ params, body, principal, requestId }) => ({
  body: await updateEmployee(params.nip, body, principal, depsFor(principal, requestId)),
}));

export const handler = createGroupHandler('employees-write', [create, update]);
