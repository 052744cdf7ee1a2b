import { type LocalNow, localNow } from '../../core/discipline/local-time';
import { DomainError } from '../../core/errors';
import type { AppraisalDeps } from './deps';
import { tenantConfig } from './settings';

/** Today in the tenant's time zone (config/tenants/<id>.json `timeZone`), from the request's clock. */
export function tenantNow(deps: AppraisalDeps): LocalNow {
  return localNow(deps.now, tenantConfig(deps.tenantId).timeZone);
}

/** A 400 for a date, month or time that has not happened yet in the tenant's time zone. */
export function notYetHappened(path: string, what: string, now: LocalNow): DomainError {
  return new DomainError('INVALID', 'DATE_IN_FUTURE', `${what} belum terjadi`, [
    { path, message: `${what} belum terjadi (hari ini ${now.date} waktu setempat)` },
  ]);
}
