import { A2_LABELS, A2_LINES, type A2Line, type AnnualFigures } from '../../core/tax/annual';
import type { Withholder } from '../../core/tax/withholders';
import { toCsv } from '../payroll/documents/csv';
import { formatRupiah } from '../payroll/documents/format';
import {
  BODY_FONT,
  BOLD_FONT,
  CONTENT_WIDTH,
  createPdf,
  finishPages,
  PAGE,
  pdfToBuffer,
  safeText,
} from '../payroll/documents/pdf-document';

export const A2_TEMPLATE_VERSION = 'Formulir 1721-A2 (baris per pajak-pelaporan.md §5.2) v1';

export interface A2Identity {
  nip: string;
  nama: string;
  nik: string;
  golongan: string;
  jabatan: string;
  opd: string;
}

export interface A2Meta {
  tenantName: string;
  withholder: Withholder;
  runsCaption: string;
  preview: boolean;
  printedAt: Date;
  /** false keeps the content streams readable (tests). */
  compress?: boolean;
}

/** Lines printed in bold: the sums of the form. */
const SUMS = new Set<A2Line>(['4', '11', '14', '15', '17', '19', '22']);
const SECTION_B_STARTS: Readonly<Partial<Record<A2Line, string>>> = {
  '1': 'PENGHASILAN BRUTO',
  '12': 'PENGURANGAN',
  '15': 'PENGHITUNGAN PPh PASAL 21',
};

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The 1721-A2 of one employee and year, laid out like the form (§5.2): the header (nomor, masa perolehan,
 * instansi, NPWP and nama bendahara), A. identity, B. the lines 1–23 with their amounts, and the source (the
 * runs and their state) and template version in the footer. A preview carries the watermark.
 */
export async function renderA2Pdf(f: AnnualFigures, who: A2Identity, meta: A2Meta): Promise<Buffer> {
  const doc = createPdf({
    title: `Bukti Potong 1721-A2 ${f.year} ${who.nip}`,
    author: meta.tenantName,
    subject: 'Bukti pemotongan PPh Pasal 21 bagi PNS (1721-A2)',
    createdAt: meta.printedAt,
    ...(meta.compress === false ? { compress: false } : {}),
  });
  const left = PAGE.left;
  const amountX = PAGE.width - PAGE.right - 130;
  doc.font(BOLD_FONT).fontSize(11).text('BUKTI PEMOTONGAN PAJAK PENGHASILAN PASAL 21', { align: 'center' });
  doc.fontSize(9).text('BAGI PEGAWAI NEGERI SIPIL / ANGGOTA TNI/POLRI / PEJABAT NEGARA (FORMULIR 1721-A2)', {
    align: 'center',
  });
  doc.moveDown(0.6).font(BODY_FONT).fontSize(8.5);
  const kv = (k: string, v: string) => {
    const y = doc.y;
    doc.font(BODY_FONT).text(safeText(k), left, y, { width: 170 });
    doc.text(`: ${safeText(v)}`, left + 170, y, { width: CONTENT_WIDTH - 170 });
  };
  // The bukti potong number is issued by Coretax when the form is created there; SIGAP does not invent one.
  kv('Nomor', '(diberikan Coretax)');
  kv('Masa perolehan penghasilan', `${pad2(f.firstMonth)} – ${pad2(f.lastMonth)} ${f.year}`);
  kv('Nama instansi / bendahara', `${meta.withholder.name}`);
  kv('NPWP bendahara', meta.withholder.npwp);
  kv('NITKU', meta.withholder.nitku);
  kv('Nama bendahara', `${meta.withholder.bendahara.nama} (NIP ${meta.withholder.bendahara.nip})`);
  doc.moveDown(0.5).font(BOLD_FONT).text('A. IDENTITAS PENERIMA PENGHASILAN', left);
  doc.font(BODY_FONT);
  kv('1. NPWP / NIK', who.nik || '(NIK belum diisi)');
  kv('2. NIP', who.nip);
  kv('3. Nama', who.nama);
  kv('4. Pangkat/golongan', who.golongan);
  kv('5. Nama jabatan', who.jabatan);
  kv('6. Status/jumlah tanggungan (PTKP)', f.ptkpStatus);
  kv('7. Unit kerja (OPD)', who.opd);
  doc
    .moveDown(0.5)
    .font(BOLD_FONT)
    .text('B. RINCIAN PENGHASILAN DAN PENGHITUNGAN PPh PASAL 21 (kode objek pajak 21-100-01)', left);
  for (const line of A2_LINES) {
    const section = SECTION_B_STARTS[line];
    if (section) doc.moveDown(0.3).font(BOLD_FONT).fontSize(8.5).text(section, left);
    const y = doc.y;
    doc.font(SUMS.has(line) ? BOLD_FONT : BODY_FONT).fontSize(8.5);
    doc.text(`${line}.`, left, y, { width: 24 });
    doc.text(safeText(A2_LABELS[line]), left + 26, y, { width: amountX - left - 36 });
    const after = doc.y;
    doc.text(formatRupiah(f.lines[line]), amountX, y, { width: 130, align: 'right' });
    doc.y = Math.max(after, doc.y) + 1.5;
  }
  doc.moveDown(0.6).font(BODY_FONT).fontSize(7.5).fillColor('#555555');
  doc.text(
    safeText(
      'Baris 5 = tunjangan umum, baris 8 = pembulatan, baris 9 = bagian bruto gaji di luar baris 1–8 (iuran pemberi kerja yang termasuk bruto, saldo awal gaji), ' +
        'baris 10 = TPP (dan iuran pemberi kerja atas TPP bila termasuk bruto); 23A = PPh atas gaji (ditanggung pemerintah), 23B = PPh atas TPP (pajak-pelaporan.md §5.2, pemetaan yang dianjurkan).',
    ),
    left,
  );
  doc.fillColor('black');
  finishPages(
    doc,
    `Sumber: ${meta.runsCaption} · ${A2_TEMPLATE_VERSION}`,
    meta.tenantName,
    meta.preview ? 'PRATINJAU — RUN BELUM DIKUNCI' : undefined,
  );
  return pdfToBuffer(doc);
}

/** The data file: one row per employee, the form's lines as columns, its source and template. */
export function a2Csv(
  rows: readonly {
    figures: AnnualFigures;
    who: A2Identity;
    withholder?: Withholder;
    problems: readonly { message: string }[];
  }[],
  meta: { runsCaption: string; preview: boolean },
): string {
  const header = [
    'tahun',
    'nip',
    'nik',
    'nama',
    'opd',
    'ptkp',
    'masa_awal',
    'masa_akhir',
    'npwp_pemotong',
    'nitku_pemotong',
    ...A2_LINES.map((l) => `baris_${l}`),
    'status',
    'sumber',
    'format',
  ];
  return toCsv(
    header,
    rows.map(({ figures: f, who, withholder, problems }) => [
      f.year,
      who.nip,
      who.nik,
      who.nama,
      who.opd,
      f.ptkpStatus,
      f.firstMonth,
      f.lastMonth,
      withholder?.npwp ?? '',
      withholder?.nitku ?? '',
      ...A2_LINES.map((l) => f.lines[l]),
      problems.length > 0
        ? `TIDAK LENGKAP: ${problems.map((p) => p.message).join(' | ')}`
        : meta.preview
          ? 'PRATINJAU'
          : 'OK',
      meta.runsCaption,
      A2_TEMPLATE_VERSION,
    ]),
  );
}
