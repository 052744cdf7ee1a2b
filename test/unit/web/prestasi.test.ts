import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../web/src/api/errors';
import { awardErrors, awardRuleOf } from '../../../web/src/pages/prestasi/shared';

interface Version {
  from: string;
  value: unknown;
}
/** The dated versions of tpp.prestasi in a tenant's ruleset file, as GET /rulesets/tenant would give one. */
function prestasiVersions(tenant: string): Version[] {
  const file = JSON.parse(
    readFileSync(new URL(`../../../rulesets/tenants/${tenant}.json`, import.meta.url), 'utf8'),
  ) as { parameters: { id: string; versions: Version[] }[] };
  return file.parameters.find((p) => p.id === 'tpp.prestasi')!.versions;
}
const inForce = (v: Version) => [{ id: 'tpp.prestasi', value: v.value }];

describe('Penghargaan prestasi page', () => {
  it('should say an award is paid only where the tenant rule in force gives one', () => {
    // Sofifi: no incentive before its 2026 decision, then 5% of the TPP base for a decree (sofifi.json note).
    const sofifi = prestasiVersions('sofifi');
    expect(awardRuleOf(inForce(sofifi.find((v) => v.from === '2024-01-01')!))).toEqual({ pays: false });
    expect(awardRuleOf(inForce(sofifi.find((v) => v.from === '2026-01-01')!))).toEqual({
      pays: true,
      percentOfBase: 5,
    });
    // The other demo tenants pay no insentif prestasi at all.
    for (const tenant of ['bantul', 'binjai', 'bukitintan']) {
      for (const v of prestasiVersions(tenant)) expect(awardRuleOf(inForce(v))).toEqual({ pays: false });
    }
    // No tpp.prestasi in force (a month before the tenant's first version): nothing would pay an award.
    expect(awardRuleOf([{ id: 'tpp.attendance', value: [] }])).toEqual({ pays: false });
    // Enabled for the team-result share only, without an award share: still no award.
    expect(
      awardRuleOf([{ id: 'tpp.prestasi', value: { enabled: true, teamResult: { targetPercent: 100 } } }]),
    ).toEqual({ pays: false });
  });

  it('should put the API’s refusals on the form’s fields and the month picker', () => {
    const refused = (status: number, issues: { path: string; message: string }[], message = 'x') =>
      new ApiError(status, status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', message, 'req-1', issues);
    // A month whose rule gives no award: prestasi-awards.ts names params.month.
    const ruleOff =
      'aturan insentif prestasi tenant (tpp.prestasi) yang berlaku pada 2025-12 tidak memberi penghargaan prestasi';
    expect(awardErrors(refused(400, [{ path: 'params.month', message: ruleOff }]))).toEqual({
      month: ruleOff,
    });
    expect(
      awardErrors(
        refused(400, [
          { path: 'body.skNumber', message: 'wajib diisi' },
          {
            path: 'body.skDate',
            message: 'SK penghargaan bulan 2026-12 tidak mungkin bertanggal sebelum bulan itu',
          },
        ]),
      ),
    ).toEqual({
      skNumber: 'wajib diisi',
      skDate: 'SK penghargaan bulan 2026-12 tidak mungkin bertanggal sebelum bulan itu',
    });
    // An unknown NIP (or one outside the caller's scope) is a 404 without issues: said on the NIP.
    expect(awardErrors(refused(404, [], 'Pegawai tidak ditemukan'))).toEqual({
      nip: 'Pegawai tidak ditemukan',
    });
    // A refusal naming no field (a locked month) maps to nothing: the page shows it whole.
    expect(awardErrors(new ApiError(409, 'MONTH_LOCKED', 'Bulan sudah dikunci', 'req-2'))).toEqual({});
  });
});
