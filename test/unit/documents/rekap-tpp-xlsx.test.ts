import { describe, expect, it } from 'vitest';
import { DRAFT_WATERMARK, renderRekapTpp, TPP_LAYOUT } from '../../../functions/payroll/documents';
import { tppBreakdown } from '../../../functions/payroll/documents/tpp-breakdown';
import { anEmployeeSlip, aRun, aStoredSlip, someSlips } from '../../fixtures/slips';
import { formulaOf, numberOf, readList } from './xlsx-read';

const OPD = 'Dinas Pendidikan';
const tenant = { name: 'Pemerintah Kabupaten Bukitintan' };

async function render(slips = someSlips(6), run = aRun()) {
  return readList(
    await renderRekapTpp(slips, run, OPD, tenant, { printedAt: new Date('2026-11-23T03:00:00Z') }),
  );
}

describe('renderRekapTpp', () => {
  it('should write one row per employee with TPP bruto, kotor, potongan and bersih of the TPP group', async () => {
    const slips = [...someSlips(5), anEmployeeSlip(7, 'Dinas Kesehatan')];

    const list = await render(slips);

    expect(list.rows).toHaveLength(5);
    list.rows.forEach((row, i) => {
      const slip = slips[i]?.slip;
      const criteria = slip?.lines
        .filter((l) => l.ruleId === 'tpp.criterion')
        .reduce((s, l) => s + l.amount, 0);
      expect(numberOf(row.getCell(list.column('TPP Bruto')))).toBe(criteria);
      expect(numberOf(row.getCell(list.column('Jumlah Kotor')))).toBe(slip?.totals.tpp.penghasilan);
      expect(numberOf(row.getCell(list.column('Jumlah Potongan')))).toBe(slip?.totals.tpp.potongan);
      expect(numberOf(row.getCell(list.column('Jumlah Bersih')))).toBe(slip?.totals.tpp.bersih);
    });
  });

  it('should book every TPP line in exactly one column and total them to the rupiah', async () => {
    const slips = someSlips(9);

    const list = await render(slips);

    const headers = (side: 'PENGHASILAN' | 'POTONGAN') =>
      TPP_LAYOUT.columns
        .filter((c) => c.side === side && list.headers.includes(c.header))
        .map((c) => c.header);
    list.rows.forEach((row, i) => {
      const sum = (hs: string[]) => hs.reduce((s, h) => s + numberOf(row.getCell(list.column(h))), 0);
      expect(sum(headers('PENGHASILAN'))).toBe(slips[i]?.slip.totals.tpp.penghasilan);
      expect(sum(headers('POTONGAN'))).toBe(slips[i]?.slip.totals.tpp.potongan);
    });
    const total = (h: string) => numberOf(list.totals.getCell(list.column(h)));
    const sumSlips = (pick: (t: { penghasilan: number; potongan: number; bersih: number }) => number) =>
      slips.reduce((s, slip) => s + pick(slip.slip.totals.tpp), 0);
    expect(total('Jumlah Kotor')).toBe(sumSlips((t) => t.penghasilan));
    expect(total('Jumlah Potongan')).toBe(sumSlips((t) => t.potongan));
    expect(total('Jumlah Bersih')).toBe(sumSlips((t) => t.bersih));
    expect(formulaOf(list.totals.getCell(list.column('TPP Bruto')))).toMatch(/^SUM\(/);
  });

  it('should show the pagu, the cut of each part and the cut from the pagu', async () => {
    const slip = aStoredSlip({
      tpp: { criteria: { BK: [2_500_000, 2_460_000], PK: [500_000, 492_000] }, disciplineCutBp: 400 },
    });

    const list = await render([slip]);

    const row = list.rows[0];
    expect(numberOf(row?.getCell(list.column('Kelas Jabatan')) as never)).toBe(7);
    expect(numberOf(row?.getCell(list.column('Pagu TPP')) as never)).toBe(3_000_000);
    expect(numberOf(row?.getCell(list.column('Potongan Produktivitas kerja (%)')) as never)).toBe(0);
    expect(numberOf(row?.getCell(list.column('Potongan Disiplin kerja (%)')) as never)).toBe(0.04);
    expect(numberOf(row?.getCell(list.column('Potongan dari Pagu (%)')) as never)).toBeCloseTo(
      48_000 / 3_000_000,
      10,
    );
    expect(list.texts).toContain('Bulan kinerja: Oktober 2026.');
  });

  it('should show a criterion, the tunjangan PPh and the IWP columns only as the slips need them', async () => {
    const apbd = aStoredSlip({
      tpp: {
        criteria: { BK: [2_000_000, 2_000_000], TB: [400_000, 400_000] },
        pph: 60_000,
        pphBorne: 'APBD',
      },
    });

    const list = await render([apbd]);

    expect(list.headers).toEqual(
      expect.arrayContaining([
        'TPP Beban Kerja',
        'TPP Tempat Bertugas',
        'Tunj. PPh',
        'Tunj. BPJS 4%',
        'BPJS 4%',
        'IWP 1% (BPJS)',
        'PPh 21',
      ]),
    );
    expect(list.headers).not.toContain('TPP Prestasi Kerja');
    expect(numberOf(list.rows[0]?.getCell(list.column('Tunj. PPh')) as never)).toBe(60_000);
    expect(numberOf(list.rows[0]?.getCell(list.column('PPh 21')) as never)).toBe(60_000);
  });

  it('should leave out employees without TPP lines', async () => {
    const list = await render([aStoredSlip({ tpp: null }), ...someSlips(2)]);

    expect(list.rows).toHaveLength(2);
  });

  it('should name the run and watermark a draft', async () => {
    const list = await render(someSlips(1), aRun({ state: 'DRAFT' }));

    expect(list.texts).toEqual(
      expect.arrayContaining([
        'REKAPITULASI TAMBAHAN PENGHASILAN PEGAWAI (TPP)',
        tenant.name,
        DRAFT_WATERMARK,
      ]),
    );
    expect(list.texts.join('\n')).toContain('Run 2026-11-GAJI_TPP · November 2026 · Status: DRAFT');
  });
});

describe('tppBreakdown', () => {
  it('should read pagu, period and kelas from the criterion lines and the part cuts from the trace', () => {
    const slip = aStoredSlip({ tpp: { disciplineCutBp: 350 } }).slip;

    const b = tppBreakdown(slip);

    expect(b).toEqual({
      period: '2026-10',
      kelasJabatan: 7,
      pagu: 3_000_000,
      bruto: 2_952_000,
      parts: [
        { code: 'PRODUKTIVITAS', label: 'Produktivitas kerja', cutBp: 0 },
        { code: 'DISIPLIN', label: 'Disiplin kerja', cutBp: 350 },
      ],
    });
  });
});
