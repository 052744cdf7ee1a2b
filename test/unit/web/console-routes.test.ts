import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../../functions/routes';
import {
  CONSOLE_ROUTES,
  canOpen,
  DEV_PATH_PREFIX,
  navFor,
  pathTo,
  SIGN_IN_PATH,
} from '../../../web/src/routes';

const firstSegment = (path: string) => path.split('/')[1] ?? '';

describe('console routes', () => {
  it('should never share a first path segment with an API route (the server tells them apart by it)', () => {
    const api = new Set(ROUTES.map((r) => firstSegment(r.path)));
    const consoleSegments = [
      ...CONSOLE_ROUTES.map((r) => firstSegment(r.path)),
      firstSegment(DEV_PATH_PREFIX),
    ];
    expect(api.size).toBeGreaterThan(5);
    expect(consoleSegments.filter((s) => api.has(s))).toEqual([]);
    // No API route answers GET /, which is the sign-in page.
    expect(ROUTES.some((r) => (r.path as string) === SIGN_IN_PATH)).toBe(false);
  });

  it('should use Indonesian, extension-less paths (an extension means a file to the static server)', () => {
    for (const r of CONSOLE_ROUTES) expect(r.path).toMatch(/^\/[a-z-]+(\/:[A-Za-z]+)*$/);
    expect(new Set(CONSOLE_ROUTES.map((r) => r.path)).size).toBe(CONSOLE_ROUTES.length);
  });

  it('should give a pegawai no operator menu and an operator no pagu or audit menu', () => {
    expect(navFor(['pegawai']).map((r) => r.id)).toEqual(['beranda', 'slipSaya', 'skpSaya', 'capaianSaya']);
    expect(navFor(['operator']).map((r) => r.id)).toEqual([
      'beranda',
      'proses',
      'pegawai',
      'imporAbsensi',
      'imporPegawai',
      'imporKinerja',
      'disiplin',
      // Issue #15: the withholders, read-only for an operator, and the masa's rekap PPh 21.
      'pengaturanPajak',
      'potongan',
      // Issue #15: penghargaan prestasi of their OPDs, read-only (BKPSDM records them).
      'prestasi',
    ]);
    // Journeys 4–7: calibration and follow-up are BKPSDM's (the auditor reads them); imports are not the auditor's.
    expect(navFor(['operator']).map((r) => r.id)).not.toContain('kalibrasi');
    expect(navFor(['auditor']).map((r) => r.id)).toEqual(
      expect.arrayContaining(['kalibrasi', 'tindakLanjut', 'capaianUnit', 'disiplin']),
    );
    expect(navFor(['auditor']).map((r) => r.id)).not.toContain('imporKinerja');
    expect(navFor(['auditor']).map((r) => r.id)).not.toContain('imporAbsensi');
    expect(navFor(['auditor']).map((r) => r.id)).not.toContain('imporPegawai');
    const pegawaiList = CONSOLE_ROUTES.find((r) => r.id === 'pegawai')!;
    expect(canOpen(pegawaiList, ['pegawai'])).toBe(false);
  });

  it('should fill and encode path parameters', () => {
    expect(pathTo('rincianSlip', { runId: 'r 1', nip: '197805122008011001' })).toBe(
      '/slip/r%201/197805122008011001',
    );
    expect(() => pathTo('detailProses')).toThrow(/runId/);
  });
});
