import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExplainedPayLine } from '../../../core/pay/types';
import type { EmployeeFacts } from '../../../core/reports/employee-facts';
import { SIPD_GAJI_LAYOUT, SIPD_TPP_LAYOUT } from '../../../core/reports/sipd-layout';
import { buildSipdList } from '../../../core/reports/sipd-list';
import { toCsv } from '../../../functions/payroll/documents/csv';
import { aLine, aStoredSlip, someSlips, totalsOf } from '../../fixtures/slips';

const golden = (name: string) =>
  readFileSync(new URL(`../../fixtures/sipd/${name}`, import.meta.url), 'utf8');

const NIP = '199703112020121004';

/** The real row of bank-dan-laporan.md §6 as stored slip lines (amounts from §4–§7; see fixtures/sipd/README.md). */
function realRowSlip() {
  const lines: ExplainedPayLine[] = [
    aLine('GAJI_POKOK', 2_964_000),
    aLine('TUNJ_SUAMI_ISTRI', 296_400),
    aLine('TUNJ_ANAK', 59_280),
    aLine('TUNJ_FUNGSIONAL', 540_000),
    aLine('TUNJ_BERAS', 217_260),
    aLine('TUNJ_BPJS_KESEHATAN', 154_387),
    aLine('POT_BPJS_KESEHATAN_PEMBERI_KERJA', 154_387),
    aLine('TUNJ_JKK', 7_114),
    aLine('POT_JKK', 7_114),
    aLine('TUNJ_JKM', 21_341),
    aLine('POT_JKM', 21_341),
    aLine('POT_IWP_BPJS_1', 38_597),
    aLine('POT_IWP_TASPEN_8', 265_574),
    aLine('PEMBULATAN', 31),
    aLine('POT_PPH21', 0),
    aLine('TPP_BK', 3_317_424),
    aLine('TUNJ_BPJS_KESEHATAN_TPP', 132_697),
    aLine('POT_BPJS_KESEHATAN_TPP_PEMBERI_KERJA', 132_697),
    aLine('POT_IWP_BPJS_1_TPP', 33_174),
    aLine('POT_PPH21_TPP', 75_772),
  ];
  const base = aStoredSlip({
    header: {
      nip: NIP,
      nama: 'Rizky Pratama',
      gelarBelakang: 'S.Kom.',
      golongan: 'III/a',
      jabatan: 'Pranata Komputer Ahli Pertama',
      opd: 'DISKOMINFO',
      bank: { bank: 'Bank BJB', accountNumber: '0012345678901', accountName: 'RIZKY PRATAMA' },
    },
    gaji: null,
    tpp: null,
  });
  return {
    ...base,
    slip: { ...base.slip, lines, totals: totalsOf(lines) },
    input: {
      ...base.input,
      employee: {
        ...base.input.employee,
        mkgYears: 4,
        mkgMonths: 0,
        jabatan: { type: 'FUNGSIONAL' as const, code: 'PRAKOM', jenjang: 'AHLI_PERTAMA' },
      },
    },
  };
}

const FACTS = new Map<string, EmployeeFacts>([
  [
    NIP,
    {
      nik: '3273011103970002',
      alamat: 'Jl. Contoh No. 1, Bandung',
      bankCode: '110',
      accountNumber: '0012345678901',
    },
  ],
]);

describe('SIPD lists (bank-dan-laporan.md §6, sipd-bas.json identity)', () => {
  it('should write the real gaji row of §6 exactly as the golden file typed from the reference', () => {
    const list = buildSipdList('sipd-gaji', [realRowSlip()], SIPD_GAJI_LAYOUT, FACTS);

    expect(list.issues).toEqual([]);
    expect(toCsv(list.header, list.records)).toBe(golden('sipd-gaji-real-row.golden.csv'));
    expect(list.totals).toEqual({ kotor: 4_259_813, potongan: 487_013, bersih: 3_772_800 });
  });

  it('should write the real TPP row of §6 exactly as the golden file (TPP not rounded)', () => {
    const list = buildSipdList('sipd-tpp', [realRowSlip()], SIPD_TPP_LAYOUT, FACTS);

    expect(list.issues).toEqual([]);
    expect(toCsv(list.header, list.records)).toBe(golden('sipd-tpp-real-row.golden.csv'));
    expect(list.totals).toEqual({ kotor: 3_450_121, potongan: 241_643, bersih: 3_208_478 });
  });

  it('should name the employee and the column of every empty required identity value, never a blank cell', () => {
    const slip = realRowSlip();

    const list = buildSipdList('sipd-gaji', [slip], SIPD_GAJI_LAYOUT, new Map([[NIP, { alamat: '  ' }]]));

    expect(list.issues.map((i) => [i.nip, i.column])).toEqual([
      [NIP, 'nik_pegawai'],
      [NIP, 'alamat'],
      [NIP, 'kode_bank'],
    ]);
    expect(list.issues[0]?.message).toBe('NIK belum diisi di data pegawai');
  });

  it('should not take the record’s bank code for an account the slip did not pay to', () => {
    const moved = new Map([[NIP, { ...FACTS.get(NIP)!, accountNumber: '9990001112' }]]);

    const list = buildSipdList('sipd-gaji', [realRowSlip()], SIPD_GAJI_LAYOUT, moved);

    expect(list.issues.map((i) => i.column)).toEqual(['kode_bank']);
  });

  it('should refuse a pay line no SIPD column takes instead of dropping its rupiah', () => {
    const slip = realRowSlip();
    const extra = aLine('TPP_POL', 100_000, {
      group: 'TPP',
      kind: 'PENGHASILAN',
      label: 'TPP Pertimbangan Objektif Lainnya',
    });
    const withPol = { ...slip, slip: { ...slip.slip, lines: [...slip.slip.lines, extra] } };

    const list = buildSipdList('sipd-tpp', [withPol], SIPD_TPP_LAYOUT, FACTS);

    expect(list.issues).toEqual([
      expect.objectContaining({
        nip: NIP,
        column: 'TPP_POL',
        message: expect.stringContaining('tidak punya kolom'),
      }),
    ]);
  });

  it('should total each list to the slips’ own gaji and TPP totals', () => {
    const slips = someSlips(6);
    const facts = new Map(
      slips.map((s) => [
        s.header.nip,
        {
          nik: '3402011503850001',
          alamat: 'Jl. Uji 1',
          bankCode: '112',
          accountNumber: s.header.bank!.accountNumber,
        },
      ]),
    );

    const gaji = buildSipdList('sipd-gaji', slips, SIPD_GAJI_LAYOUT, facts);
    const tpp = buildSipdList('sipd-tpp', slips, SIPD_TPP_LAYOUT, facts);

    const sum = (f: (s: (typeof slips)[number]) => number) => slips.reduce((a, s) => a + f(s), 0);
    expect(gaji.issues).toEqual([]);
    expect(gaji.totals.kotor).toBe(sum((s) => s.slip.totals.gaji.penghasilan));
    expect(gaji.totals.bersih).toBe(sum((s) => s.slip.totals.gaji.bersih));
    expect(tpp.totals.bersih).toBe(sum((s) => s.slip.totals.tpp.bersih));
    expect(gaji.totals.bersih + tpp.totals.bersih).toBe(sum((s) => s.slip.totals.bersih));
  });
});
