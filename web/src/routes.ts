import { L, type RoleName } from './i18n/labels';

/**
 * Every page of the console, declared once: the router, the navigation and the route-collision test
 * (test/unit/web/console-routes.test.ts) read this list. Paths are Indonesian and their first segment
 * never equals an API path's first segment (API paths are English), so the local server and
 * CloudFront can tell a page from an API call by the path alone.
 *
 * To add a page: add an entry here, a file web/src/pages/<Name>.tsx with a default export, and its
 * lazy import in PAGES (web/src/pages/index.ts).
 */
export interface ConsoleRoute {
  id: PageId;
  path: string;
  title: string;
  /** Who may open it; the API checks again, this only keeps menus and pages honest. */
  roles: readonly RoleName[] | 'ALL';
  /** Label in the main navigation; absent = not a menu item (detail pages). */
  nav?: string;
}

export type PageId =
  | 'beranda'
  | 'proses'
  | 'detailProses'
  | 'pegawai'
  | 'detailPegawai'
  | 'slipSaya'
  // Appraisal journeys 1–3 (pegawai, atasan): pages in pages/kinerja/skp
  | 'skpSaya'
  | 'capaianSaya'
  | 'kinerjaBawahan'
  | 'detailBawahan'
  | 'lembarPenilaian'
  | 'rincianSlip'
  | 'jejakAudit'
  | 'imporAbsensi'
  | 'imporPegawai'
  | 'pagu'
  // Appraisal journeys 4–7 (BKPSDM) and disiplin
  | 'kalibrasi'
  | 'tindakLanjut'
  | 'capaianUnit'
  | 'imporKinerja'
  | 'disiplin'
  // Tenant rules (#17): pages in pages/aturan
  | 'aturan'
  | 'riwayatAturan'
  | 'usulanAturan'
  | 'detailUsulanAturan'
  // Issue #15 console: pages in pages/pajak and pages/potongan
  | 'pengaturanPajak'
  | 'potongan'
  // Issue #15 console: penghargaan prestasi by decree (pages/prestasi)
  | 'prestasi';

const T = L.page.titles;

export const CONSOLE_ROUTES: readonly ConsoleRoute[] = [
  { id: 'beranda', path: '/beranda', title: T.beranda, roles: 'ALL', nav: L.nav.beranda },
  {
    id: 'proses',
    path: '/proses',
    title: T.proses,
    roles: ['operator', 'bkpsdm', 'auditor'],
    nav: L.nav.proses,
  },
  {
    id: 'detailProses',
    path: '/proses/:runId',
    title: T.detailProses,
    roles: ['operator', 'bkpsdm', 'auditor'],
  },
  {
    id: 'pegawai',
    path: '/pegawai',
    title: T.pegawai,
    roles: ['operator', 'bkpsdm', 'auditor'],
    nav: L.nav.pegawai,
  },
  { id: 'detailPegawai', path: '/pegawai/:nip', title: T.detailPegawai, roles: 'ALL' },
  {
    id: 'slipSaya',
    path: '/slip-saya',
    title: T.slipSaya,
    roles: ['pegawai', 'atasan'],
    nav: L.nav.slipSaya,
  },
  { id: 'rincianSlip', path: '/slip/:runId/:nip', title: T.rincianSlip, roles: 'ALL' },
  // Appraisal journeys 1–3 (pegawai, atasan): pages in pages/kinerja/skp.
  {
    id: 'skpSaya',
    path: '/skp-saya',
    title: L.kinerja.titles.skpSaya,
    roles: ['pegawai', 'atasan'],
    nav: L.kinerja.nav.skpSaya,
  },
  {
    id: 'capaianSaya',
    path: '/capaian-saya',
    title: L.kinerja.titles.capaianSaya,
    roles: ['pegawai', 'atasan'],
    nav: L.kinerja.nav.capaianSaya,
  },
  {
    id: 'kinerjaBawahan',
    path: '/kinerja-bawahan',
    title: L.kinerja.titles.bawahan,
    roles: ['atasan'],
    nav: L.kinerja.nav.bawahan,
  },
  {
    id: 'detailBawahan',
    path: '/kinerja-bawahan/:nip',
    title: L.kinerja.titles.detailBawahan,
    roles: ['atasan', 'bkpsdm', 'auditor'],
  },
  {
    id: 'lembarPenilaian',
    path: '/lembar-penilaian/:nip/:month',
    title: L.kinerja.titles.lembarPenilaian,
    roles: ['atasan', 'bkpsdm', 'auditor'],
  },
  {
    id: 'imporAbsensi',
    path: '/impor-absensi',
    title: T.imporAbsensi,
    roles: ['operator', 'bkpsdm'],
    nav: L.nav.imporAbsensi,
  },
  {
    id: 'imporPegawai',
    path: '/impor-pegawai',
    title: T.imporPegawai,
    roles: ['operator', 'bkpsdm'],
    nav: L.nav.imporPegawai,
  },
  { id: 'pagu', path: '/pagu', title: T.pagu, roles: ['bkpsdm', 'auditor'], nav: L.nav.pagu },
  // Appraisal journeys 4–7 (BKPSDM) and disiplin: pages in pages/kinerja/bkpsdm and pages/disiplin.
  {
    id: 'kalibrasi',
    path: '/kalibrasi',
    title: L.kinerjaBkpsdm.titles.kalibrasi,
    roles: ['bkpsdm', 'auditor'],
    nav: L.kinerjaBkpsdm.nav.kalibrasi,
  },
  {
    id: 'tindakLanjut',
    path: '/tindak-lanjut',
    title: L.kinerjaBkpsdm.titles.tindakLanjut,
    roles: ['bkpsdm', 'auditor'],
    nav: L.kinerjaBkpsdm.nav.tindakLanjut,
  },
  {
    id: 'capaianUnit',
    path: '/capaian-unit',
    title: L.kinerjaBkpsdm.titles.capaianUnit,
    roles: ['bkpsdm', 'auditor'],
    nav: L.kinerjaBkpsdm.nav.capaianUnit,
  },
  {
    id: 'imporKinerja',
    path: '/impor-kinerja',
    title: L.kinerjaBkpsdm.titles.imporKinerja,
    roles: ['operator', 'bkpsdm'],
    nav: L.kinerjaBkpsdm.nav.imporKinerja,
  },
  {
    id: 'disiplin',
    path: '/disiplin',
    title: L.disiplin.title,
    roles: ['operator', 'bkpsdm', 'auditor'],
    nav: L.disiplin.nav,
  },
  // Tenant rules (#17): pages in pages/aturan.
  {
    id: 'aturan',
    path: '/aturan',
    title: L.aturan.titles.aturan,
    roles: ['bkpsdm', 'auditor'],
    nav: L.aturan.nav,
  },
  {
    id: 'riwayatAturan',
    path: '/riwayat-aturan/:parameterId',
    title: L.aturan.titles.riwayat,
    roles: ['bkpsdm', 'auditor'],
  },
  { id: 'usulanAturan', path: '/usulan-aturan-baru', title: L.aturan.titles.usulanBaru, roles: ['bkpsdm'] },
  {
    id: 'detailUsulanAturan',
    path: '/usulan-aturan/:changeId',
    title: L.aturan.titles.detailUsulan,
    roles: ['bkpsdm', 'auditor'],
  },
  // Issue #15 console: withholders and tax files (pages/pajak).
  {
    id: 'pengaturanPajak',
    path: '/pengaturan-pajak',
    title: L.pajak.title,
    roles: ['operator', 'bkpsdm', 'auditor'],
    nav: L.pajak.nav,
  },
  // Issue #15 console: the register of potongan lain (pages/potongan).
  {
    id: 'potongan',
    path: '/potongan-lain',
    title: L.potongan.title,
    roles: ['operator', 'bkpsdm', 'auditor'],
    nav: L.potongan.nav,
  },
  // Issue #15 console: penghargaan prestasi by decree (pages/prestasi); BKPSDM records, the GET's readers read.
  {
    id: 'prestasi',
    path: '/penghargaan-prestasi',
    title: L.prestasi.title,
    roles: ['bkpsdm', 'operator', 'auditor'],
    nav: L.prestasi.nav,
  },
  {
    id: 'jejakAudit',
    path: '/jejak-audit',
    title: T.jejakAudit,
    roles: ['auditor', 'bkpsdm'],
    nav: L.nav.jejakAudit,
  },
];

/** The sign-in page (and, when signed in, a redirect to HOME_PATH). */
export const SIGN_IN_PATH = '/';
export const HOME_PATH = '/beranda';
/** AWS: where the identity provider returns with the code (infra/lib/console-hosting.ts OIDC_CALLBACK_PATH). */
export const OIDC_CALLBACK_PATH = '/auth/callback';
/** Local runtime only: the dev sign-in endpoints; not a console page and not an API route. */
export const DEV_PATH_PREFIX = '/dev/';

export function canOpen(route: ConsoleRoute, roles: readonly string[]): boolean {
  return route.roles === 'ALL' || route.roles.some((r) => roles.includes(r));
}

export function navFor(roles: readonly string[]): ConsoleRoute[] {
  return CONSOLE_ROUTES.filter((r) => r.nav && canOpen(r, roles));
}

/** "/proses/:runId" with { runId: 'x' } → "/proses/x" (parameters encoded). */
export function pathTo(id: PageId, params: Record<string, string> = {}): string {
  const route = CONSOLE_ROUTES.find((r) => r.id === id)!;
  return route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`pathTo(${id}): missing parameter ${name}`);
    return encodeURIComponent(value);
  });
}
