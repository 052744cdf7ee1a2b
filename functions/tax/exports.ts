import { auditEntry } from '../../core/audit/audit';
import type { Principal } from '../../core/auth/principal';
import { payListOpds } from '../../core/auth/scope';
import { DomainError, notFound } from '../../core/errors';
import type { RunSummary } from '../../core/payroll/run-types';
import { nationalRulesFor } from '../../core/rulesets/national-in-force';
import { A1_TEMPLATE_VERSION, a1Xml } from '../../core/tax/a1-xml';
import { type AnnualFigures, annualFigures, annualRulesOf } from '../../core/tax/annual';
import { BPMP_TEMPLATE_VERSION, buildBpmp } from '../../core/tax/bpmp';
import { bpmpXml } from '../../core/tax/bpmp-xml';
import { taxRecap } from '../../core/tax/recap';
import { reportRuns, runsCaption } from '../../core/tax/report-runs';
import { type SlipTax, slipTax } from '../../core/tax/slip-tax';
import { type StoredTaxSettings, type Withholder, withholderFor } from '../../core/tax/withholders';
import { createGroupHandler, implement } from '../http/http-handler';
import { checkOpdFilter } from '../payroll/access';
import { formatBulan } from '../payroll/documents/format';
import { rulesetsFor } from '../payroll/rulesets';
import { routeById } from '../routes';
import { A2_TEMPLATE_VERSION, type A2Identity, a2Csv, renderA2Pdf } from './a2-document';
import { requireSettings, type TaxDeps, taxDeps } from './deps';
import { RECAP_TEMPLATE_VERSION, renderTaxRecap } from './recap-xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(
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
function sourceHeaders(runs: ReturnType<typeof reportRuns>, template: string) {
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

function withholdingDateOf(
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

async function audit(
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
async function periodSlips(
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
function chosenWithholder(settings: StoredTaxSettings, id: string | undefined): Withholder {
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

const exportBpmp = implement(routeById('exportBpmp'), async ({ params, query, principal, requestId }) => {
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
    withholdingDate: withholdingDateOf(query.withholdingDate, included, `${month}-01`, deps.tenant.timeZone),
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
  let xml = bpmpXml(bpmp);
  if (runs.preview) {
    // A preview must not be mistaken for the file to import: it says so on its second line.
    xml = xml.replace('\n', `\n<!-- PRATINJAU, BUKAN UNTUK DIIMPOR: ${caption} -->\n`);
  }
  await audit(deps, principal, {
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
});

const exportRecap = implement(
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
    await audit(deps, principal, {
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

/** Who is on the A2: PNS and CPNS, and PPPK where the tenant's KPP said A2 (§5.1). */
function annualFormOf(jenisAsn: string, settings: StoredTaxSettings): 'A1' | 'A2' {
  return jenisAsn === 'PPPK' ? settings.pppkAnnualForm : 'A2';
}

interface EmployeeYear {
  figures: AnnualFigures;
  who: A2Identity;
  jenisAsn: string;
  withholder?: Withholder;
  problems: string[];
}

/** The annual figures of each employee in the slips, with the withholder of their gaji list. */
async function employeeYears(
  deps: TaxDeps,
  settings: StoredTaxSettings,
  year: string,
  slips: readonly SlipTax[],
): Promise<EmployeeYear[]> {
  const byNip = new Map<string, SlipTax[]>();
  for (const s of slips) byNip.set(s.nip, [...(byNip.get(s.nip) ?? []), s]);
  const nips = [...byNip.keys()].sort();
  const [niks, balances] = await Promise.all([
    deps.payroll.niks(nips),
    deps.payroll.openingBalances(Number(year), nips),
  ]);
  return nips.map((nip) => {
    const own = (byNip.get(nip) ?? []).sort((a, b) => a.month.localeCompare(b.month));
    const last = own[own.length - 1] as SlipTax;
    const { rules, iuranPensiunDeductible } = annualRulesOf(
      nationalRulesFor(rulesetsFor(deps.tenant).rulesets.national, last.month),
    );
    const ob = balances.get(nip);
    const figures = annualFigures({
      year: Number(year),
      nip,
      slips: own,
      ...(ob ? { openingBalance: ob } : {}),
      rules,
      iuranPensiunDeductible,
    });
    // The withholder that reconciles the year: the one of the gaji list of the employee's last OPD (§3).
    const withholder = withholderFor(settings.withholders, last.opd, 'GAJI');
    const nik = niks.get(nip) ?? '';
    const problems = figures.problems.map((p) => p.message);
    if (!withholder) problems.push(`tidak ada pemotong untuk daftar GAJI OPD ${last.opd}`);
    if (!/^\d{16}$/.test(nik)) problems.push('NIK pegawai belum diisi atau bukan 16 digit');
    return {
      figures,
      who: { nip, nama: last.nama, nik, golongan: last.golongan, jabatan: last.jabatan, opd: last.opd },
      jenisAsn: last.jenisAsn,
      ...(withholder ? { withholder } : {}),
      problems,
    };
  });
}

const yearPeriod = (year: string) => ({
  label: `tahun pajak ${year}`,
  includes: (m: string) => m.startsWith(`${year}-`),
});

const exportA2Pdf = implement(routeById('exportA2Pdf'), async ({ params, query, principal, requestId }) => {
  const deps = taxDeps(principal, requestId);
  const settings = await requireSettings(deps);
  const { runs, slips } = await periodSlips(
    deps,
    params.year,
    yearPeriod(params.year),
    query.preview === 'true',
    {
      nip: params.nip,
    },
  );
  if (slips.length === 0) throw notFound(`Tidak ada slip ${params.nip} pada tahun ${params.year}`);
  const [one] = await employeeYears(deps, settings, params.year, slips);
  if (!one) throw notFound(`Tidak ada slip ${params.nip} pada tahun ${params.year}`);
  if (annualFormOf(one.jenisAsn, settings) !== 'A2') {
    throw new DomainError(
      'CONFLICT',
      'ANNUAL_FORM_A1',
      `${params.nip} adalah PPPK dan pemda ini menerbitkan 1721-A1 untuk PPPK (pppkAnnualForm = A1): gunakan ekspor A1`,
      [{ path: 'pppkAnnualForm', message: 'A1' }],
    );
  }
  if (one.problems.length > 0 || !one.withholder) {
    throw new DomainError(
      'CONFLICT',
      'TAX_DATA_INCOMPLETE',
      `1721-A2 ${params.nip} tahun ${params.year} belum dapat dibuat: ${one.problems.join('; ')}`,
      one.figures.problems
        .map((p) => ({ path: p.field, message: p.message }))
        .concat(
          one.problems.length > one.figures.problems.length
            ? [{ path: 'employee', message: one.problems.slice(one.figures.problems.length).join('; ') }]
            : [],
        ),
    );
  }
  const caption = runsCaption(runs.runs.filter((r) => one.figures.runIds.includes(r.id)));
  const pdf = await renderA2Pdf(one.figures, one.who, {
    tenantName: deps.tenant.name,
    withholder: one.withholder,
    runsCaption: caption,
    preview: runs.preview,
    printedAt: new Date(deps.now),
  });
  await audit(deps, principal, {
    entityId: `A2:${params.year}:${params.nip}`,
    action: 'EXPORT_A2_PDF',
    after: {
      runs: runs.runs.filter((r) => one.figures.runIds.includes(r.id)),
      preview: runs.preview,
      template: A2_TEMPLATE_VERSION,
      lines: one.figures.lines,
    },
  });
  return attachment(
    pdf,
    'application/pdf',
    `1721-A2-${params.year}-${params.nip}${runs.preview ? '-PRATINJAU' : ''}.pdf`,
    { ...sourceHeaders(runs, A2_TEMPLATE_VERSION), 'x-sigap-pph': String(one.figures.lines['22']) },
  );
});

const exportA2Data = implement(routeById('exportA2Data'), async ({ params, query, principal, requestId }) => {
  const deps = taxDeps(principal, requestId);
  const settings = await requireSettings(deps);
  const { runs, slips } = await periodSlips(
    deps,
    params.year,
    yearPeriod(params.year),
    query.preview === 'true',
    query.opd ? { opd: query.opd } : {},
  );
  const years = (await employeeYears(deps, settings, params.year, slips)).filter(
    (e) => annualFormOf(e.jenisAsn, settings) === 'A2',
  );
  const csv = a2Csv(years, { runsCaption: runsCaption(runs.runs), preview: runs.preview });
  const incomplete = years.filter((e) => e.problems.length > 0).length;
  await audit(deps, principal, {
    entityId: `A2:${params.year}:${query.opd ?? 'ALL'}`,
    action: 'EXPORT_A2_DATA',
    after: {
      runs: runs.runs,
      preview: runs.preview,
      template: A2_TEMPLATE_VERSION,
      employees: years.length,
      incomplete,
    },
  });
  return attachment(
    csv,
    'text/csv; charset=utf-8',
    `1721-A2-${params.year}-${query.opd ?? 'semua'}${runs.preview ? '-PRATINJAU' : ''}.csv`,
    {
      ...sourceHeaders(runs, A2_TEMPLATE_VERSION),
      'x-sigap-rows': String(years.length),
      'x-sigap-incomplete': String(incomplete),
    },
  );
});

const exportA1 = implement(routeById('exportA1'), async ({ params, query, principal, requestId }) => {
  const deps = taxDeps(principal, requestId);
  const settings = await requireSettings(deps);
  const withholder = chosenWithholder(settings, query.withholder);
  if (settings.pppkAnnualForm !== 'A1') {
    throw new DomainError(
      'CONFLICT',
      'ANNUAL_FORM_A2',
      'Pemda ini menerbitkan 1721-A2 untuk PPPK (pppkAnnualForm = A2): BPA1 tidak dibuat',
      [{ path: 'pppkAnnualForm', message: 'A2' }],
    );
  }
  const { runs, slips, included } = await periodSlips(
    deps,
    params.year,
    yearPeriod(params.year),
    query.preview === 'true',
  );
  const pppk = slips.filter((s) => s.jenisAsn === 'PPPK');
  const years = (await employeeYears(deps, settings, params.year, pppk)).filter(
    (e) => e.withholder?.id === withholder.id,
  );
  const incomplete = years.filter((e) => e.problems.length > 0);
  if (incomplete.length > 0) {
    throw new DomainError(
      'CONFLICT',
      'TAX_DATA_INCOMPLETE',
      `BPA1 ${withholder.id} tahun ${params.year} belum dapat dibuat: ${incomplete.length} PPPK dengan data belum lengkap`,
      incomplete.map((e) => ({ path: `employees.${e.who.nip}`, message: e.problems.join('; ') })),
    );
  }
  const xml = a1Xml({
    withholder,
    year: Number(params.year),
    withholdingDate: withholdingDateOf(
      query.withholdingDate,
      included,
      `${params.year}-01-01`,
      deps.tenant.timeZone,
    ),
    rows: years.map((e) => ({ figures: e.figures, nik: e.who.nik, position: e.who.jabatan })),
  });
  await audit(deps, principal, {
    entityId: `A1:${params.year}:${withholder.id}`,
    action: 'EXPORT_A1',
    after: { runs: runs.runs, preview: runs.preview, template: A1_TEMPLATE_VERSION, rows: years.length },
  });
  return attachment(
    runs.preview
      ? xml.replace('\n', `\n<!-- PRATINJAU, BUKAN UNTUK DIIMPOR: ${runsCaption(runs.runs)} -->\n`)
      : xml,
    'application/xml; charset=utf-8',
    `BPA1-${params.year}-${withholder.id}${runs.preview ? '-PRATINJAU' : ''}.xml`,
    { ...sourceHeaders(runs, A1_TEMPLATE_VERSION), 'x-sigap-rows': String(years.length) },
  );
});

export const handler = createGroupHandler('tax-exports', [
  exportBpmp,
  exportRecap,
  exportA2Pdf,
  exportA2Data,
  exportA1,
]);
