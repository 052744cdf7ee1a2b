import type { Citation } from '../pay/types';
import { RuleNotInForceError } from './errors';
import type { NationalRuleset } from './national-ruleset';
import { type Confidence, type Parameter, type Source, versionInForce } from './parameter';
import type { TenantRuleset } from './tenant-ruleset';

export interface RuleInForce {
  readonly id: string;
  readonly label: string;
  readonly from: string;
  readonly value: unknown;
  readonly source: Source;
  readonly confidence: Confidence;
  readonly note?: string;
  readonly followsExample?: string;
}

/**
 * Every parameter of a ruleset in force in a month, with its value, source and confidence — the plain
 * listing behind `GET /rulesets?month=`. Parameters whose first version starts later are left out.
 */
export function rulesInForce(ruleset: NationalRuleset | TenantRuleset, month: string): RuleInForce[] {
  const out: RuleInForce[] = [];
  for (const parameter of Object.values(ruleset.parameters)) {
    const version = versionInForce(parameter, month);
    if (!version) continue;
    out.push({
      id: parameter.id,
      label: parameter.label,
      from: version.from,
      value: version.value,
      source: version.source,
      confidence: version.confidence,
      ...(version.note === undefined ? {} : { note: version.note }),
      ...(version.followsExample === undefined ? {} : { followsExample: version.followsExample }),
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface InForce<T> {
  readonly value: T;
  readonly citation: Citation;
}

export function inForce<T>(
  rulesetId: string,
  parameter: Parameter<T> | undefined,
  id: string,
  month: string,
) {
  const version = parameter ? versionInForce(parameter, month) : undefined;
  if (!version) throw new RuleNotInForceError(rulesetId, id, month);
  const citation: Citation = {
    parameterId: id,
    regulation: version.source.regulation,
    ...(version.source.article === undefined ? {} : { article: version.source.article }),
    refs: version.source.refs,
    confidence: version.confidence,
    from: version.from,
  };
  return { value: version.value, citation } satisfies InForce<T>;
}

/**
 * The rules of one ruleset resolved per month, kept for as long as the caller keeps this value: a
 * payroll run makes one per chunk (core/pay/pay-rules.ts), a request one per request. Nothing is kept
 * at module level, so changed rulesets (a newly approved rule) never meet a stale resolution, and what
 * a run resolved is dropped with the run.
 */
export class RulesByMonth<R extends object, T> {
  private readonly resolved = new Map<string, T>();

  constructor(
    readonly ruleset: R,
    private readonly resolve: (ruleset: R, month: string) => T,
  ) {}

  in(month: string): T {
    let rules = this.resolved.get(month);
    if (rules === undefined) {
      rules = this.resolve(this.ruleset, month);
      this.resolved.set(month, rules);
    }
    return rules;
  }
}
