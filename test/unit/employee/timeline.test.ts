import { describe, expect, it } from 'vitest';
import type { TimelineAspect, Timelines } from '../../../core/employee/employee';
import { groupTimelines, latestValues, type TimelineEntry, viewAsOf } from '../../../core/employee/timeline';
import { anEmployee } from '../../builders/employee';

function entry<A extends TimelineAspect>(aspect: A, from: string, value: Timelines[A]): TimelineEntry {
  return { aspect, from, value, recordedAt: '2026-01-01T00:00:00Z', recordedBy: 'x' } as TimelineEntry;
}

const e = anEmployee();
const base = (['pangkat', 'masaKerja', 'jabatan', 'penempatan', 'keluarga', 'kepegawaian'] as const).map(
  (a) => entry(a, e.tmtStart, e[a] as Timelines[typeof a]),
);
const identity = { nip: e.nip, nama: e.nama, ptkpStatus: e.ptkpStatus, tmtStart: e.tmtStart };

describe('employee timelines', () => {
  it('should show the golongan in force on a past date after a late SK kenaikan pangkat', () => {
    const set = groupTimelines([
      ...base,
      entry('pangkat', '2026-04-01', { golongan: 'III/c', tmt: '2026-04-01' }),
    ]);
    expect(viewAsOf(identity, set, 2, '2026-03-31')?.pangkat.golongan).toBe('III/b');
    expect(viewAsOf(identity, set, 2, '2026-04-01')?.pangkat.golongan).toBe('III/c');
    expect(latestValues(set).pangkat.golongan).toBe('III/c');
  });

  it('should keep a backdated change from overriding a later one in the current view', () => {
    const set = groupTimelines([
      ...base,
      entry('penempatan', '2026-06-01', { opd: 'DINKES', unit: 'Puskesmas' }),
      entry('penempatan', '2026-03-01', { opd: 'DUKCAPIL', unit: 'Pelayanan' }),
    ]);
    expect(latestValues(set).penempatan.opd).toBe('DINKES');
    expect(viewAsOf(identity, set, 3, '2026-04-15')?.penempatan.opd).toBe('DUKCAPIL');
  });

  it('should have no view before the start of service', () => {
    expect(viewAsOf(identity, groupTimelines(base), 1, '2009-12-31')).toBeUndefined();
  });
});
