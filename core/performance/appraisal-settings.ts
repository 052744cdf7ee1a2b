import type * as z from 'zod';
import { RuleNotInForceError, RulesetValidationError } from '../rulesets/errors';
import { formatPath } from '../rulesets/parse-document';
import { appraisalSettingsDocumentSchema } from './appraisal-settings-schema';

/**
 * Loading and dating of a tenant's appraisal settings. A bad file fails loudly at load with every issue
 * named (file, key path, reason) rather than somewhere inside a monthly run.
 */
export type AppraisalSettingsDocument = z.infer<typeof appraisalSettingsDocumentSchema>;
export type AppraisalSettingsVersion = AppraisalSettingsDocument['versions'][number];
export type AppraisalSettings = AppraisalSettingsVersion['value'];
export type SourceUse = AppraisalSettings['teamResult']['use'];

export function parseAppraisalSettings(json: unknown, fileName: string): AppraisalSettingsDocument {
  const parsed = appraisalSettingsDocumentSchema.safeParse(json);
  if (!parsed.success) {
    throw new RulesetValidationError(
      fileName,
      parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path) || '(root)',
        reason: issue.message,
      })),
    );
  }
  const expected = fileName.replace(/^.*\//, '').replace(/\.json$/, '');
  if (fileName.endsWith('.json') && parsed.data.tenantId !== expected) {
    throw new RulesetValidationError(fileName, [
      { path: 'tenantId', reason: `"${parsed.data.tenantId}" must equal the file name "${expected}"` },
    ]);
  }
  return parsed.data;
}

/** The version in force for a month: the latest `from` on or before its first day. */
export function appraisalSettingsInForce(
  document: AppraisalSettingsDocument,
  month: string,
): AppraisalSettingsVersion {
  const firstDay = `${month}-01`;
  let found: AppraisalSettingsVersion | undefined;
  for (const version of document.versions) if (version.from <= firstDay) found = version;
  if (!found) throw new RuleNotInForceError(`appraisal/${document.tenantId}`, 'appraisal', month);
  return found;
}
