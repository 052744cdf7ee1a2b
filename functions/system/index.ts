import { tenantRegistry } from '../../config/registry';
import { createGroupHandler, implement } from '../http/http-handler';
import { openApiDocument } from '../http/openapi';
import { routeById } from '../routes';
import { DOCS_HTML } from './docs-page';

const health = implement(routeById('health'), async () => ({ body: { status: 'ok' } }));

const openapi = implement(routeById('openapi'), async () => ({ body: openApiDocument() }));

const docs = implement(routeById('docs'), async () => ({
  raw: { body: DOCS_HTML, contentType: 'text/html; charset=utf-8' },
}));

const whoami = implement(routeById('whoami'), async ({ principal }) => {
  // The principal's tenant was checked against the registry when the token was read.
  const tenant = tenantRegistry().get(principal.tenantId)!;
  return {
    body: {
      tenantId: principal.tenantId,
      tenantName: tenant.name,
      timeZone: tenant.timeZone,
      sub: principal.sub,
      roles: [...principal.roles],
      opds: [...principal.opds],
    },
  };
});

export const handler = createGroupHandler('system', [health, openapi, docs, whoami]);
