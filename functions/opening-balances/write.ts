import { importOpeningBalances } from '../../core/payroll/opening-balance-import';
import { putOpeningBalance } from '../../core/payroll/opening-balance-use-cases';
import { createGroupHandler, implement } from '../http/http-handler';
import { routeById } from '../routes';
import { openingBalanceDeps } from './deps';
import { readOpeningBalanceFile } from './import-file';

const put = implement(routeById('putOpeningBalance'), async ({ params, body, principal, requestId }) => {
  const out = await putOpeningBalance(
    params.year,
    params.nip,
    body,
    principal,
    openingBalanceDeps(principal, requestId),
  );
  return {
    status: out.created ? 201 : 200,
    body: { ...out.balance, ...(out.correctionSince ? { correctionSince: out.correctionSince } : {}) },
    headers: { location: `/opening-balances/${params.year}/${params.nip}` },
  };
});

/**
 * API Gateway answers 504 after 29 s whatever the function does, so a commit starts no new write group
 * after this much time (as the employee import); the rest is reported NOT_ATTEMPTED, and sending the
 * same file again finishes it (rows already written are unchanged the second time).
 */
const COMMIT_BUDGET_MS = 22_000;

const importFile = implement(
  routeById('importOpeningBalances'),
  async ({ params, body, principal, requestId }) => {
    const started = Date.now();
    const sheet = await readOpeningBalanceFile(body.contentBase64);
    const report = await importOpeningBalances(
      params.year,
      sheet.rows,
      { mode: body.mode, allOrNothing: body.allOrNothing, fileName: body.fileName, fileHash: sheet.fileHash },
      principal,
      openingBalanceDeps(principal, requestId, { deadline: started + COMMIT_BUDGET_MS }),
    );
    return { body: report };
  },
);

export const handler = createGroupHandler('opening-balances-write', [put, importFile]);
