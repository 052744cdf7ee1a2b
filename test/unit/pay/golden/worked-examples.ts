import type { PayInput } from '../../../../core/pay/types';
import { aChild, aDiscipline, anEmployee, aPerformance, aTppPeriod, type TenantOverrides } from '../builders';

/**
 * shared/domain/worked-examples.md as declarative situations with expected outputs (the OpenFisca
 * lesson): each case names its tenant rules, its input and the rupiah it must produce.
 */
export interface GoldenCase {
  readonly name: string;
  /** A demo tenant, or the bukitintan demo with overrides under another tenant id. */
  readonly tenant: 'bantul' | { readonly id: string; readonly overrides: TenantOverrides };
  readonly input: PayInput;
  readonly expected: {
    readonly lines: Readonly<Record<string, number>>;
    readonly absent?: readonly string[];
    readonly gaji?: { readonly penghasilan: number; readonly potongan: number; readonly bersih: number };
    readonly tpp?: { readonly penghasilan: number; readonly potongan: number; readonly bersih: number };
    readonly trace?: Readonly<Record<string, number>>;
  };
}

export const example2Employee = anEmployee({
  golongan: 'III/a',
  mkgYears: 0,
  ptkpStatus: 'TK/0',
  jabatan: { type: 'PELAKSANA' },
});
const example3Facts = (month: string) =>
  aTppPeriod(month, {
    performance: aPerformance({ predikat: 'BAIK' }),
    discipline: aDiscipline({ counts: { TL2: 1, TK: 1 } }),
  });

export const goldenCases: readonly GoldenCase[] = [
  {
    name: 'Example 1 — PNS pusat gaji reproduces the GPP export row',
    tenant: {
      id: 'pusat-gpp',
      overrides: {
        'iuran.employerPremiumsOnSlip': false,
        'pph.terIncludesEmployerPremiums': false,
        'gaji.pembulatanTarget': 'NET',
      },
    },
    input: {
      tenantId: 'pusat-gpp',
      month: '2026-06',
      employee: anEmployee({
        golongan: 'IV/e',
        mkgYears: 32,
        ptkpStatus: 'K/1',
        jabatan: { type: 'FUNGSIONAL', code: 'DOSEN', jenjang: 'GURU_BESAR' },
        family: { spouse: { isAsn: false, receivesAllowanceHere: true }, children: [] },
      }),
      // Tunjangan profesi dosen (1 × gaji pokok) is paid on another list but counts in the BPJS base.
      otherBpjsBaseThisMonth: 6_373_200,
    },
    expected: {
      lines: {
        GAJI_POKOK: 6_373_200,
        TUNJ_SUAMI_ISTRI: 637_320,
        TUNJ_FUNGSIONAL: 1_350_000,
        TUNJ_BERAS: 144_840,
        PEMBULATAN: 81,
        TUNJ_PPH21: 85_054,
        POT_IWP_TASPEN_8: 560_841,
        POT_IWP_BPJS_1: 120_000,
        POT_PPH21: 85_054,
      },
      absent: ['POT_BPJS_KESEHATAN_PEMBERI_KERJA', 'POT_JKK', 'POT_JKM', 'TUNJ_ANAK'],
      gaji: { penghasilan: 8_590_495, potongan: 765_895, bersih: 7_824_600 },
      trace: { 'pph21.bruto': 8_505_441 },
    },
  },
  {
    name: 'Example 2 — PNS daerah gaji, pelaksana',
    tenant: 'bantul',
    input: { tenantId: 'bantul', month: '2026-03', employee: example2Employee },
    expected: {
      lines: {
        GAJI_POKOK: 2_785_700,
        TUNJ_UMUM: 185_000,
        TUNJ_BERAS: 72_420,
        TUNJ_BPJS_KESEHATAN: 118_828,
        TUNJ_JKK: 6_686,
        TUNJ_JKM: 20_057,
        TUNJ_PPH21: 0,
        PEMBULATAN: 43,
        POT_IWP_BPJS_1: 29_707,
        POT_IWP_TASPEN_8: 222_856,
        POT_BPJS_KESEHATAN_PEMBERI_KERJA: 118_828,
        POT_JKK: 6_686,
        POT_JKM: 20_057,
        POT_PPH21: 0,
      },
      gaji: { penghasilan: 3_188_734, potongan: 398_134, bersih: 2_790_600 },
      trace: { 'pph21.bruto': 3_188_734 },
    },
  },
  {
    name: 'Example 2 variant — the test app rounds kotor instead (pembulatanTarget GROSS)',
    tenant: { id: 'kotor', overrides: { 'gaji.pembulatanTarget': 'GROSS' } },
    input: { tenantId: 'kotor', month: '2026-03', employee: example2Employee },
    expected: {
      lines: { PEMBULATAN: 9 },
      gaji: { penghasilan: 3_188_700, potongan: 398_134, bersih: 2_790_566 },
    },
  },
  {
    name: 'Example 3 — TPP for the Example-2 employee (Jambi-style tenant, paid the month after)',
    tenant: 'bantul',
    input: {
      tenantId: 'bantul',
      month: '2026-03',
      employee: example2Employee,
      tppPeriods: [example3Facts('2026-02')],
    },
    expected: {
      lines: {
        TPP_BK: 1_680_000,
        TPP_PK: 480_000,
        TPP_KK: 240_000,
        TUNJ_BPJS_KESEHATAN_TPP: 96_000,
        POT_BPJS_KESEHATAN_TPP_PEMBERI_KERJA: 96_000,
        POT_IWP_BPJS_1_TPP: 24_000,
        POT_PPH21_TPP: 28_423,
      },
      gaji: { penghasilan: 3_188_734, potongan: 398_134, bersih: 2_790_600 },
      tpp: { penghasilan: 2_496_000, potongan: 148_423, bersih: 2_347_577 },
      trace: { 'tpp.total': 2_400_000, 'pph21.bruto': 5_684_734 },
    },
  },
  {
    name: 'Example 4 — last masa (December) for the same employee',
    tenant: 'bantul',
    input: {
      tenantId: 'bantul',
      month: '2026-12',
      employee: example2Employee,
      tppPeriods: [example3Facts('2026-11')],
      taxYtd: {
        brutoGaji: 11 * 3_188_734,
        brutoTpp: 11 * 2_496_000,
        pphGaji: 0,
        pphTpp: 11 * 28_423,
        iuranPensiun: 11 * 222_856,
        monthsWorked: 11,
      },
    },
    expected: {
      lines: { POT_PPH21_TPP: 93_897, POT_PPH21: 0, TUNJ_PPH21: 0 },
      trace: {
        'pph21.annual.bruto': 68_216_808,
        'pph21.annual.iuranPensiun': 2_674_272,
        'pph21.annual.pkp': 8_131_000,
        'pph21.annual.pph': 406_550,
        'pph21.annual.gajiOnly': 0,
      },
    },
  },
  {
    name: 'Example 5 — PPPK daerah gaji, PPh borne by the PPPK (pembulatan after PPh)',
    tenant: 'bantul',
    input: {
      tenantId: 'bantul',
      month: '2026-03',
      employee: anEmployee({
        jenisAsn: 'PPPK',
        golongan: 'IX',
        mkgYears: 0,
        ptkpStatus: 'K/1',
        jabatan: { type: 'FUNGSIONAL', code: 'PERAWAT', jenjang: 'AHLI_PERTAMA', amount: 350_000 },
        family: {
          spouse: { isAsn: false, receivesAllowanceHere: true },
          children: [aChild({ birthDate: '2020-01-15' })],
        },
      }),
    },
    expected: {
      lines: {
        GAJI_POKOK: 3_203_600,
        TUNJ_SUAMI_ISTRI: 320_360,
        TUNJ_ANAK: 64_072,
        TUNJ_FUNGSIONAL: 350_000,
        TUNJ_BERAS: 217_260,
        TUNJ_BPJS_KESEHATAN: 157_521,
        TUNJ_JKK: 7_689,
        TUNJ_JKM: 23_066,
        POT_IWP_BPJS_1: 39_380,
        POT_PPH21: 0,
        PEMBULATAN: 88,
      },
      absent: ['TUNJ_PPH21', 'POT_IWP_TASPEN_8'],
      gaji: { penghasilan: 4_343_656, potongan: 227_656, bersih: 4_116_000 },
      trace: { 'pph21.bruto': 4_343_568 },
    },
  },
];

/** Example 6: TER rate (basis points) per category at the checked bruto values. */
export const terChecks: ReadonlyArray<{ bruto: number; A: number; B: number; C: number }> = [
  { bruto: 5_400_000, A: 0, B: 0, C: 0 },
  { bruto: 5_400_001, A: 25, B: 0, C: 0 },
  { bruto: 8_505_441, A: 150, B: 100, C: 100 },
  { bruto: 10_000_000, A: 200, B: 150, C: 150 },
  { bruto: 1_400_000_001, A: 3400, B: 3300, C: 3300 },
];
