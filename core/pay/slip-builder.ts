import type {
  Citation,
  GroupTotals,
  LineGroup,
  LineKind,
  PayLine,
  PaySlip,
  PayTotals,
  TraceStep,
} from './types';

/** What never changes for a line of one kind: its identity, wording and rule (constant data per step). */
export interface LineHead {
  readonly code: string;
  readonly label: string;
  readonly kind: LineKind;
  readonly group: LineGroup;
  readonly ruleId: string;
}

export type LineBasis = PayLine['basis'];

export function lineHead(
  group: LineGroup,
  kind: LineKind,
  ruleId: string,
  code: string,
  label: string,
): LineHead {
  return { code, label, kind, group, ruleId };
}

/** Collects lines (gaji first, then TPP) and trace steps; totals are always summed from the lines. */
export class SlipBuilder {
  private readonly gaji: PayLine[] = [];
  private readonly tpp: PayLine[] = [];
  readonly trace: TraceStep[] = [];
  readonly warnings: string[] = [];
  /** Running Σ per group and kind, kept as lines are added: pembulatan and the totals read them. */
  private readonly gajiSums = { PENGHASILAN: 0, POTONGAN: 0, IURAN_PEMBERI_KERJA: 0, INFORMASI: 0 };
  private readonly tppSums = { PENGHASILAN: 0, POTONGAN: 0, IURAN_PEMBERI_KERJA: 0, INFORMASI: 0 };

  /** The only place a line is made: the step's head (identity, wording, rule) and this month's values. */
  add(
    head: LineHead,
    amount: number,
    citation: Citation,
    basis: LineBasis,
    refund?: true,
    passThrough?: string,
  ): number {
    const line: PayLine = {
      code: head.code,
      label: head.label,
      amount,
      kind: head.kind,
      group: head.group,
      ruleId: head.ruleId,
      citation,
      basis,
      passThrough,
      refund,
    };
    const gaji = head.group === 'GAJI';
    (gaji ? this.gaji : this.tpp).push(line);
    (gaji ? this.gajiSums : this.tppSums)[head.kind] += amount;
    return amount;
  }

  step(step: string, ruleId: string, value: number, detail: string, citation?: Citation): void {
    this.trace.push({ step, ruleId, value, detail, citation });
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  /** Σ of the group's lines of one kind added so far, optionally excluding some codes. */
  sum(group: LineGroup, kind: LineKind, exclude?: readonly string[]): number {
    const total = (group === 'GAJI' ? this.gajiSums : this.tppSums)[kind];
    if (!exclude) return total;
    let excluded = 0;
    for (const line of group === 'GAJI' ? this.gaji : this.tpp) {
      if (line.kind === kind && exclude.includes(line.code)) excluded += line.amount;
    }
    return total - excluded;
  }

  hasGroup(group: LineGroup): boolean {
    return (group === 'GAJI' ? this.gaji : this.tpp).length > 0;
  }

  finish(meta: PaySlip['meta']): PaySlip {
    const gaji = totalsOf(this.gajiSums);
    const tpp = totalsOf(this.tppSums);
    const totals: PayTotals = {
      penghasilan: gaji.penghasilan + tpp.penghasilan,
      potongan: gaji.potongan + tpp.potongan,
      bersih: gaji.bersih + tpp.bersih,
      iuranPemberiKerja: gaji.iuranPemberiKerja + tpp.iuranPemberiKerja,
      employerCost: gaji.employerCost + tpp.employerCost,
      gaji,
      tpp,
    };
    // Gaji lines first, then TPP.
    const lines = [...this.gaji, ...this.tpp];
    return { meta, lines, totals, trace: this.trace, warnings: this.warnings };
  }
}

function totalsOf(sums: Readonly<Record<LineKind, number>>): GroupTotals {
  const { PENGHASILAN: penghasilan, POTONGAN: potongan, IURAN_PEMBERI_KERJA: iuranPemberiKerja } = sums;
  return {
    penghasilan,
    potongan,
    bersih: penghasilan - potongan,
    iuranPemberiKerja,
    employerCost: penghasilan + iuranPemberiKerja,
  };
}
