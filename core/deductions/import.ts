import { digitsOnly } from '../employee/identity-numbers';
import { parseWhole } from '../employee/import-values';
import { checkNip } from '../employee/nip';
import type { DeductionType } from './model';
import {
  type DeductionEntry,
  type DeductionEntryInput,
  deductionEntryInput,
  type EmployeeDeductions,
} from './model';
import { checkEntry, type DeductionEmployee } from './register';

/**
 * A creditor's list (koperasi, bank: potongan-lain.md §2 "instalment lists usually come from the bank")
 * as deduction entries of one type. Each row is checked like an entry typed in the console (the same
 * model, the same register checks, the same messages) and named by its sheet row and column; a dry run
 * reports every row and writes nothing. A row matches an employee's existing entry of the same type and
 * reference number (NOMOR_REFERENSI): it replaces it (UPDATE), or leaves it (UNCHANGED) when nothing differs.
 */

/** Column header (case- and separator-insensitive) → what it fills. */
export const IMPORT_COLUMNS = [
  'NIP',
  'JENIS',
  'JUMLAH',
  'PERSEN',
  'TOTAL',
  'TENOR',
  'BULAN_MULAI',
  'BULAN_AKHIR',
  'NOMOR_REFERENSI',
  'NOMOR_REKENING',
  'KETERANGAN',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['NIP', 'BULAN_MULAI', 'NOMOR_REFERENSI'];

export interface ImportSheetRow {
  readonly row: number;
  readonly cells: Readonly<Partial<Record<ImportColumn, string>>>;
}

export interface ImportReportRow {
  row: number;
  nip: string;
  status: 'OK' | 'ERROR';
  action?: 'CREATE' | 'UPDATE' | 'UNCHANGED';
  issues: { path: string; message: string }[];
}

export interface ImportPlan {
  rows: ImportReportRow[];
  /** Per employee, the entries after the import (only employees with a CREATE or UPDATE). */
  changes: Map<
    string,
    { before: EmployeeDeductions | undefined; entries: (DeductionEntryInput & { id?: string })[] }
  >;
}

const KIND_WORDS: Readonly<Record<string, DeductionEntryInput['kind']>> = {
  FIXED: 'FIXED',
  TETAP: 'FIXED',
  PERCENT: 'PERCENT',
  PERSEN: 'PERCENT',
  INSTALMENT: 'INSTALMENT',
  ANGSURAN: 'INSTALMENT',
};

/** 'YYYY-MM', 'YYYY-MM-DD' (its month) or 'MM/YYYY'. */
function readMonth(text: string): string | undefined {
  const t = text.trim();
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(t)) return t.slice(0, 7);
  const m = /^(\d{1,2})[/-](\d{4})$/.exec(t);
  return m ? `${m[2]}-${m[1]!.padStart(2, '0')}` : undefined;
}

/** Rupiah as typed ("1.350.000", "1350000", "Rp 1.350.000"). */
const readRupiah = (text: string) => parseWhole(text.replace(/^Rp\.?\s*/i, ''));
const readPercent = (text: string) => {
  const n = Number(text.trim().replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
};

export function planImport(
  sheet: readonly ImportSheetRow[],
  typeCode: string,
  types: readonly DeductionType[],
  employees: ReadonlyMap<string, DeductionEmployee>,
  existing: ReadonlyMap<string, EmployeeDeductions>,
  canWrite: (employee: DeductionEmployee) => boolean,
): ImportPlan {
  const rows: ImportReportRow[] = [];
  const changes: ImportPlan['changes'] = new Map();
  const seen = new Map<string, number>();
  for (const r of sheet) {
    const issues: { path: string; message: string }[] = [];
    const cell = (c: ImportColumn) => (r.cells[c] ?? '').trim();
    const at = (c: ImportColumn) => `rows.${r.row}.${c}`;
    const nip = digitsOnly(cell('NIP'));
    const report = (status: 'OK' | 'ERROR', action?: ImportReportRow['action']) =>
      rows.push({ row: r.row, nip, status, ...(action ? { action } : {}), issues });
    const nipCheck = checkNip(nip);
    if (!nipCheck.ok) {
      issues.push({ path: at('NIP'), message: nip ? nipCheck.reason : 'wajib diisi' });
      report('ERROR');
      continue;
    }
    const employee = employees.get(nip);
    if (!employee || !canWrite(employee)) {
      issues.push({ path: at('NIP'), message: `NIP ${nip} tidak ditemukan di OPD Anda` });
      report('ERROR');
      continue;
    }
    const raw: Record<string, unknown> = {
      typeCode,
      reference: { kind: 'SURAT_KUASA_POTONG_GAJI', number: cell('NOMOR_REFERENSI') },
    };
    const word = cell('JENIS').toUpperCase();
    const kind = word
      ? KIND_WORDS[word]
      : cell('TOTAL') || cell('TENOR')
        ? 'INSTALMENT'
        : cell('PERSEN')
          ? 'PERCENT'
          : 'FIXED';
    if (!kind)
      issues.push({ path: at('JENIS'), message: `"${cell('JENIS')}" bukan TETAP, PERSEN atau ANGSURAN` });
    raw.kind = kind;
    const money = (c: ImportColumn) => {
      if (!cell(c)) return undefined;
      const v = readRupiah(cell(c));
      if (v === undefined) issues.push({ path: at(c), message: `"${cell(c)}" bukan rupiah bulat` });
      return v;
    };
    const month = (c: ImportColumn) => {
      if (!cell(c)) return undefined;
      const v = readMonth(cell(c));
      if (v === undefined)
        issues.push({ path: at(c), message: `"${cell(c)}" bukan bulan (YYYY-MM atau MM/YYYY)` });
      return v;
    };
    if (kind === 'FIXED') raw.amount = money('JUMLAH');
    if (kind === 'PERCENT' && cell('PERSEN')) raw.percent = readPercent(cell('PERSEN'));
    if (kind === 'INSTALMENT') raw.instalment = { total: money('TOTAL'), tenor: money('TENOR') };
    raw.startMonth = month('BULAN_MULAI');
    const end = month('BULAN_AKHIR');
    if (end && kind !== 'INSTALMENT') raw.endMonth = end;
    if (cell('NOMOR_REKENING')) raw.accountRef = cell('NOMOR_REKENING');
    if (cell('KETERANGAN')) raw.note = cell('KETERANGAN');
    const parsed = deductionEntryInput.safeParse(raw);
    if (!parsed.success) {
      for (const i of parsed.error.issues) issues.push({ path: at(columnOf(i.path)), message: i.message });
    }
    if (issues.length > 0 || !parsed.success) {
      report('ERROR');
      continue;
    }
    const input = parsed.data;
    for (const i of checkEntry(input, types, employee, 'entry')) {
      issues.push({ path: at(columnOf(i.path.split('.').slice(1))), message: i.message });
    }
    const key = `${nip}|${input.reference.number}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        path: at('NOMOR_REFERENSI'),
        message: `NIP dan nomor referensi sama dengan baris ${first}`,
      });
    }
    seen.set(key, r.row);
    if (issues.length > 0) {
      report('ERROR');
      continue;
    }
    const before = existing.get(nip);
    const change = changes.get(nip) ?? { before, entries: [...(before?.entries ?? [])] };
    const match = change.entries.findIndex(
      (e) => e.typeCode === typeCode && e.reference.number === input.reference.number,
    );
    if (match < 0) {
      change.entries.push(input);
      changes.set(nip, change);
      report('OK', 'CREATE');
      continue;
    }
    const old = change.entries[match] as DeductionEntry;
    if (sameEntry(old, input)) {
      report('OK', 'UNCHANGED');
      continue;
    }
    change.entries[match] = { ...input, id: old.id };
    changes.set(nip, change);
    report('OK', 'UPDATE');
  }
  return { rows, changes };
}

const FIELD_COLUMN: Readonly<Record<string, ImportColumn>> = {
  amount: 'JUMLAH',
  percent: 'PERSEN',
  instalment: 'TOTAL',
  startMonth: 'BULAN_MULAI',
  endMonth: 'BULAN_AKHIR',
  reference: 'NOMOR_REFERENSI',
  accountRef: 'NOMOR_REKENING',
  note: 'KETERANGAN',
  kind: 'JENIS',
  typeCode: 'JENIS',
};

function columnOf(path: readonly PropertyKey[]): ImportColumn {
  const [first, second] = path.map(String);
  if (first === 'instalment' && second === 'tenor') return 'TENOR';
  return FIELD_COLUMN[first ?? ''] ?? 'NIP';
}

function sameEntry(a: DeductionEntry, b: DeductionEntryInput): boolean {
  const pick = (e: DeductionEntryInput) =>
    JSON.stringify([
      e.kind,
      e.amount,
      e.percent,
      e.base,
      e.instalment,
      e.startMonth,
      e.endMonth,
      e.accountRef,
      e.note,
      e.status,
    ]);
  return pick(a) === pick(b);
}
