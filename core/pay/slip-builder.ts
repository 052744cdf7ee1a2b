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

  /**
   * The only place a line is made. Steps pass the constant head and the month's values rather than a
   * ready object: a spec object copied into a line doubled the allocation of every line (~2.5 KB of a
   * slip's ~16 KB), and one literal here gives every line the same hidden class.
   */
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
    const sums = gaji ? this.gajiSums : this.tppSums;
    // A switch, not sums[kind]: a store under a varying key would go through the megamorphic stub.
    switch (head.kind) {
      case 'PENGHASILAN':
        sums.PENGHASILAN += amount;
        break;
      case 'POTONGAN':
        sums.POTONGAN += amount;
        break;
      case 'IURAN_PEMBERI_KERJA':
        sums.IURAN_PEMBERI_KERJA += amount;
        break;
      case 'INFORMASI':
        sums.INFORMASI += amount;
        break;
    }
    return amount;
  }

  step(step: string, ruleId: string, value: number, detail: string, citation?: Citation): void {
    this.trace.push(traceStep(step, ruleId, value, detail, citation));
  }

  /** A step whose every field is fixed by the month's rules (made by `traceStep`), shared by the slips. */
  record(step: TraceStep): void {
    this.trace.push(step);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  /** Σ of the group's lines of one kind added so far, optionally excluding some codes. */
  sum(group: LineGroup, kind: LineKind, exclude?: readonly string[]): number {
    const sums = group === 'GAJI' ? this.gajiSums : this.tppSums;
    const total =
      kind === 'PENGHASILAN'
        ? sums.PENGHASILAN
        : kind === 'POTONGAN'
          ? sums.POTONGAN
          : kind === 'IURAN_PEMBERI_KERJA'
            ? sums.IURAN_PEMBERI_KERJA
            : sums.INFORMASI;
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
    // Gaji lines first, then TPP, in one array of exactly their length.
    const { gaji: g, tpp: t } = this;
    const lines = new Array<PayLine>(g.length + t.length);
    for (let i = 0; i < g.length; i++) lines[i] = g[i] as PayLine;
    for (let i = 0; i < t.length; i++) lines[g.length + i] = t[i] as PayLine;
    return { meta, lines, totals, trace: this.trace, warnings: this.warnings };
  }
}

/** The one place a trace step is made: always the same five fields, one hidden class for every step. */
export function traceStep(
  step: string,
  ruleId: string,
  value: number,
  detail: string,
  citation?: Citation,
): TraceStep {
  return { step, ruleId, value, detail, citation };
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
