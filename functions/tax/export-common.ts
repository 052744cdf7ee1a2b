import { auditEntry } from '../../core/audit/audit';
import type { Principal } from '../../core/auth/principal';
import { DomainError } from '../../core/errors';
import type { RunSummary } from '../../core/payroll/run-types';
import { reportRuns } from '../../core/tax/report-runs';
import { slipTax } from '../../core/tax/slip-tax';
import type { StoredTaxSettings, Withholder } from '../../core/tax/withholders';
import type { TaxDeps } from './deps';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function attachment(
  body: Buffer | string,
  contentType: string,
  fileName: string,
  headers: Record<string, string>,
) {
  const isBinary = typeof body !== 'string';
  return {
    raw: { body: isBinary ? body.toString('base64') : body, contentType, isBase64Encoded: isBinary },
    headers: { 'content-disposition': `attachment; filename="${fileName}"`, ...headers },
  };
}

/** What every tax file says about itself beside its content: its runs, their state, its format. */
export function sourceHeaders(runs: ReturnType<typeof reportRuns>, template: string) {
  return {
    'x-sigap-runs': runs.runs.map((r) => `${r.id}:${r.state}`).join(','),
    'x-sigap-preview': String(runs.preview),
    'x-sigap-template': template,
  };
}

/** The tenant's local date of an instant: the default withholding date is the day the masa was closed. */
function localDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

export function withholdingDateOf(
  asked: string | undefined,
  runs: readonly RunSummary[],
  firstDay: string,
  timeZone: string,
): string {
  if (asked) {
    if (asked < firstDay) {
      throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Tanggal pemotongan sebelum masa pajak', [
        { path: 'query.withholdingDate', message: `tidak boleh sebelum ${firstDay}` },
      ]);
    }
    return asked;
  }
  const closed = runs.map((r) => r.lockedAt ?? r.approvedAt).filter((d): d is string => Boolean(d));
  const last = closed.sort().at(-1);
  const date = last ? localDate(last, timeZone) : firstDay;
  return date < firstDay ? firstDay : date;
}

export async function auditTaxExport(
  deps: TaxDeps,
  principal: Principal,
  what: { entityId: string; action: string; after: Record<string, unknown> },
) {
  await deps.store.auditExport(
    auditEntry(principal, {
      entityType: 'tax-export',
      entityId: what.entityId,
      action: what.action,
      at: deps.now,
      requestId: deps.requestId,
      after: what.after,
    }),
  );
}

/** The runs of a period and the tax view of their stored slips (all, one OPD's or one employee's). */
export async function periodSlips(
  deps: TaxDeps,
  year: string,
  period: { label: string; includes: (month: string) => boolean },
  preview: boolean,
  filter: { opd?: string; nip?: string } = {},
) {
  const all = await deps.payroll.runsOfYear(year);
  const runs = reportRuns(all, period, { preview });
  const stateOf = new Map(runs.runs.map((r) => [r.id, r.state]));
  const stored = await deps.payroll.slips(
    runs.runs.map((r) => r.id),
    filter,
  );
  const slips = stored.map((s) => slipTax(s, stateOf.get(s.runId) ?? 'LOCKED'));
  const included = all.filter((r) => stateOf.has(r.id));
  return { runs, slips, included };
}

/** The withholder asked for, or the tenant's only one; several and none named is a 400 listing them. */
export function chosenWithholder(settings: StoredTaxSettings, id: string | undefined): Withholder {
  const ids = settings.withholders.map((x) => x.id).join(', ');
  if (!id) {
    const [only, ...more] = settings.withholders;
    if (only && more.length === 0) return only;
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Sebutkan pemotong', [
      { path: 'query.withholder', message: `wajib diisi bila pemotong lebih dari satu: ${ids}` },
    ]);
  }
  const w = settings.withholders.find((x) => x.id === id);
  if (!w) {
    throw new DomainError('INVALID', 'VALIDATION_FAILED', `Pemotong ${id} tidak ada`, [
      { path: 'query.withholder', message: `pemotong yang ada: ${ids}` },
    ]);
  }
  return w;
}

/** A preview must not be mistaken for the file to import: it says so on its second line. */
export function markPreview(xml: string, caption: string): string {
  return xml.replace('\n', `\n<!-- PRATINJAU, BUKAN UNTUK DIIMPOR: ${caption} -->\n`);
}
