import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTenantsFromDir } from '../../../config/registry';
import { parseBankTemplate } from '../../../core/reports/bank-template';
import { ExportSettingsError, parseExportSettings } from '../../../core/reports/export-settings';
import { parseReportLayout, ReportLayoutError } from '../../../core/reports/report-layout';

const dir = (area: string) => new URL(`../../../rulesets/${area}/`, import.meta.url);
const read = (area: string, name: string) => JSON.parse(readFileSync(new URL(name, dir(area)), 'utf8'));
const files = (area: string) => readdirSync(dir(area)).filter((f) => f.endsWith('.json'));

describe('export settings, bank templates and recap layouts as tenant data', () => {
  it('should give every demo tenant valid settings naming templates and layouts that exist and parse', () => {
    const templates = new Set(
      files('bank-templates').map((f) => parseBankTemplate(read('bank-templates', f), f).id),
    );
    const layouts = new Map(
      files('report-layouts').map((f) => [parseReportLayout(read('report-layouts', f), f).id, f]),
    );
    const demo = loadTenantsFromDir(new URL('../../../config/tenants/', import.meta.url).pathname).filter(
      (t) => t.demo,
    );

    for (const tenant of demo) {
      const settings = parseExportSettings(read('payroll-exports', `${tenant.id}.json`), tenant.id);
      expect(settings.tenantId).toBe(tenant.id);
      for (const a of settings.sourceAccounts)
        expect(templates.has(a.bankTemplate), a.bankTemplate).toBe(true);
      expect(layouts.has(settings.layouts.bpjsKesehatan)).toBe(true);
      expect(layouts.has(settings.layouts.taspen)).toBe(true);
      expect(settings.banks.map((b) => b.code)).toContain(settings.sourceAccounts[0]?.bankCode);
    }
    expect(demo.length).toBeGreaterThanOrEqual(4);
  });

  it('should refuse pemindahbukuan mode without the letter’s signatory, and duplicate account ids', () => {
    const raw = read('payroll-exports', 'bantul.json');
    const { pemindahbukuan: _p, ...withoutLetter } = raw;
    const twice = { ...raw, sourceAccounts: [raw.sourceAccounts[0], raw.sourceAccounts[0]] };

    expect(() => parseExportSettings(withoutLetter, 'x.json')).toThrow(
      /pemindahbukuan: wajib bila disbursementMode VIA_BENDAHARA_PEMINDAHBUKUAN/,
    );
    expect(() => parseExportSettings(twice, 'x.json')).toThrow(ExportSettingsError);
    expect(() => parseExportSettings(twice, 'x.json')).toThrow(
      /sourceAccounts\.1\.id: "bendahara-gaji" ganda/,
    );
  });

  it('should name an unknown recap column with the columns the recap has', () => {
    const raw = read('report-layouts', 'taspen-rekap-sigap.json');
    raw.employeeSheet.columns.push({ key: 'iwp_10', header: 'IWP 10%' });

    expect(() => parseReportLayout(raw, 'taspen.json')).toThrow(ReportLayoutError);
    expect(() => parseReportLayout(raw, 'taspen.json')).toThrow(
      /employeeSheet\.columns\.13\.key: "iwp_10" tidak dikenal \(pilih: nip, nama/,
    );
  });
});
