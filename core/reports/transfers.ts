import type { BankTemplate } from './bank-template';
import type { ExcludedRow, ReadinessIssue } from './readiness';

/** One employee to be paid from a source account: the take-home of their stored slip. */
export interface TransferCandidate {
  readonly nip: string;
  readonly nama: string;
  readonly opd: string;
  /** The slip's bersih (take-home), integer rupiah. */
  readonly amount: number;
  /** The account as stored on the slip, with the sandi bank from the employee record. */
  readonly account?: {
    readonly bank: string;
    readonly bankCode?: string;
    readonly accountNumber: string;
    readonly accountName: string;
  };
}

/** A transfer that passed the checks: the values a template writes. */
export interface Transfer {
  readonly nip: string;
  readonly nama: string;
  readonly opd: string;
  readonly amount: number;
  readonly accountNumber: string;
  readonly accountName: string;
  readonly bank: string;
  readonly bankCode: string;
}

export interface TransferCheck {
  readonly transfers: readonly Transfer[];
  readonly issues: readonly ReadinessIssue[];
  readonly excluded: readonly ExcludedRow[];
}

/** Account numbers as banks read them: digits only (spaces, dots and dashes are how people write them). */
export function accountDigits(accountNumber: string): string {
  return accountNumber.replace(/[\s.-]/g, '');
}

/** Names as ASCII upper case letters, digits and single spaces (`Siti Rahma, S.Pd.` → `SITI RAHMA SPD`). */
export function asciiUpperName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[^A-Za-z0-9 ]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

export function beneficiaryName(template: BankTemplate, name: string): string {
  const cleaned = template.rules.nameCharset === 'ASCII_UPPER_ALNUM' ? asciiUpperName(name) : name.trim();
  return cleaned.slice(0, template.rules.nameMaxLength);
}

/**
 * bank-dan-laporan.md §3.2 "validation before export": every employee has an account with digits only,
 * a holder name, a known sandi bank (and the template's own bank where it only knows in-house rows);
 * no account twice; zero or negative nets are left out and listed, never sent.
 */
export function checkTransfers(
  exportId: string,
  candidates: readonly TransferCandidate[],
  template: BankTemplate,
  knownBankCodes: ReadonlySet<string>,
): TransferCheck {
  const transfers: Transfer[] = [];
  const issues: ReadinessIssue[] = [];
  const excluded: ExcludedRow[] = [];
  const seen = new Map<string, string>();
  for (const c of candidates) {
    const who = { exportId, nip: c.nip, nama: c.nama, opd: c.opd };
    const issue = (column: string, message: string) => issues.push({ ...who, column, message });
    if (c.amount <= 0) {
      excluded.push({
        nip: c.nip,
        nama: c.nama,
        opd: c.opd,
        amount: c.amount,
        message: 'Jumlah bersih nol: tidak ditransfer',
      });
      continue;
    }
    const account = c.account;
    if (!account) {
      issue('rekening', 'belum memiliki rekening bank');
      continue;
    }
    const before = issues.length;
    const digits = accountDigits(account.accountNumber);
    if (!/^\d{6,20}$/.test(digits)) issue('rekening', 'nomor rekening harus 6–20 digit angka');
    const name = beneficiaryName(template, account.accountName);
    if (!name) issue('nama_rekening', 'nama pemilik rekening kosong');
    const code = account.bankCode?.trim() ?? '';
    if (!code) issue('kode_bank', `kode bank (sandi bank) ${account.bank} belum diisi`);
    else if (!knownBankCodes.has(code)) issue('kode_bank', `kode bank ${code} tidak dikenal`);
    else if (template.rules.inHouseOnly && code !== template.bankCode) {
      issue(
        'kode_bank',
        `rekening ${account.bank} bukan rekening ${template.bank}: template ini hanya untuk transfer sesama ${template.bank}`,
      );
    }
    const other = seen.get(digits);
    if (digits && other) issue('rekening', `nomor rekening sama dengan NIP ${other}`);
    if (issues.length > before) continue;
    seen.set(digits, c.nip);
    transfers.push({
      nip: c.nip,
      nama: c.nama,
      opd: c.opd,
      amount: c.amount,
      accountNumber: digits,
      accountName: name,
      bank: account.bank,
      bankCode: code,
    });
  }
  return { transfers, issues, excluded };
}
