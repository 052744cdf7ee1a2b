import { deductionDifferences } from '../deductions/run';
import { PayRules } from '../pay/pay-rules';
import { lineAmounts } from './corrections';
import type { PayrollDeps } from './ports';
import { computeSlipOfKind } from './run-kinds';
import type { StoredSlip } from './run-types';
import { loadRun } from './run-view';

export interface SlipDifference {
  nip: string;
  field: string;
  stored: number;
  recomputed: number;
}

/** Recomputes one stored slip from its own input snapshot and names every line that differs. */
export function verifySlip(stored: StoredSlip, rules: PayRules): SlipDifference[] {
  const again = computeSlipOfKind(stored.input, rules, stored.kind);
  const a = lineAmounts(stored.slip).amounts;
  const b = lineAmounts(again).amounts;
  const nip = stored.header.nip;
  const out: SlipDifference[] = [];
  for (const code of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if ((a[code] ?? 0) !== (b[code] ?? 0)) {
      out.push({ nip, field: code, stored: a[code] ?? 0, recomputed: b[code] ?? 0 });
    }
  }
  if (stored.slip.totals.bersih !== again.totals.bersih) {
    out.push({ nip, field: 'bersih', stored: stored.slip.totals.bersih, recomputed: again.totals.bersih });
  }
  // Potongan lain: their arithmetic against the stored slip (the take-home the bank file pays).
  for (const d of deductionDifferences(stored)) out.push({ nip, ...d });
  return out;
}

/**
 * Recomputes every stored slip from its own input snapshot: a locked run must reproduce to the rupiah.
 * Chunked like the run: from `fromChunk`, at most `maxChunks` chunks per call (each read with one
 * batch of its own NIPs), so a 100,000-employee run is verified in bounded calls; `nextChunk` says
 * where the next call starts, absent when the whole run has been verified.
 */
export async function verifyRun(
  runId: string,
  deps: PayrollDeps,
  page: { fromChunk?: number; maxChunks?: number } = {},
) {
  const run = await loadRun(runId, deps);
  const chunks = (await deps.chunks.listChunks(runId)).sort((a, b) => a.no - b.no);
  const from = page.fromChunk ?? 0;
  const todo = chunks.filter((c) => c.no >= from);
  const batch = todo.slice(0, page.maxChunks ?? todo.length);
  const differences: SlipDifference[] = [];
  let slips = 0;
  let rulesetChanged = 0;
  // A slip keeps the rules it was computed with: a rules change approved since (issue 17) is paid by
  // correction lines in a later run, never read as a difference of the locked one.
  // One PayRules per version for this call: each month's rules resolved once, dropped with the call.
  const current = new PayRules(deps.rulesets, deps.rulesetVersion);
  const byVersion = new Map<string, PayRules>();
  const rulesOf = async (version: string): Promise<PayRules> => {
    if (version === deps.rulesetVersion || !deps.rulesAt) return current;
    let rules = byVersion.get(version);
    if (!rules) {
      const rulesets = await deps.rulesAt(version);
      rules = rulesets ? new PayRules(rulesets, version) : current;
      byVersion.set(version, rules);
    }
    return rules;
  };
  for (const chunk of batch) {
    for (const stored of await deps.slips.slipsOf(runId, chunk.nips)) {
      slips++;
      if (stored.rulesetVersion !== deps.rulesetVersion) rulesetChanged++;
      differences.push(...verifySlip(stored, await rulesOf(stored.rulesetVersion)));
    }
  }
  const next = todo[batch.length];
  return {
    runId,
    state: run.state,
    slips,
    differences,
    rulesetChangedSince: rulesetChanged,
    ok: differences.length === 0,
    ...(next ? { nextChunk: next.no } : {}),
  };
}
