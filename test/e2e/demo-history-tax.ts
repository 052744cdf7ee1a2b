import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type { Role } from '../../core/auth/principal';
import { demoUsersFor } from '../../infra/local/seed/demo-users';
import type { TestApi } from '../support/local-api';

// Checks on the demo history of test/e2e/demo-history.test.ts (one seed for all of them: each history seed costs a minute).
export function taxOfDemoMonth(api: () => TestApi): void {
  /**
   * Issue #16 "done when", tax part, from a clean start: the demo history of bantul locks two pay months and
   * the seed sets a demo withholder; the BPMP of the last locked month validates against the schema written
   * from pajak-pelaporan.md §3, its Gross totals the run's TER bruto, and the tax recap totals the same.
   */
  const XSD = readFileSync(new URL('../fixtures/tax/bpmp.xsd', import.meta.url), 'utf8');
  const tenant = 'bantul';

  // biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely, as a client would.
  type Json = any;
  const bkpsdm = { sub: demoUsersFor(tenant)[0]!.sub, roles: ['bkpsdm'] as Role[] };

  async function get(path: string) {
    const token = await api().token({ tenant, sub: bkpsdm.sub, roles: bkpsdm.roles });
    const res = await fetch(`${api().url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, text: await res.text(), headers: res.headers };
  }

  describe('tax exports of a locked demo month', () => {
    it('should export a BPMP that validates and totals to the locked run’s slips', async () => {
      const payMonths = api().history.find((h) => h.tenant === tenant)?.payMonths ?? [];
      const month = [...payMonths].sort().at(-1);
      expect(month).toBeDefined();
      const runs = JSON.parse((await get('/runs?limit=50')).text).items as Json[];
      const locked = runs.filter((r) => r.month === month);
      expect(locked.length).toBeGreaterThan(0);
      for (const r of locked) expect(r.state).toBe('LOCKED');

      const bpmp = await get(`/tax/bpmp/${month}`);
      expect(bpmp.status, bpmp.text.slice(0, 500)).toBe(200);
      const check = await validateXML({
        xml: [{ fileName: 'bpmp.xml', contents: bpmp.text }],
        schema: [{ fileName: 'bpmp.xsd', contents: XSD }],
      });
      expect(check.errors).toEqual([]);
      const rows = [
        new XMLParser({ parseTagValue: false }).parse(bpmp.text).MmPayrollBulk.ListOfMmPayroll.MmPayroll,
      ]
        .flat()
        .filter(Boolean) as Record<string, string>[];
      expect(rows.length).toBeGreaterThan(0);
      const gross = rows.reduce((t, r) => t + Number(r.Gross), 0);
      expect(String(gross)).toBe(bpmp.headers.get('x-sigap-gross'));

      // The same month's slips, one by one, as the API returns them: Σ TER bruto of gaji and TPP.
      let bruto = 0;
      for (const run of locked) {
        let next: string | undefined;
        do {
          const page = JSON.parse(
            (
              await get(
                `/runs/${run.id}/slips?limit=100${next ? `&nextToken=${encodeURIComponent(next)}` : ''}`,
              )
            ).text,
          );
          for (const s of page.items as Json[]) {
            const slip = JSON.parse((await get(`/runs/${run.id}/slips/${s.nip}`)).text);
            if (slip.slip.meta.isLastMasa) continue;
            bruto += slip.slip.meta.taxFacts.brutoGaji + slip.slip.meta.taxFacts.brutoTpp;
          }
          next = page.nextToken;
        } while (next);
      }
      expect(gross).toBe(bruto);

      const recap = await get(`/tax/recap/${month}`);
      expect(recap.status).toBe(200);
      expect(recap.headers.get('x-sigap-runs')).toContain('LOCKED');
    });
  });
}
