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
  // Appraisal journeys 1–3 (pegawai, atasan)
  skpSaya: lazy(() => import('./kinerja/skp/SkpSaya')),
  capaianSaya: lazy(() => import('./kinerja/skp/CapaianSaya')),
  kinerjaBawahan: lazy(() => import('./kinerja/skp/KinerjaBawahan')),
  detailBawahan: lazy(() => import('./kinerja/skp/DetailBawahan')),
  lembarPenilaian: lazy(() => import('./kinerja/skp/LembarPenilaian')),
  rincianSlip: lazy(() => import('./RincianSlip')),
  jejakAudit: lazy(() => import('./JejakAudit')),
  imporAbsensi: lazy(() => import('./ImporAbsensi')),
  imporPegawai: lazy(() => import('./ImporPegawai')),
  pagu: lazy(() => import('./Pagu')),
  // Appraisal journeys 4–7 (BKPSDM) and disiplin
  kalibrasi: lazy(() => import('./kinerja/bkpsdm/Kalibrasi')),
  tindakLanjut: lazy(() => import('./kinerja/bkpsdm/TindakLanjut')),
  capaianUnit: lazy(() => import('./kinerja/bkpsdm/CapaianUnit')),
  imporKinerja: lazy(() => import('./kinerja/bkpsdm/ImporKinerja')),
  disiplin: lazy(() => import('./disiplin/Disiplin')),
  // Tenant rules (#17)
  aturan: lazy(() => import('./aturan/Aturan')),
  riwayatAturan: lazy(() => import('./aturan/RiwayatAturan')),
  usulanAturan: lazy(() => import('./aturan/UsulanBaru')),
  detailUsulanAturan: lazy(() => import('./aturan/DetailUsulan')),
  // Issue #15 console
  pengaturanPajak: lazy(() => import('./pajak/PengaturanPajak')),
  potongan: lazy(() => import('./potongan/Potongan')),
  // Issue #15 console: penghargaan prestasi
  prestasi: lazy(() => import('./prestasi/Prestasi')),
};
