import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../core/errors';
import {
  type MatrixAssessment,
  monthlyEvaluation,
  monthlyPerformanceResult,
  type NumericAssessment,
} from '../../../core/performance/monthly-evaluation';
import { anApprovedSkp, anEvaluation, anSkp, PEGAWAI, PENILAI, realization, settingsOf } from './builders';

const matrix = (
  hasilKerja: MatrixAssessment['hasilKerja'],
  perilaku: MatrixAssessment['perilaku'],
): MatrixAssessment => ({
  kind: 'MATRIX',
  evaluatorNip: PENILAI,
  assessedAt: '2026-04-02T10:00:00+07:00',
  hasilKerja,
  perilaku,
});
const numeric = (overrides: Partial<NumericAssessment> = {}): NumericAssessment => ({
  kind: 'NUMERIC',
  evaluatorNip: PENILAI,
  assessedAt: '2026-04-02T10:00:00+07:00',
  ...overrides,
});
/** jumlah (60%): 110 of a monthly 100; waktu (40%): 4 days against 3 → 0.6 × 110 + 0.4 × 75 = 96. */
const realizations96 = [realization('jumlah', '2026-03-10', 110), realization('waktu', '2026-03-10', 4)];
const RESULT_KEYS = ['status', 'predikat', 'capaianPercent', 'atasanTidakMenilai', 'perilakuPercent'];

describe('monthlyEvaluation — absent states', () => {
  it('should report TIDAK_ADA_SKP when the pegawai made no SKP for the year', () => {
    const outcome = monthlyEvaluation(anEvaluation({ skpRevisions: [anApprovedSkp({ year: 2025 })] }));
    expect(outcome.result).toEqual({ status: 'TIDAK_ADA_SKP' });
    expect(outcome.explanation[0]).toMatch(/PermenPANRB 6\/2022/);
  });

  it('should report SKP_BELUM_DISETUJUI for a submitted SKP and for one approved after the month', () => {
    expect(monthlyPerformanceResult(anEvaluation({ skpRevisions: [anSkp({ status: 'DIAJUKAN' })] }))).toEqual(
      {
        status: 'SKP_BELUM_DISETUJUI',
      },
    );
    const late = anApprovedSkp({ approvedAt: '2026-04-01T08:00:00+07:00' });
    expect(monthlyPerformanceResult(anEvaluation({ skpRevisions: [late] })).status).toBe(
      'SKP_BELUM_DISETUJUI',
    );
  });

  it('should report BELUM_DINILAI when the pejabat penilai has not rated the month', () => {
    expect(monthlyPerformanceResult(anEvaluation())).toEqual({ status: 'BELUM_DINILAI' });
  });

  it('should show a provisional nilai before evaluation for a tenant with real-time progress', () => {
    const outcome = monthlyEvaluation(
      anEvaluation({ settings: settingsOf('bukitintan'), realizations: realizations96 }),
    );
    expect(outcome.result).toEqual({ status: 'BELUM_DINILAI' });
    expect(outcome.extras.provisionalNilai).toBe(96);
  });
});

describe('monthlyEvaluation — atasan tidak menilai', () => {
  // Bantul's deadline is the 5th of the following month.
  it('should flag an atasan with a bawahan rated after the deadline or not at all', () => {
    const late = anEvaluation({
      assessment: matrix('SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI'),
      bawahan: [
        { bawahanNip: '199001012015031001', assessedAt: '2026-04-05T23:00:00+07:00' },
        { bawahanNip: '199101012015031002', assessedAt: '2026-04-06T08:00:00+07:00' },
      ],
    });
    expect(monthlyPerformanceResult(late)).toEqual({
      status: 'FINAL',
      predikat: 'BAIK',
      atasanTidakMenilai: true,
    });
    const missing = anEvaluation({ bawahan: [{ bawahanNip: '199001012015031001' }] });
    expect(monthlyPerformanceResult(missing)).toEqual({ status: 'BELUM_DINILAI', atasanTidakMenilai: true });
  });

  it('should clear the flag when every bawahan was rated in time, and carry it even without an SKP', () => {
    const onTime = anEvaluation({
      skpRevisions: [],
      bawahan: [{ bawahanNip: '199001012015031001', assessedAt: '2026-04-05' }],
    });
    expect(monthlyPerformanceResult(onTime)).toEqual({ status: 'TIDAK_ADA_SKP', atasanTidakMenilai: false });
  });
});

describe('monthlyEvaluation — MATRIX', () => {
  it('should read the predikat from the PermenPANRB 6/2022 matrix and explain it', () => {
    const outcome = monthlyEvaluation(
      anEvaluation({ assessment: matrix('DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI') }),
    );
    expect(outcome.result).toEqual({ status: 'FINAL', predikat: 'BUTUH_PERBAIKAN' });
    expect(outcome.ratings).toEqual({ hasilKerja: 'DI_BAWAH_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI' });
    expect(outcome.explanation.join('\n')).toMatch(
      /matriks PermenPANRB 6\/2022 predikat kinerja: Butuh Perbaikan/,
    );
  });

  it('should send a perilaku percent to a tenant with a behaviour part', () => {
    const outcome = monthlyPerformanceResult(
      anEvaluation({
        settings: settingsOf('binjai'),
        assessment: matrix('DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI'),
      }),
    );
    expect(outcome).toEqual({ status: 'FINAL', predikat: 'BAIK', perilakuPercent: 90 });
  });

  it('should refuse a numeric assessment for a MATRIX tenant', () => {
    expect(() => monthlyEvaluation(anEvaluation({ assessment: numeric() }))).toThrow(DomainError);
  });
});

describe('monthlyEvaluation — NUMERIC', () => {
  const bukitintan = (overrides = {}) =>
    anEvaluation({
      settings: settingsOf('bukitintan'),
      assessment: numeric(),
      realizations: realizations96,
      ...overrides,
    });

  it('should turn the weighted capaian into a PP 30/2019 predikat and a capaian percent', () => {
    const outcome = monthlyEvaluation(bukitintan());
    expect(outcome.nilai).toBe(96);
    expect(outcome.result).toEqual({ status: 'FINAL', predikat: 'BAIK', capaianPercent: 96 });
    expect(outcome.explanation.join('\n')).toMatch(/PP 30\/2019/);
  });

  it('should weigh the unit IKM in at the tenant weight', () => {
    const ikm = [
      { unitId: 'DUKCAPIL/PELAYANAN', score: 70, respondents: 100 },
      { unitId: 'DUKCAPIL/PELAYANAN', service: 'KTP-el', score: 90, respondents: 100 },
    ];
    const outcome = monthlyEvaluation(bukitintan({ publicSatisfaction: ikm }));
    // 0.9 × 96 + 0.1 × 80 = 94.4
    expect(outcome.nilai).toBe(94.4);
    expect(outcome.evidence.publicSatisfaction).toEqual({ ikm: 80, respondents: 200, surveys: 2 });
  });

  it('should need an innovation for Sangat Baik and cap the capaian percent at 100', () => {
    const best = [realization('jumlah', '2026-03-10', 130), realization('waktu', '2026-03-10', 2)];
    const without = monthlyEvaluation(bukitintan({ realizations: best }));
    expect(without.nilai).toBe(120);
    expect(without.result).toEqual({ status: 'FINAL', predikat: 'BAIK', capaianPercent: 100 });
    expect(without.explanation.join('\n')).toMatch(/mensyaratkan inovasi/);
    const withInnovation = monthlyPerformanceResult(
      bukitintan({ realizations: best, assessment: numeric({ hasInnovation: true }) }),
    );
    expect(withInnovation.predikat).toBe('SANGAT_BAIK');
  });

  it('should use the tenant vocabulary for the middle rank', () => {
    const weak = [realization('jumlah', '2026-03-10', 75), realization('waktu', '2026-03-10', 4)];
    expect(monthlyPerformanceResult(bukitintan({ realizations: weak })).predikat).toBe('CUKUP');
  });

  it('should rate an evaluated month without realisasi at 0', () => {
    expect(monthlyPerformanceResult(bukitintan({ realizations: undefined }))).toEqual({
      status: 'FINAL',
      predikat: 'SANGAT_KURANG',
      capaianPercent: 0,
    });
  });
});

describe('monthlyEvaluation — peer feedback and team result (Sofifi)', () => {
  const peers = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ raterNip: `19900101201503100${i}`, score: 4 as const }));

  it('should show peer feedback as evidence without any rater id', () => {
    const outcome = monthlyEvaluation(
      anEvaluation({
        settings: settingsOf('sofifi'),
        assessment: matrix('SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI'),
        peerFeedback: [...peers(3), { raterNip: PEGAWAI, score: 5 }],
      }),
    );
    expect(outcome.result).toEqual({ status: 'FINAL', predikat: 'BAIK' });
    expect(outcome.evidence.peerFeedback).toEqual({
      raterCount: 3,
      withheld: false,
      nilai: 100,
      scoreDistribution: { 4: 3 },
    });
    expect(JSON.stringify(outcome)).not.toMatch(/19900101201503100/);
  });

  it('should withhold peer feedback from fewer raters than the minimum', () => {
    const outcome = monthlyEvaluation(
      anEvaluation({ settings: settingsOf('sofifi'), peerFeedback: peers(2) }),
    );
    expect(outcome.evidence.peerFeedback).toEqual({ raterCount: 2, withheld: true, scoreDistribution: {} });
  });

  it('should return the team result as a TPP factor in extras, leaving the pay type untouched', () => {
    const outcome = monthlyEvaluation(
      anEvaluation({
        settings: settingsOf('sofifi'),
        assessment: matrix('SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI'),
        teamResult: { unitId: 'BAPPEDA', achievementPercent: 85 },
      }),
    );
    expect(outcome.extras.tppFactors).toEqual([{ source: 'TEAM_RESULT', factorPercent: 85 }]);
    for (const key of Object.keys(outcome.result)) expect(RESULT_KEYS).toContain(key);
  });
});
