import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { PageId } from '../routes';

/**
 * One lazy chunk per page: the initial bundle holds the shell and the sign-in page only, so journey
 * pages can grow without slowing the first load (budget: initial JS ≤ 300 KB gzipped).
 */
export const PAGES: Record<PageId, LazyExoticComponent<ComponentType>> = {
  beranda: lazy(() => import('./Beranda')),
  proses: lazy(() => import('./DaftarProses')),
  detailProses: lazy(() => import('./DetailProses')),
  pegawai: lazy(() => import('./DaftarPegawai')),
  detailPegawai: lazy(() => import('./DetailPegawai')),
  slipSaya: lazy(() => import('./SlipSaya')),
  rincianSlip: lazy(() => import('./RincianSlip')),
  jejakAudit: lazy(() => import('./JejakAudit')),
  imporAbsensi: lazy(() => import('./ImporAbsensi')),
  imporPegawai: lazy(() => import('./ImporPegawai')),
  pagu: lazy(() => import('./Pagu')),
};
