import { describe, expect, it } from 'vitest';
import type { MonthlyPerformanceResult, Predikat } from '../../../core/pay/types';
import { followUpLists, type MonthlyResultRecord } from '../../../core/performance/follow-up';
import { aResult, settingsOf } from './builders';

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

/** One record per month ending in June, from a list of predikat (undefined = no record that month). */
function history(
  nip: string,
  opd: string,
  predikats: (Predikat | MonthlyPerformanceResult | undefined)[],
): MonthlyResultRecord[] {
  const months = MONTHS.slice(MONTHS.length - predikats.length);
  return predikats.flatMap((p, i) =>
    p === undefined
      ? []
      : [
          {
            nip,
            opd,
            month: months[i] as string,
            result: typeof p === 'string' ? aResult({ predikat: p }) : p,
          },
        ],
  );
}

describe('followUpLists', () => {
  // Bantul: pembinaan after 3 months Butuh Perbaikan or worse, recognition after 6 months Sangat Baik.
  const config = settingsOf('bantul').followUp;

  it('should list pembinaan after N consecutive months at Butuh Perbaikan or worse, per OPD', () => {
    const records = [
      ...history('A', 'DISDIK', ['BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']),
      ...history('B', 'DISDIK', ['BUTUH_PERBAIKAN', 'BAIK', 'KURANG', 'KURANG']),
      ...history('C', 'DINKES', ['CUKUP', 'CUKUP', 'CUKUP']),
    ];
    expect(followUpLists(records, config, '2026-06')).toEqual([
      {
        opd: 'DINKES',
        pembinaan: [{ nip: 'C', months: 3, since: '2026-04', latestPredikat: 'CUKUP' }],
        recognition: [],
      },
      {
        opd: 'DISDIK',
        pembinaan: [{ nip: 'A', months: 3, since: '2026-04', latestPredikat: 'SANGAT_KURANG' }],
        recognition: [],
      },
    ]);
  });

  it('should break a run on a missing month or a result that is not FINAL', () => {
    const records = [
      ...history('A', 'DISDIK', ['KURANG', undefined, 'KURANG', 'KURANG']),
      ...history('B', 'DISDIK', ['KURANG', { status: 'BELUM_DINILAI' }, 'KURANG', 'KURANG']),
    ];
    expect(followUpLists(records, config, '2026-06')).toEqual([]);
  });

  it('should list recognition candidates with the tenant programmes after N months Sangat Baik', () => {
    const records = [
      ...history('A', 'BAPPEDA', Array(6).fill('SANGAT_BAIK')),
      ...history('B', 'BAPPEDA', ['BAIK', ...Array(5).fill('SANGAT_BAIK')]),
    ];
    expect(followUpLists(records, config, '2026-06')).toEqual([
      {
        opd: 'BAPPEDA',
        pembinaan: [],
        recognition: [
          {
            nip: 'A',
            months: 6,
            since: '2026-01',
            latestPredikat: 'SANGAT_BAIK',
            programmes: ['PENGHARGAAN', 'PELATIHAN'],
          },
        ],
      },
    ]);
  });

  it('should follow the tenant switches and thresholds', () => {
    const sofifi = settingsOf('sofifi').followUp; // recognition off
    const binjai = settingsOf('binjai').followUp; // pembinaan after 2, recognition after 3
    const records = [
      ...history('A', 'X', Array(6).fill('SANGAT_BAIK')),
      ...history('B', 'X', ['KURANG', 'KURANG']),
    ];
    expect(followUpLists(records, sofifi, '2026-06')).toEqual([]);
    expect(followUpLists(records, binjai, '2026-06')[0]).toMatchObject({
      pembinaan: [{ nip: 'B', months: 2 }],
      recognition: [{ nip: 'A' }],
    });
  });
});
