import { DomainError } from '../errors';
import { PayDataError } from '../pay/errors';
import type { PayRules } from '../pay/pay-rules';
import type { PayInput, PaySlip } from '../pay/types';
import type { NationalRuleset } from '../rulesets/national-ruleset';
import { rulesInForce } from '../rulesets/rules-in-force';
import { sha256Hex, stableStringify } from '../rulesets/ruleset-version';
import { changedPaidMonths, hashInput } from './compute-employee';
import { lineAmounts } from './corrections';
import type { StoredRun } from './ports';
import {
  basisTaxFacts,
  composeRapel,
  employerAmountsOf,
  type MasaSoFar,
  RAPEL_CORRECTS,
  type RapelInput,
  rapelMonth,
} from './rapel';
import type { PrepareOutcome, PrepareRequest, RunKindSpec, StartCheck } from './run-kinds';
import { computeSlipOfKind, RUN_KIND_SPECS } from './run-kinds';
import type { PaidRecord, RunKind } from './run-types';

/**
 * RAPEL: the kekurangan gaji of locked months, paid as its own list in the payment month (rapel.md §2
 * SIGAP rule; the tenant rule `gaji.rapel`). Planned for the employees in service with an open
 * correction marker only; each slip recomputes the employee's changed locked months (regular kinds, up
 * to and including the payment month) and pays the differences (rapel.ts). On lock the corrected
 * months' ledger basis becomes the recomputed one and the markers clear, so nothing is paid twice.
 */

/** The masa's lists already in the ledger (the month's locked regular runs), for cumulative TER. */
function masaSoFar(paid: readonly PaidRecord[], month: string): MasaSoFar {
  const ofMasa = paid.filter((p) => p.month === month && p.kind !== 'RAPEL');
  const add = (k: keyof PaidRecord['taxFacts']) => ofMasa.reduce((s, p) => s + p.taxFacts[k], 0);
  return {
    brutoGaji: add('brutoGaji'),
    brutoTpp: add('brutoTpp'),
    pphGaji: add('pphGaji'),
    pphTpp: add('pphTpp'),
  };
}

function prepareRapel(req: PrepareRequest): PrepareOutcome {
  const changed = changedPaidMonths(
    req.data,
    { tenantId: req.input.tenantId, rules: req.rules, rulesetVersion: req.rules.version },
    (p) => RAPEL_CORRECTS.includes(p.kind) && p.month <= req.month,
  );
  const rapel: RapelInput = {
    months: changed.map((c) => ({ paid: c.paid, input: c.input, cause: c.cause })),
    masaSoFar: masaSoFar(req.data.paid, req.month),
  };
  // The rapel pays differences, not the month: no TPP period of its own.
  return { ok: true, input: { ...req.input, tppPeriods: undefined, rapel } };
}

/** The rapel slip from its stored input: every corrected month recomputed under its own month's rules. */
function computeRapel(input: PayInput, rules: PayRules): PaySlip {
  const r = input.rapel;
  if (!r) throw new PayDataError('rapel', 'slip RAPEL tanpa bulan yang dikoreksi');
  const months = r.months.map((m) =>
    rapelMonth(m.paid, computeSlipOfKind(m.input, rules, m.paid.kind), m.cause),
  );
  const { slip, section } = composeRapel(months, {
    tenantId: input.tenantId,
    payMonth: input.month,
    employee: input.employee,
    rules,
    setting: rules.tenant.in(input.month).rapel,
    masaSoFar: r.masaSoFar,
  });
  return { ...slip, meta: { ...slip.meta, rapel: section } };
}

/**
 * A rapel is paid after the month's gaji induk is locked on the new basis (rapel.md §2 rule 1, GPP's
 * order), which also puts the masa's gaji in the ledger for the cumulative TER of PAYMENT_MONTH.
 */
function checkRapelStart({ month, runsOfYear }: StartCheck): void {
  const gaji = runsOfYear.find(
    (r) =>
      r.month === month &&
      RUN_KIND_SPECS[r.kind]?.family === 'REGULAR' &&
      RUN_KIND_SPECS[r.kind]?.lists.includes('GAJI'),
  );
  if (gaji?.state === 'LOCKED') return;
  throw new DomainError(
    'CONFLICT',
    'RUN_KIND_ORDER',
    `Daftar kekurangan gaji ${month} dibuat setelah daftar gaji induk ${month} dikunci`,
    [
      {
        path: 'body.kind',
        message: gaji
          ? `run ${gaji.id} masih ${gaji.state}; kunci dulu, lalu buat RAPEL`
          : `belum ada run gaji induk bulan ${month} (GAJI_TPP atau GAJI) yang dikunci`,
      },
    ],
  );
}

export const RAPEL_KIND_SPEC: RunKindSpec = {
  lists: ['GAJI', 'TPP'],
  family: 'SPECIAL',
  label: 'Kekurangan gaji (rapel)',
  needsPerformanceFacts: false,
  needsPaidLedger: true,
  correctsPaidMonths: false,
  paysCorrections: true,
  roster: 'PENDING_CORRECTIONS',
  // Its PPh is TER on the masa's cumulative bruto: a regular list of the month may not follow it.
  paysAfterRegular: true,
  compute: computeRapel,
  prepareInput: prepareRapel,
  checkStart: checkRapelStart,
  correctionBasis: (input, rules, version) => rapelBasis(input, rules, version),
};

/**
 * What each corrected month is deemed paid at once the rapel is paid: its recomputed lines, premiums and
 * snapshot hash, and its tax facts per the tenant's arrearsTaxMethod (rapel.ts basisTaxFacts). Written to
 * the paid ledger when the RAPEL run locks (lock-run.ts), so the next run finds nothing left to pay.
 */
export function rapelBasis(input: PayInput, rules: PayRules, rulesetVersion: string): PaidRecord[] {
  const method = rules.tenant.in(input.month).rapel.value.arrearsTaxMethod;
  return (input.rapel?.months ?? []).map((m) => {
    const slip = computeSlipOfKind(m.input, rules, m.paid.kind);
    const amounts = lineAmounts(slip);
    return {
      ...m.paid,
      inputHash: hashInput(m.input),
      rulesetVersion,
      lineAmounts: amounts.amounts,
      labels: amounts.labels,
      employerAmounts: employerAmountsOf(slip),
      taxFacts: basisTaxFacts(method, m.paid, slip),
    };
  });
}

/*
 * A retroactive national rule (a new gaji grid enacted late with an earlier TMT, rapel.md §1 "PP") is a
 * repository file, not a tenant change: nothing raises a correction marker for it. Each run records the
 * national values in force for the months its slips are computed for; a RAPEL run plans, besides the
 * marked employees, everyone in service when a locked regular month of the year was computed under
 * national values no longer in force for that month — unless a locked RAPEL run already recomputed that
 * month under today's values. The slip itself then finds the month by its ledger rulesetVersion
 * (changedPaidMonths) and pays the difference, per line, like any other cause.
 */

/** The national values in force in a month (values only: a corrected citation changes no pay). */
export function nationalInForceHash(national: NationalRuleset, month: string): string {
  return sha256Hex(stableStringify(rulesInForce(national, month).map((r) => [r.id, r.value])));
}

/** A locked regular run a RAPEL of `month` may correct (B's rule: the year's months up to the payment month). */
const correctable = (r: StoredRun, month: string) =>
  r.state === 'LOCKED' && RAPEL_CORRECTS.includes(r.kind) && r.month <= month;

/**
 * What a run being started records: a regular run, its own month; a RAPEL run, every locked regular
 * month it may correct (its lock answers those months for the national values in force now). THR and
 * gaji 13 are not corrected by a rapel (RAPEL_CORRECTS), so they record nothing.
 */
export function nationalInForceOf(
  month: string,
  kind: RunKind,
  runsOfYear: readonly StoredRun[],
  national: NationalRuleset,
): Record<string, string> {
  const months =
    kind === 'RAPEL'
      ? [...new Set(runsOfYear.filter((r) => correctable(r, month)).map((r) => r.month))]
      : RAPEL_CORRECTS.includes(kind)
        ? [month]
        : [];
  return Object.fromEntries(months.sort().map((m) => [m, nationalInForceHash(national, m)]));
}

/**
 * The locked regular months (up to `month`) whose slips were computed under national values that are
 * no longer the ones in force for that month, and that no locked RAPEL run has recomputed since. A run
 * recorded before runs carried the fingerprint is not compared (what it was computed with is unknown).
 */
export function monthsWithNationalChange(
  month: string,
  runsOfYear: readonly StoredRun[],
  national: NationalRuleset,
): string[] {
  const now = new Map<string, string>();
  const hashNow = (m: string) => {
    let h = now.get(m);
    if (h === undefined) {
      h = nationalInForceHash(national, m);
      now.set(m, h);
    }
    return h;
  };
  const answered = (m: string) =>
    runsOfYear.some(
      (p) => p.kind === 'RAPEL' && p.state === 'LOCKED' && p.nationalInForce?.[m] === hashNow(m),
    );
  const out = new Set<string>();
  for (const r of runsOfYear) {
    const was = r.nationalInForce?.[r.month];
    if (!correctable(r, month) || was === undefined || out.has(r.month)) continue;
    if (was !== hashNow(r.month) && !answered(r.month)) out.add(r.month);
  }
  return [...out].sort();
}
