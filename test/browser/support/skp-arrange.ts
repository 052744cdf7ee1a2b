import type { Page } from 'playwright-core';
import { type DemoUser, demoUsersFor } from '../../../infra/local/seed/demo-users';
import type { TestApi } from '../../support/local-api';
import { apiCall } from './payroll-month';

/**
 * Arrangements of the SKP journeys (issue 18, journeys 1–3) on a tenant seeded with its employees only:
 * the demo atasan's own plan of the year (what a bawahan cascades to), and, for the atasan's journey,
 * the demo pegawai's plan drafted from the library, cascaded and submitted — all through the API with
 * each person's own token, so every rule applies.
 */
export function demoUser(tenant: string, label: DemoUser['label']): DemoUser {
  const user = demoUsersFor(tenant).find((u) => u.label === label);
  if (!user) throw new Error(`no demo ${label} in ${tenant}`);
  return user;
}

export async function tokenOf(api: TestApi, user: DemoUser): Promise<string> {
  return api.token({ tenant: user.tenant, sub: user.sub, roles: user.roles, opds: user.opds });
}

export interface PlanResult {
  id: string;
  jenis: 'UTAMA' | 'TAMBAHAN';
  description: string;
  indicators: unknown[];
}

/** The kepala bidang's two hasil kerja utama (weights 60 + 40). */
export function atasanResults(year: number): PlanResult[] {
  return [
    {
      id: `${year}-program-bidang`,
      jenis: 'UTAMA',
      description: 'Terlaksananya program pembinaan sekolah sesuai rencana',
      indicators: [
        {
          id: `${year}-program-bidang-realisasi`,
          description: 'Persentase kegiatan pembinaan terlaksana',
          target: { aspect: 'KUALITAS', percent: 100 },
          direction: 'HIGHER_IS_BETTER',
          aggregation: 'AVERAGE',
          weightPercent: 60,
        },
      ],
    },
    {
      id: `${year}-mutu-layanan`,
      jenis: 'UTAMA',
      description: 'Meningkatnya mutu layanan pendidikan dasar',
      indicators: [
        {
          id: `${year}-mutu-layanan-laporan`,
          description: 'Jumlah laporan supervisi mutu',
          target: { aspect: 'KUANTITAS', value: 4, unit: 'laporan' },
          direction: 'HIGHER_IS_BETTER',
          aggregation: 'SUM',
          weightPercent: 40,
        },
      ],
    },
  ];
}

export interface StoredSkp {
  id: string;
  version: number;
  status: string;
  results: (PlanResult & { cascadedFrom?: { skpId: string; resultId: string } })[];
}

export async function arrangeAtasanPlan(api: TestApi, tenant: string, year: number): Promise<StoredSkp> {
  const token = await tokenOf(api, demoUser(tenant, 'atasan'));
  return apiCall<StoredSkp>(api, token, 'POST', '/skp', { year, results: atasanResults(year) });
}

/** The pegawai drafts from the library, cascades the first result to the atasan's first, and submits. */
export async function arrangeSubmittedPlan(
  api: TestApi,
  tenant: string,
  year: number,
  atasan: StoredSkp,
): Promise<StoredSkp> {
  const pegawai = demoUser(tenant, 'pegawai');
  const token = await tokenOf(api, pegawai);
  const draft = await apiCall<StoredSkp>(api, token, 'POST', '/skp', { year });
  const path = `/skp/${pegawai.sub}/${year}`;
  const results = draft.results.map((r, i) =>
    i === 0 ? { ...r, cascadedFrom: { skpId: atasan.id, resultId: atasan.results[0]!.id } } : r,
  );
  const edited = await apiCall<StoredSkp>(api, token, 'PATCH', path, {
    expectedVersion: draft.version,
    results,
  });
  return apiCall<StoredSkp>(api, token, 'POST', `${path}/submit`, { expectedVersion: edited.version });
}

/** Picks an option of a Mantine Select by its label (the nth field of that label). */
export async function pick(page: Page, label: string | RegExp, option: string | RegExp, nth = 0) {
  await page
    .getByLabel(label, { exact: typeof label === 'string' })
    .nth(nth)
    .click();
  await page.getByRole('option', { name: option }).click();
}
