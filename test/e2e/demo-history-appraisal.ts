import { describe, expect, it } from 'vitest';
import { tenantRegistry } from '../../config/registry';
import type { Role } from '../../core/auth/principal';
import { localNow } from '../../core/discipline/local-time';
import { type DemoUser, demoUsersFor } from '../../infra/local/seed/demo-users';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import type { TestApi } from '../support/local-api';

// Checks on the demo history of test/e2e/demo-history.test.ts (one seed for all of them: each history seed costs a minute).
export function appraisalDemo(api: () => TestApi): void {
  /**
   * The demo data the console's appraisal journeys start from (infra/local/seed/appraisal-demo.ts), over
   * HTTP after the demo history as `npm start` plays it: the demo atasan finds a plan waiting and can
   * approve it, the demo pegawai logs a realisasi against the SKP in force, answers a peer questionnaire
   * where the tenant uses them (sofifi), and Binjai's distribution shows units rated for the curve.
   */
  const TENANTS = ['binjai', 'sofifi'];

  // biome-ignore lint/suspicious/noExplicitAny: JSON read loosely.
  type Json = Record<string, any>;

  async function as(tenant: string, user: DemoUser | { sub: string; roles: Role[]; opds?: string[] }) {
    return api().token({ tenant, sub: user.sub, roles: user.roles, opds: user.opds ?? [] });
  }

  async function send(tenant: string, who: DemoUser, method: string, path: string, body?: unknown) {
    const res = await fetch(`${api().url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await as(tenant, who)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : undefined) as Json };
  }

  const userOf = (tenant: string, label: DemoUser['label']) =>
    demoUsersFor(tenant).find((u) => u.label === label) as DemoUser;

  describe.each(TENANTS)('the appraisal demo of %s', (tenant) => {
    const current = () => {
      const h = api().history.find((x) => x.tenant === tenant);
      return h?.current as string;
    };

    it('should give the demo atasan a plan waiting, approvable, while the pegawai logs against the one in force', async () => {
      const atasan = userOf(tenant, 'atasan');
      const pegawai = userOf(tenant, 'pegawai');
      const year = Number(current().slice(0, 4));
      const waiting = await send(tenant, atasan, 'GET', `/skp?year=${year}`);
      expect(waiting.status).toBe(200);
      expect(waiting.json.items).toContainEqual(
        expect.objectContaining({ nip: pegawai.sub, status: 'DIAJUKAN', revision: 2 }),
      );
      const skp = await send(tenant, pegawai, 'GET', `/skp/${pegawai.sub}/${year}`);
      expect(skp.json.inForceRevision).toBe(1);

      const indicatorId = skp.json.revisions[1].results[0].indicators[0].id;
      const zone = (tenantRegistry().get(tenant) as { timeZone: string }).timeZone;
      const today = localNow(new Date().toISOString(), zone).date;
      const logged = await send(tenant, pegawai, 'POST', `/skp/${pegawai.sub}/${year}/realizations`, {
        indicatorId,
        date: today,
        value: 1,
        note: 'uji data demo',
      });
      expect([201, 400]).toContain(logged.status);
      if (logged.status === 400) expect(logged.json.error.code).toBe('DATE_IN_FUTURE');

      const approved = await send(tenant, atasan, 'POST', `/skp/${pegawai.sub}/${year}/approve`, {
        expectedVersion: skp.json.revisions[0].version,
      });
      expect(approved.status, JSON.stringify(approved.json)).toBe(200);
      expect(approved.json).toMatchObject({ revision: 2, status: 'DISETUJUI' });
    });

    it('should give the distribution chart data for the seeded months', async () => {
      const bkpsdm = userOf(tenant, 'bkpsdm');
      const history = api().history.find((x) => x.tenant === tenant)!;
      const month = history.months.at(-1) as string;
      const report = await send(tenant, bkpsdm, 'GET', `/calibration/${month}`);
      expect(report.status).toBe(200);
      const rated = report.json.groups.reduce((s: number, g: { total: number }) => s + g.total, 0);
      expect(rated).toBeGreaterThan(generateTenantSeed(tenant).members.length / 2);
      if (tenant === 'binjai') {
        // binjai.json scales the curve by the unit's predikat: every unit was rated for the month.
        expect(
          report.json.groups.every((g: { unitPredikat: string | null }) => g.unitPredikat !== null),
        ).toBe(true);
        expect(
          new Set(report.json.groups.map((g: { multiplierPercent: number }) => g.multiplierPercent)).size,
        ).toBeGreaterThan(1);
      } else {
        expect(
          report.json.groups.every((g: { unitPredikat: string | null }) => g.unitPredikat === null),
        ).toBe(true);
      }
    });

    it('should ask the demo pegawai for peer feedback where the tenant uses it', async () => {
      const pegawai = userOf(tenant, 'pegawai');
      const assigned = await send(tenant, pegawai, 'GET', `/peer-feedback/${current()}/assigned`);
      expect(assigned.status).toBe(200);
      if (tenant === 'sofifi') {
        expect(assigned.json.items).toEqual([
          expect.objectContaining({
            submitted: false,
            nama: expect.any(String),
            jabatan: expect.any(String),
          }),
        ]);
      } else {
        expect(assigned.json.items).toEqual([]);
      }
    });
  });
}
