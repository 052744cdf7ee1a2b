import type { ExportSettings, SourceAccount } from '../../../core/reports/export-settings';
import type { ExportRunRef } from '../../../core/reports/export-state';
import { PREVIEW_MARK } from '../../../core/reports/export-state';
import type { PemindahbukuanRow, PemindahbukuanTotals } from '../../../core/reports/pemindahbukuan';
import { formatBulan, formatRupiah, formatTanggal, terbilang } from './format';
import {
  BODY_FONT,
  BOLD_FONT,
  CONTENT_WIDTH,
  createPdf,
  ensureSpace,
  finishPages,
  PAGE,
  pdfToBuffer,
  safeText,
} from './pdf-document';
import { renderReportWorkbook } from './report-workbook';

/**
 * Surat permohonan pemindahbukuan and its lampiran (bank-dan-laporan.md §2, single-source layout
 * [S-SIMGAJI]) for tenants whose pay goes to the bendahara's account first: page 1 the letter to the
 * bank branch (source account, month, total in figures and words, creditor accounts, signatory), then
 * the lampiran, one row per employee, with its totals.
 */
export interface PemindahbukuanDocument {
  readonly tenantName: string;
  readonly run: ExportRunRef;
  readonly account: SourceAccount;
  /** Who the lampiran lists: the OPD asked for, else the account's label (every OPD it pays). */
  readonly unit: string;
  readonly letter: NonNullable<ExportSettings['pemindahbukuan']>;
  readonly settingsVersion: string;
  /** Nomor naskah as the bendahara numbers it; absent leaves dots to fill in by hand. */
  readonly nomor?: string;
  readonly tanggal: string;
  readonly rows: readonly PemindahbukuanRow[];
  readonly totals: PemindahbukuanTotals;
  readonly createdAt: Date;
}

const HEADINGS = [
  'NO',
  'NAMA',
  'REKENING',
  'GAJI BRUTO',
  'ZAKAT',
  'INFAQ',
  'JUMLAH POTONGAN',
  'NET MASUK REKENING',
];

export function lampiranTitle(d: PemindahbukuanDocument): string {
  const [year, month] = d.run.month.split('-');
  const bulan = formatBulan(`${year}-${month}`).split(' ')[0]?.toUpperCase();
  return `DAFTAR GAJI ${d.unit.toUpperCase()} ${d.tenantName.toUpperCase()} BULAN ${bulan} TAHUN ${year}`;
}

export function letterParagraphs(d: PemindahbukuanDocument): string[] {
  const a = d.account;
  const creditors = d.letter.creditorAccounts.map(
    (c) => `- ${c.purpose}: ${c.bank} nomor ${c.accountNumber} a.n. ${c.accountName}`,
  );
  return [
    `Nomor    : ${d.nomor ?? '......../......../........'}`,
    `Tanggal  : ${formatTanggal(d.tanggal)}`,
    'Lampiran : 1 (satu) berkas',
    `Perihal  : Permohonan Pemindahbukuan Gaji Bulan ${formatBulan(d.run.month)}`,
    '',
    'Kepada Yth.',
    a.branch,
    'di tempat',
    '',
    'Dengan hormat,',
    `Bersama ini kami mohon dilakukan pemindahbukuan dari rekening ${a.accountName} nomor ${a.accountNumber} pada ${a.bank} ` +
      `sebesar ${formatRupiah(d.totals.net)} (${terbilang(d.totals.net)}) untuk pembayaran gaji bulan ${formatBulan(d.run.month)} ` +
      `kepada ${d.rows.length} pegawai ke rekening masing-masing sebagaimana daftar terlampir.`,
    ...(creditors.length > 0
      ? [
          `Potongan zakat dan infak sebesar ${formatRupiah(d.totals.zakat + d.totals.infaq)} mohon dipindahbukukan ke rekening:`,
          ...creditors,
        ]
      : []),
    'Demikian permohonan ini kami sampaikan. Atas kerja samanya diucapkan terima kasih.',
  ];
}

function footer(d: PemindahbukuanDocument): string {
  return `Run ${d.run.runId} · status ${d.run.runState} · pengaturan ekspor versi ${d.settingsVersion}`;
}

const WIDTHS = [22, 140, 78, 68, 44, 44, 50, 69];

function tableRow(doc: PDFKit.PDFDocument, cells: readonly string[], bold: boolean): void {
  ensureSpace(doc, 14);
  const y = doc.y;
  let x = PAGE.left;
  doc.font(bold ? BOLD_FONT : BODY_FONT).fontSize(7);
  cells.forEach((text, i) => {
    const w = WIDTHS[i] ?? 40;
    doc.rect(x, y, w, 13).lineWidth(0.4).strokeColor('#777777').stroke();
    doc.fillColor('black').text(safeText(text), x + 2, y + 3, {
      width: w - 4,
      align: i >= 3 ? 'right' : i === 0 ? 'center' : 'left',
      lineBreak: false,
      ellipsis: true,
    });
    x += w;
  });
  doc.y = y + 13;
  doc.x = PAGE.left;
}

export async function renderPemindahbukuanPdf(d: PemindahbukuanDocument): Promise<Buffer> {
  const doc = createPdf({
    title: `Permohonan pemindahbukuan ${d.run.runId}`,
    author: d.tenantName,
    subject: `Pemindahbukuan gaji ${formatBulan(d.run.month)}`,
    createdAt: d.createdAt,
  });
  doc.font(BOLD_FONT).fontSize(12).text(safeText(d.tenantName.toUpperCase()), { align: 'center' });
  doc.font(BODY_FONT).fontSize(10).text(safeText(d.account.label), { align: 'center' });
  doc.moveDown();
  doc.fontSize(10);
  for (const p of letterParagraphs(d)) doc.text(safeText(p), { width: CONTENT_WIDTH, align: 'left' });
  doc.moveDown(2);
  const sign = d.letter.signatory;
  const x = PAGE.left + CONTENT_WIDTH / 2;
  doc.text(safeText(sign.jabatan), x, doc.y, { width: CONTENT_WIDTH / 2, align: 'center' });
  doc.moveDown(4);
  doc.font(BOLD_FONT).text(safeText(sign.nama), x, doc.y, { width: CONTENT_WIDTH / 2, align: 'center' });
  doc.font(BODY_FONT).text(`NIP. ${sign.nip}`, x, doc.y, { width: CONTENT_WIDTH / 2, align: 'center' });

  doc.addPage();
  doc.x = PAGE.left;
  doc
    .font(BOLD_FONT)
    .fontSize(10)
    .text(safeText(lampiranTitle(d)), { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown();
  tableRow(doc, HEADINGS, true);
  for (const r of d.rows) {
    tableRow(
      doc,
      [
        String(r.no),
        r.nama,
        r.rekening,
        ...[r.gajiBruto, r.zakat, r.infaq, r.jumlahPotongan, r.net].map(formatRupiah),
      ],
      false,
    );
  }
  const t = d.totals;
  tableRow(
    doc,
    ['', 'JUMLAH', '', ...[t.gajiBruto, t.zakat, t.infaq, t.jumlahPotongan, t.net].map(formatRupiah)],
    true,
  );
  finishPages(
    doc,
    footer(d),
    formatTanggal(d.tanggal),
    d.run.exportState === 'PREVIEW' ? PREVIEW_MARK : undefined,
  );
  return pdfToBuffer(doc);
}

export async function renderPemindahbukuanXlsx(d: PemindahbukuanDocument): Promise<Buffer> {
  const preview = d.run.exportState === 'PREVIEW' ? { previewMark: PREVIEW_MARK } : {};
  const sign = d.letter.signatory;
  return renderReportWorkbook(
    [
      {
        name: 'Surat',
        titleLines: [d.tenantName.toUpperCase(), d.account.label],
        columns: [{ key: 'text', header: 'Surat permohonan pemindahbukuan', format: 'text', width: 120 }],
        rows: [...letterParagraphs(d), '', sign.jabatan, '', '', sign.nama, `NIP. ${sign.nip}`].map(
          (text) => ({ text }),
        ),
        notes: [footer(d)],
        ...preview,
      },
      {
        name: 'Lampiran',
        titleLines: [lampiranTitle(d), footer(d)],
        columns: [
          { key: 'no', header: 'NO', format: 'text', width: 8 },
          { key: 'nama', header: 'NAMA', format: 'text', width: 36 },
          { key: 'rekening', header: 'REKENING', format: 'text', width: 20 },
          { key: 'gajiBruto', header: 'GAJI BRUTO', format: 'money' },
          { key: 'zakat', header: 'ZAKAT', format: 'money' },
          { key: 'infaq', header: 'INFAQ', format: 'money' },
          { key: 'jumlahPotongan', header: 'JUMLAH POTONGAN', format: 'money' },
          { key: 'net', header: 'NET MASUK REKENING', format: 'money' },
        ],
        rows: d.rows.map((r) => ({ ...r, no: String(r.no) })),
        totalLabel: 'JUMLAH',
        notes: [
          'GAJI BRUTO = jumlah bersih daftar gaji (SIPD) pegawai; zakat dan infaq: potongan setelah daftar.',
        ],
        ...preview,
      },
    ],
    { title: `Pemindahbukuan ${d.run.runId}`, createdAt: d.createdAt },
  );
}
