import * as z from 'zod';
import { RulesetValidationError } from './errors';
import {
  type NationalParameterId,
  type NationalValue,
  nationalSchemaFor,
  nationalValueSchemas,
  TUNJANGAN_FUNGSIONAL_PREFIX,
  type TunjanganFungsionalTable,
} from './national-schema';
import type { Parameter } from './parameter';
import { parseDocument } from './parse-document';

/** The national rules: every parameter of every regulation node, validated and complete. */
export interface NationalRuleset {
  readonly kind: 'national';
  readonly id: string;
  /** The node files it was assembled from, in load order. */
  readonly files: readonly string[];
  readonly parameters: Readonly<Record<string, Parameter<unknown>>>;
}

export interface NationalRulesetNode {
  readonly file: string;
  readonly node: string;
  readonly title: string;
  readonly parameters: ReadonlyMap<string, Parameter<unknown>>;
}

const nodeEnvelope = z.strictObject({
  ruleset: z.literal('national'),
  node: z.string().regex(/^[a-z0-9-]+$/, 'node names are kebab-case'),
  title: z.string().min(1),
  parameters: z.array(z.unknown()).min(1),
});

/** Validates one regulation node file (e.g. `gaji-pokok-pns.json`). */
export function parseNationalRulesetNode(json: unknown, fileName: string): NationalRulesetNode {
  const { document, parameters } = parseDocument(json, fileName, nodeEnvelope, nationalSchemaFor);
  return { file: fileName, node: document.node, title: document.title, parameters };
}

/**
 * Joins node files into one ruleset: a parameter may live in only one file, and every registered
 * national parameter must be present.
 */
export function assembleNationalRuleset(
  nodes: readonly NationalRulesetNode[],
  id = 'national',
): NationalRuleset {
  const parameters: Record<string, Parameter<unknown>> = {};
  const issues: { path: string; reason: string }[] = [];
  const owner = new Map<string, string>();
  for (const node of nodes) {
    for (const [pid, parameter] of node.parameters) {
      const first = owner.get(pid);
      if (first) issues.push({ path: pid, reason: `defined in both ${first} and ${node.file}` });
      owner.set(pid, node.file);
      parameters[pid] = parameter;
    }
  }
  for (const pid of Object.keys(nationalValueSchemas)) {
    if (!(pid in parameters)) issues.push({ path: pid, reason: 'required national parameter is missing' });
  }
  if (issues.length > 0) throw new RulesetValidationError(id, issues);
  return { kind: 'national', id, files: nodes.map((n) => n.file), parameters };
}

/** Validates a national ruleset held in one document (same shape as a node file, all parameters in it). */
export function parseNationalRuleset(json: unknown, fileName: string): NationalRuleset {
  return assembleNationalRuleset([parseNationalRulesetNode(json, fileName)], fileName);
}

export function nationalParameter<K extends NationalParameterId>(
  ruleset: NationalRuleset,
  id: K,
): Parameter<NationalValue<K>> {
  return ruleset.parameters[id] as Parameter<NationalValue<K>>;
}

export function tunjanganFungsionalParameters(
  ruleset: NationalRuleset,
): ReadonlyArray<[code: string, parameter: Parameter<TunjanganFungsionalTable>]> {
  return Object.entries(ruleset.parameters)
    .filter(([id]) => id.startsWith(TUNJANGAN_FUNGSIONAL_PREFIX))
    .map(([id, p]) => [
      id.slice(TUNJANGAN_FUNGSIONAL_PREFIX.length),
      p as Parameter<TunjanganFungsionalTable>,
    ]);
}
