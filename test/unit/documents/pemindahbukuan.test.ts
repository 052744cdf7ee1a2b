import { describe, expect, it } from 'vitest';
import { golonganRank, pemindahbukuanRows } from '../../../core/reports/pemindahbukuan';
import { anEmployeeSlip } from '../../fixtures/slips';

describe('pemindahbukuan lampiran (bank-dan-laporan.md §2)', () => {
  it('should rank golongan IV/e above IV/a above III/d … above I/a, and every PNS above PPPK', () => {
    const order = ['I/a', 'II/c', 'III/a', 'III/d', 'IV/a', 'IV/e'];
    expect([...order].sort((a, b) => golonganRank(b) - golonganRank(a))).toEqual([...order].reverse());
    expect(golonganRank('XVII')).toBeLessThan(golonganRank('I/a'));
    expect(golonganRank('IX')).toBeGreaterThan(golonganRank('V'));
  });

  it('should sort by golongan, then tunjangan jabatan (highest first), and total gaji bruto = net = Σ bersih', () => {
    const slips = [
      anEmployeeSlip(0, 'DISDIK', { header: { golongan: 'III/a' } }),
      anEmployeeSlip(1, 'DISDIK', { header: { golongan: 'IV/a' } }),
      // n = 4: tunjangan fungsional 540.000; n = 2: tunjangan umum 185.000 (fixtures/slips anEmployeeSlip).
      anEmployeeSlip(2, 'DISDIK', { header: { golongan: 'III/c' } }),
      anEmployeeSlip(4, 'DISDIK', { header: { golongan: 'III/c' } }),
    ];

    const { rows, totals } = pemindahbukuanRows(slips);

    expect(rows.map((r) => [r.no, r.golongan, r.nip])).toEqual([
      [1, 'IV/a', slips[1]!.header.nip],
      [2, 'III/c', slips[3]!.header.nip],
      [3, 'III/c', slips[2]!.header.nip],
      [4, 'III/a', slips[0]!.header.nip],
    ]);
    const bersih = slips.reduce((s, x) => s + x.slip.totals.bersih, 0);
    expect(totals).toEqual({ gajiBruto: bersih, zakat: 0, infaq: 0, jumlahPotongan: 0, net: bersih });
  });
});
