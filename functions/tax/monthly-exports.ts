import { payListOpds } from '../../core/auth/scope';
import { DomainError } from '../../core/errors';
import { nationalRulesFor } from '../../core/rulesets/national-in-force';
import { BPMP_TEMPLATE_VERSION, buildBpmp } from '../../core/tax/bpmp';
import { bpmpXml } from '../../core/tax/bpmp-xml';
import { taxRecap } from '../../core/tax/recap';
import { runsCaption } from '../../core/tax/report-runs';
import { implement } from '../http/http-handler';
import { checkOpdFilter } from '../payroll/access';
import { formatBulan } from '../payroll/documents/format';
import { rulesetsFor } from '../payroll/rulesets';
import { routeById } from '../routes';
import { requireSettings, taxDeps } from './deps';
import {
  attachment,
  auditTaxExport,
  chosenWithholder,
  markPreview,
  periodSlips,
  sourceHeaders,
  withholdingDateOf,
  XLSX,
} from './export-common';
import { RECAP_TEMPLATE_VERSION, renderTaxRecap } from './recap-xlsx';

export const exportBpmp = implement(
  routeById('exportBpmp'),
  async ({ params, query, principal, requestId }) => {
    const deps = taxDeps(principal, requestId);
    const settings = await requireSettings(deps);
    const withholder = chosenWithholder(settings, query.withholder);
    const month = params.month;
    const { runs, slips, included } = await periodSlips(
      deps,
      month.slice(0, 4),
      { label: `masa ${formatBulan(month)}`, includes: (m) => m === month },
      query.preview === 'true',
    );
    const nat = nationalRulesFor(rulesetsFor(deps.tenant).rulesets.national, month);
    const bpmp = buildBpmp({
      slips,
      settings,
      withholderId: withholder.id,
      masa: month,
      withholdingDate: withholdingDateOf(
        query.withholdingDate,
        included,
        `${month}-01`,
        deps.tenant.timeZone,
      ),
      nik: await deps.payroll.niks(slips.map((s) => s.nip)),
      tables: { terCategory: nat.terCategory.value, ter: nat.ter.value },
    });
    const blocking = bpmp.problems.filter((p) => p.nip);
    if (blocking.length > 0) {
      throw new DomainError(
        'CONFLICT',
        'TAX_DATA_INCOMPLETE',
        `BPMP ${withholder.id} masa ${formatBulan(month)} belum dapat dibuat: ${blocking.length} pegawai tanpa NIK yang sah`,
        blocking.map((p) => ({ path: `employees.${p.nip}.${p.field}`, message: p.message })),
      );
    }
    const caption = runsCaption(runs.runs);
    const xml = runs.preview ? markPreview(bpmpXml(bpmp), caption) : bpmpXml(bpmp);
    await auditTaxExport(deps, principal, {
      entityId: `BPMP:${month}:${withholder.id}`,
      action: 'EXPORT_BPMP',
      after: {
        runs: runs.runs,
        preview: runs.preview,
        template: BPMP_TEMPLATE_VERSION,
        rows: bpmp.rows.length,
        totals: bpmp.totals,
        withholdingDate: bpmp.withholdingDate,
      },
    });
    return attachment(
      xml,
      'application/xml; charset=utf-8',
      `BPMP-${month}-${withholder.id}${runs.preview ? '-PRATINJAU' : ''}.xml`,
      {
        ...sourceHeaders(runs, BPMP_TEMPLATE_VERSION),
        'x-sigap-rows': String(bpmp.rows.length),
        'x-sigap-gross': String(bpmp.totals.gross),
        'x-sigap-pph': String(bpmp.totals.pph),
        'x-sigap-pph-slips': String(bpmp.totals.pphSlips),
        'x-sigap-last-masa': String(bpmp.lastMasa.length),
        'x-sigap-uncovered': bpmp.problems
          .filter((p) => !p.nip)
          .map((p) => p.message)
          .join(' | '),
      },
    );
  },
);

export const exportRecap = implement(
  routeById('exportTaxRecap'),
  async ({ params, query, principal, requestId }) => {
    // An OPD named must be the caller's; an operator naming none gets their own OPDs (menu: per masa).
    const scope = payListOpds(principal);
    if (query.opd) checkOpdFilter(principal, query.opd);
    const deps = taxDeps(principal, requestId);
    const month = params.month;
    const { runs, slips } = await periodSlips(
      deps,
      month.slice(0, 4),
      { label: `masa ${formatBulan(month)}`, includes: (m) => m === month },
      query.preview === 'true',
      query.opd ? { opd: query.opd } : {},
    );
    const recap = taxRecap(
      month,
      scope === 'ALL' || query.opd ? slips : slips.filter((s) => scope.includes(s.opd)),
    );
    const xlsx = await renderTaxRecap(recap, {
      tenantName: deps.tenant.name,
      runsCaption: runsCaption(runs.runs),
      preview: runs.preview,
      printedAt: deps.now,
    });
    await auditTaxExport(deps, principal, {
      entityId: `RECAP:${month}:${query.opd ?? 'ALL'}`,
      action: 'EXPORT_TAX_RECAP',
      after: { runs: runs.runs, preview: runs.preview, template: RECAP_TEMPLATE_VERSION, total: recap.total },
    });
    return attachment(
      xlsx,
      XLSX,
      `rekap-pph21-${month}-${query.opd ?? 'semua'}${runs.preview ? '-PRATINJAU' : ''}.xlsx`,
      {
        ...sourceHeaders(runs, RECAP_TEMPLATE_VERSION),
        'x-sigap-bruto': String(recap.total.bruto),
        'x-sigap-pph': String(recap.total.pphDipotong),
        'x-sigap-pph-dtp': String(recap.total.pphDtp),
      },
    );
  },
);
