import { describe, expect, it } from 'vitest';
import { calendarDay, patternForUnit, workingDays } from '../../../core/discipline/work-calendar';
import { aCalendar, fiveDay, sixDay } from './builders';

describe('workingDays', () => {
  it('should leave out weekends and national holidays in a 5-day week', () => {
    // January 2026: 22 weekdays, minus Tahun Baru (Thu 1st) and Isra Mikraj (Fri 16th).
    const days = workingDays(aCalendar(), fiveDay(), '2026-01');
    expect(days).toHaveLength(20);
    expect(days.map((d) => d.date)).not.toContain('2026-01-01');
    expect(days.map((d) => d.date)).not.toContain('2026-01-03');
  });

  it('should count Saturdays for a 6-day unit', () => {
    const days = workingDays(aCalendar(), sixDay(), '2026-01');
    expect(days).toHaveLength(25);
    expect(days.find((d) => d.date === '2026-01-03')?.hours).toEqual({ start: '07:30', end: '13:00' });
  });

  it('should treat cuti bersama as a day off', () => {
    // March 2026: Nyepi and Idul Fitri with cuti bersama 18, 23, 24 March.
    const five = workingDays(aCalendar(), fiveDay(), '2026-03').map((d) => d.date);
    expect(five).toHaveLength(17);
    expect(five).not.toContain('2026-03-23');
    expect(calendarDay(aCalendar(), fiveDay(), '2026-03-23')).toMatchObject({
      working: false,
      reason: 'CUTI_BERSAMA',
    });
  });

  it('should apply Ramadan hours inside the Ramadan range only', () => {
    const calendar = aCalendar();
    expect(calendarDay(calendar, fiveDay(), '2026-02-18')).toMatchObject({
      ramadan: false,
      hours: { start: '07:30' },
    });
    expect(calendarDay(calendar, fiveDay(), '2026-02-19')).toMatchObject({
      ramadan: true,
      hours: { start: '08:00', end: '15:00' },
    });
    expect(calendarDay(calendar, fiveDay(), '2026-03-13')).toMatchObject({
      ramadan: true,
      hours: { end: '15:30' },
    });
  });

  it('should resolve a unit to its own pattern and others to the default', () => {
    const calendar = aCalendar();
    expect(patternForUnit(calendar, 'DINKES/PUSKESMAS-SEWON-1').id).toBe('ENAM_HARI');
    expect(patternForUnit(calendar, 'SETDA/BAGIAN-UMUM').id).toBe('LIMA_HARI');
    expect(workingDays(calendar, 'DINKES/PUSKESMAS-SEWON-1', '2026-01')).toHaveLength(25);
  });

  it('should reject a malformed month', () => {
    expect(() => workingDays(aCalendar(), fiveDay(), '2026-1')).toThrow(/YYYY-MM/);
  });
});
