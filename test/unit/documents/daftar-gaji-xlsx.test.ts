import { describe, expect, it } from 'vitest';
import {
  DRAFT_WATERMARK,
  GAJI_LAYOUT,
  renderDaftarGaji,
  SlipTotalsMismatchError,
} from '../../../functions/payroll/documents';
import { aLine, anEmployeeSlip, aRun, aStoredSlip, someSlips } from '../../fixtures/slips';
import { cachedFormulaValues, formulaOf, numberOf, readList } from './xlsx-read';

const OPD = 'Dinas Pendidikan';
const tenant = { name: 'Pemerintah Kabupaten Bukitintan' };
const printedAt = new Date('2026-11-23T03:00:00Z');

const headersOf = (side: 'PENGHASILAN' | 'POTONGAN') =>
  GAJI_LAYOUT.columns.filter((c) => c.side === side).map((c) => c.header);

async function render(slips = someSlips(6), run = aRun()) {
  return readList(await renderDaftarGaji(slips, run, OPD, tenant, { printedAt }));
}

describe('renderDaftarGaji', () => {
  it('should name the pemda, the OPD, the month, the run id and its state', async () => {
    const list = await render();

    expect(list.texts).toEqual(
      expect.arrayContaining([
        'DAFTAR GAJI PEGAWAI',
        tenant.name,
        `OPD: ${OPD}`,
        'Gaji dan TPP · Run 2026-11-GAJI_TPP · November 2026 · Status: DISETUJUI',
      ]),
    );
  });

  it('should write one row per employee of the OPD with the slip gaji totals', async () => {
    const slips = [...someSlips(4), anEmployeeSlip(9, 'Dinas Kesehatan')];

    const list = await render(slips);

    expect(list.rows).toHaveLength(4);
    list.rows.forEach((row, i) => {
      const totals = slips[i]?.slip.totals.gaji;
      expect(row.getCell(list.column('NIP')).value).toBe(slips[i]?.header.nip);
      expect(numberOf(row.getCell(list.column('Jumlah Kotor')))).toBe(totals?.penghasilan);
      expect(numberOf(row.getCell(list.column('Jumlah Potongan')))).toBe(totals?.potongan);
      expect(numberOf(row.getCell(list.column('Jumlah Bersih')))).toBe(totals?.bersih);
    });
  });

  it('should book every gaji line in exactly one column', async () => {
    const slips = someSlips(8);

    const list = await render(slips);

    list.rows.forEach((row, i) => {
      const present = (headers: string[]) => headers.filter((h) => list.headers.includes(h));
      const sum = (headers: string[]) =>
        present(headers).reduce((s, h) => s + numberOf(row.getCell(list.column(h))), 0);
      expect(sum(headersOf('PENGHASILAN'))).toBe(slips[i]?.slip.totals.gaji.penghasilan);
      expect(sum(headersOf('POTONGAN'))).toBe(slips[i]?.slip.totals.gaji.potongan);
    });
  });

  it('should total every money column with a SUM formula whose cached value is the sum of the slips', async () => {
    const slips = someSlips(7);

    const list = await render(slips);

    const sum = (pick: (s: (typeof slips)[number]) => number) => slips.reduce((s, slip) => s + pick(slip), 0);
    const total = (header: string) => numberOf(list.totals.getCell(list.column(header)));
    expect(total('Jumlah Kotor')).toBe(sum((s) => s.slip.totals.gaji.penghasilan));
    expect(total('Jumlah Potongan')).toBe(sum((s) => s.slip.totals.gaji.potongan));
    expect(total('Jumlah Bersih')).toBe(sum((s) => s.slip.totals.gaji.bersih));
    expect(total('Gaji Pokok')).toBe(
      sum((s) => s.slip.lines.find((l) => l.code === 'GAJI_POKOK')?.amount ?? 0),
    );
    expect(formulaOf(list.totals.getCell(list.column('Jumlah Bersih')))).toMatch(
      /^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/,
    );
    expect(formulaOf(list.rows[0]?.getCell(list.column('Jumlah Bersih')) as never)).toMatch(
      /^[A-Z]+\d+-[A-Z]+\d+$/,
    );
  });

  it('should cache the value of every formula so readers that never recalculate see the numbers', async () => {
    const xlsx = await renderDaftarGaji(someSlips(3), aRun(), OPD, tenant, { printedAt });

    const formulas = cachedFormulaValues(xlsx);

    expect(formulas.length).toBeGreaterThan(20);
    expect(formulas.filter((f) => f.cached === undefined || !/^-?\d+$/.test(f.cached))).toEqual([]);
  });

  it('should show the SIPD gaji columns with integer rupiah formatted #,##0', async () => {
    const list = await render();

    for (const header of [
      'Gaji Pokok',
      'Tunj. Suami/Istri',
      'Tunj. Anak',
      'Tunj. Umum',
      'Tunj. Beras',
      'Tunj. PPh',
      'Tunj. BPJS 4%',
      'Tunj. JKK',
      'Tunj. JKM',
      'Pembulatan',
      'IWP 1% (BPJS)',
      'IWP 8% (Taspen)',
      'BPJS 4%',
      'JKK',
      'JKM',
      'PPh 21',
      'Tapera',
      'Rekening',
    ]) {
      expect(list.headers).toContain(header);
    }
    expect(list.headers).not.toContain('Tunj. Tapera');
    const cell = list.rows[0]?.getCell(list.column('Gaji Pokok'));
    expect(cell?.numFmt).toBe('#,##0');
    expect(Number.isInteger(cell?.value)).toBe(true);
  });

  it('should freeze the header rows and the identity columns', async () => {
    const list = await render();

    const view = list.sheet.views[0] as { state: string; xSplit: number; ySplit: number };
    expect(view.state).toBe('frozen');
    expect(view.xSplit).toBe(list.column('Nama'));
    expect(view.ySplit).toBe((list.rows[0]?.number ?? 0) - 1);
  });

  it('should book a line code it does not know in Lain-lain and name it in a note', async () => {
    const koperasi = aLine('POT_KOPERASI', 50_000, { kind: 'POTONGAN', label: 'Iuran koperasi pegawai' });
    const slips = [aStoredSlip({ extraLines: [koperasi] }), ...someSlips(2)];

    const list = await render(slips);

    expect(numberOf(list.rows[0]?.getCell(list.column('Potongan Lain-lain')) as never)).toBe(50_000);
    expect(numberOf(list.rows[0]?.getCell(list.column('Jumlah Bersih')) as never)).toBe(
      slips[0]?.slip.totals.gaji.bersih,
    );
    expect(list.texts.some((t) => t.includes('POT_KOPERASI (Iuran koperasi pegawai)'))).toBe(true);
  });

  it('should watermark a draft run and only a draft run', async () => {
    const draft = await render(someSlips(2), aRun({ state: 'DRAFT' }));
    const approved = await render(someSlips(2), aRun({ state: 'LOCKED' }));

    expect(draft.texts).toContain(DRAFT_WATERMARK);
    expect(draft.sheet.headerFooter.oddHeader).toContain(DRAFT_WATERMARK);
    expect(approved.texts).not.toContain(DRAFT_WATERMARK);
    expect(approved.texts.join('\n')).toContain('Status: TERKUNCI');
  });

  it('should end with the signature block of the kepala OPD, bendahara and PPK-SKPD', async () => {
    const list = await render();

    expect(list.texts).toEqual(
      expect.arrayContaining([
        'Mengetahui,',
        `Kepala ${OPD}`,
        'Bendahara Pengeluaran',
        'PPK-SKPD',
        '........................., 23 November 2026',
      ]),
    );
    expect(list.texts.filter((t) => t.startsWith('NIP. ...'))).toHaveLength(3);
  });

  it('should refuse a slip whose lines do not add up to its stored totals', async () => {
    const slip = aStoredSlip();
    const broken = {
      ...slip,
      slip: {
        ...slip.slip,
        totals: { ...slip.slip.totals, gaji: { ...slip.slip.totals.gaji, penghasilan: 1 } },
      },
    };

    await expect(renderDaftarGaji([broken], aRun(), OPD, tenant)).rejects.toThrow(SlipTotalsMismatchError);
  });
});
