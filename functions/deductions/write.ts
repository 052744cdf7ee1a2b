import { putTypes, saveEntry } from '../../core/deductions/register';
import { createGroupHandler, implement } from '../http/http-handler';
import { routeById } from '../routes';
import { deductionDeps } from './deps';
import { importDeductionFile } from './import';

const putTypesRoute = implement(routeById('putDeductionTypes'), async ({ body, principal, requestId }) => ({
  body: await putTypes(body, principal, deductionDeps(principal, requestId)),
}));

const create = implement(
  routeById('createEmployeeDeduction'),
  async ({ params, body, principal, requestId }) => ({
    status: 201,
    body: await saveEntry(params.nip, undefined, body, principal, deductionDeps(principal, requestId)),
    headers: { location: `/employees/${params.nip}/deductions` },
  }),
);

const update = implement(
  routeById('updateEmployeeDeduction'),
  async ({ params, body, principal, requestId }) => ({
    body: await saveEntry(params.nip, params.entryId, body, principal, deductionDeps(principal, requestId)),
  }),
);

const importRoute = implement(routeById('importDeductions'), async ({ body, principal, requestId }) => ({
  body: await importDeductionFile(body, principal, deductionDeps(principal, requestId)),
}));

export const handler = createGroupHandler('deductions-write', [putTypesRoute, create, update, importRoute]);
