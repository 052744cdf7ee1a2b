import ExcelJS from 'exceljs';
import {
  CHILD_FIELDS,
  IDENTIFIER_COLUMNS,
  IMPORT_COLUMNS,
  KNOWN_NOT_STORED,
  MAX_IMPORT_ROWS,
  REQUIRED_COLUMNS,
  TEMPLATE_EXAMPLE,
  templateHeaders,
} from '../../core/employee/import-columns';
import { toCsv } from '../payroll/documents/csv';

/**
 * The import template: the headers SIGAP reads and the worked example row of data-pegawai-import.md §7.
 * XLSX: sheet "pegawai" (identifier and date columns formatted as Text, so a NIP typed in keeps its 18
 * digits) and sheet "petunjuk" describing every column. CSV: the same header and row, `;`-separated.
 */
const REQUIRED = new Set(REQUIRED_COLUMNS.flat());

function requirement(key: string): string {
  const alternatives = REQUIRED_COLUMNS.find((a) => a.includes(key));
  if (!alternatives) return 'tidak';
  return alternatives.length > 1 ? `ya (atau ${alternatives.filter((k) => k !== key).join(', ')})` : 'ya';
}

export function templateCsv(): string {
  const headers = templateHeaders();
  return toCsv(headers, [headers.map((h) => TEMPLATE_EXAMPLE[h] ?? '')]);
}

export async function templateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SIGAP';
  const headers = templateHeaders();
  const ws = wb.addWorksheet('pegawai', { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  ws.columns = headers.map((h) => ({
    header: h,
    key: h,
    width: Math.max(12, h.length + 2),
    // Text format: Excel would turn an 18-digit NIP into 1.99E+17 and a date into a serial number.
    style:
      IDENTIFIER_COLUMNS.has(h) || h.startsWith('tmt_') || h.startsWith('tanggal_') ? { numFmt: '@' } : {},
  }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  headers.forEach((h, i) => {
    if (REQUIRED.has(h))
      head.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE699' } };
  });
  ws.addRow(headers.map((h) => TEMPLATE_EXAMPLE[h] ?? null));

  const help = wb.addWorksheet('petunjuk');
  help.columns = [
    { header: 'kolom', key: 'kolom', width: 28 },
    { header: 'kelompok', key: 'kelompok', width: 12 },
    { header: 'wajib', key: 'wajib', width: 26 },
    { header: 'isi', key: 'isi', width: 90 },
    { header: 'nama lain yang diterima', key: 'alias', width: 50 },
  ];
  help.getRow(1).font = { bold: true };
  for (const spec of IMPORT_COLUMNS) {
    help.addRow({
      kolom: spec.key,
      kelompok: spec.group,
      wajib: requirement(spec.key),
      isi: spec.help,
      alias: spec.aliases.join(', '),
    });
    if (spec.key === 'tmt_keluarga') {
      for (const f of CHILD_FIELDS) {
        help.addRow({
          kolom: `${f.field}_1 … _10`,
          kelompok: 'keluarga',
          wajib: 'tidak',
          isi: f.help,
          alias: '',
        });
      }
    }
  }
  help.addRow({});
  for (const note of [
    `Baris 1 lembar "pegawai" berisi judul kolom; satu baris per pegawai, paling banyak ${MAX_IMPORT_ROWS.toLocaleString('id-ID')} baris per berkas, berkas paling besar 4 MB.`,
    'Judul kolom boleh huruf besar/kecil, spasi atau nama kolom SIASN (lihat "nama lain"); kolom yang tidak dikenal diabaikan dan disebutkan di laporan.',
    'Isi nilai, bukan rumus. NIP, NIK, NPWP dan nomor rekening ditulis sebagai teks.',
    'CSV: simpan sebagai "CSV UTF-8"; pemisah ; atau , dikenali dari baris judul.',
    'Kolom bank, NIK, NPWP, pasangan, anak dan atasan yang tidak ada di berkas tidak mengubah data tersimpan.',
    'Perubahan pangkat, masa kerja, jabatan, OPD, keluarga dan kedudukan dicatat sebagai riwayat mulai TMT-nya.',
    `Dikenal tetapi belum disimpan SIGAP: ${KNOWN_NOT_STORED.join(', ')}.`,
  ]) {
    help.addRow({ kolom: note });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
