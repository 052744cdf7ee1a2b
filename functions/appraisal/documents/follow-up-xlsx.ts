import ExcelJS from 'exceljs';

/**
 * Daftar tindak lanjut hasil evaluasi kinerja as a workbook: one sheet per list (pembinaan, penghargaan,
 * pelatihan/pendidikan), a title block naming the pemda, OPD and month, and the tenant rule that put
 * each person there, so the list can be discussed without the console open.
 */
export interface FollowUpSheetRow {
  list: 'PEMBINAAN' | 'PENGHARGAAN';
  nip: string;
  nama: string;
  months: number;
  since: string;
  latestPredikat: string;
  programmes: string;
}

export interface FollowUpWorkbook {
  tenantName: string;
  opd: string;
  month: string;
  printedAt: Date;
  rule: { pembinaan: string; recognition: string };
  rows: readonly FollowUpSheetRow[];
}

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF3' } } as const;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const COLUMNS = [
  { header: 'No', width: 5 },
  { header: 'NIP', width: 22 },
  { header: 'Nama', width: 32 },
  { header: 'Bulan berturut-turut', width: 12 },
  { header: 'Sejak', width: 10 },
  { header: 'Predikat terakhir', width: 18 },
  { header: 'Program', width: 30 },
] as const;

function sheet(
  book: ExcelJS.Workbook,
  name: string,
  title: string,
  spec: FollowUpWorkbook,
  rule: string,
  rows: readonly FollowUpSheetRow[],
) {
  const ws = book.addWorksheet(name);
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([spec.tenantName]);
  ws.addRow([`OPD ${spec.opd} · bulan ${spec.month}`]);
  ws.addRow([`Aturan: ${rule}`]);
  ws.addRow([]);
  const header = ws.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  rows.forEach((r, i) => {
    const row = ws.addRow([i + 1, r.nip, r.nama, r.months, r.since, r.latestPredikat, r.programmes]);
    // A NIP is an identifier, never a number: 18 digits would lose precision as one.
    row.getCell(2).numFmt = '@';
    row.eachCell((cell) => {
      cell.border = BORDER;
    });
  });
  if (rows.length === 0) ws.addRow(['', '', 'Tidak ada pegawai dalam daftar ini.']);
  ws.addRow([]);
  ws.addRow([`Dicetak ${spec.printedAt.toISOString().slice(0, 10)} dari SIGAP`]).font = {
    italic: true,
    size: 9,
  };
  ws.views = [{ state: 'frozen', ySplit: 6 }];
}

export async function renderFollowUpXlsx(spec: FollowUpWorkbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'SIGAP';
  book.created = spec.printedAt;
  const pembinaan = spec.rows.filter((r) => r.list === 'PEMBINAAN');
  const recognition = spec.rows.filter((r) => r.list === 'PENGHARGAAN');
  sheet(book, 'Pembinaan', 'Daftar Pembinaan Kinerja', spec, spec.rule.pembinaan, pembinaan);
  sheet(
    book,
    'Penghargaan',
    'Daftar Calon Penerima Penghargaan',
    spec,
    spec.rule.recognition,
    recognition.filter((r) => r.programmes.includes('PENGHARGAAN')),
  );
  sheet(
    book,
    'Pelatihan',
    'Daftar Calon Peserta Pelatihan / Pendidikan',
    spec,
    spec.rule.recognition,
    recognition.filter((r) => /PELATIHAN|PENDIDIKAN/.test(r.programmes)),
  );
  const promotion = recognition.filter((r) => r.programmes.includes('PROMOSI'));
  // Only where the tenant's rule names promotion candidates: an empty sheet would read as "nobody".
  if (promotion.length > 0)
    sheet(
      book,
      'Promosi',
      'Daftar Calon Promosi / Pengembangan Karier',
      spec,
      spec.rule.recognition,
      promotion,
    );
  return Buffer.from(await book.xlsx.writeBuffer());
}
