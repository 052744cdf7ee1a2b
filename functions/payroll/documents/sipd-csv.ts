import type { RunSummary, StoredSlip } from '../../../core/payroll/run-types';
import { GAJI_LAYOUT, TPP_LAYOUT } from './columns';
import { type CsvField, fileSlug, toCsv } from './csv';
import { DRAFT_WATERMARK, namaLengkap } from './format';
import { type ListRow, listRows, listTotals, type UnknownLine, unknownCodes } from './list-rows';

export interface SipdCsvFile {
  readonly csv: string;
  readonly fileName: string;
  readonly rows: number;
  readonly totals: { readonly kotor: number; readonly potongan: number; readonly bersih: number };
  /** Codes booked in a lain-lain column (to log and to map before the upload). */
  readonly unknownCodes: readonly UnknownLine[];
}

/** 'YYYYMMDD…' → 'YYYY-MM-DD': an 18-digit NIP starts with the birth date. */
export function birthDateFromNip(nip: string): string {
  if (!/^\d{18}$/.test(nip)) return '';
  return `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
}

const IDENTITY: readonly (readonly [string, (row: ListRow) => CsvField])[] = [
  ['nama_pegawai', (row) => namaLengkap(row.slip.header)],
  ['nip_pegawai', (row) => row.slip.header.nip],
  ['nik_pegawai', () => ''],
  ['tanggal_lahir_pegawai', (row) => birthDateFromNip(row.slip.header.nip)],
  ['tipe_jabatan', (row) => row.slip.input.employee.jabatan.type],
  ['nama_jabatan', (row) => row.slip.header.jabatan],
  ['eselon', (row) => row.slip.header.eselon ?? ''],
  ['status_asn', (row) => row.slip.header.jenisAsn],
  ['golongan', (row) => row.slip.header.golongan],
  [
    'masa_kerja_golongan',
    (row) => `${row.slip.input.employee.mkgYears} tahun ${row.slip.input.employee.mkgMonths} bulan`,
  ],
  ['alamat', () => ''],
  ['kode_bank', () => ''],
  ['nama_bank', (row) => row.slip.header.bank?.bank ?? ''],
  ['nomor_rekening_pegawai', (row) => row.slip.header.bank?.accountNumber ?? ''],
];

const TOTAL_NAMES = {
  GAJI: ['jumlah_kotor', 'jumlah_potongan', 'jumlah_bersih'],
  TPP: ['jumlah_tpp', 'jumlah_potongan', 'jumlah_di_transfer'],
} as const;

/**
 * The SIPD upload of one OPD's list: identity (tppSipdColumns.identity), every money column of the
 * layout — all of them, used or not, so the column set never changes — and the three totals. No totals
 * row: SIPD would read it as an employee; the sums are returned in `totals`. A DRAFT run's file starts
 * with the DRAFT line.
 */
export function renderSipdCsv(
  slips: readonly StoredSlip[],
  run: RunSummary,
  opd: string,
  list: 'GAJI' | 'TPP',
): SipdCsvFile {
  const layout = list === 'GAJI' ? GAJI_LAYOUT : TPP_LAYOUT;
  const rows = listRows(slips, layout, opd);
  const income = layout.columns.filter((c) => c.side === 'PENGHASILAN');
  const deductions = layout.columns.filter((c) => c.side === 'POTONGAN');
  const [kotorName, potonganName, bersihName] = TOTAL_NAMES[list];
  const header = [
    ...IDENTITY.map(([name]) => name),
    ...income.map((c) => c.key),
    kotorName,
    ...deductions.map((c) => c.key),
    potonganName,
    bersihName,
  ];
  const records = rows.map((row) => [
    ...IDENTITY.map(([, value]) => value(row)),
    ...income.map((c) => row.amounts.get(c.key) ?? 0),
    row.kotor,
    ...deductions.map((c) => row.amounts.get(c.key) ?? 0),
    row.potongan,
    row.bersih,
  ]);
  const totals = listTotals(rows);
  const draft = run.state === 'DRAFT';
  const body = toCsv(header, records);
  return {
    csv: draft ? `${DRAFT_WATERMARK}\r\n${body}` : body,
    fileName: `${draft ? 'DRAFT-' : ''}sipd-${list.toLowerCase()}-${run.id}-${fileSlug(opd)}.csv`,
    rows: rows.length,
    totals: { kotor: totals.kotor, potongan: totals.potongan, bersih: totals.bersih },
    unknownCodes: unknownCodes(rows),
  };
}
