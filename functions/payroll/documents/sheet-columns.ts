import type { ListLayout, MoneyColumn } from './columns';
import { namaLengkap } from './format';
import { type ListRow, unknownCodes, usedColumns } from './list-rows';
import type { SheetColumn } from './xlsx-list';

/** Columns shared by the daftar gaji and the rekap TPP. */

export interface DocumentOptions {
  /** Printed in the signature place and the footer; defaults to now. */
  readonly printedAt?: Date;
}

/** The columns every list starts with: who the row is for. */
export function identityColumns(): SheetColumn[] {
  const text = (key: string, header: string, width: number, cell: (row: ListRow) => string): SheetColumn => ({
    key,
    header,
    band: 'IDENTITAS PEGAWAI',
    width,
    format: 'text',
    cell,
  });
  return [
    { key: 'no', header: 'No', band: 'IDENTITAS PEGAWAI', width: 5, format: 'int', cell: (_row, i) => i + 1 },
    text('nip', 'NIP', 21, (row) => row.slip.header.nip),
    text('nama', 'Nama', 30, (row) => namaLengkap(row.slip.header)),
    text('golongan', 'Gol.', 7, (row) => row.slip.header.golongan),
    text('jabatan', 'Jabatan', 28, (row) => row.slip.header.jabatan),
    text('jenis', 'Jenis', 7, (row) => row.slip.header.jenisAsn),
  ];
}

export function moneyColumn(c: MoneyColumn): SheetColumn {
  return {
    key: c.key,
    header: c.header,
    band: c.side,
    width: 14,
    format: 'money',
    total: true,
    cell: (row) => row.amounts.get(c.key) ?? 0,
  };
}

/**
 * Income columns (with a TPP bruto subtotal after the criteria, when the layout has criteria), jumlah
 * kotor, deduction columns, jumlah potongan, bersih and the account.
 */
export function moneyColumns(layout: ListLayout, rows: readonly ListRow[]): SheetColumn[] {
  const used = usedColumns(layout, rows);
  const income = used.filter((c) => c.side === 'PENGHASILAN');
  const deductions = used.filter((c) => c.side === 'POTONGAN');
  const sum = (key: string, header: string, band: string, keys: string[]): SheetColumn => ({
    key,
    header,
    band,
    width: 16,
    format: 'money',
    total: true,
    cell: () => ({ sumOf: keys }),
  });
  const criteria = income.filter((c) => c.criterion).map((c) => c.key);
  const incomeColumns = income.flatMap((c) =>
    c.key === criteria.at(-1)
      ? [moneyColumn(c), sum('tpp_bruto', 'TPP Bruto', 'PENGHASILAN', criteria)]
      : [moneyColumn(c)],
  );
  return [
    ...incomeColumns,
    sum(
      'jumlah_kotor',
      'Jumlah Kotor',
      'PENGHASILAN',
      income.map((c) => c.key),
    ),
    ...deductions.map(moneyColumn),
    sum(
      'jumlah_potongan',
      'Jumlah Potongan',
      'POTONGAN',
      deductions.map((c) => c.key),
    ),
    {
      key: 'bersih',
      header: 'Jumlah Bersih',
      band: 'DIBAYARKAN',
      width: 16,
      format: 'money',
      total: true,
      cell: () => ({ minus: ['jumlah_kotor', 'jumlah_potongan'] }),
    },
    {
      key: 'rekening',
      header: 'Rekening',
      band: 'DIBAYARKAN',
      width: 26,
      format: 'text',
      cell: (row) => {
        const bank = row.slip.header.bank;
        return bank ? `${bank.bank} ${bank.accountNumber}` : 'TANPA REKENING';
      },
    },
  ];
}

export function unknownCodesNote(rows: readonly ListRow[]): string[] {
  const unknown = unknownCodes(rows);
  if (unknown.length === 0) return [];
  const list = unknown.map((u) => `${u.code} (${u.label})`).join(', ');
  return [`Kolom lain-lain memuat baris yang belum memiliki kolom SIPD: ${list}.`];
}
