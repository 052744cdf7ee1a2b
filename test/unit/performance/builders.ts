import type { MonthlyPerformanceResult } from '../../../core/pay/types';
import { demoAppraisalSettings } from '../../../core/performance/appraisal-data';
import {
  type AppraisalSettings,
  appraisalSettingsInForce,
} from '../../../core/performance/appraisal-settings';
import type { MonthlyEvaluationInput } from '../../../core/performance/monthly-evaluation';
import type { Realization } from '../../../core/performance/progress';
import { BERAKHLAK_KEYS, type Indicator, type Skp } from '../../../core/performance/skp';

export const PEGAWAI = '198503152010011002';
export const PENILAI = '197801012005011003';
export const ATASAN_PENILAI = '197001012000031001';

export type DemoTenant = keyof typeof demoAppraisalSettings;

export function settingsOf(tenant: DemoTenant, month = '2026-03'): AppraisalSettings {
  return appraisalSettingsInForce(demoAppraisalSettings[tenant], month).value;
}

export function anIndicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    id: 'ind-1',
    description: 'Jumlah dokumen diproses',
    target: { aspect: 'KUANTITAS', value: 1200, unit: 'dokumen' },
    direction: 'HIGHER_IS_BETTER',
    aggregation: 'SUM',
    weightPercent: 100,
    ...overrides,
  };
}

/** A DRAFT SKP with one UTAMA result of two indicators (60/40) that passes validation. */
export function anSkp(overrides: Partial<Skp> = {}): Skp {
  return {
    id: 'skp-2026-1',
    revision: 1,
    nip: PEGAWAI,
    year: 2026,
    opd: 'DUKCAPIL',
    unit: 'PELAYANAN',
    jabatan: { nama: 'Pengadministrasi Kependudukan' },
    pejabatPenilai: { nip: PENILAI, nama: 'Kepala Bidang Pelayanan' },
    atasanPejabatPenilai: { nip: ATASAN_PENILAI },
    results: [
      {
        id: 'r1',
        jenis: 'UTAMA',
        description: 'Terbitnya dokumen kependudukan',
        indicators: [
          anIndicator({ id: 'jumlah', weightPercent: 60 }),
          anIndicator({
            id: 'waktu',
            description: 'Rata-rata waktu penyelesaian',
            target: { aspect: 'WAKTU', value: 3, unit: 'HARI' },
            direction: 'LOWER_IS_BETTER',
            aggregation: 'AVERAGE',
            weightPercent: 40,
          }),
        ],
      },
    ],
    perilaku: Object.fromEntries(
      BERAKHLAK_KEYS.map((k) => [k, { ekspektasiKhusus: `ekspektasi ${k}` }]),
    ) as Skp['perilaku'],
    status: 'DRAFT',
    history: [],
    ...overrides,
  };
}

export function anApprovedSkp(overrides: Partial<Skp> = {}): Skp {
  return anSkp({
    status: 'DISETUJUI',
    approvedBy: PENILAI,
    approvedAt: '2026-01-10T09:00:00+07:00',
    ...overrides,
  });
}

export function realization(indicatorId: string, date: string, value: number): Realization {
  return { indicatorId, date, value };
}

export function anEvaluation(overrides: Partial<MonthlyEvaluationInput> = {}): MonthlyEvaluationInput {
  return {
    nip: PEGAWAI,
    month: '2026-03',
    settings: settingsOf('bantul'),
    skpRevisions: [anApprovedSkp()],
    ...overrides,
  };
}

export function aResult(overrides: Partial<MonthlyPerformanceResult> = {}): MonthlyPerformanceResult {
  return { status: 'FINAL', predikat: 'BAIK', ...overrides };
}

/** Deep copy of a demo settings document, to break one key in a test. */
export function demoSettingsJson(tenant: DemoTenant): Record<string, unknown> {
  return structuredClone(demoAppraisalSettings[tenant]) as unknown as Record<string, unknown>;
}
