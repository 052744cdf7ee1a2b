import { describe, expect, it } from 'vitest';
import { localNow, monthStanding } from '../../../core/discipline/local-time';

describe('localNow', () => {
  it('should read the same instant as the local date of each Indonesian time zone', () => {
    // 2026-11-30 16:30 UTC is 23:30 WIB, 00:30 WITA and 01:30 WIT the next day (a new month there).
    const instant = '2026-11-30T16:30:00.000Z';
    expect(localNow(instant, 'Asia/Jakarta')).toEqual({
      date: '2026-11-30',
      time: '23:30:00',
      month: '2026-11',
    });
    expect(localNow(instant, 'Asia/Makassar')).toEqual({
      date: '2026-12-01',
      time: '00:30:00',
      month: '2026-12',
    });
    expect(localNow(instant, 'Asia/Jayapura')).toEqual({
      date: '2026-12-01',
      time: '01:30:00',
      month: '2026-12',
    });
  });

  it('should refuse what is not an instant', () => {
    expect(() => localNow('kemarin', 'Asia/Jakarta')).toThrow(RangeError);
  });
});

describe('monthStanding', () => {
  const now = { date: '2026-12-03', time: '10:00:00', month: '2026-12' };
  it('should tell an ended month from the running one and one to come', () => {
    expect(monthStanding('2026-11', now)).toBe('ENDED');
    expect(monthStanding('2026-12', now)).toBe('CURRENT');
    expect(monthStanding('2027-01', now)).toBe('FUTURE');
  });
});
