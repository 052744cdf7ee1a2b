import type { PayLine } from '../pay/types';
import type { StoredSlip } from '../payroll/run-types';
import type { EmployeeFacts } from './employee-facts';
import { fullName } from './employee-facts';
import type { ReadinessIssue } from './readiness';

/**
 * The monthly BPJS Kesehatan and Taspen recaps (bank-dan-laporan.md §4–5) from a run's stored slips:
 * every amount is a line of a slip and every base and rate is what that line's computation recorded
 * (its `basis`), so the recap equals the slips by construction and states the rates in force that month.
 */
export type RecapValue = string | number;
export type RecapRow = Readonly<Record<string, RecapValue>>;

export interface IuranRecap {
  readonly employees: readonly RecapRow[];
  /** One row per OPD (headcounts and sums), in OPD order. */
  readonly opds: readonly RecapRow[];
  readonly total: RecapRow;
  /** Rates found on the slips' lines, basis points, e.g. { iuran_pegawai: [100], … }. */
  readonly rates: Readonly<Record<string, readonly number[]>>;
  readonly issues: readonly ReadinessIssue[];
}

const sumOf = (lines: readonly PayLine[], code: string, employer = false) =>
  lines
    .filter((l) => l.code === code && (employer ? l.kind !== 'POTONGAN' : l.kind === 'POTONGAN'))
    .reduce((s, l) => s + l.amount, 0);
const lineOf = (lines: readonly PayLine[], code: string, employer = false) =>
  lines.find((l) => l.code === code && (employer ? l.kind !== 'POTONGAN' : l.kind === 'POTONGAN'));
const num = (line: PayLine | undefined, key: string): number | undefined => {
  const v = line?.basis[key];
  return typeof v === 'number' ? v : undefined;
};

class Rates {
  private readonly seen = new Map<string, Set<number>>();
  add(name: string, line: PayLine | undefined, key = 'rateBp'): void {
    const bp = num(line, key);
    if (bp === undefined) return;
    const set = this.seen.get(name) ?? new Set<number>();
    set.add(bp);
    this.seen.set(name, set);
  }
  toRecord(): Record<string, number[]> {
    return Object.fromEntries([...this.seen].map(([k, v]) => [k, [...v].sort((a, b) => a - b)]));
  }
}

function groupByOpd(
  rows: readonly RecapRow[],
  numericKeys: readonly string[],
  counts: (row: RecapRow) => Record<string, number>,
): { opds: RecapRow[]; total: RecapRow } {
  const byOpd = new Map<string, Record<string, RecapValue>>();
  const total: Record<string, RecapValue> = { opd: 'JUMLAH' };
  const add = (target: Record<string, RecapValue>, row: RecapRow) => {
    for (const [k, v] of Object.entries(counts(row))) target[k] = Number(target[k] ?? 0) + v;
    for (const k of numericKeys) target[k] = Number(target[k] ?? 0) + Number(row[k] ?? 0);
  };
  for (const row of rows) {
    const opd = String(row.opd);
    const target = byOpd.get(opd) ?? { opd };
    byOpd.set(opd, target);
    add(target, row);
    add(total, row);
  }
  const opds = [...byOpd.values()].sort((a, b) => String(a.opd).localeCompare(String(b.opd), 'id'));
  return { opds, total };
}

const statusCounts = (prefix: string) => (row: RecapRow) => ({
  [`${prefix}_${String(row.status).toLowerCase()}`]: 1,
  [prefix]: 1,
});

export const BPJS_NUMERIC = [
  'dasar_gaji',
  'dasar_tpp',
  'dasar_dibatasi',
  'iuran_pegawai_gaji',
  'iuran_pegawai_tpp',
  'iuran_pemberi_kerja_gaji',
  'iuran_pemberi_kerja_tpp',
  'jumlah_pegawai',
  'jumlah_pemberi_kerja',
  'jumlah',
] as const;
export const BPJS_TEXT = ['nik', 'nip', 'nama', 'opd', 'status'] as const;
export const BPJS_OPD_COUNTS = ['peserta', 'peserta_pns', 'peserta_cpns', 'peserta_pppk'] as const;

/** BPJS Kesehatan: 1 % employee and 4 % employer (rates from the lines), bases and the capped base. */
export function bpjsKesehatanRecap(
  exportId: string,
  slips: readonly StoredSlip[],
  facts: ReadonlyMap<string, EmployeeFacts>,
): IuranRecap {
  const rates = new Rates();
  const issues: ReadinessIssue[] = [];
  const employees: RecapRow[] = [];
  for (const s of slips) {
    const lines = s.slip.lines;
    const gajiEmp = lineOf(lines, 'POT_IWP_BPJS_1');
    const tppEmp = lineOf(lines, 'POT_IWP_BPJS_1_TPP');
    if (!gajiEmp && !tppEmp) continue;
    const who = { exportId, nip: s.header.nip, nama: fullName(s.header), opd: s.header.opd };
    const gajiBase = num(gajiEmp, 'base');
    const tppBase = num(tppEmp, 'tpp');
    const capped = [gajiEmp, tppEmp].map((l) => (l ? num(l, 'cappedBase') : 0));
    if (
      (gajiEmp && gajiBase === undefined) ||
      (tppEmp && tppBase === undefined) ||
      capped.includes(undefined)
    ) {
      issues.push({ ...who, column: 'dasar_dibatasi', message: 'slip tidak mencatat dasar iuran BPJS' });
      continue;
    }
    rates.add('iuran_pegawai', gajiEmp ?? tppEmp);
    rates.add('iuran_pemberi_kerja', lineOf(lines, 'TUNJ_BPJS_KESEHATAN', true));
    const pegawaiGaji = sumOf(lines, 'POT_IWP_BPJS_1');
    const pegawaiTpp = sumOf(lines, 'POT_IWP_BPJS_1_TPP');
    const pkGaji = sumOf(lines, 'TUNJ_BPJS_KESEHATAN', true);
    const pkTpp = sumOf(lines, 'TUNJ_BPJS_KESEHATAN_TPP', true);
    employees.push({
      nik: facts.get(s.header.nip)?.nik ?? '',
      nip: s.header.nip,
      nama: fullName(s.header),
      opd: s.header.opd,
      status: s.header.jenisAsn,
      dasar_gaji: gajiBase ?? 0,
      dasar_tpp: tppBase ?? 0,
      dasar_dibatasi: (capped[0] ?? 0) + (capped[1] ?? 0),
      iuran_pegawai_gaji: pegawaiGaji,
      iuran_pegawai_tpp: pegawaiTpp,
      iuran_pemberi_kerja_gaji: pkGaji,
      iuran_pemberi_kerja_tpp: pkTpp,
      jumlah_pegawai: pegawaiGaji + pegawaiTpp,
      jumlah_pemberi_kerja: pkGaji + pkTpp,
      jumlah: pegawaiGaji + pegawaiTpp + pkGaji + pkTpp,
    });
    if (!facts.get(s.header.nip)?.nik)
      issues.push({ ...who, column: 'nik', message: 'NIK belum diisi di data pegawai' });
  }
  const { opds, total } = groupByOpd(employees, BPJS_NUMERIC, statusCounts('peserta'));
  return { employees, opds, total, rates: rates.toRecord(), issues };
}

export const TASPEN_NUMERIC = [
  'gaji_pokok',
  'tunjangan_keluarga',
  'dasar_iwp',
  'iwp',
  'iwp_pensiun',
  'iwp_tht',
  'iuran_tht_pppk',
  'jkk',
  'jkm',
] as const;
export const TASPEN_TEXT = ['nip', 'nama', 'opd', 'status'] as const;
export const TASPEN_OPD_COUNTS = ['peserta', 'peserta_pns', 'peserta_cpns', 'peserta_pppk'] as const;

/**
 * Taspen: IWP 8 % of gaji pokok + tunjangan keluarga (the deduction line), its 4,75 % pensiun and
 * 3,25 % THT parts as the line recorded them (informational, each truncated: iuran-potongan.md), the
 * PPPK THT where a tenant has one, and the employer's JKK and JKM on gaji pokok.
 */
export function taspenRecap(exportId: string, slips: readonly StoredSlip[]): IuranRecap {
  const rates = new Rates();
  const issues: ReadinessIssue[] = [];
  const employees: RecapRow[] = [];
  for (const s of slips) {
    const lines = s.slip.lines;
    const iwp = lineOf(lines, 'POT_IWP_TASPEN_8');
    const thtPppk = lineOf(lines, 'POT_THT_PPPK');
    const jkk = lineOf(lines, 'TUNJ_JKK', true);
    const jkm = lineOf(lines, 'TUNJ_JKM', true);
    if (!iwp && !thtPppk && !jkk && !jkm) continue;
    const who = { exportId, nip: s.header.nip, nama: fullName(s.header), opd: s.header.opd };
    const gajiPokok = num(jkk, 'gajiPokok') ?? num(iwp, 'gajiPokok');
    if (gajiPokok === undefined || (iwp && num(iwp, 'base') === undefined)) {
      issues.push({ ...who, column: 'dasar_iwp', message: 'slip tidak mencatat dasar iuran Taspen' });
      continue;
    }
    rates.add('iwp', iwp);
    rates.add('iwp_pensiun', iwp, 'pensiunBp');
    rates.add('iwp_tht', iwp, 'thtBp');
    rates.add('iuran_tht_pppk', thtPppk);
    rates.add('jkk', jkk);
    rates.add('jkm', jkm);
    employees.push({
      nip: s.header.nip,
      nama: fullName(s.header),
      opd: s.header.opd,
      status: s.header.jenisAsn,
      gaji_pokok: gajiPokok,
      tunjangan_keluarga: num(iwp, 'tunjanganKeluarga') ?? 0,
      dasar_iwp: num(iwp, 'base') ?? num(thtPppk, 'base') ?? 0,
      iwp: sumOf(lines, 'POT_IWP_TASPEN_8'),
      iwp_pensiun: num(iwp, 'pensiun') ?? 0,
      iwp_tht: num(iwp, 'tht') ?? 0,
      iuran_tht_pppk: sumOf(lines, 'POT_THT_PPPK'),
      jkk: sumOf(lines, 'TUNJ_JKK', true),
      jkm: sumOf(lines, 'TUNJ_JKM', true),
    });
  }
  const { opds, total } = groupByOpd(employees, TASPEN_NUMERIC, statusCounts('peserta'));
  return { employees, opds, total, rates: rates.toRecord(), issues };
}
