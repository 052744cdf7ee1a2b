import type { SlipLine, SlipView } from './types';

/**
 * A slip grouped as printed on paper (UX reference, Rincian Slip): Penghasilan, Potongan, then the
 * employer's premiums that are not on the printed slip, then Jumlah bersih. Within each block the
 * gaji lines come before the TPP lines, in the engine's order. INFORMASI lines (notes with no money
 * effect) are shown apart.
 */
export interface SlipSections {
  penghasilan: SlipLine[];
  potongan: SlipLine[];
  iuranPemberiKerja: SlipLine[];
  informasi: SlipLine[];
}

export function slipSections(view: Pick<SlipView, 'slip'>): SlipSections {
  const byGroup = (a: SlipLine, b: SlipLine) => (a.group === b.group ? 0 : a.group === 'GAJI' ? -1 : 1);
  const of = (kind: SlipLine['kind']) => view.slip.lines.filter((l) => l.kind === kind).sort(byGroup);
  return {
    penghasilan: of('PENGHASILAN'),
    potongan: of('POTONGAN'),
    iuranPemberiKerja: of('IURAN_PEMBERI_KERJA'),
    informasi: of('INFORMASI'),
  };
}

export function sumOf(lines: readonly SlipLine[]): number {
  return lines.reduce((s, l) => s + l.amount, 0);
}

/** "Dra. Sri Lestari, S.Pd." from the header's parts. */
export function fullName(h: { nama: string; gelarDepan?: string; gelarBelakang?: string }): string {
  return `${h.gelarDepan ? `${h.gelarDepan} ` : ''}${h.nama}${h.gelarBelakang ? `, ${h.gelarBelakang}` : ''}`;
}
