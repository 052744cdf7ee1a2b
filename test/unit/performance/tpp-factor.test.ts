import { describe, expect, it } from 'vitest';
import { tenantConfig } from '../../../functions/appraisal/settings';
import { tppFactorOf } from '../../../functions/appraisal/tpp-factor';
import { rulesetsFor } from '../../../functions/payroll/rulesets';

/** The seed files' rules (no approved change): what these expectations are read from. */
const bantul = rulesetsFor(tenantConfig('bantul')).rulesets.tenant;
const binjai = rulesetsFor(tenantConfig('binjai')).rulesets.tenant;

/**
 * The TPP factor shown beside a predikat (lembar penilaian preview, the pegawai's year): the tenant's
 * tpp.performance map of the month that pays it. Expected values from rulesets/tenants/*.json.
 */
describe('the TPP factor of a month’s predikat', () => {
  it('should read Bantul’s map in the month that pays it (paymentLagMonths 1)', () => {
    // bantul.json tpp.performance: Sangat Baik/Baik 100 %, Butuh Perbaikan 90 %, Kurang 75 %, belum dinilai 0 %.
    const baik = tppFactorOf(bantul, '2026-10', { status: 'FINAL', predikat: 'BAIK' });
    expect(baik).toMatchObject({ payMonth: '2026-11', factorPercent: 100 });
    expect(baik.parts).toEqual([{ code: 'PRODUKTIVITAS', label: 'Produktivitas kerja', weightPercent: 60 }]);
    expect(
      tppFactorOf(bantul, '2026-10', { status: 'FINAL', predikat: 'BUTUH_PERBAIKAN' }).factorPercent,
    ).toBe(90);
    expect(tppFactorOf(bantul, '2026-10', { status: 'FINAL', predikat: 'KURANG' }).factorPercent).toBe(75);
    expect(tppFactorOf(bantul, '2026-10', { status: 'BELUM_DINILAI' }).factorPercent).toBe(0);
  });

  it('should pay Binjai in the same month (paymentLagMonths 0), its productivity part 40 %', () => {
    const r = tppFactorOf(binjai, '2026-10', { status: 'FINAL', predikat: 'SANGAT_KURANG' });
    expect(r).toMatchObject({ payMonth: '2026-10', factorPercent: 50 });
    expect(r.parts).toEqual([{ code: 'PRODUKTIVITAS', label: 'Produktivitas', weightPercent: 40 }]);
  });

  it('should give no figure, rather than a guessed one, before the tenant’s rules are in force', () => {
    const r = tppFactorOf(bantul, '2019-01', { status: 'FINAL', predikat: 'BAIK' });
    expect(r.factorPercent).toBeNull();
    expect(r.detail).toMatch(/belum berlaku/);
  });
});
