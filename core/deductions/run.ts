import type { LineGroup, PayLine, PaySlip } from '../pay/types';
import { type ApplyInput, applyDeductions, type Posting, type SlipDeductions } from './apply';
import type { DeductionEntry, DeductionPolicy, DeductionType } from './model';

/**
 * What the payroll run reads for potongan lain, per employee, and how a slip gets its deductions. The
 * run calls `deductionsForSlip` after the slip is computed (core/payroll/compute-employee.ts): the
 * deductions never change the slip's lines (the SIPD list's statutory lines, the ledger's line amounts
 * and `verify` stay as they are); they sit beside it as `StoredSlip.deductions`.
 */
export interface RunDeductions {
  readonly entries: readonly DeductionEntry[];
  readonly types: readonly DeductionType[];
  readonly policy: DeductionPolicy | null;
  /** Arrears carried out of the last paid month (entry id → rupiah), from its ledger records. */
  readonly arrears: ReadonlyMap<string, number>;
}

/** What the paid ledger keeps of a slip's postings: enough to carry arrears into the next month. */
export interface PaidPosting {
  readonly entryId: string;
  readonly typeCode: string;
  readonly taken: number;
  readonly arrearCarried: number;
}

/** The kinds whose lists carry the month's regular deductions; every other kind is a special list. */
const REGULAR_KINDS: ReadonlySet<string> = new Set(['GAJI_TPP', 'GAJI', 'TPP']);

export function deductionsForSlip(
  slip: PaySlip,
  lists: readonly LineGroup[],
  kind: string,
  month: string,
  data: RunDeductions | undefined,
): SlipDeductions | undefined {
  if (!data || data.entries.length === 0) return undefined;
  const t = slip.totals;
  const figures: { GAJI?: { kotor: number; bersih: number }; TPP?: { kotor: number; bersih: number } } = {};
  if (lists.includes('GAJI')) figures.GAJI = { kotor: t.gaji.penghasilan, bersih: t.gaji.bersih };
  if (lists.includes('TPP')) figures.TPP = { kotor: t.tpp.penghasilan, bersih: t.tpp.bersih };
  const input: ApplyInput = {
    month,
    special: !REGULAR_KINDS.has(kind),
    lists: figures,
    gajiPokok: slip.lines.find((l) => l.code === 'GAJI_POKOK')?.amount ?? 0,
    entries: data.entries,
    types: data.types,
    policy: data.policy,
    arrears: data.arrears,
  };
  return applyDeductions(input);
}

export function paidPostings(d: SlipDeductions | undefined): PaidPosting[] | undefined {
  if (!d) return undefined;
  const all: Posting[] = [...d.inList, ...d.postList];
  if (all.length === 0) return undefined;
  return all.map((p) => ({
    entryId: p.entryId,
    typeCode: p.typeCode,
    taken: p.taken,
    arrearCarried: p.arrearCarried,
  }));
}

/** Arrears a month's ledger records carried out (a month paid by two lists adds up). */
export function arrearsFromLedger(
  records: readonly { deductions?: readonly PaidPosting[] }[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of records) {
    for (const p of r.deductions ?? []) {
      if (p.arrearCarried > 0) out.set(p.entryId, (out.get(p.entryId) ?? 0) + p.arrearCarried);
    }
  }
  return out;
}

/** The amount the bank credits the employee: the take-home after potongan lain, else the slip's bersih. */
export function takeHomeOf(slip: { slip: PaySlip; deductions?: SlipDeductions }): number {
  return slip.deductions?.takeHome ?? slip.slip.totals.bersih;
}

/**
 * The in-list postings of one list as SIPD list lines (zakat, Bulog columns): the SIPD list shows them
 * inside its potongan and its bersih falls by them. A category without a SIPD column becomes the list's
 * readiness issue, like any line no column takes.
 */
export function inListLines(slip: { deductions?: SlipDeductions }, group: LineGroup): PayLine[] {
  return (slip.deductions?.inList ?? []).flatMap((p): PayLine[] => {
    const amount = group === 'GAJI' ? p.fromGaji : p.fromTpp;
    if (amount <= 0) return [];
    return [
      {
        code: `POTLAIN_${p.typeCode}`,
        label: p.typeName,
        amount,
        kind: 'POTONGAN',
        group,
        ruleId: `potongan-lain.${p.category.toLowerCase()}`,
        citation: {
          parameterId: `potongan-lain.${p.typeCode}`,
          regulation: 'Register potongan lain daerah',
          refs: [],
          confidence: 'UNVERIFIED',
          from: '',
        },
        basis: { entryId: p.entryId, due: p.due, taken: p.taken },
      },
    ];
  });
}

/**
 * What `verify` can check of a stored slip's potongan lain without the register (the entries are not in
 * the slip's snapshot): that its arithmetic holds against the slip it sits beside: each posting takes
 * no more than is due and carries at most the rest; each list's SIPD bersih is its bersih less the
 * in-list items; the take-home is the SIPD bersih less the post-list items and never negative.
 */
export function deductionDifferences(stored: {
  slip: PaySlip;
  deductions?: SlipDeductions;
}): { field: string; stored: number; recomputed: number }[] {
  const d = stored.deductions;
  if (!d) return [];
  const out: { field: string; stored: number; recomputed: number }[] = [];
  const check = (field: string, value: number, expected: number) => {
    if (value !== expected)
      out.push({ field: `potongan-lain.${field}`, stored: value, recomputed: expected });
  };
  const sum = (ps: readonly Posting[], k: 'taken' | 'fromGaji' | 'fromTpp') =>
    ps.reduce((s, p) => s + p[k], 0);
  for (const p of [...d.inList, ...d.postList]) {
    check(`${p.entryId}.due`, p.due, p.scheduled + p.arrearIn);
    check(`${p.entryId}.taken`, p.taken, p.fromGaji + p.fromTpp);
    if (p.taken < 0 || p.taken > p.due)
      check(`${p.entryId}.taken`, p.taken, Math.min(Math.max(0, p.taken), p.due));
    if (p.arrearCarried > p.due - p.taken)
      check(`${p.entryId}.arrearCarried`, p.arrearCarried, p.due - p.taken);
  }
  const t = stored.slip.totals;
  const lists = [
    ['gaji', d.gaji, t.gaji.bersih, 'fromGaji'],
    ['tpp', d.tpp, t.tpp.bersih, 'fromTpp'],
  ] as const;
  for (const [name, r, bersih, from] of lists) {
    if (!r) continue;
    check(`${name}.sipdBersih`, r.sipdBersih, bersih - sum(d.inList, from));
    check(`${name}.takeHome`, r.takeHome, r.sipdBersih - sum(d.postList, from));
  }
  check('sipdBersih', d.sipdBersih, (d.gaji?.sipdBersih ?? 0) + (d.tpp?.sipdBersih ?? 0));
  check('takeHome', d.takeHome, (d.gaji?.takeHome ?? 0) + (d.tpp?.takeHome ?? 0));
  if (d.takeHome < 0) check('takeHome', d.takeHome, 0);
  return out;
}
