import { describe, expect, it } from 'vitest';
import { classifyDay, classifyMonth, type DayRecords } from '../../../core/discipline/attendance';
import { calendarDay } from '../../../core/discipline/work-calendar';
import { DomainError } from '../../../core/errors';
import { aCalendar, aMonthInput, fiveDay, NIP, punches, sixDay, someRules } from './builders';

const MONDAY = '2026-01-05';
const SATURDAY = '2026-01-10';
const RAMADAN_MONDAY = '2026-02-23';

function classify(
  date: string,
  records: Partial<DayRecords>,
  tenant: 'bantul' | 'binjai' = 'bantul',
  pattern = fiveDay(),
) {
  return classifyDay(
    calendarDay(aCalendar(tenant), pattern, date),
    { events: [], excuses: [], ...records },
    someRules(tenant),
  );
}

describe('classifyDay', () => {
  it.each([
    ['07:30', '16:00', ['HADIR']],
    ['07:31', '16:00', ['TL1']],
    ['08:00', '16:00', ['TL1']],
    ['08:01', '16:00', ['TL2']],
    ['08:30', '16:00', ['TL2']],
    ['08:31', '16:00', ['TL3']],
    ['09:00', '16:00', ['TL3']],
    ['09:01', '16:00', ['TL4']],
    ['07:00', '15:30', ['PSW1']],
    ['07:00', '15:29', ['PSW2']],
    ['07:00', '14:59', ['PSW3']],
    ['07:00', '14:29', ['PSW4']],
    ['08:01', '15:29', ['TL2', 'PSW2']],
  ])(
    'should classify check-in %s and check-out %s on a 07:30–16:00 day as %j',
    (checkIn, checkOut, codes) => {
      expect(classify(MONDAY, { events: punches(MONDAY, checkIn, checkOut) }).codes).toEqual(codes);
    },
  );

  it('should count whole minutes, so 08:00:59 is still 30 minutes late', () => {
    const day = classify(MONDAY, { events: punches(MONDAY, '08:00:59', '16:00') });
    expect(day).toMatchObject({ codes: ['TL1'], lateMinutes: 30 });
  });

  it('should take the earliest check-in and the latest check-out', () => {
    const events = [...punches(MONDAY, '08:10', '15:00'), ...punches(MONDAY, '07:25', '16:05')];
    expect(classify(MONDAY, { events }).codes).toEqual(['HADIR']);
  });

  it('should give TL4 for a missing check-in and PSW4 for a missing check-out', () => {
    expect(classify(MONDAY, { events: punches(MONDAY, undefined, '16:00') }).codes).toEqual(['TL4']);
    expect(classify(MONDAY, { events: punches(MONDAY, '07:30') }).codes).toEqual(['PSW4']);
  });

  it('should mark a working day without any record "data belum ada", never TK, and cut nothing', () => {
    expect(classify(MONDAY, {})).toMatchObject({ status: 'DATA_BELUM_ADA', codes: [], source: 'TIDAK_ADA' });
  });

  it('should mark TK only what was recorded: a TK row of the recap, unless the machine saw the employee', () => {
    const tk = { nip: NIP, date: MONDAY, time: '00:00', type: 'TK' as const };
    expect(classify(MONDAY, { events: [tk] })).toMatchObject({
      status: 'TK',
      codes: ['TK'],
      source: 'REKAP',
    });
    const both = classify(MONDAY, { events: [tk, ...punches(MONDAY, '07:20', '16:00')] });
    expect(both).toMatchObject({ status: 'HADIR', codes: ['HADIR'] });
    expect(both.notes.join()).toMatch(/rekap mencatat TK/);
  });

  it('should measure lateness from the Ramadan start time', () => {
    // 08:45 is TL3 on a normal day (75 min after 07:30) but TL2 in Ramadan (45 min after 08:00).
    expect(classify(MONDAY, { events: punches(MONDAY, '08:45', '16:00') }).codes).toEqual(['TL3']);
    const ramadan = classify(RAMADAN_MONDAY, { events: punches(RAMADAN_MONDAY, '08:45', '15:00') });
    expect(ramadan).toMatchObject({ codes: ['TL2'], ramadan: true, lateMinutes: 45 });
  });

  it('should use the Saturday hours of a 6-day unit and ignore Saturday in a 5-day unit', () => {
    expect(
      classify(SATURDAY, { events: punches(SATURDAY, '07:30', '12:59') }, 'bantul', sixDay()).codes,
    ).toEqual(['PSW1']);
    expect(classify(SATURDAY, {}, 'bantul', sixDay()).status).toBe('DATA_BELUM_ADA');
    expect(classify(SATURDAY, {}, 'bantul', fiveDay())).toMatchObject({
      status: 'BUKAN_HARI_KERJA',
      codes: [],
    });
  });

  it('should not mark a holiday TK', () => {
    expect(classify('2026-01-01', {})).toMatchObject({ status: 'BUKAN_HARI_KERJA', codes: [] });
  });

  it('should excuse a day of dinas luar with a letter and not a day of sakit without one', () => {
    const dl = classify(MONDAY, {
      excuses: [{ nip: NIP, code: 'DL', from: MONDAY, to: MONDAY, letterNumber: 'ST/01' }],
    });
    expect(dl).toMatchObject({ status: 'DIKECUALIKAN', codes: ['DL'] });
    const sakit = classify(MONDAY, { excuses: [{ nip: NIP, code: 'SAKIT', from: MONDAY, to: MONDAY }] });
    expect(sakit.status).toBe('TK');
    expect(sakit.notes.join()).toMatch(/tanpa surat/);
  });

  it('should put a day of cuti under its leave kind', () => {
    const leave = { nip: NIP, kind: 'CUTI_TAHUNAN' as const, from: MONDAY, to: MONDAY };
    expect(classify(MONDAY, { leave, events: punches(MONDAY, '09:30', '16:00') })).toMatchObject({
      status: 'CUTI',
      codes: ['CUTI_TAHUNAN'],
    });
  });

  it('should let a manual correction win over the machine', () => {
    const correction = {
      nip: NIP,
      date: MONDAY,
      checkIn: '07:25',
      reason: 'mesin presensi mati',
      by: 'admin.opd',
    };
    const day = classify(MONDAY, { events: punches(MONDAY, '09:40', '16:00'), correction });
    expect(day).toMatchObject({ status: 'HADIR', codes: ['HADIR'], source: 'KOREKSI', checkIn: '07:25' });
  });

  it('should let a correction delete a wrong punch and make the day TK', () => {
    const correction = {
      nip: NIP,
      date: MONDAY,
      checkIn: null,
      checkOut: null,
      reason: 'bukan pegawai ybs',
      by: 'admin.opd',
    };
    expect(classify(MONDAY, { events: punches(MONDAY, '07:00', '16:00'), correction }).status).toBe('TK');
  });

  it('should refuse a correction without a reason', () => {
    const correction = { nip: NIP, date: MONDAY, checkIn: '07:25', reason: '  ', by: 'admin.opd' };
    expect(() => classify(MONDAY, { correction })).toThrow(DomainError);
  });

  it('should use the TL0 band of the TLVAR tenant for the first 30 minutes', () => {
    expect(classify(MONDAY, { events: punches(MONDAY, '08:00', '16:00') }, 'binjai').codes).toEqual(['TL0']);
    expect(classify(MONDAY, { events: punches(MONDAY, '08:01', '16:00') }, 'binjai').codes).toEqual(['TL1']);
    expect(classify(MONDAY, { events: punches(MONDAY, undefined, '16:00') }, 'binjai').codes).toEqual([
      'TL3',
    ]);
  });
});

describe('classifyMonth', () => {
  it('should count every working day once by status and every flaw by code', () => {
    const events = [
      ...punches('2026-01-05', '07:20', '16:05'),
      ...punches('2026-01-06', '08:15', '15:00'),
      ...punches('2026-01-07', '07:25'),
      ...punches('2026-01-03', '08:00', '12:00'), // Saturday, not a working day in a 5-day unit
    ];
    const month = classifyMonth(
      aMonthInput({
        events,
        excuses: [{ nip: NIP, code: 'DL', from: '2026-01-08', to: '2026-01-09', letterNumber: 'ST/9' }],
        leaves: [{ nip: NIP, kind: 'CUTI_TAHUNAN', from: '2026-01-12', to: '2026-01-13' }],
      }),
    );
    expect(month.workingDays).toBe(20);
    // The 13 hari kerja nobody recorded anything for are missing data, not absence.
    expect(month.statusCounts).toEqual({ HADIR: 3, DIKECUALIKAN: 2, CUTI: 2, TK: 0, DATA_BELUM_ADA: 13 });
    expect(month.codeCounts).toEqual({
      HADIR: 1,
      TL2: 1,
      PSW2: 1,
      PSW4: 1,
      DL: 2,
      CUTI_TAHUNAN: 2,
    });
  });

  it('should ignore records of other employees', () => {
    const month = classifyMonth(
      aMonthInput({ events: punches('2026-01-05', '07:20', '16:05', '199001012015031001') }),
    );
    expect(month.statusCounts).toMatchObject({ TK: 0, DATA_BELUM_ADA: 20 });
  });

  it('should apply the latest correction of a day', () => {
    const corrections = [
      { nip: NIP, date: '2026-01-05', checkIn: '09:00', checkOut: '16:00', reason: 'input awal', by: 'a' },
      { nip: NIP, date: '2026-01-05', checkIn: '07:30', checkOut: '16:00', reason: 'ralat', by: 'a' },
    ];
    const month = classifyMonth(aMonthInput({ corrections }));
    expect(month.days.find((d) => d.date === '2026-01-05')?.codes).toEqual(['HADIR']);
  });
});
