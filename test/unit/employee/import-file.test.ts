import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { templateHeaders } from '../../../core/employee/import-columns';
import { contentOf, decodeImportFile } from '../../../functions/employees/import-file';
import { templateCsv, templateXlsx } from '../../../functions/employees/import-template';
import { csvOf, exampleRow, xlsxOf } from '../../builders/employee-import';

const decode = (fileName: string, content: Buffer) => decodeImportFile({ fileName, content });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e) => e,
  );

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('decodeImportFile: XLSX', () => {
  it('should read the template back: its headers and the worked example row, as text', async () => {
    const sheet = await decode('templat.xlsx', await templateXlsx());
    expect(sheet).toMatchObject({ type: 'xlsx', sheetName: 'pegawai', layout: { missing: [], ignored: [] } });
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]).toMatchObject({
      row: 2,
      cells: {
        nip: '199001012015011009',
        nik: '3375010101900009',
        golongan: 'III/a',
        nomor_rekening: '01.103.08888',
      },
    });
    expect(sheet.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should take the sheet named like "pegawai" wherever it is, and skip empty rows', async () => {
    const content = await workbook((wb) => {
      wb.addWorksheet('petunjuk').addRow(['baca dulu']);
      const ws = wb.addWorksheet('Data Pegawai');
      ws.addRow(['NIP', 'Nama Lengkap']);
      ws.addRow([]);
      ws.addRow(['199001012015011009', 'Agus']);
    });
    const sheet = await decode('pegawai.xlsx', content);
    expect(sheet.sheetName).toBe('Data Pegawai');
    expect(sheet.rows).toEqual([{ row: 3, cells: { nip: '199001012015011009', nama_lengkap: 'Agus' } }]);
  });

  it('should refuse a formula, naming the sheet and cell', async () => {
    const content = await workbook((wb) => {
      const ws = wb.addWorksheet('pegawai');
      ws.addRow(['nip', 'nama_lengkap']);
      ws.addRow(['199001012015011009', { formula: 'UPPER("agus")', result: 'AGUS' }]);
    });
    const err = await failure(decode('pegawai.xlsx', content));
    expect(err).toMatchObject({
      status: 400,
      code: 'IMPORT_FORMULA',
      message: 'Sel pegawai!B2 berisi rumus; impor membutuhkan nilai',
      issues: [{ path: 'file.cells.pegawai!B2', message: expect.stringContaining('Paste Values') }],
    });
  });

  it('should flag a NIP stored as a number (its last digits are gone) and read dates from date cells', async () => {
    const content = await workbook((wb) => {
      const ws = wb.addWorksheet('pegawai');
      ws.addRow(['nip', 'tanggal_lahir', 'nomor_rekening', 'mkg_tahun']);
      // What Excel keeps of an 18-digit NIP typed into a number cell: 15 significant digits.
      const nipAsNumber = Number('199001012015011009');
      ws.addRow([nipAsNumber, new Date(Date.UTC(1990, 0, 1)), 110308888, 4]);
    });
    const [row] = (await decode('pegawai.xlsx', content)).rows;
    expect(row?.cells).toMatchObject({
      tanggal_lahir: '1990-01-01',
      nomor_rekening: '110308888',
      mkg_tahun: '4',
    });
    expect(row?.cellIssues).toEqual([
      { field: 'nip', severity: 'ERROR', message: expect.stringContaining('digit terakhirnya hilang') },
      { field: 'nomor_rekening', severity: 'WARNING', message: expect.stringContaining('nol di depan') },
    ]);
  });

  it('should refuse more than 10,000 data rows', async () => {
    const content = await workbook((wb) => {
      const ws = wb.addWorksheet('pegawai');
      ws.addRow(['nip']);
      for (let i = 0; i < 10_001; i++) ws.addRow([`x${i}`]);
    });
    expect(await failure(decode('pegawai.xlsx', content))).toMatchObject({
      code: 'IMPORT_TOO_MANY_ROWS',
      message: 'Berkas berisi lebih dari 10.000 baris data; paling banyak 10.000 baris per berkas',
    });
  });

  it('should refuse a damaged XLSX as unreadable', async () => {
    const good = await templateXlsx();
    const broken = Buffer.concat([good.subarray(0, 200), Buffer.alloc(200, 7)]);
    expect(await failure(decode('pegawai.xlsx', broken))).toMatchObject({
      status: 400,
      code: 'IMPORT_UNREADABLE',
    });
  });
});

describe('decodeImportFile: CSV', () => {
  it('should read the template CSV and the same rows with a BOM, with `;` or `,`', async () => {
    const template = await decode('templat.csv', Buffer.from(templateCsv()));
    expect(template.rows[0]?.cells.nip).toBe('199001012015011009');
    for (const options of [{ bom: true }, { separator: ',' }, { separator: '\t' }]) {
      const sheet = await decode(
        'pegawai.csv',
        csvOf([exampleRow({ nama_lengkap: 'Agus; Prasetyo' })], templateHeaders(), options),
      );
      expect(sheet.layout.missing).toEqual([]);
      expect(sheet.rows[0]?.cells).toMatchObject({
        nip: '199001012015011009',
        nama_lengkap: 'Agus; Prasetyo',
      });
    }
  });

  it('should refuse a Windows-1252 file, naming the byte and the line', async () => {
    const content = Buffer.concat([
      Buffer.from('nip;nama_lengkap\r\n199001012015011009;Agus\r\n1;Jos'),
      Buffer.from([0xe9]),
      Buffer.from('\r\n'),
    ]);
    expect(await failure(decode('pegawai.csv', content))).toMatchObject({
      status: 400,
      code: 'IMPORT_ENCODING',
      message: 'Berkas CSV bukan UTF-8',
      issues: [{ path: 'body.fileName', message: expect.stringMatching(/byte 0xE9 di baris 3 .*CSV UTF-8/) }],
    });
  });

  it('should refuse UTF-16', async () => {
    const content = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('nip\r\n', 'utf16le')]);
    expect(await failure(decode('pegawai.csv', content))).toMatchObject({
      code: 'IMPORT_ENCODING',
      message: 'Berkas CSV berkode UTF-16',
    });
  });

  it('should refuse a cell that is a formula, naming the cell', async () => {
    const content = Buffer.from('nip;nama_lengkap\r\n199001012015011009;=CONCAT("a","b")\r\n');
    expect(await failure(decode('pegawai.csv', content))).toMatchObject({
      code: 'IMPORT_FORMULA',
      message: expect.stringContaining('Sel B2'),
    });
  });

  it('should refuse more than 10,000 data rows, counting them', async () => {
    const content = Buffer.from(
      `nip\r\n${Array.from({ length: 10_050 }, (_, i) => `n${i}`).join('\r\n')}\r\n`,
    );
    expect(await failure(decode('pegawai.csv', content))).toMatchObject({
      code: 'IMPORT_TOO_MANY_ROWS',
      message: 'Berkas berisi 10.050 baris data; paling banyak 10.000 baris per berkas',
    });
  });
});

describe('decodeImportFile: type and size', () => {
  it.each([
    ['pegawai.xls', Buffer.from('d0cf11e0a1b11ae10000', 'hex'), 'Format .xls (Excel 97–2003) tidak didukung'],
    ['pegawai.pdf', Buffer.from('%PDF-1.7'), 'Jenis berkas .pdf tidak didukung'],
    ['pegawai', Buffer.from('nip'), 'Jenis berkas tanpa ekstensi tidak didukung'],
    ['pegawai.xlsx', Buffer.from('nip;nama\r\n'), 'Berkas bernama .xlsx tetapi isinya bukan XLSX'],
    [
      'pegawai.csv',
      Buffer.from('504b030414000000', 'hex'),
      'Berkas bernama .csv tetapi isinya bukan teks CSV',
    ],
  ])('should refuse %s with 415', async (name, content, message) => {
    expect(await failure(decode(name, content))).toMatchObject({
      status: 415,
      code: 'IMPORT_FILE_TYPE',
      message,
    });
  });

  it('should decode base64 (with a data: prefix) and refuse what is not base64 or over 4 MB', () => {
    expect(contentOf('data:text/csv;base64,bmlw').toString()).toBe('nip');
    expect(() => contentOf('bm%%w')).toThrow(expect.objectContaining({ code: 'IMPORT_BAD_BASE64' }));
    const big = Buffer.alloc(4 * 1024 * 1024 + 1, 65).toString('base64');
    expect(() => contentOf(big)).toThrow(
      expect.objectContaining({ status: 413, code: 'IMPORT_FILE_TOO_LARGE' }),
    );
  });

  it('should build the XLSX of the builders readable as well', async () => {
    const sheet = await decode('x.xlsx', await xlsxOf([exampleRow()]));
    expect(sheet.rows[0]?.cells.nik).toBe('3375010101900009');
  });
});
