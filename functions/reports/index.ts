import { localNow } from '../../core/discipline/local-time';
import { DomainError } from '../../core/errors';
import type { RunSummary } from '../../core/payroll/run-types';
import { EXPORT_CATALOG } from '../../core/reports/catalog';
import type { ExportSettings } from '../../core/reports/export-settings';
import { exportableState, menuState } from '../../core/reports/export-state';
import { readinessIssues } from '../../core/reports/run-exports';
import { createGroupHandler, implement, implementTyped } from '../http/http-handler';
import { checkOpdFilter } from '../payroll/access';
import { runDepsFor } from '../payroll/run-deps';
import { loadRun } from '../payroll/run-lifecycle';
import { routeById } from '../routes';
import { type BuiltFile, buildExport } from './build-export';
import { employeeFacts } from './employee-facts';
import { auditExport } from './export-audit';
import { loadRunSlips } from './run-slips';
import { bankTemplate, exportSettingsFor } from './settings';

function settingsOrUndefined(tenantId: string): ExportSettings | undefined {
  try {
    return exportSettingsFor(tenantId);
  } catch (err) {
    if (err instanceof DomainError) return undefined;
    throw err;
  }
}

function unavailableReason(
  run: RunSummary,
  entry: (typeof EXPORT_CATALOG)[number],
  settings?: ExportSettings,
) {
  if (run.state === 'DRAFT')
    return 'Run masih DRAFT: ekspor tersedia setelah disetujui (pratinjau) atau dikunci.';
  if (run.state !== 'APPROVED' && run.state !== 'LOCKED') {
    return `Run berstatus ${run.state}: tunggu sampai selesai dikunci.`;
  }
  if (entry.area !== 'TAX' && !settings) return 'Pengaturan ekspor pemda ini belum ada.';
  if (entry.disbursement && settings?.disbursementMode !== entry.disbursement) {
    return 'Pemda ini membayar langsung dari SP2D, bukan melalui rekening bendahara.';
  }
  return undefined;
}

const listExports = implementTyped(
  routeById('listRunExports'),
  async ({ params, query, principal, requestId }) => {
    const deps = runDepsFor(principal.tenantId, { actor: principal, requestId, inline: true });
    const run = await loadRun(params.runId, deps);
    checkOpdFilter(principal, query.opd);
    const settings = settingsOrUndefined(principal.tenantId);
    const menu = menuState(run.state);
    let issues: ReturnType<typeof readinessIssues> = [];
    if (menu !== 'UNAVAILABLE' && settings) {
      const slips = await loadRunSlips(deps, run.id, query.opd);
      const facts = await employeeFacts(
        principal.tenantId,
        slips.map((s) => s.header.nip),
      );
      issues = readinessIssues({ slips, facts, settings, template: bankTemplate });
    }
    return {
      body: {
        runId: run.id,
        month: run.month,
        runState: run.state,
        menuState: menu,
        disbursementMode: settings?.disbursementMode ?? null,
        accounts: (settings?.sourceAccounts ?? []).map((a) => ({
          id: a.id,
          label: a.label,
          bank: a.bank,
          opds: a.opds,
          template: a.bankTemplate,
          templateVersion: bankTemplate(a.bankTemplate).version,
        })),
        exports: EXPORT_CATALOG.map((entry) => {
          const reason = unavailableReason(run, entry, settings);
          return {
            id: entry.id,
            area: entry.area,
            format: entry.format,
            scope: entry.scope,
            path: entry.path,
            available: reason === undefined,
            ...(reason ? { reason } : {}),
            blockers: issues.filter((i) => i.exportId === entry.id).length,
          };
        }),
        issues,
      },
    };
  },
);

function attachment(file: BuiltFile) {
  const binary = file.contentType.startsWith('text/') ? undefined : true;
  return {
    raw: {
      body: binary ? file.content.toString('base64') : file.content.toString('utf8'),
      contentType: file.contentType,
      isBase64Encoded: binary ?? false,
    },
    headers: {
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'x-sigap-run': file.run.runId,
      'x-sigap-run-state': file.run.runState,
      'x-sigap-export-state': file.run.exportState,
      'x-sigap-template': file.template,
      'x-sigap-rows': String(file.rows),
      ...(file.total !== undefined ? { 'x-sigap-total': String(file.total) } : {}),
      ...(file.excluded !== undefined ? { 'x-sigap-excluded': String(file.excluded) } : {}),
    },
  };
}

/** Scope and run state first (a refused caller learns nothing about the data), then the file, then the audit. */
const downloadExport = implement(
  routeById('downloadRunExport'),
  async ({ params, query, principal, requestId }) => {
    const deps = runDepsFor(principal.tenantId, { actor: principal, requestId, inline: true });
    const run = await loadRun(params.runId, deps);
    checkOpdFilter(principal, query.opd);
    const ref = exportableState(run, query.preview === 'true');
    const settings = exportSettingsFor(principal.tenantId);
    const now = deps.now();
    const today = localNow(now, deps.tenant.timeZone).date;
    const slips = await loadRunSlips(deps, run.id, query.opd);
    const facts = await employeeFacts(
      principal.tenantId,
      slips.map((s) => s.header.nip),
    );
    const file = await buildExport(params.exportId, {
      inputs: { slips, facts, settings, template: bankTemplate },
      ref,
      tenantName: deps.tenant.name,
      query,
      today,
      createdAt: new Date(now),
    });
    await auditExport(principal.tenantId, principal, requestId, now, {
      exportId: params.exportId,
      run: ref,
      fileName: file.fileName,
      detail: {
        template: file.template,
        rows: file.rows,
        ...(file.total !== undefined ? { total: file.total } : {}),
        ...(query.opd ? { opd: query.opd } : {}),
        ...(file.account ? { account: file.account } : {}),
      },
    });
    return attachment(file);
  },
);

export const handler = createGroupHandler('reports', [listExports, downloadExport]);
