import { createHash } from 'node:crypto';
import { MAX_IMPORT_FILE_BYTES } from '../../core/employee/import-columns';
import type { ImportSheet } from '../../core/employee/import-use-case';
import { readCsv } from './import-csv';
import { fileError } from './import-file-errors';
import { readXlsx } from './import-xlsx';

/**
 * The uploaded file, decoded at the edge: its type from its name and its first bytes, its text (CSV:
 * UTF-8 with or without BOM, nothing else), its cells as text. What cannot be imported as it is —
 * another file type, another encoding, a formula, more rows than the limit — is a 4xx naming the
 * problem before any row is looked at; the rows themselves are checked in core.
 */

export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

export async function decodeImportFile(file: UploadedFile): Promise<ImportSheet> {
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const type = fileType(file);
  const decoded = type === 'xlsx' ? await readXlsx(file.content) : readCsv(file.content);
  return { fileName: file.fileName, sha256, type, ...decoded };
}

/** Decodes the JSON body's base64 (a `data:…;base64,` prefix from a browser's FileReader is allowed). */
export function contentOf(contentBase64: string): Buffer {
  const b64 = contentBase64.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) {
    throw fileError(
      400,
      'IMPORT_BAD_BASE64',
      'Isi berkas bukan base64 yang sah',
      'bukan base64',
      'body.contentBase64',
    );
  }
  const content = Buffer.from(b64, 'base64');
  if (content.length === 0) {
    throw fileError(400, 'IMPORT_EMPTY', 'Berkas kosong', 'berkas 0 byte', 'body.contentBase64');
  }
  if (content.length > MAX_IMPORT_FILE_BYTES) {
    throw fileError(
      413,
      'IMPORT_FILE_TOO_LARGE',
      `Berkas ${(content.length / 1048576).toFixed(1)} MB; paling besar 4 MB`,
      'bagi berkas, atau simpan sebagai XLSX (lebih kecil dari CSV)',
      'body.contentBase64',
    );
  }
  return content;
}

function fileType(file: UploadedFile): 'xlsx' | 'csv' {
  const ext = /\.([A-Za-z0-9]+)$/.exec(file.fileName)?.[1]?.toLowerCase();
  const head = file.content.subarray(0, 8);
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const isOle = head.toString('hex') === 'd0cf11e0a1b11ae1';
  if (ext === 'xls' || isOle) {
    throw fileError(
      415,
      'IMPORT_FILE_TYPE',
      'Format .xls (Excel 97–2003) tidak didukung',
      'simpan sebagai Excel Workbook (.xlsx) atau CSV UTF-8',
    );
  }
  if (ext === 'xlsx') {
    if (!isZip) {
      throw fileError(
        415,
        'IMPORT_FILE_TYPE',
        'Berkas bernama .xlsx tetapi isinya bukan XLSX',
        'isi berkas bukan XLSX',
      );
    }
    return 'xlsx';
  }
  if (ext === 'csv' || ext === 'txt') {
    // UTF-16 text is full of NUL bytes: let the encoding check name it rather than call it binary.
    const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
    if (isZip || (!utf16 && file.content.subarray(0, 4096).includes(0))) {
      throw fileError(
        415,
        'IMPORT_FILE_TYPE',
        'Berkas bernama .csv tetapi isinya bukan teks CSV',
        'isi berkas bukan teks',
      );
    }
    return 'csv';
  }
  throw fileError(
    415,
    'IMPORT_FILE_TYPE',
    `Jenis berkas ${ext ? `.${ext}` : 'tanpa ekstensi'} tidak didukung`,
    'unggah berkas .xlsx atau .csv',
  );
}
