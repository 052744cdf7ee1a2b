import { rulesetFile, tenantRegistry } from '../../config/registry';
import type { WorkCalendar } from '../../core/discipline/work-calendar';
import { DomainError } from '../../core/errors';
import { addMonths } from '../../core/pay/month';
import {
  type AppraisalSettings,
  type AppraisalSettingsDocument,
  appraisalSettingsInForce,
  parseAppraisalSettings,
} from '../../core/performance/appraisal-settings';
import { type IndicatorLibrary, parseIndicatorLibrary } from '../../core/performance/indicator-library';
import { RuleNotInForceError } from '../../core/rulesets/errors';
import { tenantRulesFor } from '../../core/rulesets/tenant-in-force';
import type { TenantRuleset } from '../../core/rulesets/tenant-ruleset';
import type { TenantConfig } from '../../core/tenant/tenant-config';

/** A tenant without appraisal settings of its own is appraised by the reference document, re-labelled. */
export const REFERENCE_SETTINGS = 'bukitintan';

const documents = new Map<string, AppraisalSettingsDocument>();

export function tenantConfig(tenantId: string): TenantConfig {
  const tenant = tenantRegistry().get(tenantId);
  if (!tenant) throw new Error(`unknown tenant ${tenantId}`);
  return tenant;
}

/**
 * The tenant's appraisal settings document (rulesets/appraisal/<id>.json, compiled into bundles like the
 * pay rules), validated once per process. Looked up by tenant id, then by the tenant's ruleset name.
 */
export function appraisalDocument(tenantId: string): AppraisalSettingsDocument {
  const hit = documents.get(tenantId);
  if (hit) return hit;
  const tenant = tenantConfig(tenantId);
  const own = [tenant.id, tenant.ruleset].find((n) => n !== undefined && rulesetFile(`appraisal/${n}`));
  let doc: AppraisalSettingsDocument;
  if (own) {
    doc = parseAppraisalSettings(rulesetFile(`appraisal/${own}`), `rulesets/appraisal/${own}.json`);
  } else {
    const raw = rulesetFile(`appraisal/${REFERENCE_SETTINGS}`);
    if (!raw) throw new Error(`rulesets/appraisal/${REFERENCE_SETTINGS}.json not found`);
    // No `.json` in the name: the file-name check does not apply to a re-labelled document.
    doc = parseAppraisalSettings(
      { ...(raw as object), tenantId: tenant.id, name: `${tenant.name} (pengaturan acuan)` },
      `rulesets/appraisal/${REFERENCE_SETTINGS} as ${tenant.id}`,
    );
  }
  documents.set(tenantId, doc);
  return doc;
}

export function settingsFor(tenantId: string, month: string): AppraisalSettings {
  try {
    return appraisalSettingsInForce(appraisalDocument(tenantId), month).value;
  } catch (err) {
    if (!(err instanceof RuleNotInForceError)) throw err;
    // A month before the tenant's first settings is the caller's mistake, not a server fault.
    throw new DomainError(
      'INVALID',
      'SETTINGS_NOT_IN_FORCE',
      `Pengaturan penilaian belum berlaku pada ${month}`,
      [{ path: 'month', message: `belum ada pengaturan penilaian tenant yang berlaku pada ${month}` }],
    );
  }
}

let library: IndicatorLibrary | undefined;

/** The shared indicator library; BKPSDM adds or replaces entries per tenant in the table. */
export function baseIndicatorLibrary(): IndicatorLibrary {
  library ??= parseIndicatorLibrary(
    rulesetFile('appraisal/indicator-library'),
    'rulesets/appraisal/indicator-library.json',
  );
  return library;
}

/** What the discipline summary needs from the tenant's PAY rules of the month. */
export interface PayDisciplineRules {
  /** Codes of tpp.attendance: the pay engine refuses any other code. */
  payableCodes: ReadonlySet<string>;
  attendanceCuts: ReadonlyMap<string, { label: string; percent: number; target: string }>;
  /** Leave kinds cut by episode length (banded cuti sakit). */
  episodeLeaveKinds: string[];
  sanctionPercent: Readonly<Record<'RINGAN' | 'SEDANG' | 'BERAT', number>>;
  paymentLagMonths: number;
}

/**
 * `tenantRules` are the rules in force as the run pays them (`deps.tenantRules()`, the table's approved
 * versions), loaded once by the caller: an approved change of the ladder or the lag shows here exactly
 * as in the run.
 */
export function payDisciplineRules(tenantRules: TenantRuleset, month: string): PayDisciplineRules {
  const rules = tenantRulesFor(tenantRules, month);
  const cuts = new Map<string, { label: string; percent: number; target: string }>();
  for (const [code, r] of rules.attendance.value) {
    cuts.set(code, { label: r.label, percent: r.bp / 100, target: r.target });
  }
  const s = rules.sanctionBp.value;
  return {
    payableCodes: new Set(cuts.keys()),
    attendanceCuts: cuts,
    episodeLeaveKinds: [...rules.leave.value].filter(([, r]) => r.kind === 'BANDS').map(([k]) => k),
    sanctionPercent: { RINGAN: s.RINGAN / 100, SEDANG: s.SEDANG / 100, BERAT: s.BERAT / 100 },
    paymentLagMonths: rules.paymentLagMonths.value,
  };
}

/**
 * The months whose lock freezes an input of `month`: its own run's, and that of the run paying its TPP
 * (month + the tenant's payment lag), which consumed the month's results. Outside an audited correction
 * either lock refuses the change; a correction is accepted and leaves a marker for the next run
 * (#13 item 15: an evaluation changed after the paying run's lock no longer disagrees silently with
 * the frozen result).
 */
export function inputLockMonths(tenantRules: TenantRuleset, month: string): string[] {
  const payMonth = addMonths(month, payDisciplineRules(tenantRules, month).paymentLagMonths);
  return payMonth === month ? [month] : [month, payMonth];
}

/** The ruleset's calendar for a year, used until BKPSDM stores the tenant's own. */
export function rulesetCalendar(tenantId: string, year: number): WorkCalendar {
  return settingsFor(tenantId, `${year}-01`).workCalendar;
}

/** Unit ids as the calendar's unitPatterns and the unit scores name them: `OPD/UNIT-NAME-SLUG`. */
export function unitIdOf(opd: string, unit: string): string {
  const slug = unit
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${opd}/${slug}`;
}
