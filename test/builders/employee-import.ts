import ExcelJS from 'exceljs';
import { TEMPLATE_EXAMPLE, templateHeaders } from '../../core/employee/import-columns';

/**
 * Import sheets for tests and the bench, built in code: the template's headers (data-pegawai-import.md
 * §5) and rows that are valid by construction — a NIP whose birth date, TMT and gender digit agree with
 * the row, a NIK of the same birth date, golongan and MKG on the PP 5/2024 grid, kelas 1–17 — varied
 * enough to exercise every jabatan type, PNS/CPNS/PPPK, spouses and children.
 */
export type SheetRowValues = Record<string, string>;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The worked example of §7 (the template's example row). */
export function exampleRow(overrides: SheetRowValues = {}): SheetRowValues {
  return { ...TEMPLATE_EXAMPLE, ...overrides };
}

const GOLONGAN = ['II/a', 'II/c', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b'];
const FIRST_NAMES = ['Agus', 'Sri', 'Budi', 'Dewi', 'Eko', 'Rina', 'Joko', 'Wulan', 'Hadi', 'Nur'];
const LAST_NAMES = [
  'Prasetyo',
  'Lestari',
  'Santoso',
  'Wahyuni',
  'Saputra',
  'Handayani',
  'Nugroho',
  'Susanti',
];

/**
 * The i-th generated employee (i from 0). `opds` cycles; the NIP is unique per i (birth date from i, the
 * 3-digit sequence from i as well), so rows of one call never collide.
 */
export function generatedRow(i: number, opds: readonly string[] = ['DISDIK']): SheetRowValues {
  const female = i % 2 === 1;
  const birthYear = 1965 + (i % 30);
  const birthMonth = 1 + (i % 12);
  const birthDay = 1 + (Math.floor(i / 12) % 28);
  const kind = i % 10 === 9 ? 'pppk' : i % 10 === 8 ? 'cpns' : 'pns';
  const tmtYear = kind === 'cpns' ? 2025 : kind === 'pppk' ? 2023 : birthYear + 24;
  const tmtMonth = kind === 'pppk' ? 3 : 1 + (i % 4) * 3;
  const seq = 1 + (Math.floor(i / 360) % 999);
  const nip = `${birthYear}${pad(birthMonth)}${pad(birthDay)}${tmtYear}${pad(tmtMonth)}${female ? 2 : 1}${pad(seq, 3)}`;
  const nik = `340201${pad(birthDay + (female ? 40 : 0))}${pad(birthMonth)}${pad(birthYear % 100)}${pad((i % 9999) + 1, 4)}`;
  const tmtStart = `${tmtYear}-${pad(tmtMonth)}-01`;
  const golongan =
    kind === 'pppk' ? 'IX' : kind === 'cpns' ? 'III/a' : (GOLONGAN[i % GOLONGAN.length] as string);
  const tmtGolongan = kind === 'pns' ? `${Math.min(2025, tmtYear + 4 + (i % 3))}-04-01` : tmtStart;
  const mkg =
    kind === 'pns'
      ? Math.max(
          golongan.startsWith('II/') && golongan !== 'II/a' ? 3 : 0,
          Number(tmtGolongan.slice(0, 4)) - tmtYear,
        )
      : 0;
  const nama = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / 10) % LAST_NAMES.length]} ${i}`;
  const jab = i % 7;
  const jabatan: SheetRowValues =
    jab === 0
      ? { jenis_jabatan: 'struktural', nama_jabatan: 'Kepala Seksi Data', eselon: 'IV.a', kelas_jabatan: '9' }
      : jab <= 2
        ? {
            jenis_jabatan: 'fungsional',
            nama_jabatan: 'Guru Ahli Pertama',
            jenjang: 'Ahli Pertama',
            kelas_jabatan: '8',
          }
        : { jenis_jabatan: 'pelaksana', nama_jabatan: 'Pengadministrasi Umum', kelas_jabatan: '5' };
  const married = i % 3 !== 0;
  const children = married ? i % 4 : 0;
  const row: SheetRowValues = {
    nip,
    nik,
    nama_lengkap: nama,
    jenis_kelamin: female ? 'P' : 'L',
    tanggal_lahir: `${birthYear}-${pad(birthMonth)}-${pad(birthDay)}`,
    status_kepegawaian: kind,
    kedudukan_hukum: kind === 'pppk' ? '71' : '01',
    status_aktif: '1',
    ...(kind === 'pppk'
      ? { tmt_pppk_awal: tmtStart, tmt_pppk_akhir: '2028-02-29' }
      : { tmt_cpns: tmtStart, ...(kind === 'pns' ? { tmt_pns: `${tmtYear + 1}-${pad(tmtMonth)}-01` } : {}) }),
    golongan,
    tmt_golongan: tmtGolongan,
    mkg_tahun: String(mkg),
    mkg_bulan: '0',
    ...jabatan,
    tmt_jabatan: tmtGolongan,
    opd_kode: opds[i % opds.length] as string,
    sub_unit: `Unit ${1 + (i % 5)}`,
    status_ptkp: married ? `K/${Math.min(3, children)}` : 'TK/0',
    npwp: nik,
    status_perkawinan: married ? 'K' : 'TK',
    nama_bank: 'BPD DIY',
    kode_bank: '112',
    nomor_rekening: `0${pad(i, 9)}`,
    nama_pada_rekening: nama.toUpperCase(),
  };
  if (married) {
    Object.assign(row, {
      nama_pasangan: `Pasangan ${i}`,
      tanggal_lahir_pasangan: `${birthYear + 1}-06-15`,
      tanggal_menikah: `${birthYear + 27}-05-20`,
      status_tunjangan_pasangan: '1',
    });
  }
  for (let c = 1; c <= children; c++) {
    Object.assign(row, {
      [`nama_anak_${c}`]: `Anak ${c} dari ${i}`,
      [`tanggal_lahir_anak_${c}`]: `${Math.min(2025, birthYear + 28 + c * 2)}-0${c}-10`,
      [`jenis_kelamin_anak_${c}`]: c % 2 ? 'L' : 'P',
      [`status_anak_${c}`]: 'kandung',
    });
  }
  return row;
}

export function generatedRows(n: number, opds?: readonly string[], from = 0): SheetRowValues[] {
  return Array.from({ length: n }, (_, k) => generatedRow(from + k, opds));
}

/** An XLSX of the rows under `headers` (default: the template's), every cell written as text. */
export async function xlsxOf(
  rows: readonly SheetRowValues[],
  headers: readonly string[] = templateHeaders(),
  sheetName = 'pegawai',
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(headers.map((h) => (r[h] === undefined || r[h] === '' ? null : r[h])));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A CSV of the rows, `;`-separated (Excel id-ID), optionally with a UTF-8 BOM. */
export function csvOf(
  rows: readonly SheetRowValues[],
  headers: readonly string[] = templateHeaders(),
  options: { separator?: string; bom?: boolean } = {},
): Buffer {
  const sep = options.separator ?? ';';
  const field = (v: string) => (/[;,"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [headers.join(sep), ...rows.map((r) => headers.map((h) => field(r[h] ?? '')).join(sep))];
  const text = `${lines.join('\r\n')}\r\n`;
  return Buffer.concat([
    options.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
    Buffer.from(text, 'utf8'),
  ]);
}
