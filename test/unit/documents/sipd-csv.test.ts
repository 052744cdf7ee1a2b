import { describe, expect, it } from 'vitest';
import { GAJI_LAYOUT, renderSipdCsv, TPP_LAYOUT } from '../../../functions/payroll/documents';
import { aLine, anEmployeeSlip, aRun, aStoredSlip, someSlips } from '../../fixtures/slips';
import { parseCsv } from './csv-parse';

const OPD = 'Dinas Pendidikan';

function table(csv: string) {
  const [header = [], ...rows] = parseCsv(csv);
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`no column ${name}`);
    return i;
  };
  const sum = (names: readonly string[], row: string[]) => names.reduce((s, n) => s + Number(row[col(n)]), 0);
  return { header, rows, col, sum };
}

describe('renderSipdCsv', () => {
  it('should write the SIPD TPP columns with totals equal to the slips', () => {
    const slips = [...someSlips(5), anEmployeeSlip(6, 'Dinas Kesehatan')];

    const file = renderSipdCsv(slips, aRun(), OPD, 'TPP');

    const t = table(file.csv);
    expect(t.header.slice(0, 3)).toEqual(['nama_pegawai', 'nip_pegawai', 'nik_pegawai']);
    expect(t.header).toEqual(
      expect.arrayContaining([
        'tpp_beban_kerja',
        'tunjangan_pph',
        'iuran_pemberi_kerja',
        'potongan_iwp',
        'potongan_pph_21',
        'zakat',
        'bulog',
        'jumlah_tpp',
        'jumlah_potongan',
        'jumlah_di_transfer',
      ]),
    );
    const income = TPP_LAYOUT.columns.filter((c) => c.side === 'PENGHASILAN').map((c) => c.key);
    const deductions = TPP_LAYOUT.columns.filter((c) => c.side === 'POTONGAN').map((c) => c.key);
    t.rows.forEach((row, i) => {
      const totals = slips[i]?.slip.totals.tpp;
      expect(t.sum(income, row)).toBe(totals?.penghasilan);
      expect(Number(row[t.col('jumlah_tpp')])).toBe(totals?.penghasilan);
      expect(t.sum(deductions, row)).toBe(totals?.potongan);
      expect(Number(row[t.col('jumlah_di_transfer')])).toBe(totals?.bersih);
    });
    const expected = slips.slice(0, 5).reduce((s, x) => s + x.slip.totals.tpp.bersih, 0);
    expect(file.totals.bersih).toBe(expected);
    expect(t.rows.reduce((s, r) => s + Number(r[t.col('jumlah_di_transfer')]), 0)).toBe(expected);
  });

  it('should write the gaji daerah columns with totals equal to the slips', () => {
    const slips = someSlips(4);

    const file = renderSipdCsv(slips, aRun(), OPD, 'GAJI');

    const t = table(file.csv);
    const income = GAJI_LAYOUT.columns.filter((c) => c.side === 'PENGHASILAN').map((c) => c.key);
    expect(t.header).toEqual(
      expect.arrayContaining([
        'gaji_pokok',
        'tunjangan_suami_istri',
        'tunjangan_anak',
        'tunjangan_jabatan',
        'tunjangan_fungsional',
        'tunjangan_umum',
        'tunjangan_beras',
        'tunjangan_pph',
        'tunjangan_bpjs',
        'tunjangan_jkk',
        'tunjangan_jkm',
        'pembulatan',
        'potongan_iwp_1',
        'potongan_iwp_8',
        'potongan_bpjs',
        'potongan_jkk',
        'potongan_jkm',
        'potongan_pph',
        'potongan_tapera',
        'jumlah_bersih',
      ]),
    );
    t.rows.forEach((row, i) => {
      expect(t.sum(income, row)).toBe(slips[i]?.slip.totals.gaji.penghasilan);
    });
    expect(file.totals).toEqual({
      kotor: slips.reduce((s, x) => s + x.slip.totals.gaji.penghasilan, 0),
      potongan: slips.reduce((s, x) => s + x.slip.totals.gaji.potongan, 0),
      bersih: slips.reduce((s, x) => s + x.slip.totals.gaji.bersih, 0),
    });
  });

  it('should derive the birth date from the NIP and keep the column set fixed', () => {
    const a = renderSipdCsv(someSlips(1), aRun(), OPD, 'TPP');
    const b = renderSipdCsv(
      [aStoredSlip({ tpp: { criteria: { BK: [1, 1], KP: [1, 1] } } })],
      aRun(),
      OPD,
      'TPP',
    );

    expect(table(a.csv).header).toEqual(table(b.csv).header);
    expect(table(a.csv).rows[0]?.[table(a.csv).col('tanggal_lahir_pegawai')]).toBe('1985-03-15');
  });

  it('should book zakat by its label and unknown codes in potongan_lain, reporting them', () => {
    const zakat = aLine('POT_ZAKAT_TPP', 70_000, {
      kind: 'POTONGAN',
      group: 'TPP',
      label: 'Zakat profesi (BAZNAS)',
    });
    const odd = aLine('POT_DHARMA_WANITA', 10_000, {
      kind: 'POTONGAN',
      group: 'TPP',
      label: 'Iuran dharma wanita',
    });

    const file = renderSipdCsv([aStoredSlip({ extraLines: [zakat, odd] })], aRun(), OPD, 'TPP');

    const t = table(file.csv);
    expect(t.rows[0]?.[t.col('zakat')]).toBe('70000');
    expect(t.rows[0]?.[t.col('potongan_lain')]).toBe('10000');
    expect(file.unknownCodes.map((u) => u.code)).toEqual(['POT_DHARMA_WANITA']);
  });
});
