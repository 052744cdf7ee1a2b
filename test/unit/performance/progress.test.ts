import { describe, expect, it } from 'vitest';
import {
  achievementPercent,
  indicatorProgress,
  periodTarget,
  skpProgress,
} from '../../../core/performance/progress';
import { anIndicator, anSkp, realization } from './builders';

const MONTH = { kind: 'MONTH', month: '2026-03' } as const;
const waktu = anIndicator({
  id: 'waktu',
  target: { aspect: 'WAKTU', value: 3, unit: 'HARI' },
  direction: 'LOWER_IS_BETTER',
  aggregation: 'AVERAGE',
});

describe('achievementPercent', () => {
  it('should divide realisasi by target when higher is better', () => {
    expect(achievementPercent(90, 100, 'HIGHER_IS_BETTER')).toBe(90);
  });

  it('should divide target by realisasi when lower is better', () => {
    expect(achievementPercent(4, 3, 'LOWER_IS_BETTER')).toBe(75);
    expect(achievementPercent(2, 3, 'LOWER_IS_BETTER')).toBe(150);
  });
});

describe('indicatorProgress', () => {
  it('should give a lower-is-better indicator target ÷ average realisasi', () => {
    const rows = [realization('waktu', '2026-03-02', 3), realization('waktu', '2026-03-03', 5)];
    expect(indicatorProgress(waktu, rows, MONTH, 120)).toMatchObject({
      realized: 4,
      target: 3,
      achievementPercent: 75,
      capped: false,
    });
  });

  it('should cap capaian at the tenant ceiling and keep the uncapped figure', () => {
    const rows = [realization('waktu', '2026-03-02', 2)];
    expect(indicatorProgress(waktu, rows, MONTH, 120)).toMatchObject({
      achievementPercent: 120,
      uncappedPercent: 150,
      capped: true,
    });
    expect(indicatorProgress(waktu, rows, MONTH, 110).achievementPercent).toBe(110);
  });

  it('should treat a realisasi of zero days as the best possible, i.e. the cap', () => {
    expect(indicatorProgress(waktu, [realization('waktu', '2026-03-02', 0)], MONTH, 120)).toMatchObject({
      achievementPercent: 120,
      capped: true,
    });
  });

  it('should compare a monthly sum with a twelfth of the annual count target', () => {
    const jumlah = anIndicator({ id: 'jumlah' });
    expect(periodTarget(jumlah, MONTH)).toBe(100);
    const rows = [
      realization('jumlah', '2026-03-02', 50),
      realization('jumlah', '2026-03-20', 45),
      realization('jumlah', '2026-04-01', 99),
    ];
    expect(indicatorProgress(jumlah, rows, MONTH, 120)).toMatchObject({
      realized: 95,
      achievementPercent: 95,
      entries: 2,
    });
  });

  it('should accrue the count target over the months of a year-to-date period', () => {
    const jumlah = anIndicator({ id: 'jumlah' });
    const rows = [
      realization('jumlah', '2026-01-10', 100),
      realization('jumlah', '2026-02-10', 80),
      realization('jumlah', '2025-12-10', 500),
    ];
    expect(indicatorProgress(jumlah, rows, { kind: 'YEAR_TO_DATE', month: '2026-02' }, 120)).toMatchObject({
      target: 200,
      realized: 180,
      achievementPercent: 90,
    });
  });

  it('should use the last reported value for a LAST indicator', () => {
    const level = anIndicator({
      id: 'nilai',
      aggregation: 'LAST',
      target: { aspect: 'KUANTITAS', value: 5, unit: 'poin' },
    });
    const rows = [realization('nilai', '2026-03-20', 4), realization('nilai', '2026-03-05', 1)];
    expect(indicatorProgress(level, rows, MONTH, 120).achievementPercent).toBe(80);
  });

  it('should report 0% and no realisasi when nothing was logged', () => {
    expect(indicatorProgress(waktu, [], MONTH, 120)).toMatchObject({ achievementPercent: 0, entries: 0 });
    expect(indicatorProgress(waktu, [], MONTH, 120)).not.toHaveProperty('realized');
  });
});

describe('skpProgress', () => {
  it('should weigh each indicator capaian by its weight', () => {
    // jumlah 60%: 110 of 100 → 110; waktu 40%: target 3 / 4 → 75. 0.6 × 110 + 0.4 × 75 = 96.
    const rows = [realization('jumlah', '2026-03-02', 110), realization('waktu', '2026-03-02', 4)];
    const progress = skpProgress(anSkp(), rows, MONTH, 120);
    expect(progress.weightedAchievementPercent).toBe(96);
    expect(progress.indicatorsWithoutData).toEqual([]);
  });

  it('should list indicators without realisasi', () => {
    expect(skpProgress(anSkp(), [realization('jumlah', '2026-03-02', 100)], MONTH, 120)).toMatchObject({
      weightedAchievementPercent: 60,
      indicatorsWithoutData: ['waktu'],
    });
  });
});
