import { describe, expect, it } from 'vitest';
import { tenantRegistry } from '../../../config/registry';
import type { Principal } from '../../../core/auth/principal';
import type { StoredEmployee } from '../../../core/employee/repository';
import type { TimelineEntry } from '../../../core/employee/timeline';
import { createEmployee, type EmployeeInput } from '../../../core/employee/use-cases';
import type { Rulesets } from '../../../core/pay/compute-monthly-pay';
import { PayRules } from '../../../core/pay/pay-rules';
import { computeEmployee } from '../../../core/payroll/compute-employee';
import { paidRecordsOf } from '../../../core/payroll/lock-run';
import type { EmployeeRunData, PayrollDeps, StoredRun } from '../../../core/payroll/ports';
import { monthsWithNationalChange, nationalInForceHash } from '../../../core/payroll/rapel-kind';
import type { RunKind, RunSummary, StoredSlip } from '../../../core/payroll/run-types';
import { startRunOutcome } from '../../../core/payroll/start-run';
import { loadNationalRuleset, NATIONAL_RULESET_FILES, nationalRuleset } from '../../../core/rulesets';
import { rulesetVersion } from '../../../core/rulesets/ruleset-version';
import { anEmployee } from '../../builders/employee';
import { rulesetsFor } from '../pay/builders';

/**
 * Issue 15: "a retroactive ruleset change (a new gaji grid with an earlier TMT) raises correction
 * markers for every affected paid month" — for the national rules, which are repository files (rapel.md
 * §1 trigger PP: a new salary table for everyone, paid as kekurangan directly, §2 rule 1 exception).
 * March 2026 is locked on the shipped grid; then a new grid version from 1 March 2026 puts every III/b
 * step 150.000 higher. No employee has a marker; the April RAPEL still plans the employee and pays
 * 150.000 of gaji pokok for March; once it is locked, May's RAPEL finds nothing pending.
 */
const T = 'bantul';
const RAISE = 150_000;
type Grid = Record<string, Record<string, number>>;

/** The shipped national files plus one gaji pokok PNS version from `from`: III/b steps + RAISE. */
function nationalWithNewGrid(from: string) {
  const files = NATIONAL_RULESET_FILES.map(([name, json]) => {
    if (name !== 'rulesets/national/gaji-pokok-pns.json') return [name, json] as const;
    const doc = structuredClone(json) as { parameters: { id: string; versions: { value: Grid }[] }[] };
    const grid = doc.parameters.find((p) => p.id === 'gajiPokok.pns')!;
    const last = grid.versions.at(-1)!;
    const value = structuredClone(last.value);
    const row = value['III/b'] as Record<string, number>;
    for (const step of Object.keys(row)) row[step] = (row[step] as number) + RAISE;
    grid.versions.push({
      ...last,
      from,
      value,
      source: { regulation: 'PP uji (tabel gaji baru, TMT 1 Maret 2026)', refs: [] },
    } as (typeof grid.versions)[number]);
    return [name, doc] as const;
  });
  return loadNationalRuleset(files);
}

const tenantRules = rulesetsFor(T).tenant;
const OLD: Rulesets = { national: nationalRuleset, tenant: tenantRules };
const NEW: Rulesets = { national: nationalWithNewGrid('2026-03-01'), tenant: tenantRules };

const bkpsdm = { tenantId: T, sub: 'kepala.bkpsdm', roles: ['bkpsdm'], opds: ['*'] } as Principal;

async function registered(): Promise<{ employee: StoredEmployee; timelines: TimelineEntry[] }> {
  let out: { employee: StoredEmployee; timelines: TimelineEntry[] } | undefined;
  const repo = {
    create: async (employee: StoredEmployee, timelines: TimelineEntry[]) => {
      out = { employee, timelines };
    },
  };
  await createEmployee(anEmployee() as unknown as EmployeeInput, bkpsdm, {
    employees: repo as never,
    now: '2025-12-01T00:00:00.000Z',
    requestId: 'r',
  });
  return out!;
}

/** In-memory run store, chunks and roster: what startRun reads and writes, nothing else. */
function memoryDeps(runs: Map<string, StoredRun>, nip: string) {
  const chunks = new Map<string, { no: number; opd: string; nips: string[]; state: 'PENDING' }[]>();
  return (rulesets: Rulesets): PayrollDeps =>
    ({
      runs: {
        get: async (id: string) => runs.get(id),
        ofYear: async (year: string) => [...runs.values()].filter((r) => r.month.startsWith(year)),
        create: async (run: RunSummary) => {
          if (runs.has(run.id)) return false;
          runs.set(run.id, { ...run, planned: false });
          return true;
        },
        markPlanned: async (id: string, n: number, employees: number) => {
          const r = runs.get(id)!;
          runs.set(id, { ...r, planned: true, counts: { ...r.counts, chunks: n, employees } });
        },
      },
      chunks: {
        putChunks: async (id: string, plans: { opd: string; nips: string[] }[]) => {
          chunks.set(
            id,
            plans.map((p, no) => ({ no, opd: p.opd, nips: p.nips, state: 'PENDING' as const })),
          );
        },
        listChunks: async (id: string) =>
          (chunks.get(id) ?? []).map((c) => ({ ...c, version: 1, computed: 0, errors: 0 })),
      },
      inputs: {
        roster: async () => [{ nip, opd: 'DISDIK' }],
        // No employee has a correction marker: nothing in the employee's data changed.
        pendingCorrections: async () => new Set<string>(),
      },
      dispatcher: { dispatch: async () => undefined },
      now: () => '2026-06-15T02:00:00.000Z',
      requestId: 'r',
      tenant: tenantRegistry().get(T)!,
      rulesets,
      rulesetVersion: rulesetVersion(rulesets),
      chunkSize: 100,
    }) as unknown as PayrollDeps;
}

const lock = (runs: Map<string, StoredRun>, id: string) =>
  runs.set(id, { ...runs.get(id)!, state: 'LOCKED' });

function slipOf(
  kind: RunKind,
  month: string,
  rulesets: Rulesets,
  data: EmployeeRunData,
  nip: string,
): StoredSlip {
  const out = computeEmployee(nip, data, {
    tenantId: T,
    runId: `${month}-${kind}`,
    month,
    kind,
    rules: new PayRules(rulesets),
    rulesetVersion: rulesetVersion(rulesets),
    now: '2026-06-15T02:00:00.000Z',
    actor: 'operator',
  });
  if (!out.ok) throw new Error(JSON.stringify(out.error));
  return out.slip;
}

const amount = (slip: StoredSlip, code: string) =>
  slip.slip.lines.filter((l) => l.code === code).reduce((s, l) => s + l.amount, 0);

describe('a new national gaji grid dated inside a locked month is paid by the next RAPEL', () => {
  it('compares the national values in force in the locked month itself', () => {
    const march = { id: '2026-03-GAJI', month: '2026-03', kind: 'GAJI', state: 'LOCKED' } as StoredRun;
    const recorded = {
      ...march,
      nationalInForce: { '2026-03': nationalInForceHash(nationalRuleset, '2026-03') },
    };
    // A new grid from June leaves March's values as they were: nothing to correct.
    expect(monthsWithNationalChange('2026-05', [recorded], nationalWithNewGrid('2026-06-01'))).toEqual([]);
    // A new grid from March changes them.
    expect(monthsWithNationalChange('2026-05', [recorded], NEW.national)).toEqual(['2026-03']);
    // A run recorded before runs carried the fingerprint: what it was computed with is unknown, not compared.
    expect(monthsWithNationalChange('2026-05', [march], NEW.national)).toEqual([]);
  });

  it('plans the employee without a marker, pays new − old gaji pokok for March, and nothing twice', async () => {
    const { employee, timelines } = await registered();
    const nip = employee.identity.nip;
    const data: EmployeeRunData = {
      employee,
      timelines,
      results: new Map(),
      paid: [],
      openingBalances: new Map(),
    };
    const runs = new Map<string, StoredRun>();
    const deps = memoryDeps(runs, nip);

    // March: computed and locked on the shipped grid.
    await startRunOutcome('2026-03', 'GAJI', { sub: 'operator', roles: ['operator'] }, deps(OLD));
    lock(runs, '2026-03-GAJI');
    const march = slipOf('GAJI', '2026-03', OLD, data, nip);
    data.paid.push(...paidRecordsOf(march));
    const oldGajiPokok = amount(march, 'GAJI_POKOK');

    // The new PP is shipped: April's gaji induk is made on the new grid and locked.
    await startRunOutcome('2026-04', 'GAJI', { sub: 'operator', roles: ['operator'] }, deps(NEW));
    lock(runs, '2026-04-GAJI');
    const april = slipOf('GAJI', '2026-04', NEW, data, nip);
    expect(amount(april, 'GAJI_POKOK')).toBe(oldGajiPokok + RAISE);
    data.paid.push(...paidRecordsOf(april));

    // April's RAPEL: no marker anywhere, yet the employee is planned (March's national values changed).
    const rapel = await startRunOutcome(
      '2026-04',
      'RAPEL',
      { sub: 'operator', roles: ['operator'] },
      deps(NEW),
    );
    expect(rapel.created).toBe(true);
    expect(runs.get('2026-04-RAPEL')?.counts.employees).toBe(1);
    const slip = slipOf('RAPEL', '2026-04', NEW, data, nip);
    expect(slip.slip.meta.rapel?.months.map((m) => m.month)).toEqual(['2026-03']);
    expect(amount(slip, 'GAJI_POKOK')).toBe(RAISE);
    expect(slip.slip.meta.rapel?.months[0]?.rows.find((r) => r.code === 'GAJI_POKOK')).toMatchObject({
      old: oldGajiPokok,
      new: oldGajiPokok + RAISE,
      diff: RAISE,
    });
    expect(slip.slip.totals.bersih).toBeGreaterThan(0);

    // Its lock moves March's ledger basis; May's gaji induk is locked; May's RAPEL finds nothing.
    lock(runs, '2026-04-RAPEL');
    const corrected = paidRecordsOf(slip).slice(1);
    data.paid = [
      ...data.paid.filter((p) => p.month !== '2026-03'),
      ...corrected,
      ...paidRecordsOf(slip).slice(0, 1),
    ];
    expect(slipOf('RAPEL', '2026-05', NEW, data, nip).slip.meta.rapel?.months ?? []).toEqual([]);
    await startRunOutcome('2026-05', 'GAJI', { sub: 'operator', roles: ['operator'] }, deps(NEW));
    lock(runs, '2026-05-GAJI');
    const again = startRunOutcome('2026-05', 'RAPEL', { sub: 'operator', roles: ['operator'] }, deps(NEW));
    await expect(again).rejects.toMatchObject({ code: 'NOTHING_PENDING' });
    expect(runs.has('2026-05-RAPEL')).toBe(false);
  });
});
