import { describe, expect, it } from 'vitest';
import { activeSanctions, sanctionIssues, toSanctionEntry } from '../../../core/discipline/sanctions';
import { aSanction } from './builders';

describe('activeSanctions', () => {
  it('should run from the start month for the duration, end exclusive', () => {
    const sanction = aSanction({ startMonth: '2026-02', durationMonths: 6 });
    expect(activeSanctions([sanction], '2026-01')).toEqual([]);
    expect(activeSanctions([sanction], '2026-02')).toEqual([sanction]);
    expect(activeSanctions([sanction], '2026-07')).toEqual([sanction]);
    expect(activeSanctions([sanction], '2026-08')).toEqual([]);
  });

  it('should cross the year boundary', () => {
    const sanction = aSanction({
      startMonth: '2026-11',
      durationMonths: 9,
      jenis: 'POTONGAN_TUNJANGAN_25_9_BULAN',
    });
    expect(activeSanctions([sanction], '2027-07')).toHaveLength(1);
    expect(activeSanctions([sanction], '2027-08')).toHaveLength(0);
  });

  it('should keep an open-ended sanction running and stop an annulled one', () => {
    const open = aSanction({ durationMonths: null, level: 'BERAT', jenis: 'PEMBEBASAN_JABATAN' });
    const annulled = aSanction({ skNumber: 'SK/2', cancelledFrom: '2026-04' });
    expect(activeSanctions([open, annulled], '2030-01')).toEqual([open]);
    expect(activeSanctions([open, annulled], '2026-03')).toEqual([open, annulled]);
    expect(activeSanctions([annulled], '2026-04')).toEqual([]);
  });

  it('should hand the pay engine the level, the SK number and the cut stated in the SK', () => {
    expect(toSanctionEntry(aSanction({ cutPercent: 25 }))).toEqual({
      level: 'SEDANG',
      skNumber: '800/123/BKPSDM/2026',
      cutPercent: 25,
    });
    expect(toSanctionEntry(aSanction())).not.toHaveProperty('cutPercent');
  });
});

describe('sanctionIssues', () => {
  it('should accept a consistent record', () => {
    expect(sanctionIssues(aSanction())).toEqual([]);
  });

  it('should report a jenis of another level, a bad month and a bad duration', () => {
    const issues = sanctionIssues(
      aSanction({ level: 'RINGAN', startMonth: '2026-13', durationMonths: 0, skNumber: ' ' }),
    );
    expect(issues).toEqual([
      'nomor SK wajib diisi',
      'jenis POTONGAN_TUNJANGAN_25_6_BULAN adalah hukuman disiplin SEDANG, bukan RINGAN',
      'bulan mulai harus berformat YYYY-MM',
      'lama hukuman harus bilangan bulat bulan ≥ 1',
    ]);
  });
});
