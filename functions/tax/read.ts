import { notFound } from '../../core/errors';
import { createGroupHandler, implement } from '../http/http-handler';
import { routeById } from '../routes';
import { taxDeps } from './deps';

const getSettings = implement(routeById('getTaxSettings'), async ({ principal, requestId }) => {
  const settings = await taxDeps(principal, requestId).store.settings();
  if (!settings) throw notFound('Pemotong PPh 21 belum diisi untuk pemda ini');
  return { body: settings };
});

export const handler = createGroupHandler('tax-read', [getSettings]);
