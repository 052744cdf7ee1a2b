import { takeHomeOf } from '../../../core/deductions/run';
import type { RunSummary, StoredSlip } from '../../../core/payroll/run-types';
import { fileSlug, toCsv } from './csv';
import { DRAFT_WATERMARK, namaLengkap } from './format';

export interface BankTransferOptions {
  /** One file per OPD, or per receiving bank (the bank name as written on the employee's account). */
  readonly groupBy: 'OPD' | 'BANK';
  readonly value: string;
}

/** An employee of the group who is not in the file, and why: never dropped silently. */
export interface MissingTransfer {
  readonly nip: string;
  readonly nama: string;
  readonly opd: string;
  readonly jumlah: number;
  readonly reason: 'TANPA_REKENING' | 'BERSIH_NOL';
  readonly message: string;
}

export interface BankTransferFile {
  readonly csv: string;
  readonly fileName: string;
  readonly rows: number;
  /** Σ jumlah of the file. */
  readonly total: number;
  readonly missing: readonly MissingTransfer[];
}

export const BANK_TRANSFER_HEADER = ['rekening', 'nama', 'jumlah', 'referensi'] as const;

/**
 * The bank's bulk-transfer file for one OPD or one bank: `rekening;nama;jumlah;referensi` (format in
 * csv.ts), jumlah = the take-home (the bersih less potongan lain) in whole rupiah, referensi =
 * `<runId>/<nip>`. Employees without an
 * account (or with nothing to pay) are returned in `missing`. Grouped by BANK, `missing` lists every
 * slip of the run without an account, since none of the bank files can carry it.
 * A DRAFT run's file starts with the DRAFT line, so no bank import accepts it by mistake.
 */
export function renderBankTransfer(
  slips: readonly StoredSlip[],
  run: RunSummary,
  options: BankTransferOptions,
): BankTransferFile {
  const inGroup = (s: StoredSlip) =>
    options.groupBy === 'OPD' ? s.header.opd === options.value : s.header.bank?.bank === options.value;
  const rows: (readonly [string, string, number, string])[] = [];
  const missing: MissingTransfer[] = [];
  for (const s of slips) {
    // The take-home: the SIPD bersih less potongan lain taken after it (core/deductions).
    const jumlah = takeHomeOf(s);
    const bank = s.header.bank;
    const who = { nip: s.header.nip, nama: namaLengkap(s.header), opd: s.header.opd, jumlah };
    if (!bank?.accountNumber.trim()) {
      if (options.groupBy === 'BANK' || inGroup(s)) {
        missing.push({ ...who, reason: 'TANPA_REKENING', message: 'Pegawai belum memiliki nomor rekening' });
      }
      continue;
    }
    if (!inGroup(s)) continue;
    if (jumlah <= 0) {
      missing.push({ ...who, reason: 'BERSIH_NOL', message: 'Jumlah bersih nol: tidak ada yang ditransfer' });
      continue;
    }
    const accountName = bank.accountName.trim() || s.header.nama;
    rows.push([bank.accountNumber.replace(/[\s.-]/g, ''), accountName, jumlah, `${run.id}/${s.header.nip}`]);
  }
  const draft = run.state === 'DRAFT';
  const body = toCsv(BANK_TRANSFER_HEADER, rows);
  return {
    csv: draft ? `${DRAFT_WATERMARK}\r\n${body}` : body,
    fileName: `${draft ? 'DRAFT-' : ''}transfer-${run.id}-${options.groupBy.toLowerCase()}-${fileSlug(options.value)}.csv`,
    rows: rows.length,
    total: rows.reduce((sum, r) => sum + r[2], 0),
    missing,
  };
}
