import type { SlipTax } from './slip-tax';

/**
 * The tax recap of a masa, per OPD (issue #16): penghasilan bruto (TER bruto), PPh 21 dipotong (the PPh
 * deductions on the slips, deposited through the SP2D), of which borne by the government (the tunjangan
 * PPh paid on the slips) and by the employees. Sums of the stored slips of every run of the masa, nothing else.
 */
export interface TaxRecapLine {
  opd: string;
  employees: number;
  bruto: number;
  pphDipotong: number;
  pphDtp: number;
  pphPegawai: number;
}

export interface TaxRecap {
  masa: string;
  lines: TaxRecapLine[];
  total: TaxRecapLine;
}

export function taxRecap(masa: string, slips: readonly SlipTax[]): TaxRecap {
  const byOpd = new Map<string, TaxRecapLine & { nips: Set<string> }>();
  const total = { opd: 'JUMLAH', employees: 0, bruto: 0, pphDipotong: 0, pphDtp: 0, pphPegawai: 0 };
  const everyone = new Set<string>();
  for (const s of slips) {
    let line = byOpd.get(s.opd);
    if (!line) {
      line = {
        opd: s.opd,
        employees: 0,
        bruto: 0,
        pphDipotong: 0,
        pphDtp: 0,
        pphPegawai: 0,
        nips: new Set(),
      };
      byOpd.set(s.opd, line);
    }
    const bruto = s.brutoGaji + s.brutoTpp;
    for (const t of [line, total]) {
      t.bruto += bruto;
      t.pphDipotong += s.pphPotongan;
      t.pphDtp += s.pphDtp;
      t.pphPegawai += s.pphPotongan - s.pphDtp;
    }
    line.nips.add(s.nip);
    everyone.add(s.nip);
  }
  const lines = [...byOpd.values()]
    .sort((a, b) => a.opd.localeCompare(b.opd))
    .map(({ nips, ...l }) => ({ ...l, employees: nips.size }));
  return { masa, lines, total: { ...total, employees: everyone.size } };
}
