import { DomainError, notFound } from '../../core/errors';
import { nationalRulesFor } from '../../core/rulesets/national-in-force';
import { A1_TEMPLATE_VERSION, a1Xml } from '../../core/tax/a1-xml';
import { type AnnualFigures, annualFigures, annualRulesOf } from '../../core/tax/annual';
import { runsCaption } from '../../core/tax/report-runs';
import type { SlipTax } from '../../core/tax/slip-tax';
import { type StoredTaxSettings, type Withholder, withholderFor } from '../../core/tax/withholders';
import { implement } from '../http/http-handler';
import { rulesetsFor } from '../payroll/rulesets';
import { routeById } from '../routes';
import { A2_TEMPLATE_VERSION, type A2Identity, a2Csv, renderA2Pdf } from './a2-document';
import { requireSettings, type TaxDeps, taxDeps } from './deps';
import {
  attachment,
  auditTaxExport,
  chosenWithholder,
  periodSlips,
  sourceHeaders,
  withholdingDateOf,
} from './export-common';

/** Who is on the A2: PNS and CPNS, and PPPK where the tenant's KPP said A2 (§5.1). */
function annualFormOf(jenisAsn: string, settings: StoredTaxSettings): 'A1' | 'A2' {
  return jenisAsn === 'PPPK' ? settings.pppkAnnualForm : 'A2';
}

interface EmployeeYear {
  figures: AnnualFigures;
  who: A2Identity;
  jenisAsn: string;
  withholder?: Withholder;
  /** Why the employee's form cannot be issued, each naming its field. */
  problems: { path: string; message: string }[];
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
    const problems = figures.problems.map((p) => ({ path: p.field, message: p.message }));
    if (!withholder) {
      problems.push({ path: 'withholders', message: `tidak ada pemotong untuk daftar GAJI OPD ${last.opd}` });
    }
    if (!/^\d{16}$/.test(nik)) {
      problems.push({ path: 'nik', message: 'NIK pegawai belum diisi atau bukan 16 digit' });
    }
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

export const exportA2Pdf = implement(
  routeById('exportA2Pdf'),
  async ({ params, query, principal, requestId }) => {
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
        `1721-A2 ${params.nip} tahun ${params.year} belum dapat dibuat: ${one.problems.map((p) => p.message).join('; ')}`,
        one.problems,
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
    await auditTaxExport(deps, principal, {
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
  },
);

export const exportA2Data = implement(
  routeById('exportA2Data'),
  async ({ params, query, principal, requestId }) => {
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
    await auditTaxExport(deps, principal, {
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
  },
);

export const exportA1 = implement(routeById('exportA1'), async ({ params, query, principal, requestId }) => {
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
      incomplete.flatMap((e) =>
        e.problems.map((p) => ({ path: `employees.${e.who.nip}.${p.path}`, message: p.message })),
      ),
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
  await auditTaxExport(deps, principal, {
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
