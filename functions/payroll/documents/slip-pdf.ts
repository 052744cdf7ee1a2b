import { lineExplanation } from '../../../core/pay/explain';
import type { GroupTotals, LineGroup, LineKind, PayLine } from '../../../core/pay/types';
import type { RunSummary, StoredSlip } from '../../../core/payroll/run-types';
import {
  CONFIDENCE_LABEL,
  DRAFT_WATERMARK,
  formatBulan,
  formatRupiah,
  formatTanggal,
  maskAccount,
  namaLengkap,
  RUN_KIND_LABEL,
  RUN_STATE_LABEL,
  runCaption,
  terbilang,
} from './format';
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
import { specialSlipCaption } from './special-lists';

export interface SlipPdfOptions {
  /** Printed in the footer; defaults to now. */
  readonly printedAt?: Date;
  /** false keeps the content streams readable (tests); defaults to true. */
  readonly compress?: boolean;
}

type Doc = PDFKit.PDFDocument;

const LEFT = PAGE.left;
const RIGHT = PAGE.width - PAGE.right;
const AMOUNT_WIDTH = 110;
const AMOUNT_X = RIGHT - AMOUNT_WIDTH;
const GREY = '#555555';
const SIZE = { title: 12, heading: 10, body: 8.5, small: 7 } as const;

const GROUP_TITLE: Readonly<Record<LineGroup, string>> = {
  GAJI: 'A. GAJI',
  TPP: 'B. TAMBAHAN PENGHASILAN PEGAWAI (TPP)',
};

const SECTIONS: readonly { kind: LineKind; title: string; total?: keyof GroupTotals }[] = [
  { kind: 'PENGHASILAN', title: 'Penghasilan', total: 'penghasilan' },
  { kind: 'POTONGAN', title: 'Potongan', total: 'potongan' },
  { kind: 'INFORMASI', title: 'Informasi (tidak menambah atau mengurangi bayaran)' },
  { kind: 'IURAN_PEMBERI_KERJA', title: 'Iuran pemberi kerja (dibayar pemda, tidak melalui slip)' },
];

/**
 * The payslip of one employee for one run: identity, every line with its amount, its explanation and
 * the citation of the rule (regulation, confidence), grouped GAJI then TPP with the totals of each group
 * and overall, corrections of locked months, the run state, and a footer on every page. A DRAFT run is
 * watermarked "DRAFT — BUKAN UNTUK PEMBAYARAN" on every page.
 */
export async function renderSlipPdf(
  slip: StoredSlip,
  run: RunSummary,
  options: SlipPdfOptions = {},
): Promise<Buffer> {
  const printedAt = options.printedAt ?? new Date();
  const nama = namaLengkap(slip.header);
  const doc = createPdf({
    title: `Slip ${RUN_KIND_LABEL[run.kind]} ${formatBulan(run.month)} — ${nama}`,
    author: run.tenantName,
    subject: `Run ${run.id}, NIP ${slip.header.nip}`,
    createdAt: printedAt,
    ...(options.compress === undefined ? {} : { compress: options.compress }),
  });
  const draft = run.state === 'DRAFT';

  heading(doc, slip, run, draft);
  identity(doc, slip);
  for (const group of ['GAJI', 'TPP'] as const) {
    const lines = slip.slip.lines.filter((l) => l.group === group);
    if (lines.length > 0) groupBlock(doc, slip, group, lines);
  }
  summary(doc, slip);
  corrections(doc, slip);
  warnings(doc, slip);

  finishPages(
    doc,
    `SIGAP · Run ${run.id} · Status: ${RUN_STATE_LABEL[run.state]} · NIP ${slip.header.nip}`,
    `Dicetak ${formatTanggal(printedAt)}`,
    draft ? DRAFT_WATERMARK : undefined,
  );
  return pdfToBuffer(doc);
}

function text(
  doc: Doc,
  value: string,
  options: { font?: string; size?: number; color?: string; x?: number; width?: number } = {},
) {
  const x = options.x ?? LEFT;
  doc
    .font(options.font ?? BODY_FONT)
    .fontSize(options.size ?? SIZE.body)
    .fillColor(options.color ?? 'black');
  doc.text(safeText(value), x, doc.y, { width: options.width ?? RIGHT - x });
}

function rule(doc: Doc, gap = 4): void {
  doc.y += gap;
  doc.moveTo(LEFT, doc.y).lineTo(RIGHT, doc.y).lineWidth(0.6).strokeColor('#888888').stroke();
  doc.y += gap;
}

const SLIP_TITLE: Readonly<Record<RunSummary['kind'], string>> = {
  GAJI_TPP: 'SLIP GAJI DAN TPP',
  GAJI: 'SLIP GAJI',
  TPP: 'SLIP TPP',
  THR: 'SLIP TUNJANGAN HARI RAYA (THR)',
  GAJI13: 'SLIP GAJI KETIGA BELAS (GAJI KE-13)',
  RAPEL: 'SLIP KEKURANGAN GAJI (RAPEL)',
};

function heading(doc: Doc, slip: StoredSlip, run: RunSummary, draft: boolean): void {
  doc.y = PAGE.top;
  text(doc, run.tenantName, { font: BOLD_FONT, size: SIZE.title });
  text(doc, `${SLIP_TITLE[run.kind]} — ${formatBulan(slip.month).toUpperCase()}`, {
    font: BOLD_FONT,
    size: SIZE.heading,
  });
  text(doc, runCaption(run), { color: GREY });
  const special = specialSlipCaption(slip);
  if (special) text(doc, special, { color: GREY });
  if (draft) text(doc, DRAFT_WATERMARK, { font: BOLD_FONT, size: SIZE.heading, color: '#cc0000' });
  rule(doc);
}

function identity(doc: Doc, slip: StoredSlip): void {
  const h = slip.header;
  const bank = h.bank
    ? `${h.bank.bank} ${maskAccount(h.bank.accountNumber)} a.n. ${h.bank.accountName}`
    : 'belum ada rekening';
  const pairs: [string, string][] = [
    ['Nama', namaLengkap(h)],
    ['NIP', h.nip],
    ['Golongan', h.golongan],
    ['Jenis ASN', h.jenisAsn],
    ['Jabatan', `${h.jabatan}${h.eselon ? ` (eselon ${h.eselon})` : ''}`],
    ['Kelas jabatan', String(h.kelasJabatan)],
    ['OPD', h.opd],
    ['Unit kerja', h.unit],
    ['NPWP', h.npwp ?? '-'],
    ['Rekening', bank],
  ];
  const half = CONTENT_WIDTH / 2;
  const labelWidth = 62;
  for (let i = 0; i < pairs.length; i += 2) {
    const top = doc.y;
    let bottom = top;
    for (const [k, pair] of [pairs[i], pairs[i + 1]].entries()) {
      if (!pair) continue;
      const x = LEFT + k * half;
      doc.font(BODY_FONT).fontSize(SIZE.body).fillColor(GREY);
      doc.text(pair[0], x, top, { width: labelWidth });
      doc.font(BOLD_FONT).fillColor('black');
      doc.text(safeText(pair[1]), x + labelWidth, top, { width: half - labelWidth - 8 });
      bottom = Math.max(bottom, doc.y);
    }
    doc.y = bottom + 1;
  }
  rule(doc);
}

/** Label left, amount right on the same baseline; returns nothing, leaves doc.y under the taller one. */
function amountRow(
  doc: Doc,
  label: string,
  amount: number,
  options: { bold?: boolean; indent?: number; size?: number } = {},
) {
  const x = LEFT + (options.indent ?? 0);
  const top = doc.y;
  doc
    .font(options.bold ? BOLD_FONT : BODY_FONT)
    .fontSize(options.size ?? SIZE.body)
    .fillColor('black');
  doc.text(safeText(label), x, top, { width: AMOUNT_X - x - 8 });
  const afterLabel = doc.y;
  doc.text(formatRupiah(amount), AMOUNT_X, top, { width: AMOUNT_WIDTH, align: 'right' });
  doc.y = Math.max(afterLabel, doc.y);
}

function citationText(line: PayLine): string {
  const c = line.citation;
  const article = c.article ? `, ${c.article}` : '';
  return `Dasar: ${c.regulation}${article} · keyakinan: ${CONFIDENCE_LABEL[c.confidence]} · berlaku sejak ${formatTanggal(c.from)}`;
}

function lineBlock(doc: Doc, line: PayLine): void {
  const x = LEFT + 22;
  const width = AMOUNT_X - x - 8;
  const explanation = safeText(lineExplanation(line));
  const citation = safeText(citationText(line));
  doc.font(BODY_FONT).fontSize(SIZE.small);
  const needed =
    doc.heightOfString(explanation, { width }) + doc.heightOfString(citation, { width }) + SIZE.body * 1.6;
  ensureSpace(doc, needed);
  const label = line.refund ? `${line.label} (pengembalian)` : line.label;
  amountRow(doc, label, line.amount, { indent: 12 });
  text(doc, explanation, { size: SIZE.small, color: GREY, x, width });
  text(doc, citation, { size: SIZE.small, color: '#2a5a8a', x, width });
  doc.y += 2;
}

function groupBlock(doc: Doc, slip: StoredSlip, group: LineGroup, lines: readonly PayLine[]): void {
  const totals = group === 'GAJI' ? slip.slip.totals.gaji : slip.slip.totals.tpp;
  ensureSpace(doc, 60);
  const period =
    group === 'TPP' && slip.slip.meta.tppPeriod
      ? ` — bulan kinerja ${formatBulan(slip.slip.meta.tppPeriod)}`
      : '';
  text(doc, `${GROUP_TITLE[group]}${period}`, { font: BOLD_FONT, size: SIZE.heading });
  doc.y += 2;
  for (const section of SECTIONS) {
    const of = lines.filter((l) => l.kind === section.kind);
    if (of.length === 0) continue;
    ensureSpace(doc, 40);
    text(doc, section.title, { font: BOLD_FONT, x: LEFT + 6 });
    for (const line of of) lineBlock(doc, line);
    if (section.total) {
      ensureSpace(doc, 14);
      amountRow(doc, `Jumlah ${section.title.toLowerCase()}`, totals[section.total], {
        bold: true,
        indent: 12,
      });
      doc.y += 3;
    }
  }
  ensureSpace(doc, 16);
  amountRow(doc, `Bersih ${group === 'GAJI' ? 'gaji' : 'TPP'}`, totals.bersih, { bold: true, indent: 6 });
  rule(doc);
}

function summary(doc: Doc, slip: StoredSlip): void {
  const t = slip.slip.totals;
  ensureSpace(doc, 80);
  text(doc, 'RINGKASAN', { font: BOLD_FONT, size: SIZE.heading });
  doc.y += 2;
  amountRow(doc, 'Total penghasilan', t.penghasilan, { indent: 6 });
  amountRow(doc, 'Total potongan', t.potongan, { indent: 6 });
  const received = potonganLain(doc, slip);
  doc.y += 3;
  const top = doc.y;
  doc
    .rect(LEFT, top - 2, CONTENT_WIDTH, 18)
    .fillColor('#eef2f7')
    .fill();
  doc.y = top + 2;
  amountRow(doc, 'JUMLAH BERSIH DITERIMA', received, { bold: true, indent: 6, size: SIZE.heading });
  doc.y = Math.max(doc.y, top + 18);
  text(doc, `Terbilang: ${terbilang(received)}`, { size: SIZE.small, color: GREY, x: LEFT + 6 });
  if (t.iuranPemberiKerja > 0) {
    text(doc, `Iuran pemberi kerja di luar slip: ${formatRupiah(t.iuranPemberiKerja)}`, {
      size: SIZE.small,
      color: GREY,
      x: LEFT + 6,
    });
  }
  rule(doc);
}

/**
 * Potongan lain (core/deductions): zakat/Bulog inside the SIPD list, then the items taken after the SIPD
 * bersih; answers what the bank credits (the take-home), or the bersih when there are none.
 */
function potonganLain(doc: Doc, slip: StoredSlip): number {
  const d = slip.deductions;
  if (!d) return slip.slip.totals.bersih;
  for (const p of d.inList) amountRow(doc, `${p.typeName} (potongan SIPD)`, p.taken, { indent: 12 });
  amountRow(doc, 'Bersih SIPD', d.sipdBersih, { bold: true, indent: 6 });
  if (d.postList.length > 0) text(doc, 'Potongan lain (setelah SIPD)', { font: BOLD_FONT, x: LEFT + 6 });
  for (const p of d.postList) {
    const angsuran = p.instalmentNo !== undefined ? ` angsuran ${p.instalmentNo}/${p.tenor}` : '';
    amountRow(doc, `${p.typeName}${angsuran} — ${p.creditor.name}`, p.taken, { indent: 12 });
  }
  for (const note of d.notes) text(doc, `• ${note}`, { size: SIZE.small, color: GREY, x: LEFT + 12 });
  return d.takeHome;
}

function corrections(doc: Doc, slip: StoredSlip): void {
  const list = slip.corrections ?? [];
  if (list.length === 0) return;
  ensureSpace(doc, 50);
  text(doc, 'KOREKSI BULAN YANG SUDAH DIKUNCI', { font: BOLD_FONT, size: SIZE.heading });
  text(
    doc,
    'Kekurangan (+) atau kelebihan (−) bayar bulan lalu karena data berubah setelah dibayar. Koreksi tidak termasuk jumlah bersih di atas; penyelesaiannya melalui daftar kekurangan/kelebihan tersendiri.',
    { size: SIZE.small, color: GREY },
  );
  doc.y += 2;
  for (const c of list) {
    const width = AMOUNT_X - LEFT - 30;
    doc.font(BODY_FONT).fontSize(SIZE.small);
    ensureSpace(doc, doc.heightOfString(safeText(c.cause), { width }) + 14);
    amountRow(doc, `${formatBulan(c.month)} — ${c.label} (run ${c.runId})`, c.amount, { indent: 12 });
    text(doc, `Sebab: ${c.cause}`, { size: SIZE.small, color: GREY, x: LEFT + 22, width });
  }
  amountRow(
    doc,
    'Jumlah koreksi',
    list.reduce((s, c) => s + c.amount, 0),
    { bold: true, indent: 12 },
  );
  rule(doc);
}

function warnings(doc: Doc, slip: StoredSlip): void {
  if (slip.slip.warnings.length === 0) return;
  ensureSpace(doc, 30);
  text(doc, 'Catatan perhitungan', { font: BOLD_FONT });
  for (const w of slip.slip.warnings) text(doc, `• ${w}`, { size: SIZE.small, color: GREY, x: LEFT + 6 });
}
