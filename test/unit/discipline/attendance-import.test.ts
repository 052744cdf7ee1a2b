import { describe, expect, it } from 'vitest';
import { attendanceEventId, validateAttendanceRows } from '../../../core/discipline/attendance-import';
import { NIP } from './builders';

const row = (overrides: Record<string, unknown> = {}) => ({
  nip: NIP,
  timestamp: '2026-01-05 07:25:10',
  type: 'IN',
  ...overrides,
});

describe('validateAttendanceRows', () => {
  it('should accept good rows and normalise MASUK/PULANG', () => {
    const result = validateAttendanceRows([row(), row({ timestamp: '2026-01-05T16:02', type: 'pulang' })]);
    expect(result.errors).toEqual([]);
    expect(result.events).toMatchObject([
      { rowNumber: 2, nip: NIP, date: '2026-01-05', time: '07:25:10', type: 'IN' },
      { rowNumber: 3, date: '2026-01-05', time: '16:02', type: 'OUT' },
    ]);
  });

  it('should report every bad row with its spreadsheet row number, field and reason', () => {
    const result = validateAttendanceRows([
      row(),
      row({ nip: '12345' }),
      row({ timestamp: '2026-02-30 07:00' }),
      row({ timestamp: '05/01/2026 07:00', type: 'ISTIRAHAT' }),
      row({ nip: Number(NIP) }), // what a spreadsheet hands over for an unformatted NIP cell
      row({ timestamp: '2026-01-05 24:10' }),
      {},
    ]);
    expect(result.events).toHaveLength(1);
    expect(result.errors).toEqual([
      { rowNumber: 3, field: 'nip', reason: 'NIP harus 18 digit angka' },
      { rowNumber: 4, field: 'timestamp', reason: 'tanggal 2026-02-30 tidak ada di kalender' },
      {
        rowNumber: 5,
        field: 'timestamp',
        reason: 'waktu harus berformat YYYY-MM-DD HH:MM[:SS] (baris TK: YYYY-MM-DD)',
      },
      {
        rowNumber: 5,
        field: 'type',
        reason: 'jenis presensi "ISTIRAHAT" tidak dikenal (IN/OUT, MASUK/PULANG, TK)',
      },
      { rowNumber: 6, field: 'nip', reason: 'NIP harus berupa teks (format angka merusak 18 digit)' },
      { rowNumber: 7, field: 'timestamp', reason: 'jam 24:10 tidak valid (00:00–23:59)' },
      { rowNumber: 8, field: 'nip', reason: 'NIP wajib diisi' },
      { rowNumber: 8, field: 'timestamp', reason: 'waktu presensi wajib diisi' },
      { rowNumber: 8, field: 'type', reason: 'jenis presensi wajib diisi' },
    ]);
  });

  it('should flag NIPs that are not employees of the tenant when the list is given', () => {
    const result = validateAttendanceRows([row()], {
      knownNips: new Set(['199001012015031001']),
      firstRowNumber: 10,
    });
    expect(result.errors).toEqual([
      { rowNumber: 10, field: 'nip', reason: 'NIP tidak terdaftar sebagai pegawai tenant ini' },
    ]);
  });

  it('should say why a NIP outside the list is refused when the caller knows (another OPD)', () => {
    const other = '199001012015031001';
    const result = validateAttendanceRows([row(), row({ nip: other })], {
      knownNips: new Set([NIP]),
      unknownNipReasons: new Map([[other, `NIP ${other} milik OPD DINKES, di luar OPD Anda`]]),
    });
    expect(result.errors).toEqual([
      { rowNumber: 3, field: 'nip', reason: `NIP ${other} milik OPD DINKES, di luar OPD Anda` },
    ]);
  });

  it('should take a TK row of the recap with a date alone, and refuse a date that needs a time', () => {
    const result = validateAttendanceRows([
      row({ timestamp: '2026-01-06', type: 'TK' }),
      row({ timestamp: '2026-01-07 00:00', type: 'alpa' }),
      row({ timestamp: '2026-01-08' }),
    ]);
    expect(result.events).toMatchObject([
      { date: '2026-01-06', type: 'TK' },
      { date: '2026-01-07', type: 'TK' },
    ]);
    expect(result.errors).toEqual([
      {
        rowNumber: 4,
        field: 'timestamp',
        reason: 'waktu harus berformat YYYY-MM-DD HH:MM[:SS] (baris TK: YYYY-MM-DD)',
      },
    ]);
  });

  it('should refuse a punch later than the tenant’s local now, to the second', () => {
    const now = { date: '2026-01-05', time: '12:00:00' };
    const result = validateAttendanceRows(
      [
        row({ timestamp: '2026-01-05 11:59:59' }),
        row({ timestamp: '2026-01-05 12:00:01', type: 'OUT' }),
        row({ timestamp: '2026-01-06 07:00' }),
        row({ timestamp: '2026-01-05', type: 'TK' }),
        row({ timestamp: '2026-01-06', type: 'TK' }),
      ],
      { now },
    );
    expect(result.events.map((e) => e.rowNumber)).toEqual([2, 5]);
    expect(result.errors.map((e) => [e.rowNumber, e.field])).toEqual([
      [3, 'timestamp'],
      [4, 'timestamp'],
      [6, 'timestamp'],
    ]);
    expect(result.errors[0]?.reason).toBe(
      'waktu 2026-01-05 12:00:01 belum terjadi (sekarang 2026-01-05 12:00 waktu setempat)',
    );
  });

  it('should give the same identity to the same punch on every import', () => {
    const first = validateAttendanceRows([row(), row({ type: 'OUT', timestamp: '2026-01-05 16:00' })]);
    const again = validateAttendanceRows([
      row({ type: 'masuk' }),
      row({ type: 'OUT', timestamp: '2026-01-05T16:00:00' }),
    ]);
    expect(again.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect(first.events[0]?.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('should tell punches apart by nip, time and type', () => {
    const base = attendanceEventId(NIP, '2026-01-05', '07:25', 'IN');
    expect(attendanceEventId(NIP, '2026-01-05', '07:25', 'OUT')).not.toBe(base);
    expect(attendanceEventId(NIP, '2026-01-05', '07:26', 'IN')).not.toBe(base);
    expect(attendanceEventId('199001012015031001', '2026-01-05', '07:25', 'IN')).not.toBe(base);
  });

  it('should skip a repeated row of the same file as a duplicate, not an error', () => {
    const result = validateAttendanceRows([row(), row({ timestamp: '2026-01-05T07:25:10' })]);
    expect(result.events).toHaveLength(1);
    expect(result.errors).toEqual([]);
    expect(result.duplicates).toEqual([{ rowNumber: 3, sameAsRow: 2, id: result.events[0]?.id }]);
  });
});
