import bantul from '../../rulesets/appraisal/bantul.json' with { type: 'json' };
import binjai from '../../rulesets/appraisal/binjai.json' with { type: 'json' };
import bukitintan from '../../rulesets/appraisal/bukitintan.json' with { type: 'json' };
import library from '../../rulesets/appraisal/indicator-library.json' with { type: 'json' };
import sofifi from '../../rulesets/appraisal/sofifi.json' with { type: 'json' };
import { type AppraisalSettingsDocument, parseAppraisalSettings } from './appraisal-settings';
import { type IndicatorLibrary, parseIndicatorLibrary } from './indicator-library';

/** DEMO appraisal settings of the four tenants and the DEMO indicator library, validated on load. */
export const demoAppraisalSettings: Readonly<
  Record<'bantul' | 'binjai' | 'sofifi' | 'bukitintan', AppraisalSettingsDocument>
> = {
  bantul: parseAppraisalSettings(bantul, 'rulesets/appraisal/bantul.json'),
  binjai: parseAppraisalSettings(binjai, 'rulesets/appraisal/binjai.json'),
  sofifi: parseAppraisalSettings(sofifi, 'rulesets/appraisal/sofifi.json'),
  bukitintan: parseAppraisalSettings(bukitintan, 'rulesets/appraisal/bukitintan.json'),
};

export const demoIndicatorLibrary: IndicatorLibrary = parseIndicatorLibrary(
  library,
  'rulesets/appraisal/indicator-library.json',
);
