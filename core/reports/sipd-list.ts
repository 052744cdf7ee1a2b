import { inListLines } from '../deductions/run';
import type { StoredSlip } from '../payroll/run-types';
import { bankCodeForSlip, type EmployeeFacts, fullName } from './employee-facts';
import type { ReadinessIssue } from './readiness';
import { SIPD_IDENTITY_COLUMNS, type SipdIdentityColumn, type SipdLayout, sipdColumnOf } from './sipd-layout';

export type SipdCell = string | number;

export interface SipdList {
  readonly header: readonly string[];
  readonly records: readonly (readonly SipdCell[])[];
  readonly totals: { readonly kotor: number; readonly potongan: number; readonly bersih: number };
  readonly issues: readonly ReadinessIssue[];
}

/** 'YYYYMMDD…' (an 18-digit NIP starts with the birth date) → 'YYYY-MM-DD', or undefined. */
export function birthDateFromNip(nip: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})\d{10}$/.exec(nip);
  if (!m) return undefined;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const ok =
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(mo) - 1 &&
    date.getUTCDate() === Number(d);
  return ok ? `${y}-${mo}-${d}` : undefined;
}

const MESSAGES: Readonly<Partial<Record<SipdIdentityColumn, string>>> = {
  nik_pegawai: 'NIK belum diisi di data pegawai',
  tanggal_lahir_pegawai: 'tanggal lahir tidak dapat dibaca dari NIP',
  alamat: 'alamat belum diisi di data pegawai',
  kode_bank: 'kode bank (sandi bank) rekening gaji belum diisi di data pegawai',
  nama_bank: 'rekening gaji belum ada pada slip',
  nomor_rekening_pegawai: 'rekening gaji belum ada pada slip',
  eselon: 'jabatan struktural tanpa eselon',
};

function identity(slip: StoredSlip, facts: EmployeeFacts | undefined): Record<SipdIdentityColumn, string> {
  const h = slip.header;
  const e = slip.input.employee;
  return {
    nama_pegawai: fullName(h),
    nip_pegawai: h.nip,
    nik_pegawai: facts?.nik?.trim() ?? '',
    tanggal_lahir_pegawai: birthDateFromNip(h.nip) ?? '',
    tipe_jabatan: e.jabatan.type,
    nama_jabatan: h.jabatan,
    eselon: h.eselon ?? '',
    status_asn: h.jenisAsn,
    golongan: h.golongan,
    masa_kerja_golongan: `${e.mkgYears} tahun ${e.mkgMonths} bulan`,
    alamat: facts?.alamat?.trim() ?? '',
    kode_bank: bankCodeForSlip(h, facts) ?? '',
    nama_bank: h.bank?.bank.trim() ?? '',
    nomor_rekening_pegawai: h.bank?.accountNumber.replace(/[\s.-]/g, '') ?? '',
  };
}

/**
 * The SIPD list of one OPD (or of every OPD given) from the run's stored slips: the identity columns of
 * sipd-bas.json, every money column of the layout (used or not, so the column set never changes) and
 * the three totals. Nothing is left blank: a required identity value that is missing, or a pay line no
 * SIPD column takes, is an issue naming the employee and the column, and the list is not to be sent.
 */
export function buildSipdList(
  exportId: string,
  slips: readonly StoredSlip[],
  layout: SipdLayout,
  facts: ReadonlyMap<string, EmployeeFacts>,
): SipdList {
  const income = layout.columns.filter((c) => c.side === 'PENGHASILAN');
  const deduction = layout.columns.filter((c) => c.side === 'POTONGAN');
  const [kotorKey, potonganKey, bersihKey] = layout.totals;
  const header = [
    ...SIPD_IDENTITY_COLUMNS,
    ...income.map((c) => c.key),
    kotorKey,
    ...deduction.map((c) => c.key),
    potonganKey,
    bersihKey,
  ];
  const issues: ReadinessIssue[] = [];
  const records: SipdCell[][] = [];
  const totals = { kotor: 0, potongan: 0, bersih: 0 };
  for (const slip of slips) {
    const lines = [
      ...slip.slip.lines.filter(
        (l) => l.group === layout.group && (l.kind === 'PENGHASILAN' || l.kind === 'POTONGAN'),
      ),
      // In-list potongan lain (zakat, Bulog columns) are inside the list's potongan: its bersih is the SP2D's.
      ...inListLines(slip, layout.group),
    ];
    if (lines.length === 0) continue;
    const who = { exportId, nip: slip.header.nip, nama: fullName(slip.header), opd: slip.header.opd };
    const id = identity(slip, facts.get(slip.header.nip));
    for (const column of SIPD_IDENTITY_COLUMNS) {
      const required = column !== 'eselon' || slip.input.employee.jabatan.type === 'STRUKTURAL';
      if (required && id[column] === '') {
        issues.push({ ...who, column, message: MESSAGES[column] ?? `${column} kosong` });
      }
    }
    const amounts = new Map<string, number>();
    let kotor = 0;
    let potongan = 0;
    for (const line of lines) {
      const column = sipdColumnOf(layout, line);
      if (!column) {
        issues.push({
          ...who,
          column: line.code,
          message: `baris "${line.label}" tidak punya kolom di daftar SIPD`,
        });
        continue;
      }
      amounts.set(column.key, (amounts.get(column.key) ?? 0) + line.amount);
      if (line.kind === 'PENGHASILAN') kotor += line.amount;
      else potongan += line.amount;
    }
    records.push([
      ...SIPD_IDENTITY_COLUMNS.map((c) => id[c]),
      ...income.map((c) => amounts.get(c.key) ?? 0),
      kotor,
      ...deduction.map((c) => amounts.get(c.key) ?? 0),
      potongan,
      kotor - potongan,
    ]);
    totals.kotor += kotor;
    totals.potongan += potongan;
    totals.bersih += kotor - potongan;
  }
  return { header, records, totals, issues };
}
