import { describe, expect, it } from 'vitest';
import { demoIndicatorLibrary } from '../../../core/performance/appraisal-data';
import {
  draftSkpResults,
  findJabatanTemplate,
  parseIndicatorLibrary,
} from '../../../core/performance/indicator-library';
import { validateSkp } from '../../../core/performance/skp';
import { anSkp, PEGAWAI } from './builders';

describe('indicator library', () => {
  it('should hold DEMO templates for the sector examples', () => {
    expect(demoIndicatorLibrary.confidence).toBe('DEMO');
    expect(demoIndicatorLibrary.jabatan.map((j) => j.key)).toEqual([
      'guru',
      'perawat-puskesmas',
      'dukcapil-pelayanan',
      'perizinan-dpmptsp',
      'pelaksana-umum',
    ]);
  });

  it('should find a template by kode first and by a fragment of the jabatan name otherwise', () => {
    expect(
      findJabatanTemplate(demoIndicatorLibrary, { kode: 'PERAWAT-T', nama: 'Pengadministrasi' })?.key,
    ).toBe('perawat-puskesmas');
    expect(findJabatanTemplate(demoIndicatorLibrary, { nama: 'Guru Ahli Muda' })?.key).toBe('guru');
    expect(findJabatanTemplate(demoIndicatorLibrary, { nama: 'Pilot' })).toBeUndefined();
  });

  it('should draft results an SKP can be submitted with, cascaded where the atasan result is named', () => {
    const template = findJabatanTemplate(demoIndicatorLibrary, {
      nama: 'Penata Layanan Operasional Perizinan',
    })!;
    const results = draftSkpResults(template, {
      idPrefix: 'skp-9',
      cascade: { skpId: 'skp-atasan', resultIdByKey: { 'pelayanan-izin': 'ra-1' } },
    });
    expect(results[0]).toMatchObject({
      id: 'skp-9-pelayanan-izin',
      cascadedFrom: { skpId: 'skp-atasan', resultId: 'ra-1' },
    });
    expect(results[0]?.indicators[0]).toMatchObject({
      id: 'skp-9-pelayanan-izin-waktu-proses',
      direction: 'LOWER_IS_BETTER',
    });
    expect(results[1]).not.toHaveProperty('cascadedFrom');
    expect(validateSkp(anSkp({ nip: PEGAWAI, results }))).toEqual([]);
  });

  it('should reject a library whose template weights do not add up to 100, naming file and key', () => {
    const broken = structuredClone(demoIndicatorLibrary);
    broken.jabatan[0]!.results[0]!.indicators[0]!.weightPercent = 10;
    expect(() => parseIndicatorLibrary(broken, 'rulesets/appraisal/indicator-library.json')).toThrow(
      'rulesets/appraisal/indicator-library.json: jabatan[0].results: indicator weights add up to 70, not 100',
    );
  });
});
