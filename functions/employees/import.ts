import { tenantRegistry } from '../../config/registry';
import { hasAnyRole, TENANT_WIDE_ROLES } from '../../core/auth/principal';
import { localNow } from '../../core/discipline/local-time';
import { importEmployees } from '../../core/employee/import-use-case';
import { createGroupHandler, implement } from '../http/http-handler';
import { loadRulesets } from '../payroll/rulesets';
import { routeById } from '../routes';
import { documentClient, tableForTenant } from '../table/client';
import { decodeCursor, encodeCursor } from '../table/cursor';
import { DynamoEmployeeImportStore } from './dynamo-employee-import-store';
import { contentOf, decodeImportFile } from './import-file';
import { templateCsv, templateXlsx } from './import-template';

/**
 * API Gateway answers 504 after 29 s whatever the function does, so a commit starts no new write group
 * after this much time (the groups in flight, the import record and the response need the rest); what is
 * left is reported as not attempted, and sending the same file again finishes it (rows already written
 * are unchanged the second time). On AWS a 10,000-row commit needs a few seconds; the budget matters on a
 * slow DynamoDB Local.
 */
const COMMIT_BUDGET_MS = 18_000;

/** DynamoDB Local (DYNAMODB_ENDPOINT set) executes transactions one at a time: send them one at a time. */
const TRANSACTIONS_IN_FLIGHT = process.env.DYNAMODB_ENDPOINT ? 1 : 4;

const importFile = implement(routeById('importEmployees'), async ({ body, principal, requestId }) => {
  const started = Date.now();
  const tenant = tenantRegistry().get(principal.tenantId);
  if (!tenant) throw new Error(`unknown tenant ${principal.tenantId}`);
  const sheet = await decodeImportFile({ fileName: body.fileName, content: contentOf(body.contentBase64) });
  const now = new Date();
  const table = tableForTenant(principal.tenantId);
  // The reference grids (kelas jabatan, TPP parts) as the run pays them: the approved versions, one read.
  const { rulesets } = await loadRulesets(principal.tenantId, table);
  const store = new DynamoEmployeeImportStore(documentClient, table, {
    deadline: started + COMMIT_BUDGET_MS,
    transactionsInFlight: TRANSACTIONS_IN_FLIGHT,
  });
  const report = await importEmployees(
    { sheet, mode: body.mode, allOrNothing: body.allOrNothing, newOpds: body.newOpds },
    principal,
    {
      store,
      rulesets,
      now: now.toISOString(),
      today: localNow(now.toISOString(), tenant.timeZone).date,
      requestId,
    },
  );
  return { body: report };
});

const template = implement(routeById('employeeImportTemplate'), async ({ query }) => {
  const xlsx = query.format === 'xlsx';
  const fileName = `templat-impor-pegawai.${query.format}`;
  return {
    raw: xlsx
      ? {
          body: (await templateXlsx()).toString('base64'),
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          isBase64Encoded: true,
        }
      : { body: templateCsv(), contentType: 'text/csv; charset=utf-8' },
    headers: { 'content-disposition': `attachment; filename="${fileName}"` },
  };
});

const list = implement(routeById('listEmployeeImports'), async ({ query, principal }) => {
  const table = tableForTenant(principal.tenantId);
  const scope = `${table}|employee-imports`;
  const store = new DynamoEmployeeImportStore(documentClient, table);
  const page = await store.listImports(query.limit, decodeCursor(query.nextToken, scope));
  // An operator sees the imports they committed; BKPSDM and auditors every one.
  const own = (actor: { sub: string }) =>
    hasAnyRole(principal, TENANT_WIDE_ROLES) || actor.sub === principal.sub;
  const items = page.items
    .filter((i) => own(i.actor as { sub: string }))
    .map((i) => {
      const after = i.after as Record<string, unknown>;
      return {
        sha256: i.entityId as string,
        at: i.at as string,
        actor: i.actor as { sub: string; roles: string[] },
        requestId: i.requestId as string,
        fileName: after.fileName as string,
        type: after.type as string,
        rows: after.rows as number,
        created: after.created as number,
        updated: after.updated as number,
        unchanged: after.unchanged as number,
        rejected: after.rejected as number,
        opds: after.opds as string[],
        complete: after.complete !== false,
      };
    });
  return {
    body: { items, ...(page.lastKey ? { nextToken: encodeCursor(page.lastKey, scope) } : {}) },
  };
});

export const handler = createGroupHandler('employees-import', [importFile, template, list]);
