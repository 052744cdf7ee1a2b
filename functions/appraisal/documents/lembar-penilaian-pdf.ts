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
} from '../../payroll/documents/pdf-document';

/**
 * Lembar penilaian kinerja bulanan (PermenPANRB 6/2022 shape): identity of the pegawai, pejabat penilai
 * and atasan pejabat penilai; the SKP's indicators with the month's target, realisasi and capaian; the
 * rating of hasil kerja and of perilaku kerja (overall and per BerAKHLAK value with the ekspektasi
 * khusus); the predikat; the feedback; three signature blocks. Everything arrives prepared (labels in
 * Indonesian); this module only lays it out, with the slip's fonts and footer (pdf-document.ts).
 */
export interface LembarPerson {
  nama: string;
  nip: string;
  jabatan: string;
  pangkat?: string;
  unit?: string;
}

export interface LembarPenilaian {
  tenantName: string;
  month: string;
  monthLabel: string;
  opd: string;
  pegawai: LembarPerson;
  pejabatPenilai: LembarPerson | null;
  atasanPejabatPenilai: LembarPerson | null;
  skp: { id: string; revision: number; status: string } | null;
  indicators: {
    result: string;
    description: string;
    target: string;
    realized: string;
    achievement: string;
  }[];
  weightedAchievement: string | null;
  hasilKerja: string;
  perilaku: string;
  perilakuValues: { label: string; ekspektasi: string; rating: string }[];
  predikat: string;
  predikatNote: string | null;
  feedback: string;
  printedAt: Date;
  /** Shown as a watermark: the month's result is not final (provisional or not yet computed). */
  draftLabel?: string;
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  ensureSpace(doc, 40);
  doc.moveDown(0.6);
  doc.font(BOLD_FONT).fontSize(10).fillColor('black').text(safeText(text), PAGE.left, doc.y);
  doc.moveDown(0.2);
}

/** A bordered table with fixed column widths; rows grow with their text and break across pages. */
function table(
  doc: PDFKit.PDFDocument,
  headers: readonly string[],
  widths: readonly number[],
  rows: readonly (readonly string[])[],
): void {
  const pad = 3;
  const draw = (cells: readonly string[], bold: boolean) => {
    doc.font(bold ? BOLD_FONT : BODY_FONT).fontSize(8);
    const heights = cells.map((c, i) =>
      doc.heightOfString(safeText(c), { width: (widths[i] ?? 50) - 2 * pad }),
    );
    const h = Math.max(12, ...heights) + 2 * pad;
    ensureSpace(doc, h);
    const y = doc.y;
    let x = PAGE.left;
    cells.forEach((c, i) => {
      const w = widths[i] ?? 50;
      if (bold) doc.rect(x, y, w, h).fillAndStroke('#e7ecf3', '#999999').fillColor('black');
      else doc.rect(x, y, w, h).lineWidth(0.5).strokeColor('#999999').stroke();
      doc.text(safeText(c), x + pad, y + pad, { width: w - 2 * pad });
      x += w;
    });
    doc.y = y + h;
  };
  draw(headers, true);
  for (const row of rows) draw(row, false);
  doc.x = PAGE.left;
}

function personLines(label: string, p: LembarPerson | null): string[] {
  if (!p) return [label, 'belum ditetapkan'];
  return [
    label,
    `Nama: ${p.nama}`,
    `NIP: ${p.nip}`,
    ...(p.pangkat ? [`Pangkat/Gol.: ${p.pangkat}`] : []),
    `Jabatan: ${p.jabatan}`,
    ...(p.unit ? [`Unit kerja: ${p.unit}`] : []),
  ];
}

function signature(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  w: number,
  role: string,
  p: LembarPerson | null,
) {
  doc.font(BODY_FONT).fontSize(8).text(safeText(role), x, y, { width: w, align: 'center' });
  doc.text(' ', x, y + 54, { width: w });
  doc.font(BOLD_FONT).text(safeText(p?.nama ?? '(............................)'), x, y + 58, {
    width: w,
    align: 'center',
    underline: true,
  });
  doc.font(BODY_FONT).text(safeText(p ? `NIP ${p.nip}` : 'NIP'), x, y + 70, { width: w, align: 'center' });
}

export async function renderLembarPenilaian(l: LembarPenilaian): Promise<Buffer> {
  const doc = createPdf({
    title: `Lembar Penilaian Kinerja ${l.pegawai.nama} ${l.monthLabel}`,
    author: l.tenantName,
    subject: `Evaluasi kinerja bulanan ${l.month}`,
    createdAt: l.printedAt,
  });
  doc.font(BOLD_FONT).fontSize(12).text('LEMBAR PENILAIAN KINERJA PEGAWAI', { align: 'center' });
  doc
    .font(BODY_FONT)
    .fontSize(9)
    .text(safeText(`${l.tenantName} · ${l.opd}`), { align: 'center' });
  doc.text(safeText(`Periode penilaian: ${l.monthLabel} (bulanan)`), { align: 'center' });
  if (l.skp)
    doc.text(safeText(`SKP ${l.skp.id}, revisi ${l.skp.revision} (${l.skp.status})`), { align: 'center' });

  heading(doc, 'I. Identitas');
  const third = CONTENT_WIDTH / 3;
  const top = doc.y;
  let bottom = top;
  (
    [
      ['Pegawai yang dinilai', l.pegawai],
      ['Pejabat penilai kinerja', l.pejabatPenilai],
      ['Atasan pejabat penilai kinerja', l.atasanPejabatPenilai],
    ] as const
  ).forEach(([label, p], i) => {
    const lines = personLines(label, p);
    doc
      .font(BOLD_FONT)
      .fontSize(8)
      .text(safeText(lines[0] as string), PAGE.left + i * third, top, {
        width: third - 8,
      });
    doc.font(BODY_FONT).fontSize(8);
    for (const line of lines.slice(1)) doc.text(safeText(line), { width: third - 8 });
    bottom = Math.max(bottom, doc.y);
  });
  doc.y = bottom;
  doc.x = PAGE.left;

  heading(doc, 'II. Hasil kerja: indikator, target dan realisasi bulan ini');
  if (l.indicators.length === 0) {
    doc.font(BODY_FONT).fontSize(8).text('Tidak ada SKP yang berlaku pada bulan ini.');
  } else {
    const w = [150, 135, 80, 80, CONTENT_WIDTH - 445];
    table(
      doc,
      ['Rencana hasil kerja', 'Indikator', 'Target bulan ini', 'Realisasi', 'Capaian'],
      w,
      l.indicators.map((i) => [i.result, i.description, i.target, i.realized, i.achievement]),
    );
    if (l.weightedAchievement)
      doc
        .font(BODY_FONT)
        .fontSize(8)
        .text(safeText(`Capaian tertimbang: ${l.weightedAchievement}`), PAGE.left);
  }
  doc
    .font(BOLD_FONT)
    .fontSize(9)
    .text(safeText(`Rating hasil kerja: ${l.hasilKerja}`), PAGE.left);

  heading(doc, 'III. Perilaku kerja (nilai dasar BerAKHLAK)');
  table(
    doc,
    ['Nilai', 'Ekspektasi khusus pimpinan', 'Rating'],
    [110, CONTENT_WIDTH - 220, 110],
    l.perilakuValues.map((v) => [v.label, v.ekspektasi, v.rating]),
  );
  doc
    .font(BOLD_FONT)
    .fontSize(9)
    .text(safeText(`Rating perilaku kerja: ${l.perilaku}`), PAGE.left);

  heading(doc, 'IV. Predikat kinerja pegawai');
  doc.font(BOLD_FONT).fontSize(11).text(safeText(l.predikat), PAGE.left);
  if (l.predikatNote) doc.font(BODY_FONT).fontSize(8).text(safeText(l.predikatNote), PAGE.left);

  heading(doc, 'V. Umpan balik pejabat penilai');
  doc
    .font(BODY_FONT)
    .fontSize(9)
    .text(safeText(l.feedback || '(tidak ada umpan balik)'), PAGE.left, doc.y, {
      width: CONTENT_WIDTH,
    });

  ensureSpace(doc, 110);
  doc.moveDown(1.2);
  const y = doc.y;
  signature(doc, PAGE.left, y, third - 8, 'Pegawai yang dinilai', l.pegawai);
  signature(doc, PAGE.left + third, y, third - 8, 'Pejabat penilai kinerja', l.pejabatPenilai);
  signature(
    doc,
    PAGE.left + 2 * third,
    y,
    third - 8,
    'Atasan pejabat penilai kinerja',
    l.atasanPejabatPenilai,
  );
  doc.y = y + 84;
  doc.x = PAGE.left;

  finishPages(
    doc,
    `Lembar penilaian ${l.pegawai.nip} ${l.month} · dicetak ${l.printedAt.toISOString().slice(0, 10)} dari SIGAP`,
    l.tenantName,
    l.draftLabel,
  );
  return pdfToBuffer(doc);
}
