import { describe, expect, it } from 'vitest';
import type { TenantRuleset } from '../../../core/rulesets/tenant-ruleset';
import {
  GAJI_LAYOUT,
  renderBankTransfer,
  renderDaftarGaji,
  renderRekapTpp,
  renderSlipPdf,
  TPP_LAYOUT,
} from '../../../functions/payroll/documents';
import { formatRupiah } from '../../../functions/payroll/documents/format';
import { listRows, unknownCodes } from '../../../functions/payroll/documents/list-rows';
import { anEngineTenant, aRun, DEMO_TENANTS, engineSlips } from '../../fixtures/slips';
import { extractPdfText } from './pdf-text';
import { numberOf, readList } from './xlsx-read';

const OPD = 'Dinas Pendidikan';

const tenants: [string, TenantRuleset][] = [
  ...Object.entries(DEMO_TENANTS),
  [
    'bukitintan with Tapera, premiums off the slip, THT PPPK and APBD-borne PPh on TPP',
    anEngineTenant({
      'iuran.tapera': { enabled: true },
      'iuran.employerPremiumsOnSlip': false,
      'iuran.pppkThtPercent': 3.25,
      'tpp.pph': { mode: 'APBD_BORNE' },
    }),
  ],
];

describe('documents of slips computed by the pay engine', () => {
  describe.each(tenants)('%s', (_name, tenant) => {
    const slips = engineSlips(tenant, 12);
    const run = aRun({ tenantId: tenant.tenantId });
    const sum = (pick: (s: (typeof slips)[number]) => number) => slips.reduce((s, x) => s + pick(x), 0);

    it('should have a named column for every line code the engine produced', () => {
      for (const layout of [GAJI_LAYOUT, TPP_LAYOUT]) {
        expect(unknownCodes(listRows(slips, layout))).toEqual([]);
      }
    });

    it('should total the daftar gaji and the rekap TPP to the engine slips to the rupiah', async () => {
      const gaji = await readList(await renderDaftarGaji(slips, run, OPD, { name: run.tenantName }));
      const tpp = await readList(await renderRekapTpp(slips, run, OPD, { name: run.tenantName }));

      const total = (list: typeof gaji, header: string) => numberOf(list.totals.getCell(list.column(header)));
      expect(total(gaji, 'Jumlah Kotor')).toBe(sum((s) => s.slip.totals.gaji.penghasilan));
      expect(total(gaji, 'Jumlah Potongan')).toBe(sum((s) => s.slip.totals.gaji.potongan));
      expect(total(gaji, 'Jumlah Bersih')).toBe(sum((s) => s.slip.totals.gaji.bersih));
      expect(total(tpp, 'Jumlah Kotor')).toBe(sum((s) => s.slip.totals.tpp.penghasilan));
      expect(total(tpp, 'Jumlah Bersih')).toBe(sum((s) => s.slip.totals.tpp.bersih));
      expect(total(gaji, 'Jumlah Bersih') + total(tpp, 'Jumlah Bersih')).toBe(
        sum((s) => s.slip.totals.bersih),
      );
    });

    // The SIPD lists are the exports' (core/reports/sipd-list.ts, totals in test/unit/documents/sipd-list.test.ts).
    it('should total the bank file to the engine slips', () => {
      const bank = renderBankTransfer(slips, run, { groupBy: 'OPD', value: OPD });

      expect(bank.total).toBe(sum((s) => s.slip.totals.bersih));
      expect(bank.missing).toEqual([]);
    });
  });

  it('should print an engine slip with every line and its net', async () => {
    const [slip] = engineSlips(DEMO_TENANTS.binjai, 2);
    if (!slip) throw new Error('no slip');

    const text = extractPdfText(await renderSlipPdf(slip, aRun())).text.replace(/\s+/g, '');

    for (const line of slip.slip.lines) expect(text).toContain(line.label.replace(/\s+/g, ''));
    expect(text).toContain(
      `JUMLAHBERSIHDITERIMA${formatRupiah(slip.slip.totals.bersih).replace(/\s+/g, '')}`,
    );
  });
});
