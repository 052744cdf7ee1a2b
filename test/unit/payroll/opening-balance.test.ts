import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { OpeningBalance } from '../../../core/pay/opening-balance';
import {
  checkOpeningBalance,
  correctionSince,
  lastMasaOf,
  monthsAlsoPaid,
  needsLedgerCheck,
  openingBalanceConflict,
  openingBalanceForMonth,
} from '../../../core/payroll/opening-balance';
import { importOpeningBalances } from '../../../core/payroll/opening-balance-import';
import type { OpeningBalanceStore } from '../../../core/payroll/opening-balance-use-cases';
import type { PaidRecord } from '../../../core/payroll/run-types';
import { readOpeningBalanceFile } from '../../../functions/opening-balances/import-file';

const nip = '199001012020011001';
const janJun: OpeningBalance = {
  year: 2026,
  firstMonth: 1,
  lastMonth: 6,
  monthsWorked: 6,
  brutoGaji: 19_132_404,
  brutoTpp: 14_976_000,
  iuranPensiun: 1_337_136,
  pphGaji: 0,
  pphTpp: 170_538,
  source: 'Bukti potong SIMGAJI Jan–Jun 2026',
};
const employee = { nip, nama: 'Pegawai Uji', opd: 'DISDIK', tmtStart: '2020-01-01' };
const paid = (...months: string[]) => months.map((month) => ({ month, runId: `${month}-GAJI_TPP` }));
const ledger = (...months: string[]) =>
  paid(...months).map((p) => ({ ...p, kind: 'GAJI_TPP' }) as unknown as PaidRecord);

describe('checkOpeningBalance', () => {
  it('should accept January–June when SIGAP paid from July on', () => {
    expect(checkOpeningBalance(janJun, employee, paid('2026-07', '2026-08'), '2026-12')).toEqual({
      invalid: [],
      overlap: [],
    });
  });

  it('should name the last month when the period reaches a month SIGAP paid, with the run', () => {
    const { overlap } = checkOpeningBalance(
      { ...janJun, lastMonth: 7 },
      employee,
      paid('2026-07'),
      '2026-12',
    );
    expect(overlap).toEqual([
      {
        field: 'lastMonth',
        message:
          'bulan 2026-07 (run 2026-07-GAJI_TPP) sudah dibayar SIGAP; saldo awal hanya untuk bulan sebelum SIGAP',
      },
    ]);
  });

  it('should name the first month when SIGAP paid the period’s first month', () => {
    const { overlap } = checkOpeningBalance(janJun, employee, paid('2026-01'), '2026-12');
    expect(overlap.map((i) => i.field)).toEqual(['firstMonth']);
  });

  it('should refuse months still to come in the tenant’s time zone', () => {
    const { invalid } = checkOpeningBalance(janJun, employee, [], '2026-05');
    expect(invalid).toEqual([
      { field: 'lastMonth', message: '2026-06 belum terjadi (bulan berjalan 2026-05)' },
    ]);
  });

  it('should refuse months before the employee’s TMT or after service ended', () => {
    const late = checkOpeningBalance(janJun, { ...employee, tmtStart: '2026-03-01' }, [], '2026-12');
    expect(late.invalid.map((i) => i.field)).toEqual(['firstMonth']);
    const gone = checkOpeningBalance(janJun, { ...employee, tmtEnd: '2026-04-30' }, [], '2026-12');
    expect(gone.invalid.map((i) => i.field)).toEqual(['lastMonth']);
  });

  it('should stop at bad months before looking at the ledger', () => {
    const out = checkOpeningBalance({ ...janJun, firstMonth: 9 }, employee, paid('2026-07'), '2026-12');
    expect(out.invalid.map((i) => i.field)).toContain('lastMonth');
    expect(out.overlap).toEqual([]);
  });
});

describe('the run side of a saldo awal', () => {
  const balances = new Map([[2026, janJun]]);

  it('should give the balance only to the last masa: December, or the month service ends', () => {
    expect(openingBalanceForMonth('2026-12', undefined, balances)).toBe(janJun);
    expect(openingBalanceForMonth('2026-11', undefined, balances)).toBeUndefined();
    expect(openingBalanceForMonth('2026-09', '2026-09-30', balances)).toBe(janJun);
    expect(openingBalanceForMonth('2026-12', '2026-09-30', balances)).toBeUndefined();
    expect(openingBalanceForMonth('2027-12', undefined, balances)).toBeUndefined();
    expect(lastMasaOf(2026, '2027-03-31')).toBe('2026-12');
  });

  it('should find the months both the balance and the ledger hold, once each', () => {
    const both = [...paid('2026-05'), { month: '2026-05', runId: '2026-05-TPP' }, ...paid('2026-07')];
    expect(monthsAlsoPaid(janJun, both).map((p) => p.month)).toEqual(['2026-05']);
  });

  it('should turn an overlap into an error entry naming the balance, never a doubled year', () => {
    expect(openingBalanceConflict(nip, '2026-12', janJun, ledger('2026-07', '2026-11'))).toBeUndefined();
    expect(openingBalanceConflict(nip, '2026-12', janJun, ledger('2026-06', '2026-07'))).toEqual({
      nip,
      code: 'OPENING_BALANCE_OVERLAP',
      field: 'openingBalance',
      message:
        'saldo awal Januari–Juni 2026 mencakup bulan yang juga dibayar SIGAP (2026-06); perbaiki bulan akhir saldo awal',
    });
    // A balance that reaches the pay month itself (an employee leaving in June).
    expect(openingBalanceConflict(nip, '2026-06', janJun, [])?.message).toContain('(2026-06)');
  });

  it('should reopen the year only when its last masa was paid', () => {
    expect(correctionSince(2026, {}, paid('2026-07', '2026-11'))).toBeUndefined();
    expect(correctionSince(2026, {}, paid('2026-07', '2026-12'))).toBe('2026-12');
    expect(correctionSince(2026, { tmtEnd: '2026-09-30' }, paid('2026-09'))).toBe('2026-09');
  });

  it('should query the ledger only when a month of the period or the last masa is locked', () => {
    expect(needsLedgerCheck(janJun, undefined, new Set(['2026-07', '2026-08']))).toBe(false);
    expect(needsLedgerCheck(janJun, undefined, new Set(['2026-06']))).toBe(true);
    expect(needsLedgerCheck(janJun, undefined, new Set(['2026-12']))).toBe(true);
  });
});

const HEADER =
  'NIP;BULAN_AWAL;BULAN_AKHIR;JUMLAH_BULAN;BRUTO_GAJI;BRUTO_TPP;IURAN_PENSIUN;PPH_GAJI;PPH_TPP;SUMBER';
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

interface FileError {
  status: number;
  code: string;
  message: string;
  issues: { path: string; message: string }[];
}

async function fileError(content: string | Buffer): Promise<FileError> {
  try {
    await readOpeningBalanceFile(b64(content));
  } catch (err) {
    if ((err as FileError).issues) return err as FileError;
    throw err;
  }
  throw new Error('expected the file to be refused');
}

describe('readOpeningBalanceFile', () => {
  it('should read a semicolon CSV (Excel, Indonesian locale) with id-ID thousands separators', async () => {
    const csv = `\uFEFF${HEADER}\n${nip};1;6;6;19.132.404;14976000;1.337.136;0;170538;Bukti potong SIMGAJI Jan–Jun 2026\n`;
    const { rows, fileHash } = await readOpeningBalanceFile(b64(csv));
    expect(fileHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(rows).toEqual([
      {
        row: 2,
        nip,
        issues: [],
        values: {
          firstMonth: 1,
          lastMonth: 6,
          monthsWorked: 6,
          brutoGaji: 19_132_404,
          brutoTpp: 14_976_000,
          iuranPensiun: 1_337_136,
          pphGaji: 0,
          pphTpp: 170_538,
          source: 'Bukti potong SIMGAJI Jan–Jun 2026',
        },
      },
    ]);
  });

  it('should report each bad cell by row and column, and keep reading the other rows', async () => {
    const csv = [
      HEADER.replaceAll(';', ','),
      `${nip},1,6,6,"1234,5",0,0,0,0,SIMGAJI`,
      '199001012020011,1,13,6,100,0,0,0,0,SIMGAJI',
      `${nip.slice(0, 17)}2,1,6,6,100,0,0,0,,SIMGAJI`,
    ].join('\n');
    const { rows } = await readOpeningBalanceFile(b64(csv));
    expect(rows.map((r) => [r.row, r.issues.map((i) => i.field)])).toEqual([
      [2, ['brutoGaji']],
      [3, ['nip', 'lastMonth']],
      [4, ['pphTpp']],
    ]);
    expect(rows[0]?.issues[0]?.message).toBe(
      'kolom BRUTO_GAJI: "1234,5" bukan bilangan bulat (tanpa desimal; pemisah ribuan titik boleh)',
    );
    expect(rows[2]?.issues[0]?.message).toBe('kolom PPH_TPP: wajib diisi (isi 0 bila tidak ada)');
  });

  it('should read an XLSX and refuse a NIP typed as a number', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Saldo awal');
    ws.addRow(HEADER.split(';'));
    ws.addRow([nip, 1, 6, 6, 19_132_404, 14_976_000, 1_337_136, 0, 170_538, 'SIMGAJI']);
    ws.addRow([Number(nip), 1, 6, 6, 100, 0, 0, 0, 0, 'SIMGAJI']);
    const { rows } = await readOpeningBalanceFile(
      Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
    );
    expect(rows[0]?.values?.brutoGaji).toBe(19_132_404);
    expect(rows[1]?.issues).toEqual([
      { field: 'nip', message: 'kolom NIP: NIP harus diketik sebagai teks (sel angka kehilangan digit)' },
    ]);
  });

  it('should refuse a sheet with formulas instead of values, naming the cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Saldo awal');
    ws.addRow(HEADER.split(';'));
    ws.addRow([nip, 1, 6, 6, { formula: '6*3188734', result: 19_132_404 }, 0, 0, 0, 0, 'SIMGAJI']);
    const err = await fileError(Buffer.from(await wb.xlsx.writeBuffer()));
    expect([err.status, err.code, err.message]).toEqual([
      400,
      'IMPORT_FORMULA',
      'Sel E2 berisi rumus; impor membutuhkan nilai',
    ]);
    expect(err.issues).toEqual([
      {
        path: 'file.cells.E2',
        message: 'sel berisi rumus, bukan nilai: salin lalu tempel sebagai nilai (Paste Values)',
      },
    ]);
    // The same in a CSV, where a formula is text starting with "=".
    const csv = await fileError(`${HEADER}\n${nip};1;6;6;=6*3188734;0;0;0;0;X\n`);
    expect(csv.issues.map((i) => i.path)).toEqual(['file.cells.E2']);
  });

  it('should list the missing columns, and refuse empty, old-XLS and non-UTF-8 files', async () => {
    const missing = await fileError('NIP;BRUTO_GAJI\n1;2\n');
    expect([missing.code, missing.message]).toEqual([
      'IMPORT_MISSING_COLUMNS',
      'Kolom wajib tidak ada: BULAN_AWAL, BULAN_AKHIR, JUMLAH_BULAN, BRUTO_TPP, IURAN_PENSIUN, PPH_GAJI, PPH_TPP, SUMBER',
    ]);
    expect(missing.issues[0]).toEqual({
      path: 'file.header',
      message: 'kolom BULAN_AWAL tidak ada (judul kolom di baris 1)',
    });
    expect((await fileError(`${HEADER}\n`)).code).toBe('IMPORT_EMPTY');
    const xls = await fileError(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]));
    expect([xls.status, xls.code]).toEqual([415, 'IMPORT_FILE_TYPE']);
    const ansi = await fileError(Buffer.from([0x4e, 0x49, 0x50, 0xff, 0xfe, 0x0a]));
    expect([ansi.status, ansi.code]).toEqual([400, 'IMPORT_ENCODING']);
  });

  it('should refuse more rows than the limit', async () => {
    const row = `${nip};1;6;6;1;0;0;0;0;X\n`;
    const err = await fileError(`${HEADER}\n${row.repeat(5_001)}`);
    expect([err.code, err.message]).toEqual([
      'IMPORT_TOO_MANY_ROWS',
      'Berkas berisi 5001 baris data; paling banyak 5000',
    ]);
  });
});

describe('importOpeningBalances (in-memory store)', () => {
  const nips = [nipOf(1), nipOf(2), nipOf(3)];
  function nipOf(n: number) {
    return `19900101202001100${n}`;
  }
  const values = {
    firstMonth: 1,
    lastMonth: 6,
    monthsWorked: 6,
    brutoGaji: 19_132_404,
    brutoTpp: 14_976_000,
    iuranPensiun: 1_337_136,
    pphGaji: 0,
    pphTpp: 170_538,
    source: 'SIMGAJI',
  };
  const store = (outcome: Partial<Record<'applied' | 'conflicts' | 'notAttempted', string[]>>) => {
    const writes: string[] = [];
    const s: OpeningBalanceStore = {
      get: async () => undefined,
      getMany: async () => new Map(),
      employees: async (list) => new Map(list.map((n) => [n, { ...employee, nip: n }])),
      lockedMonths: async () => new Set(),
      paidMonths: async () => [],
      put: async () => undefined,
      list: async () => ({ items: [] }),
      apply: async (ws) => {
        writes.push(...ws.map((w) => w.balance.nip));
        return {
          applied: new Set(outcome.applied ?? []),
          conflicts: new Set(outcome.conflicts ?? []),
          notAttempted: new Set(outcome.notAttempted ?? []),
        };
      },
    };
    return { s, writes };
  };
  const run = (s: OpeningBalanceStore, mode: 'DRY_RUN' | 'COMMIT') =>
    importOpeningBalances(
      2026,
      nips.map((n, i) => ({ row: i + 2, nip: n, values, issues: [] })),
      { mode, allOrNothing: false, fileName: 'x.csv', fileHash: 'sha256:00' },
      { tenantId: 'bantul', sub: 'bkpsdm', roles: ['bkpsdm'], opds: [] },
      { store: s, now: '2026-12-03T00:00:00.000Z', requestId: 'r', currentMonth: '2026-12' },
    );

  it('should write nothing on a dry run', async () => {
    const { s, writes } = store({});
    const report = await run(s, 'DRY_RUN');
    expect(report.rows.map((r) => r.status)).toEqual(['CREATE', 'CREATE', 'CREATE']);
    expect(writes).toEqual([]);
  });

  it('should report written, conflicting and not-attempted rows, and say how to finish', async () => {
    const { s, writes } = store({ applied: [nips[0]!], conflicts: [nips[1]!], notAttempted: [nips[2]!] });
    const report = await run(s, 'COMMIT');
    expect(writes).toEqual(nips);
    expect(report.rows.map((r) => r.status)).toEqual(['CREATED', 'CONFLICT', 'NOT_ATTEMPTED']);
    expect(report.summary).toMatchObject({ written: 1, conflicts: 1, notAttempted: 1, valid: 3 });
    expect(report.message).toBe(
      'Waktu permintaan habis: 1 baris tersimpan, 1 belum; kirim ulang berkas yang sama untuk melanjutkan (yang sudah tersimpan tidak ditulis ulang)',
    );
  });
});
