import { DomainError } from '../../core/errors';
import type { RunSummary, StoredSlip } from '../../core/payroll/run-types';
import { createGroupHandler, implement } from '../http/http-handler';
import { routeById } from '../routes';
import { checkOpdFilter, readableSlip } from './access';
import {
  assertExportable,
  renderBankTransfer,
  renderDaftarGaji,
  renderRekapTpp,
  renderSlipPdf,
} from './documents';
import { runDepsFor } from './run-deps';
import { loadRun } from './run-lifecycle';
import { withTotals } from './run-service';
import { decodeSlip } from './slip-codec';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(body: Buffer | string, contentType: string, fileName: string) {
  const isBinary = typeof body !== 'string';
  return {
    raw: {
      body: isBinary ? body.toString('base64') : body,
      contentType,
      isBase64Encoded: isBinary,
    },
    headers: { 'content-disposition': `attachment; filename="${fileName}"` },
  };
}

function requireOpd(opd: string | undefined): string {
  if (!opd) {
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Sebutkan OPD', [
      { path: 'query.opd', message: 'wajib diisi untuk dokumen ini' },
    ]);
  }
  return opd;
}

/** Every export is produced from the stored slips of one run: never recomputed on the fly. */
const exportDocument = implement(
  routeById('exportRunDocument'),
  async ({ params, query, principal, requestId }) => {
    const deps = runDepsFor(principal.tenantId, { actor: principal, requestId, inline: true });
    const run: RunSummary = await withTotals(await loadRun(params.runId, deps), deps);
    assertExportable(run, { preview: query.preview === 'true' });
    const byBank = params.document === 'bank' && query.bank !== undefined;
    if (!byBank) checkOpdFilter(principal, requireOpd(query.opd));
    else checkOpdFilter(principal, undefined);
    const rows = await deps.slips.all(params.runId, byBank ? undefined : query.opd);
    const slips: StoredSlip[] = rows.map((r) => decodeSlip(r.payload));
    const tenant = { name: deps.tenant.name };
    const stem = `${params.runId}-${query.opd ?? query.bank ?? 'semua'}`.replace(/[^A-Za-z0-9._-]+/g, '_');
    switch (params.document) {
      case 'daftar-gaji':
        return attachment(
          await renderDaftarGaji(slips, run, query.opd!, tenant),
          XLSX,
          `daftar-gaji-${stem}.xlsx`,
        );
      case 'rekap-tpp':
        return attachment(
          await renderRekapTpp(slips, run, query.opd!, tenant),
          XLSX,
          `rekap-tpp-${stem}.xlsx`,
        );
      case 'bank': {
        const file = renderBankTransfer(
          slips,
          run,
          byBank ? { groupBy: 'BANK', value: query.bank! } : { groupBy: 'OPD', value: query.opd! },
        );
        const out = attachment(file.csv, 'text/csv; charset=utf-8', file.fileName);
        return {
          ...out,
          headers: {
            ...out.headers,
            'x-sigap-missing': String(file.missing.length),
            'x-sigap-total': String(file.total),
          },
        };
      }
    }
  },
);

const slipPdf = implement(routeById('slipPdf'), async ({ params, principal, requestId }) => {
  const deps = runDepsFor(principal.tenantId, { actor: principal, requestId, inline: true });
  const run = await loadRun(params.runId, deps);
  const slip = await readableSlip(run, params.nip, principal, deps);
  const pdf = await renderSlipPdf(slip, run);
  return attachment(pdf, 'application/pdf', `slip-${params.runId}-${params.nip}.pdf`);
});

export const handler = createGroupHandler('payroll-docs', [exportDocument, slipPdf]);
