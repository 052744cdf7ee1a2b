import { type AnnualRules, pph21Annual } from '../pay/pph21';
import type { PtkpStatus } from '../pay/types';
import type { NationalRules } from '../rulesets/national-in-force';
import type { SlipTax } from './slip-tax';

/**
 * The annual bukti potong of one employee and tax year (form 1721-A2, pajak-pelaporan.md §5.2; the same
 * figures fill the A1 XML of §5.1), from the year's stored slips and the saldo awal. Lines 1–8 are sums of
 * the gaji lines as paid; line 11 is Σ of the TER bruto each slip reported, so the A2 bruto is the bruto of
 * the bukti potong bulanan; line 9 is what the gaji bruto held beyond lines 1–8 (employer premiums when the
 * tenant puts them in bruto ⚠, §5.2); line 10 the TPP bruto. Lines 12 and 18–20 apply the annual rule of
 * the last masa (PMK 168/2023; core/pay/pph21.ts) to those sums, and line 20 must equal the annual PPh the
 * last masa's slip computed: a difference is a problem of the form, never silently printed.
 */
export const A2_LINES = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23A',
  '23B',
] as const;
export type A2Line = (typeof A2_LINES)[number];

/** §5.2 line labels as printed on the form. */
export const A2_LABELS: Readonly<Record<A2Line, string>> = {
  '1': 'Gaji pokok/pensiun',
  '2': 'Tunjangan isteri/suami',
  '3': 'Tunjangan anak',
  '4': 'Jumlah gaji dan tunjangan keluarga (1 s.d. 3)',
  '5': 'Tunjangan perbaikan penghasilan',
  '6': 'Tunjangan struktural/fungsional',
  '7': 'Tunjangan beras',
  '8': 'Tunjangan khusus',
  '9': 'Tunjangan lain-lain',
  '10': 'Penghasilan tetap dan teratur lainnya yang pembayarannya terpisah dari pembayaran gaji',
  '11': 'Jumlah penghasilan bruto (4 s.d. 10)',
  '12': 'Biaya jabatan',
  '13': 'Iuran pensiun atau iuran THT',
  '14': 'Jumlah pengurangan (12 s.d. 13)',
  '15': 'Jumlah penghasilan neto (11 − 14)',
  '16': 'Jumlah penghasilan neto masa sebelumnya',
  '17': 'Jumlah penghasilan neto untuk perhitungan PPh Pasal 21 (setahun/disetahunkan)',
  '18': 'Penghasilan tidak kena pajak (PTKP)',
  '19': 'Penghasilan kena pajak setahun/disetahunkan (17 − 18)',
  '20': 'PPh Pasal 21 atas penghasilan kena pajak setahun/disetahunkan',
  '21': 'PPh Pasal 21 yang telah dipotong masa sebelumnya',
  '22': 'PPh Pasal 21 terutang',
  '23A': 'PPh Pasal 21 dan PPh Pasal 26 yang telah dipotong dan dilunasi: atas gaji dan tunjangan',
  '23B':
    'PPh Pasal 21 dan PPh Pasal 26 yang telah dipotong dan dilunasi: atas penghasilan tetap dan teratur lainnya yang dibayar terpisah dari gaji',
};

/** Which gaji line codes feed lines 1–8 (§5.2 mapping; lines 5 and 8 follow "one implementation" ⚠). */
const LINE_CODES: Readonly<Partial<Record<A2Line, readonly string[]>>> = {
  '1': ['GAJI_POKOK'],
  '2': ['TUNJ_SUAMI_ISTRI'],
  '3': ['TUNJ_ANAK'],
  '5': ['TUNJ_UMUM'],
  '6': ['TUNJ_STRUKTURAL', 'TUNJ_FUNGSIONAL'],
  '7': ['TUNJ_BERAS'],
  '8': ['PEMBULATAN'],
};

/** What the same withholder paid and withheld in the year before SIGAP (saldo awal, §7). */
export interface AnnualOpeningBalance {
  firstMonth: number;
  lastMonth: number;
  monthsWorked: number;
  brutoGaji: number;
  brutoTpp: number;
  iuranPensiun: number;
  pphGaji: number;
  pphTpp: number;
}

export interface AnnualFigures {
  year: number;
  nip: string;
  ptkpStatus: PtkpStatus;
  /** Masa perolehan: first and last month (1–12). */
  firstMonth: number;
  lastMonth: number;
  monthsWorked: number;
  lines: Record<A2Line, number>;
  /** The runs whose slips make up the figures. */
  runIds: string[];
  /** Why the form cannot be issued as it is (no last masa yet, figures that disagree with the slips). */
  problems: { field: string; message: string }[];
}

/**
 * The part of a slip's TER bruto that is line 10: the TPP's bruto where the slip taxed the TPP as TPP;
 * otherwise (a THR or gaji 13 slip whose TPP part is government-borne and so taxed with the gaji, §9:
 * "DTP income = gaji induk + THR + gaji 13") the TPP income the bruto holds beyond the gaji list.
 */
function tppBruto(s: SlipTax): number {
  if (s.brutoTpp > 0) return s.brutoTpp;
  return Math.max(0, Math.min(s.brutoGaji - s.gajiIncome, s.tppIncome));
}

export function annualFigures(input: {
  year: number;
  nip: string;
  slips: readonly SlipTax[];
  openingBalance?: AnnualOpeningBalance;
  rules: AnnualRules;
  /** National rule: iuran pensiun/THT reduces neto (shown on line 13 either way). */
  iuranPensiunDeductible: boolean;
}): AnnualFigures {
  const { slips, openingBalance: ob } = input;
  const problems: AnnualFigures['problems'] = [];
  const sum = (f: (s: SlipTax) => number) => slips.reduce((t, s) => t + f(s), 0);
  const codes = (list: readonly string[]) => sum((s) => list.reduce((t, c) => t + (s.gajiLines[c] ?? 0), 0));
  const lines = Object.fromEntries(A2_LINES.map((l) => [l, 0])) as Record<A2Line, number>;
  for (const [line, list] of Object.entries(LINE_CODES)) lines[line as A2Line] = codes(list);
  lines['4'] = lines['1'] + lines['2'] + lines['3'];
  const brutoGaji = sum((s) => s.brutoGaji + s.brutoTpp - tppBruto(s)) + (ob?.brutoGaji ?? 0);
  const listed = lines['4'] + lines['5'] + lines['6'] + lines['7'] + lines['8'];
  lines['9'] = brutoGaji - listed;
  if (lines['9'] < 0) {
    problems.push({
      field: 'lines.9',
      message: `bruto gaji ${brutoGaji} lebih kecil dari jumlah baris 1–8 ${listed}: slip tidak konsisten`,
    });
  }
  lines['10'] = sum(tppBruto) + (ob?.brutoTpp ?? 0);
  lines['11'] = lines['4'] + lines['5'] + lines['6'] + lines['7'] + lines['8'] + lines['9'] + lines['10'];

  const months = new Set(slips.filter((s) => s.brutoGaji > 0).map((s) => Number(s.month.slice(5, 7))));
  const allMonths = slips.map((s) => Number(s.month.slice(5, 7)));
  const monthsWorked = months.size + (ob?.monthsWorked ?? 0);
  const last = [...slips].filter((s) => s.isLastMasa).sort((a, b) => b.month.localeCompare(a.month))[0];
  const ptkpStatus = (last ?? slips[slips.length - 1])?.ptkpStatus ?? 'TK/0';
  if (!last) {
    problems.push({
      field: 'lastMasa',
      message: `masa terakhir ${input.year} belum dibayar dalam run yang dikunci: bukti potong tahunan belum dapat dibuat`,
    });
  }
  lines['13'] = sum((s) => s.iuranPensiun) + (ob?.iuranPensiun ?? 0);
  const annual = pph21Annual(
    {
      brutoSetahun: lines['11'],
      iuranPensiun: input.iuranPensiunDeductible ? lines['13'] : 0,
      monthsWorked: Math.max(1, monthsWorked),
      ptkpStatus,
    },
    input.rules,
  );
  lines['12'] = annual.biayaJabatan;
  lines['14'] = lines['12'] + lines['13'];
  lines['15'] = lines['11'] - lines['14'];
  // Neto from a previous withholder in the year (mutasi-in from another instansi) is not stored yet.
  lines['16'] = 0;
  lines['17'] = lines['15'] + lines['16'];
  lines['18'] = annual.ptkp;
  lines['19'] = annual.pkp;
  lines['20'] = annual.pphSetahun;
  lines['21'] = 0;
  lines['22'] = lines['20'] - lines['21'];
  lines['23A'] = sum((s) => s.pphGaji) + (ob?.pphGaji ?? 0);
  lines['23B'] = sum((s) => s.pphTpp) + (ob?.pphTpp ?? 0);
  if (last?.annualPph !== undefined && last.annualPph !== lines['20']) {
    problems.push({
      field: 'lines.20',
      message: `PPh setahun ${lines['20']} berbeda dari PPh setahun slip masa terakhir ${last.annualPph} (${last.runId})`,
    });
  }
  if (last && lines['23A'] + lines['23B'] !== lines['22']) {
    problems.push({
      field: 'lines.23',
      message: `PPh dipotong setahun ${lines['23A'] + lines['23B']} berbeda dari PPh terutang ${lines['22']}`,
    });
  }
  const firstMonths = [...allMonths, ...(ob ? [ob.firstMonth] : [])];
  return {
    year: input.year,
    nip: input.nip,
    ptkpStatus,
    firstMonth: firstMonths.length > 0 ? Math.min(...firstMonths) : 1,
    lastMonth: allMonths.length > 0 ? Math.max(...allMonths) : (ob?.lastMonth ?? 12),
    monthsWorked,
    lines,
    runIds: [...new Set(slips.map((s) => s.runId))].sort(),
    problems,
  };
}

/** The annual rule's parameters as the last masa applies them (core/pay/tax-steps.ts), for one month's rules. */
export function annualRulesOf(nat: NationalRules): { rules: AnnualRules; iuranPensiunDeductible: boolean } {
  return {
    rules: {
      biayaJabatan: nat.biayaJabatan.value,
      ptkp: nat.ptkp.value,
      pkpUnit: nat.pkpUnit.value,
      pasal17: nat.pasal17.value,
      // Employees are identified by their NIK, which is their NPWP (pajak-pelaporan.md §2): no surcharge.
      surchargeBp: 0,
    },
    iuranPensiunDeductible: nat.iuranPensiunDeductible.value,
  };
}
