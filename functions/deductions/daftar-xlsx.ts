import { type CreditorList, creditorLists, type Remittance, remittances } from '../../core/deductions/daftar';
import type { StoredSlip } from '../../core/payroll/run-types';
import { type ExportRunRef, PREVIEW_MARK } from '../../core/reports/export-state';
import { formatBulan } from '../payroll/documents/format';
import {
  type ReportColumn,
  type ReportSheetSpec,
  renderReportWorkbook,
} from '../payroll/documents/report-workbook';

/**
 * Daftar potongan per kreditur (one sheet per creditor and OPD) and the remittance recap (one row per
 * creditor), as XLSX, through the run export machinery (functions/reports/build-export.ts).
 */
export interface DaftarContext {
  readonly tenantName: string;
  readonly run: ExportRunRef;
  readonly createdAt: Date;
}

const LAYER_LABEL = {
  IN_LIST: 'dalam daftar SIPD (disetor dari potongan SP2D)',
  POST_LIST: 'di luar daftar SIPD (disetor bendahara dari rekening bendahara)',
} as const;

const SIGNATURES = [
  'Mengetahui, Pengguna Anggaran / Kuasa Pengguna Anggaran: ______________________  NIP ____________________',
  'Bendahara Pengeluaran / Bendahara Gaji: ______________________  NIP ____________________',
];

const DAFTAR_COLUMNS: ReportColumn[] = [
  { key: 'no', header: 'No', format: 'text', width: 6 },
  { key: 'nip', header: 'NIP', format: 'text', width: 22 },
  { key: 'nama', header: 'Nama', format: 'text', width: 30 },
  { key: 'opd', header: 'OPD', format: 'text', width: 16 },
  { key: 'golongan', header: 'Golongan', format: 'text', width: 10 },
  { key: 'rekening', header: 'Nomor rekening / pinjaman', format: 'text', width: 22 },
  { key: 'angsuran', header: 'Angsuran ke- / tenor', format: 'text', width: 12 },
  { key: 'jumlah', header: 'Jumlah dipotong', format: 'money' },
  { key: 'tunggakan', header: 'Tunggakan (dibawa ke bulan berikutnya)', format: 'money' },
  { key: 'keterangan', header: 'Keterangan', format: 'text', width: 40 },
];

/** Sheet names: at most 31 characters, unique, without []:*?/\ . */
function sheetName(list: CreditorList, used: Set<string>): string {
  const base = `${list.typeCode}-${list.opd}`.replace(/[[\]:*?/\\]/g, '_').slice(0, 28);
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 26)}~${i}`;
  used.add(name);
  return name;
}

const creditorLine = (c: CreditorList['creditor']) =>
  `Kreditur: ${c.name}${c.bank ? ` · ${c.bank}` : ''}${c.accountNumber ? ` · rek. ${c.accountNumber}` : ''}${c.accountName ? ` a.n. ${c.accountName}` : ''}`;

export function daftarSheets(
  slips: readonly StoredSlip[],
  ctx: DaftarContext,
  typeCode?: string,
): ReportSheetSpec[] {
  const preview = ctx.run.exportState === 'PREVIEW';
  const used = new Set<string>();
  return creditorLists(slips, typeCode).map((list) => ({
    name: sheetName(list, used),
    titleLines: [
      `DAFTAR POTONGAN ${list.typeName.toUpperCase()}`,
      `${ctx.tenantName} · OPD ${list.opd}`,
      `Bulan ${formatBulan(ctx.run.month)} · Run ${ctx.run.runId} · Status: ${ctx.run.runState}`,
      creditorLine(list.creditor),
      `Lapisan: ${LAYER_LABEL[list.layer]}`,
    ],
    columns: DAFTAR_COLUMNS,
    rows: list.rows.map((r) => ({ ...r })),
    totalLabel: `JUMLAH (${list.rows.length} pegawai)`,
    notes: [
      'Angka diambil dari slip yang tersimpan pada run ini: yang benar-benar dipotong, bukan yang tercatat di register.',
      ...SIGNATURES,
    ],
    ...(preview ? { previewMark: PREVIEW_MARK } : {}),
  }));
}

const REMIT_COLUMNS: ReportColumn[] = [
  { key: 'kode', header: 'Kode', format: 'text', width: 12 },
  { key: 'jenis', header: 'Jenis potongan', format: 'text', width: 28 },
  { key: 'kreditur', header: 'Kreditur', format: 'text', width: 28 },
  { key: 'bank', header: 'Bank', format: 'text', width: 16 },
  { key: 'rekening', header: 'Nomor rekening', format: 'text', width: 20 },
  { key: 'atasNama', header: 'Atas nama', format: 'text', width: 24 },
  { key: 'lapisan', header: 'Disetor dari', format: 'text', width: 22 },
  { key: 'pegawai', header: 'Jumlah pegawai', format: 'int', width: 10 },
  { key: 'jumlah', header: 'Jumlah disetor', format: 'money' },
  { key: 'tunggakan', header: 'Tunggakan dilaporkan', format: 'money' },
];

export function remittanceSheet(slips: readonly StoredSlip[], ctx: DaftarContext): ReportSheetSpec {
  const rows = remittances(slips).map((r: Remittance) => ({
    kode: r.typeCode,
    jenis: r.typeName,
    kreditur: r.creditor.name,
    bank: r.creditor.bank ?? '',
    rekening: r.creditor.accountNumber ?? '',
    atasNama: r.creditor.accountName ?? '',
    lapisan: r.layer === 'IN_LIST' ? 'potongan SP2D' : 'rekening bendahara',
    pegawai: r.employees,
    jumlah: r.jumlah,
    tunggakan: r.tunggakan,
  }));
  return {
    name: 'Rekap setoran kreditur',
    titleLines: [
      'REKAP SETORAN POTONGAN PER KREDITUR',
      ctx.tenantName,
      `Bulan ${formatBulan(ctx.run.month)} · Run ${ctx.run.runId} · Status: ${ctx.run.runState}`,
    ],
    columns: REMIT_COLUMNS,
    rows,
    totalLabel: 'JUMLAH',
    notes: [
      'Satu transfer per kreditur sebesar "Jumlah disetor"; tunggakan dibawa ke bulan berikutnya dan dilaporkan kepada kreditur.',
      ...SIGNATURES,
    ],
    ...(ctx.run.exportState === 'PREVIEW' ? { previewMark: PREVIEW_MARK } : {}),
  };
}

export async function renderDaftarPotongan(
  slips: readonly StoredSlip[],
  ctx: DaftarContext,
  typeCode?: string,
): Promise<{ content: Buffer; rows: number; total: number }> {
  const sheets = daftarSheets(slips, ctx, typeCode);
  const rows = sheets.reduce((s, x) => s + x.rows.length, 0);
  const total = creditorLists(slips, typeCode).reduce((s, l) => s + l.totals.jumlah, 0);
  const content = await renderReportWorkbook(sheets.length > 0 ? sheets : [emptySheet(ctx)], {
    title: 'Daftar potongan per kreditur',
    createdAt: ctx.createdAt,
  });
  return { content, rows, total };
}

export async function renderRemittance(
  slips: readonly StoredSlip[],
  ctx: DaftarContext,
): Promise<{ content: Buffer; rows: number; total: number }> {
  const sheet = remittanceSheet(slips, ctx);
  const total = sheet.rows.reduce((s, r) => s + Number(r.jumlah), 0);
  const content = await renderReportWorkbook([sheet], {
    title: 'Rekap setoran per kreditur',
    createdAt: ctx.createdAt,
  });
  return { content, rows: sheet.rows.length, total };
}

function emptySheet(ctx: DaftarContext): ReportSheetSpec {
  return {
    name: 'Daftar potongan',
    titleLines: [
      'DAFTAR POTONGAN PER KREDITUR',
      ctx.tenantName,
      `Bulan ${formatBulan(ctx.run.month)} · Run ${ctx.run.runId}: tidak ada potongan lain pada run ini`,
    ],
    columns: DAFTAR_COLUMNS,
    rows: [],
  };
}
