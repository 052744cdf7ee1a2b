import gajiPokokPns from '../../rulesets/national/gaji-pokok-pns.json' with { type: 'json' };
import gajiPokokPppk from '../../rulesets/national/gaji-pokok-pppk.json' with { type: 'json' };
import iuran from '../../rulesets/national/iuran.json' with { type: 'json' };
import pembulatan from '../../rulesets/national/pembulatan.json' with { type: 'json' };
import pph21Tahunan from '../../rulesets/national/pph21-tahunan.json' with { type: 'json' };
import pph21Ter from '../../rulesets/national/pph21-ter.json' with { type: 'json' };
import thrGaji13 from '../../rulesets/national/thr-gaji13.json' with { type: 'json' };
import tunjanganBeras from '../../rulesets/national/tunjangan-beras.json' with { type: 'json' };
import tunjanganFungsional from '../../rulesets/national/tunjangan-fungsional.json' with { type: 'json' };
import tunjanganKeluarga from '../../rulesets/national/tunjangan-keluarga.json' with { type: 'json' };
import tunjanganStruktural from '../../rulesets/national/tunjangan-struktural.json' with { type: 'json' };
import tunjanganUmum from '../../rulesets/national/tunjangan-umum.json' with { type: 'json' };
import { assembleNationalRuleset, type NationalRuleset, parseNationalRulesetNode } from './national-ruleset';

/** The national node files as shipped, keyed by their path in the repository. */
export const NATIONAL_RULESET_FILES: ReadonlyArray<readonly [fileName: string, json: unknown]> = [
  ['rulesets/national/gaji-pokok-pns.json', gajiPokokPns],
  ['rulesets/national/gaji-pokok-pppk.json', gajiPokokPppk],
  ['rulesets/national/tunjangan-keluarga.json', tunjanganKeluarga],
  ['rulesets/national/tunjangan-beras.json', tunjanganBeras],
  ['rulesets/national/tunjangan-umum.json', tunjanganUmum],
  ['rulesets/national/tunjangan-struktural.json', tunjanganStruktural],
  ['rulesets/national/tunjangan-fungsional.json', tunjanganFungsional],
  ['rulesets/national/iuran.json', iuran],
  ['rulesets/national/pph21-ter.json', pph21Ter],
  ['rulesets/national/pph21-tahunan.json', pph21Tahunan],
  ['rulesets/national/pembulatan.json', pembulatan],
  ['rulesets/national/thr-gaji13.json', thrGaji13],
];

export function loadNationalRuleset(
  files: ReadonlyArray<readonly [fileName: string, json: unknown]>,
  id = 'national',
): NationalRuleset {
  return assembleNationalRuleset(
    files.map(([fileName, json]) => parseNationalRulesetNode(json, fileName)),
    id,
  );
}

/** Validated once, at module load: a bad shipped file fails every importer immediately. */
export const nationalRuleset: NationalRuleset = loadNationalRuleset(NATIONAL_RULESET_FILES);
