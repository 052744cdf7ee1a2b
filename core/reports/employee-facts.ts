import type { SlipHeader } from '../payroll/run-types';

/**
 * What the outside files need about an employee that a stored slip does not carry (the slip keeps pay
 * and the account it paid to): read from the employee record when the file is made.
 */
export interface EmployeeFacts {
  readonly nik?: string;
  readonly alamat?: string;
  /** Sandi bank of the employee's account, and that account's number (to tell whether it is still the slip's). */
  readonly bankCode?: string;
  readonly accountNumber?: string;
}

/** 'Dr. Budi Santoso, S.T.': the name with its academic titles as written on an SK. */
export function fullName(header: Pick<SlipHeader, 'nama' | 'gelarDepan' | 'gelarBelakang'>): string {
  const depan = header.gelarDepan?.trim();
  const belakang = header.gelarBelakang?.trim();
  return `${depan ? `${depan} ` : ''}${header.nama}${belakang ? `, ${belakang}` : ''}`;
}

/**
 * The sandi bank of the slip's account: the employee record's, when the record still holds the same
 * account number (after a change of bank the record's code belongs to the new account, not the paid one).
 */
export function bankCodeForSlip(header: SlipHeader, facts: EmployeeFacts | undefined): string | undefined {
  const slipAccount = header.bank?.accountNumber.replace(/[\s.-]/g, '');
  const recordAccount = facts?.accountNumber?.replace(/[\s.-]/g, '');
  if (!slipAccount || !facts?.bankCode || slipAccount !== recordAccount) return undefined;
  return facts.bankCode;
}
