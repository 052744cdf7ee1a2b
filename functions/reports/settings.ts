import { rulesetFile } from '../../config/registry';
import { DomainError } from '../../core/errors';
import { type BankTemplate, parseBankTemplate } from '../../core/reports/bank-template';
import { type ExportSettings, parseExportSettings } from '../../core/reports/export-settings';
import { parseReportLayout, type ReportLayout } from '../../core/reports/report-layout';

/**
 * The export settings of a tenant (rulesets/payroll-exports/<tenant>.json), the bank templates
 * (rulesets/bank-templates/<id>.json) and the recap layouts (rulesets/report-layouts/<id>.json): tenant
 * data bundled like every ruleset, each validated once when first read. A file that fails validation
 * is a deployment error (thrown with every bad field named), never a silently defaulted export.
 */
const cache = new Map<string, unknown>();

function once<T>(key: string, parse: (raw: unknown, file: string) => T): T | undefined {
  if (cache.has(key)) return cache.get(key) as T;
  const raw = rulesetFile(key);
  const value = raw === undefined ? undefined : parse(raw, `rulesets/${key}.json`);
  cache.set(key, value);
  return value;
}

export function exportSettingsFor(tenantId: string): ExportSettings {
  const settings = once(`payroll-exports/${tenantId}`, parseExportSettings);
  if (!settings) {
    throw new DomainError(
      'CONFLICT',
      'EXPORT_SETTINGS_MISSING',
      'Pengaturan ekspor (rekening sumber, template bank) untuk pemda ini belum ada',
    );
  }
  return settings;
}

export function bankTemplate(id: string): BankTemplate {
  const template = once(`bank-templates/${id}`, parseBankTemplate);
  if (!template)
    throw new Error(`bank template ${id} is named in a tenant's export settings but does not exist`);
  return template;
}

export function reportLayout(id: string): ReportLayout {
  const layout = once(`report-layouts/${id}`, parseReportLayout);
  if (!layout)
    throw new Error(`report layout ${id} is named in a tenant's export settings but does not exist`);
  return layout;
}
