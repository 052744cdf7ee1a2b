import { describe, expect, it } from 'vitest';
import type { ExplainedPayLine } from '../../../core/pay/types';
import type { StoredSlip } from '../../../core/payroll/run-types';
import { bpjsKesehatanRecap, taspenRecap } from '../../../core/reports/iuran-recap';
import { aLine, anEngineTenant, aStoredSlip, engineSlips, totalsOf } from '../../fixtures/slips';

function slipWith(nip: string, opd: string, jenisAsn: string, lines: ExplainedPayLine[]): StoredSlip {
  const base = aStoredSlip({ header: { nip, opd, jenisAsn }, gaji: null, tpp: null });
  return { ...base, slip: { ...base.slip, lines, totals: totalsOf(lines) } };
}

/** The worked example of bank-dan-laporan.md §4–5 (S-SIPD-JABAR, January 2026), lines with their bases. */
const EXAMPLE_NIP = '199703112020121004';
function workedExample(): StoredSlip {
  return slipWith(EXAMPLE_NIP, 'DISKOMINFO', 'PNS', [
    aLine('GAJI_POKOK', 2_964_000),
    aLine('TUNJ_BPJS_KESEHATAN', 154_387, { basis: { base: 3_859_680, cappedBase: 3_859_680, rateBp: 400 } }),
    aLine('POT_BPJS_KESEHATAN_PEMBERI_KERJA', 154_387),
    aLine('POT_IWP_BPJS_1', 38_597, { basis: { base: 3_859_680, cappedBase: 3_859_680, rateBp: 100 } }),
    aLine('TUNJ_JKK', 7_114, { basis: { gajiPokok: 2_964_000, rateBp: 24 } }),
    aLine('POT_JKK', 7_114),
    aLine('TUNJ_JKM', 21_341, { basis: { gajiPokok: 2_964_000, rateBp: 72 } }),
    aLine('POT_JKM', 21_341),
    aLine('POT_IWP_TASPEN_8', 265_574, {
      basis: {
        base: 3_319_680,
        gajiPokok: 2_964_000,
        tunjanganKeluarga: 355_680,
        rateBp: 800,
        pensiunBp: 475,
        pensiun: 157_684,
        thtBp: 325,
        tht: 107_889,
      },
    }),
    aLine('TPP_BK', 3_317_424),
    aLine('TUNJ_BPJS_KESEHATAN_TPP', 132_697, {
      basis: { tpp: 3_317_424, cappedBase: 3_317_424, rateBp: 400 },
    }),
    aLine('POT_BPJS_KESEHATAN_TPP_PEMBERI_KERJA', 132_697),
    aLine('POT_IWP_BPJS_1_TPP', 33_174, {
      basis: { tpp: 3_317_424, headroom: 8_140_320, cappedBase: 3_317_424, rateBp: 100 },
    }),
  ]);
}

describe('BPJS Kesehatan recap (bank-dan-laporan.md §4)', () => {
  it('should reproduce the worked example: capped base 7.177.104, 1 % 71.771, 4 % 287.084, 5 % 358.855', () => {
    const recap = bpjsKesehatanRecap(
      'bpjs-kesehatan',
      [workedExample()],
      new Map([[EXAMPLE_NIP, { nik: '3273011103970002' }]]),
    );

    expect(recap.issues).toEqual([]);
    expect(recap.employees[0]).toMatchObject({
      nik: '3273011103970002',
      dasar_gaji: 3_859_680,
      dasar_tpp: 3_317_424,
      dasar_dibatasi: 7_177_104,
      iuran_pegawai_gaji: 38_597,
      iuran_pegawai_tpp: 33_174,
      iuran_pemberi_kerja_gaji: 154_387,
      iuran_pemberi_kerja_tpp: 132_697,
      jumlah_pegawai: 71_771,
      jumlah_pemberi_kerja: 287_084,
      jumlah: 358_855,
    });
    expect(recap.rates).toEqual({ iuran_pegawai: [100], iuran_pemberi_kerja: [400] });
  });

  it('should show the base above the cap and the capped base of 12.000.000 (employee part at most 120.000)', () => {
    const high = slipWith('196501011990031001', 'SETDA', 'PNS', [
      aLine('TUNJ_BPJS_KESEHATAN', 480_000, {
        basis: { base: 14_500_000, cappedBase: 12_000_000, rateBp: 400 },
      }),
      aLine('POT_BPJS_KESEHATAN_PEMBERI_KERJA', 480_000),
      aLine('POT_IWP_BPJS_1', 120_000, { basis: { base: 14_500_000, cappedBase: 12_000_000, rateBp: 100 } }),
      aLine('TPP_BK', 5_000_000),
      aLine('TUNJ_BPJS_KESEHATAN_TPP', 0, { basis: { tpp: 5_000_000, cappedBase: 0, rateBp: 400 } }),
      aLine('POT_BPJS_KESEHATAN_TPP_PEMBERI_KERJA', 0),
      aLine('POT_IWP_BPJS_1_TPP', 0, { basis: { tpp: 5_000_000, headroom: 0, cappedBase: 0, rateBp: 100 } }),
    ]);

    const row = bpjsKesehatanRecap('bpjs-kesehatan', [high], new Map([['196501011990031001', { nik: '1' }]]))
      .employees[0];

    expect(row).toMatchObject({
      dasar_gaji: 14_500_000,
      dasar_tpp: 5_000_000,
      dasar_dibatasi: 12_000_000,
      jumlah_pegawai: 120_000,
    });
  });

  it('should name an employee without NIK instead of leaving the cell blank', () => {
    const recap = bpjsKesehatanRecap('bpjs-kesehatan', [workedExample()], new Map());

    expect(recap.issues).toEqual([expect.objectContaining({ nip: EXAMPLE_NIP, column: 'nik' })]);
  });

  it('should total per OPD and overall to the BPJS lines of the engine’s slips, with headcounts by status', () => {
    const tenant = anEngineTenant({});
    const slips = [...engineSlips(tenant, 6, 'DISDIK'), ...engineSlips(tenant, 4, 'DINKES')].map((s, i) => ({
      ...s,
      header: { ...s.header, nip: `${s.header.nip.slice(0, 15)}${String(i).padStart(3, '0')}` },
    }));
    const facts = new Map(slips.map((s) => [s.header.nip, { nik: '3402010101850001' }]));

    const recap = bpjsKesehatanRecap('bpjs-kesehatan', slips, facts);

    const lineSum = (codes: string[], employer: boolean) =>
      slips
        .flatMap((s) => s.slip.lines)
        .filter((l) => codes.includes(l.code) && (employer ? l.kind !== 'POTONGAN' : l.kind === 'POTONGAN'))
        .reduce((a, l) => a + l.amount, 0);
    expect(recap.issues).toEqual([]);
    expect(recap.total.jumlah_pegawai).toBe(lineSum(['POT_IWP_BPJS_1', 'POT_IWP_BPJS_1_TPP'], false));
    expect(recap.total.jumlah_pemberi_kerja).toBe(
      lineSum(['TUNJ_BPJS_KESEHATAN', 'TUNJ_BPJS_KESEHATAN_TPP'], true),
    );
    expect(recap.opds.map((o) => [o.opd, o.peserta])).toEqual([
      ['DINKES', 4],
      ['DISDIK', 6],
    ]);
    expect(recap.total.peserta_pppk).toBe(slips.filter((s) => s.header.jenisAsn === 'PPPK').length);
    expect(Number(recap.opds[0]?.jumlah) + Number(recap.opds[1]?.jumlah)).toBe(recap.total.jumlah);
    expect(recap.rates).toEqual({ iuran_pegawai: [100], iuran_pemberi_kerja: [400] });
  });
});

describe('Taspen recap (bank-dan-laporan.md §5)', () => {
  it('should reproduce the worked example: base 3.319.680, 8 % 265.574 (157.684 + 107.889), JKK 7.114, JKM 21.341', () => {
    const recap = taspenRecap('taspen', [workedExample()]);

    expect(recap.employees[0]).toMatchObject({
      gaji_pokok: 2_964_000,
      tunjangan_keluarga: 355_680,
      dasar_iwp: 3_319_680,
      iwp: 265_574,
      iwp_pensiun: 157_684,
      iwp_tht: 107_889,
      jkk: 7_114,
      jkm: 21_341,
    });
    expect(recap.rates).toEqual({ iwp: [800], iwp_pensiun: [475], iwp_tht: [325], jkk: [24], jkm: [72] });
  });

  it('should total to the slips’ Taspen, JKK and JKM lines and count PPPK for JKK/JKM only', () => {
    const slips = engineSlips(anEngineTenant({}), 8, 'DISDIK');

    const recap = taspenRecap('taspen', slips);

    const sum = (code: string, employer: boolean) =>
      slips
        .flatMap((s) => s.slip.lines)
        .filter((l) => l.code === code && (employer ? l.kind !== 'POTONGAN' : l.kind === 'POTONGAN'))
        .reduce((a, l) => a + l.amount, 0);
    expect(recap.issues).toEqual([]);
    expect(recap.total.iwp).toBe(sum('POT_IWP_TASPEN_8', false));
    expect(recap.total.jkk).toBe(sum('TUNJ_JKK', true));
    expect(recap.total.jkm).toBe(sum('TUNJ_JKM', true));
    expect(recap.total.peserta).toBe(8);
    for (const row of recap.employees.filter((r) => r.status === 'PPPK')) expect(row.iwp).toBe(0);
  });
});
