import { getOpeningBalance, listOpeningBalances } from '../../core/payroll/opening-balance-use-cases';
import { createGroupHandler, implement } from '../http/http-handler';
import { routeById } from '../routes';
import { openingBalanceDeps } from './deps';

const getOne = implement(routeById('getOpeningBalance'), async ({ params, principal, requestId }) => ({
  body: await getOpeningBalance(params.year, params.nip, principal, openingBalanceDeps(principal, requestId)),
}));

const list = implement(routeById('listOpeningBalances'), async ({ params, query, principal, requestId }) => ({
  body: await listOpeningBalances(
    params.year,
    query.opd,
    query.limit,
    query.nextToken,
    principal,
    openingBalanceDeps(principal, requestId),
  ),
}));

export const handler = createGroupHandler('opening-balances-read', [getOne, list]);
