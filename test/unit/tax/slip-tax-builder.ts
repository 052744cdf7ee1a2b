import type { SlipTax } from '../../../core/tax/slip-tax';

/** A slip's tax view with the Example 2/3 employee's defaults (worked-examples.md; PNS III/a pelaksana, TK/0). */
export function aSlipTax(over: Partial<SlipTax> = {}): SlipTax {
  return {
    runId: '2026-03-GAJI_TPP',
    kind: 'GAJI_TPP',
    runState: 'LOCKED',
    month: '2026-03',
    nip: '199001012015031001',
    nama: 'Pegawai Contoh',
    opd: 'DISDIK',
    jabatan: 'Pelaksana',
    golongan: 'III/a',
    jenisAsn: 'PNS',
    ptkpStatus: 'TK/0',
    isLastMasa: false,
    brutoGaji: 0,
    brutoTpp: 0,
    pphGaji: 0,
    pphTpp: 0,
    iuranPensiun: 0,
    pphPotongan: 0,
    pphDtp: 0,
    gajiLines: {},
    gajiIncome: 0,
    tppIncome: 0,
    ...over,
  };
}
