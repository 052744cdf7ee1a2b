import { describe, expect, it } from 'vitest';
import { PayRules } from '../../../core/pay/pay-rules';
import type { PayInput } from '../../../core/pay/types';
import { computeSlipOfKind } from '../../../core/payroll/run-kinds';
import type { StoredSlip } from '../../../core/payroll/run-types';
import { renderDaftarGaji, renderRekapTpp } from '../../../functions/payroll/documents';
import { aRun } from '../../fixtures/slips';
import { anEmployee, aTenantRuleset, rulesetsFor } from '../pay/builders';
import { numberOf, readList } from './xlsx-read';

/**
 * The daftar THR and its TPP list (gaji13-thr.md §7): titled as such, noting the regulation, the base
 * month, that nothing but the PPh is deducted, and the lists the PPh was computed with; money to the rupiah
 * of the slips (§8's employee: 3.043.200 and 2.500.000).
 */
const OPD = 'Dinas Pendidikan';
const run = aRun({ id: '2026-03-THR', month: '2026-03', kind: 'THR', state: 'LOCKED' });
const rules = new PayRules(
  rulesetsFor(
    aTenantRuleset({
      'tpp.ceilings': {
        byKelas: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [String(i + 1), { BK: 2_500_000 }])),
      },
      'specialPayment.tpp': {
        THR: { tppPercent: 100, tppBasis: 'CEILING' },
        GAJI13: { tppPercent: 0, tppBasis: 'CEILING' },
      },
    }),
  ),
);
const employee = anEmployee();
const input: PayInput = {
  tenantId: 'bukitintan',
  month: '2026-03',
  employee,
  special: {
    type: 'THR',
    baseMonth: '2026-02',
    baseEmployee: employee,
    masaLists: [{ runId: '2026-03-GAJI_TPP', kind: 'GAJI_TPP', bruto: 5_684_734, pph: 28_423 }],
  },
};
const slip: StoredSlip = {
  tenantId: 'bukitintan',
  runId: run.id,
  month: run.month,
  kind: 'THR',
  header: {
    nip: employee.nip,
    nama: employee.nama,
    jenisAsn: 'PNS',
    golongan: 'III/a',
    jabatan: 'Pelaksana',
    kelasJabatan: 7,
    opd: OPD,
    unit: 'Sekretariat',
    bank: { bank: 'Bank BPD', accountNumber: '1234567890', accountName: employee.nama },
  },
  slip: computeSlipOfKind(input, rules, 'THR'),
  input,
  inputHash: 'h',
  rulesetVersion: rules.version,
  computedAt: '2026-03-10T00:00:00Z',
  computedBy: 'test',
};
const printedAt = new Date('2026-03-11T03:00:00Z');

describe('THR lists', () => {
  it('should title the daftar THR, note its rule, and total the gaji list 3.043.200 with only the PPh deducted', async () => {
    const list = await readList(
      await renderDaftarGaji([slip], run, OPD, { name: 'Bukitintan' }, { printedAt }),
    );
    expect(list.texts[0]).toBe('DAFTAR TUNJANGAN HARI RAYA (THR) PEGAWAI');
    expect(list.sheet.name).toBe('Daftar THR');
    const notes = list.texts.join('\n');
    expect(notes).toMatch(/THR 2026 menurut PP 9\/2026/);
    expect(notes).toMatch(/bulan dasar Februari 2026/);
    expect(notes).toMatch(/Tanpa iuran dan potongan lain/);
    expect(notes).toMatch(/bersama daftar 2026-03-GAJI_TPP/);
    const total = (h: string) => numberOf(list.totals.getCell(list.column(h)));
    expect(total('Jumlah Bersih')).toBe(3_043_200);
    expect(total('PPh 21')).toBe(124_315);
    expect(total('Jumlah Potongan')).toBe(124_315);
  });

  it('should title the THR’s TPP list and pay 2.500.000 net of its DTP PPh', async () => {
    const list = await readList(
      await renderRekapTpp([slip], run, OPD, { name: 'Bukitintan' }, { printedAt }),
    );
    expect(list.texts[0]).toBe('DAFTAR TPP PADA TUNJANGAN HARI RAYA (THR)');
    expect(numberOf(list.totals.getCell(list.column('Jumlah Bersih')))).toBe(2_500_000);
    expect(numberOf(list.totals.getCell(list.column('Jumlah Kotor')))).toBe(2_500_000 + 240_239);
  });
});
