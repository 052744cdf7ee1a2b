import { describe, expect, it } from 'vitest';
import { classifyMonth } from '../../../core/discipline/attendance';
import {
  attendanceCoverage,
  coverageByOpd,
  fullyCovered,
  listDates,
  mergeCoverage,
} from '../../../core/discipline/coverage';
import { workingDays } from '../../../core/discipline/work-calendar';
import { aCalendar, aMonthInput, fiveDay, NIP, punches } from './builders';

describe('attendanceCoverage', () => {
  it('should count a day covered by a punch, a recorded TK or cuti, and list the rest', () => {
    const days = workingDays(aCalendar(), fiveDay(), '2026-01').map((d) => d.date);
    const attendance = classifyMonth(
      aMonthInput({
        events: [...punches(days[0]!, '07:20'), { nip: NIP, date: days[1]!, time: '00:00', type: 'TK' }],
        leaves: [{ nip: NIP, kind: 'CUTI_TAHUNAN', from: days[2]!, to: days[2]! }],
      }),
    );
    const coverage = attendanceCoverage(attendance);
    expect(coverage).toEqual({ workingDays: days.length, daysWithData: 3, missingDates: days.slice(3) });
    expect(fullyCovered(coverage)).toBe(false);
  });
});

describe('coverageByOpd and mergeCoverage', () => {
  const row = (opd: string, workingDays: number, daysWithData: number, evaluated = true) => ({
    opd,
    coverage: { attendance: { workingDays, daysWithData }, evaluated },
  });

  it('should count complete months, missing days, unknown and provisional results per OPD', () => {
    const rows = [
      row('DINKES', 21, 21),
      row('DINKES', 21, 18, false),
      { opd: 'DINKES', provisional: true },
      row('DISDIK', 20, 0),
    ];
    expect(coverageByOpd(rows)).toEqual([
      {
        opd: 'DINKES',
        employees: 3,
        attendanceComplete: 1,
        missingDays: 3,
        unknown: 1,
        evaluationMissing: 1,
        provisional: 1,
      },
      {
        opd: 'DISDIK',
        employees: 1,
        attendanceComplete: 0,
        missingDays: 20,
        unknown: 0,
        evaluationMissing: 0,
        provisional: 0,
      },
    ]);
    const merged = mergeCoverage([coverageByOpd(rows.slice(0, 2)), coverageByOpd(rows.slice(2))]);
    expect(merged).toEqual(coverageByOpd(rows));
  });

  it('should show the first dates and how many more', () => {
    expect(listDates(['a', 'b'])).toBe('a, b');
    expect(listDates(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('a, b, c, d, e, … (+2 lagi)');
  });
});
