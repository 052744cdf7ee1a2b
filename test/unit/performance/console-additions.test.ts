import { describe, expect, it } from 'vitest';
import type { DailyAttendance } from '../../../core/discipline/attendance';
import { gridCode } from '../../../core/discipline/attendance-grid';
import { type CalibrationEntry, calibrate } from '../../../core/performance/calibration';
import { monthlyProgress } from '../../../core/performance/monthly-progress';
import { parseMeasure, validateRealizationRows } from '../../../core/performance/realization-import';
import {
  calibrationGroupOf,
  unitMultiplierPercent,
  unitRatingIssues,
} from '../../../core/performance/unit-rating';
import { anIndicator, anSkp, aResult, PEGAWAI, settingsOf } from './builders';

describe('unit ratings scale the calibration curve (Binjai)', () => {
  // rulesets/appraisal/binjai.json: grouped by UNIT, at most 20 % Sangat Baik and 70 % Baik, groups of 5
  // or more; a unit's own predikat multiplies the maxima: Sangat Baik 150 %, Baik 100 %,
  // Butuh Perbaikan 75 %, Kurang 50 %, Sangat Kurang 50 %.
  const binjai = settingsOf('binjai').calibration;
  const known = new Set(['DINKES/PUSKESMAS-BINJAI-KOTA', 'DINKES/SEKRETARIAT']);

  it('should give each predikat the tenant’s multiplier and 100 % without a rating', () => {
    expect(unitMultiplierPercent('SANGAT_BAIK', binjai)).toBe(150);
    expect(unitMultiplierPercent('BUTUH_PERBAIKAN', binjai)).toBe(75);
    expect(unitMultiplierPercent('KURANG', binjai)).toBe(50);
    expect(unitMultiplierPercent(undefined, binjai)).toBe(100);
    expect(unitMultiplierPercent('SANGAT_BAIK', settingsOf('bantul').calibration)).toBe(100);
  });

  it('should raise and lower each unit’s limits by its rating when the report is made', () => {
    const members = (unitSlug: string, sb: number, b: number): CalibrationEntry[] =>
      Array.from({ length: sb + b }, (_, i) => ({
        nip: `${unitSlug}-${i}`,
        opd: 'DINKES',
        unit: unitSlug,
        result: aResult({ predikat: i < sb ? 'SANGAT_BAIK' : 'BAIK' }),
      }));
    // 10 people each, 3 Sangat Baik (30 %): over 20 % unscaled, within 30 % for a Sangat Baik unit.
    const report = calibrate(
      '2026-03',
      [...members('PUSKESMAS-BINJAI-KOTA', 3, 7), ...members('SEKRETARIAT', 3, 7)],
      binjai,
      { 'DINKES/PUSKESMAS-BINJAI-KOTA': 'SANGAT_BAIK', 'DINKES/SEKRETARIAT': 'KURANG' },
    );
    expect(report.groups.map((g) => [g.key, g.limitPercent.SANGAT_BAIK, g.limitPercent.BAIK])).toEqual([
      ['DINKES/PUSKESMAS-BINJAI-KOTA', 30, 100], // 20 × 1,5; 70 × 1,5 capped at 100
      ['DINKES/SEKRETARIAT', 10, 35], // 20 × 0,5; 70 × 0,5
    ]);
    expect(report.warnings.map((w) => [w.groupKey, w.predikat])).toEqual([
      ['DINKES/SEKRETARIAT', 'SANGAT_BAIK'],
      ['DINKES/SEKRETARIAT', 'BAIK'],
    ]);
    expect(report.warnings[0]?.message).toMatch(/kurva 20% × 50% karena predikat unit Kurang/);
  });

  it('should key a rating by the calibration group: the unit id in Binjai, the OPD elsewhere', () => {
    expect(calibrationGroupOf('DINKES', 'DINKES/SEKRETARIAT', 'UNIT')).toBe('DINKES/SEKRETARIAT');
    expect(calibrationGroupOf('DINKES', 'DINKES/SEKRETARIAT', 'OPD')).toBe('DINKES');
  });

  it('should name each bad rating, and refuse ratings where the tenant does not scale its curve', () => {
    expect(
      unitRatingIssues(
        [
          { unitId: 'DINKES', predikat: 'BAIK' },
          { unitId: 'DINKES/GUDANG', predikat: 'BAIK' },
          { unitId: 'DINKES/SEKRETARIAT', predikat: 'CUKUP' },
          { unitId: 'DINKES/SEKRETARIAT', predikat: 'BAIK' },
        ],
        binjai,
        known,
      ),
    ).toEqual([
      { path: 'body.ratings[0].unitId', message: 'kalibrasi per unit: tulis OPD/NAMA-UNIT' },
      { path: 'body.ratings[1].unitId', message: 'unit DINKES/GUDANG tidak memiliki pegawai' },
      { path: 'body.ratings[2].predikat', message: expect.stringMatching(/Cukup tidak ada dalam skala/) },
      { path: 'body.ratings[3].unitId', message: 'DINKES/SEKRETARIAT ganda' },
    ]);
    expect(
      unitRatingIssues([{ unitId: 'DISDIK', predikat: 'BAIK' }], settingsOf('bantul').calibration, known),
    ).toEqual([{ path: 'body.ratings', message: expect.stringMatching(/tidak diskalakan/) }]);
  });
});

describe('monthly progress per indicator', () => {
  it('should measure each month against its own target and leave unreported months empty', () => {
    // 1,200 documents a year summed: 100 a month; 95 % quality averaged: 95 every month.
    const skp = anSkp({
      results: [
        {
          id: 'r1',
          jenis: 'UTAMA',
          description: 'Layanan dokumen',
          indicators: [
            anIndicator({ id: 'docs', weightPercent: 60 }),
            anIndicator({
              id: 'mutu',
              target: { aspect: 'KUALITAS', percent: 95 },
              aggregation: 'AVERAGE',
              weightPercent: 40,
            }),
          ],
        },
      ],
    });
    const rows = monthlyProgress(
      skp,
      [
        { indicatorId: 'docs', date: '2026-01-10', value: 60 },
        { indicatorId: 'docs', date: '2026-01-20', value: 50 },
        { indicatorId: 'mutu', date: '2026-01-31', value: 95 },
        { indicatorId: 'docs', date: '2026-03-05', value: 50 },
      ],
      120,
      '2026-03',
    );
    expect(rows.map((r) => r.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    // January: 110/100 = 110 %, 95/95 = 100 % → 0,6 × 110 + 0,4 × 100 = 106.
    expect(rows[0]).toMatchObject({
      weightedAchievementPercent: 106,
      indicators: [
        { indicatorId: 'docs', target: 100, realized: 110, achievementPercent: 110 },
        { indicatorId: 'mutu', target: 95, realized: 95, achievementPercent: 100 },
      ],
    });
    expect(rows[1]).toMatchObject({
      weightedAchievementPercent: null,
      indicators: [
        { realized: null, achievementPercent: null },
        { realized: null, achievementPercent: null },
      ],
    });
    // March: half the documents, no quality report: 0,6 × 50 = 30.
    expect(rows[2]?.weightedAchievementPercent).toBe(30);
  });
});

describe('realisasi import rows', () => {
  const ctx = {
    year: 2026,
    fileName: 'register-puskesmas.xlsx',
    today: '2026-11-30',
    indicatorsOf: new Map([[PEGAWAI, ['docs', 'mutu']]]),
    whyNot: new Map([['198001012006041001', 'NIP 198001012006041001 milik OPD DINKES, di luar OPD Anda']]),
    lockedMonths: new Set(['2026-09']),
  };

  it('should accept numbers as a spreadsheet gives them, decimal comma included', () => {
    expect(parseMeasure(12)).toBe(12);
    expect(parseMeasure('12,5')).toBe(12.5);
    expect(parseMeasure(' 7.25 ')).toBe(7.25);
    expect(parseMeasure('1.000')).toBe(1);
    expect(parseMeasure('12 pasien')).toBeUndefined();
    expect(parseMeasure('')).toBeUndefined();
  });

  it('should name every bad field of every row and keep the good rows with a stable id', () => {
    const { realizations, errors } = validateRealizationRows(
      [
        { nip: PEGAWAI, indicatorId: 'docs', date: '2026-10-01', value: '42', note: 'register Oktober' },
        { nip: PEGAWAI, indicatorId: 'tidak-ada', date: '2026-12-01', value: -1 },
        { nip: '198001012006041001', indicatorId: 'docs', date: '2026-10-01', value: 1 },
        { nip: PEGAWAI, indicatorId: 'mutu', date: '2026-09-30', value: 90 },
        { nip: PEGAWAI, indicatorId: 'docs', date: '2026-10-01', value: 3 },
        { nip: '12', date: '2025-10-01', evidenceUrl: 'ftp://x' },
      ],
      ctx,
    );
    expect(realizations).toHaveLength(1);
    expect(realizations[0]).toMatchObject({
      rowNumber: 0,
      nip: PEGAWAI,
      value: 42,
      note: 'register Oktober',
    });
    const again = validateRealizationRows(
      [{ nip: PEGAWAI, indicatorId: 'docs', date: '2026-10-01', value: 9 }],
      ctx,
    );
    expect(again.realizations[0]?.id).toBe(realizations[0]?.id);
    expect(errors.map((e) => `${e.rowNumber}.${e.field}`)).toEqual([
      '1.indicatorId',
      '1.date',
      '1.value',
      '2.nip',
      '3.date',
      '4.date',
      '5.nip',
      '5.indicatorId',
      '5.date',
      '5.value',
      '5.evidenceUrl',
    ]);
    expect(errors.find((e) => e.rowNumber === 2)?.reason).toMatch(/milik OPD DINKES/);
    expect(errors.find((e) => e.rowNumber === 3)?.reason).toMatch(/2026-09 sudah dikunci/);
    expect(errors.find((e) => e.rowNumber === 4)?.reason).toMatch(/baris ganda.*baris 0/);
  });
});

describe('attendance grid codes', () => {
  const day = (over: Partial<DailyAttendance>): DailyAttendance => ({
    date: '2026-11-02',
    status: 'HADIR',
    codes: ['HADIR'],
    source: 'MESIN',
    notes: [],
    ...over,
  });
  it('should write a recap sheet’s codes', () => {
    expect(gridCode(day({}))).toBe('H');
    expect(gridCode(day({ codes: ['TL2', 'PSW1'] }))).toBe('TL2+PSW1');
    expect(gridCode(day({ status: 'TK', codes: ['TK'] }))).toBe('TK');
    expect(gridCode(day({ status: 'CUTI', codes: ['CUTI_TAHUNAN'] }))).toBe('CUTI');
    expect(gridCode(day({ status: 'DIKECUALIKAN', codes: ['DL'] }))).toBe('DL');
    expect(gridCode(day({ status: 'BUKAN_HARI_KERJA', codes: [] }))).toBe('LIBUR');
    expect(gridCode(day({ status: 'DATA_BELUM_ADA', codes: [] }))).toBe('');
  });
});
