import { describe, expect, it } from 'vitest';
import type { Predikat } from '../../../core/pay/types';
import { type CalibrationEntry, calibrate } from '../../../core/performance/calibration';
import { aResult, settingsOf } from './builders';

function unit(opd: string, spec: Partial<Record<Predikat, number>>, unitName = 'U1'): CalibrationEntry[] {
  const entries: CalibrationEntry[] = [];
  for (const [predikat, n] of Object.entries(spec) as [Predikat, number][]) {
    for (let i = 0; i < n; i += 1)
      entries.push({ nip: `${opd}-${predikat}-${i}`, opd, unit: unitName, result: aResult({ predikat }) });
  }
  return entries;
}

describe('calibrate', () => {
  // Bantul: per OPD, at most 10% Sangat Baik and 70% Baik, groups of 10 or more.
  const config = settingsOf('bantul').calibration;

  it('should warn when an OPD has more Sangat Baik than the curve allows', () => {
    const report = calibrate(
      '2026-03',
      unit('DISDIK', { SANGAT_BAIK: 3, BAIK: 12, BUTUH_PERBAIKAN: 5 }),
      config,
    );
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatchObject({
      groupKey: 'DISDIK',
      predikat: 'SANGAT_BAIK',
      count: 3,
      total: 20,
      sharePercent: 15,
      limitPercent: 10,
    });
    expect(report.warnings[0]?.message).toMatch(
      /3 dari 20 pegawai \(15%\) berpredikat Sangat Baik, melebihi batas 10%/,
    );
  });

  it('should not warn at exactly the limit', () => {
    expect(
      calibrate('2026-03', unit('DISDIK', { SANGAT_BAIK: 2, BAIK: 14, KURANG: 4 }), config).warnings,
    ).toEqual([]);
  });

  it('should count only FINAL results and skip groups below the minimum size', () => {
    const entries = [
      ...unit('DINKES', { SANGAT_BAIK: 3, BAIK: 2 }),
      ...Array.from({ length: 10 }, (_, i) => ({
        nip: `x${i}`,
        opd: 'DINKES',
        result: aResult({ status: 'BELUM_DINILAI', predikat: undefined }),
      })),
    ];
    const report = calibrate('2026-03', entries, config);
    expect(report.groups[0]).toMatchObject({
      total: 5,
      belowMinimumSize: true,
      sharePercent: { SANGAT_BAIK: 60 },
    });
    expect(report.warnings).toEqual([]);
  });

  it('should scale the curve by the unit predikat and group by unit (Binjai)', () => {
    const binjai = settingsOf('binjai').calibration; // SB ≤ 20%, × 150% for a Sangat Baik unit
    const entries = [
      ...unit('DISDIK', { SANGAT_BAIK: 3, BAIK: 7 }, 'SD-1'),
      ...unit('DISDIK', { SANGAT_BAIK: 3, BAIK: 7 }, 'SD-2'),
    ];
    const report = calibrate('2026-03', entries, binjai, { 'DISDIK/SD-1': 'SANGAT_BAIK' });
    expect(report.groups.map((g) => [g.key, g.limitPercent.SANGAT_BAIK])).toEqual([
      ['DISDIK/SD-1', 30],
      ['DISDIK/SD-2', 20],
    ]);
    expect(report.warnings.map((w) => w.groupKey)).toEqual(['DISDIK/SD-2']);
  });

  it('should count Cukup and Butuh Perbaikan as one rank', () => {
    const strict = { ...config, maxSharePercent: { BUTUH_PERBAIKAN: 20 } };
    const report = calibrate('2026-03', unit('DISDIK', { BAIK: 7, BUTUH_PERBAIKAN: 2, CUKUP: 1 }), strict);
    expect(report.warnings[0]).toMatchObject({ predikat: 'BUTUH_PERBAIKAN', count: 3, sharePercent: 30 });
  });
});
