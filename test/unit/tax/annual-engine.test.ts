import { describe, expect, it } from 'vitest';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import type { PayInput, PaySlip } from '../../../core/pay/types';
import { paidRecordsOf } from '../../../core/payroll/lock-run';
import { computeSlipOfKind } from '../../../core/payroll/run-kinds';
import type { StoredSlip } from '../../../core/payroll/run-types';
import { masaListsOf } from '../../../core/payroll/special-payment-kind';
import { nationalRuleset } from '../../../core/rulesets/national-data';
import { nationalRulesFor } from '../../../core/rulesets/national-in-force';
import { demoTenantRulesets } from '../../../core/rulesets/tenant-data';
import { annualFigures, annualRulesOf } from '../../../core/tax/annual';
import { buildBpmp } from '../../../core/tax/bpmp';
import { taxRecap } from '../../../core/tax/recap';
import { type SlipTax, slipTax } from '../../../core/tax/slip-tax';
import type { Withholder } from '../../../core/tax/withholders';
import { aDiscipline, anEmployee, aPerformance, aTppPeriod, rulesetsFor } from '../pay/builders';
import { aSlipTax } from './slip-tax-builder';

const BUD: Withholder = {
  id: 'BUD',
  name: 'BPKAD Kabupaten Contoh',
  npwp: '0001234567890000',
  nitku: '0001234567890000000000',
  bendahara: { nama: 'Bendahara Pengeluaran', nip: '198001012005011001' },
  opds: [],
  lists: ['GAJI', 'TPP'],
};

/**
 * pajak-pelaporan.md §9 end to end: the engine pays the Example 2/3 employee every month of 2026 in Bantul
 * (gaji induk + the TPP of the month before), the THR (March) and gaji 13 (June) runs compute their slips
 * through the engine too (gaji13-thr.md §8: gaji 3.043.200 + TPP 2.500.000 = 100% of Bantul's kelas 7
 * ceiling, both government-borne, PPh 124.315 + 240.239 each on the masa's cumulative bruto over the month's
 * locked GAJI_TPP list), and December is the engine's last masa with the year-to-date the paid ledger gives.
 * The A2 built from those slips must be §9's, and the December slip must carry both parts: the DTP part
 * returns the March and June spikes.
 */
const employee = anEmployee({
  golongan: 'III/a',
  mkgYears: 0,
  ptkpStatus: 'TK/0',
  jabatan: { type: 'PELAKSANA' },
});
const previous = (m: number) => (m === 1 ? '2025-12' : `2026-${String(m - 1).padStart(2, '0')}`);
const month = (m: number) => `2026-${String(m).padStart(2, '0')}`;
const THR_OR_GAJI13 = { bruto: 3_043_200 + 2_500_000, pph: 124_315 + 240_239 };

function inputOf(m: number, taxYtd?: PayInput['taxYtd']): PayInput {
  return {
    tenantId: 'bantul',
    month: month(m),
    employee,
    tppPeriods: [
      aTppPeriod(previous(m), {
        performance: aPerformance({ predikat: 'BAIK' }),
        discipline: aDiscipline({ counts: { TL2: 1, TK: 1 } }),
      }),
    ],
    ...(taxYtd ? { taxYtd } : {}),
  };
}

function stored(m: number, input: PayInput, slip: PaySlip): StoredSlip {
  return {
    tenantId: 'bantul',
    runId: `${month(m)}-GAJI_TPP`,
    month: month(m),
    kind: 'GAJI_TPP',
    header: {
      nip: employee.nip,
      nama: employee.nama,
      jenisAsn: 'PNS',
      golongan: 'III/a',
      jabatan: 'Pelaksana',
      kelasJabatan: 7,
      opd: 'DISDIK',
      unit: 'Sekretariat',
    },
    slip,
    input,
    inputHash: String(m),
    rulesetVersion: slip.meta.rulesetVersion,
    computedAt: `${month(m)}-25T00:00:00Z`,
    computedBy: 'test',
  };
}

/** Bantul with the THR / gaji 13 TPP share decided: 100% of the kelas jabatan ceiling (§8's hypothesis). */
const bantul = demoTenantRulesets.bantul;
const SHARE = { tppPercent: 100, tppBasis: 'CEILING' } as const;
const withShare = {
  national: nationalRuleset,
  tenant: {
    ...bantul,
    parameters: {
      ...bantul.parameters,
      'specialPayment.tpp': {
        id: 'specialPayment.tpp',
        label: 'Bagian TPP pada THR dan gaji ketiga belas',
        versions: [
          {
            from: '2026-01-01',
            value: { THR: SHARE, GAJI13: SHARE },
            source: { regulation: 'test: keputusan bupati (hipotetis, gaji13-thr.md §8)', refs: [] },
            confidence: 'DEMO' as const,
          },
        ],
      },
    },
  },
};

/** The THR / gaji 13 run's slip, after the month's GAJI_TPP run is locked (its ledger record is the masa). */
function specialList(m: number, kind: 'THR' | 'GAJI13', regular: StoredSlip): StoredSlip {
  const input: PayInput = {
    tenantId: 'bantul',
    month: month(m),
    employee,
    special: {
      type: kind,
      baseMonth: kind === 'THR' ? '2026-02' : previous(m),
      baseEmployee: employee,
      masaLists: masaListsOf(paidRecordsOf(regular), month(m), kind),
    },
  };
  const slip = computeSlipOfKind(input, withShare, kind);
  return { ...stored(m, input, slip), runId: `${month(m)}-${kind}`, kind };
}

describe('the §9 year through the engine', () => {
  const slips: SlipTax[] = [];
  const special: StoredSlip[] = [];
  for (let m = 1; m <= 11; m++) {
    // January pays December 2025's TPP, under Bantul's 2025 ceiling (demo data), not §9's 2.400.000: the
    // engine pays January's gaji, and the TPP §9 assumes is its own list (Example 3's stored facts).
    const { tppPeriods: _december2025, ...gajiOnly } = inputOf(1);
    const input = m === 1 ? gajiOnly : inputOf(m);
    const regular = stored(m, input, computeMonthlyPay(input, rulesetsFor('bantul')));
    slips.push(slipTax(regular, 'LOCKED'));
    if (m === 3) special.push(specialList(3, 'THR', regular));
    if (m === 6) special.push(specialList(6, 'GAJI13', regular));
  }
  for (const s of special) slips.push(slipTax(s, 'LOCKED'));
  slips.push(
    aSlipTax({
      runId: '2026-01-TPP',
      kind: 'TPP',
      month: '2026-01',
      nip: employee.nip,
      tppIncome: 2_400_000,
      brutoTpp: 2_496_000,
      pphTpp: 28_423,
    }),
  );
  // The paid ledger's sums of January–November (what the run gives the last masa).
  const sum = (f: (s: SlipTax) => number) => slips.reduce((t, s) => t + f(s), 0);
  const ytd = {
    brutoGaji: sum((s) => s.brutoGaji),
    brutoTpp: sum((s) => s.brutoTpp),
    pphGaji: sum((s) => s.pphGaji),
    pphTpp: sum((s) => s.pphTpp),
    iuranPensiun: sum((s) => s.iuranPensiun),
    monthsWorked: 11,
  };
  const decInput = inputOf(12, ytd);
  const decSlip = computeMonthlyPay(decInput, rulesetsFor('bantul'));
  slips.push(slipTax(stored(12, decInput, decSlip), 'LOCKED'));

  it('should pay the THR and gaji 13 of §8 through the engine: no deductions, PPh on the masa’s cumulative bruto', () => {
    for (const s of special) {
      const line = (code: string) => s.slip.lines.find((l) => l.code === code)?.amount;
      expect(s.slip.totals.gaji.bersih).toBe(3_043_200);
      expect(line(s.kind === 'THR' ? 'TPP_THR' : 'TPP_GAJI13')).toBe(2_500_000);
      expect([line('POT_PPH21'), line('TUNJ_PPH21')]).toEqual([124_315, 124_315]);
      expect([line('POT_PPH21_TPP'), line('TUNJ_PPH21_TPP')]).toEqual([240_239, 240_239]);
      expect(s.slip.meta.taxFacts).toMatchObject({
        brutoGaji: THR_OR_GAJI13.bruto,
        pphGaji: THR_OR_GAJI13.pph,
      });
    }
    // The masa's BPMP row (gaji13-thr.md §8): Gross 11.227.934 at 3,5% = 392.977, the sum of the lists' PPh.
    const nat = nationalRulesFor(nationalRuleset, '2026-03');
    const march = slips.filter((s) => s.month === '2026-03');
    const bpmp = buildBpmp({
      slips: march,
      settings: { withholders: [BUD], pnsDtpCertificate: 'N/A' },
      withholderId: 'BUD',
      masa: '2026-03',
      withholdingDate: '2026-03-18',
      nik: new Map([[employee.nip, '3402000000000001']]),
      tables: { terCategory: nat.terCategory.value, ter: nat.ter.value },
    });
    expect(bpmp.rows.map((r) => [r.gross, r.rateBp, r.pph, r.pphSlips, r.runIds])).toEqual([
      [11_227_934, 350, 392_977, 392_977, ['2026-03-GAJI_TPP', '2026-03-THR']],
    ]);
    // The masa's recap: the THR's PPh (both lists) is government-borne, only the TPP's mode-1 PPh is the employee's.
    const recap = taxRecap('2026-03', march);
    expect(recap.total).toMatchObject({
      bruto: 11_227_934,
      pphDipotong: 392_977,
      pphDtp: 364_554,
      pphPegawai: 28_423,
    });
  });

  it('should withhold §9’s 1.041.761 in January–November', () => {
    expect(ytd.pphGaji + ytd.pphTpp).toBe(1_041_761);
    expect(ytd.pphTpp).toBe(312_653);
  });

  it('should show both parts on the December slip: DTP −729.108 and TPP 620.497', () => {
    expect(decSlip.meta.taxFacts.pphGaji).toBe(-729_108);
    expect(decSlip.meta.taxFacts.pphTpp).toBe(620_497);
    // Bantul: ZERO_BOTH — the DTP refund is an information line, the TPP part a deduction.
    const line = (code: string) => decSlip.lines.find((l) => l.code === code)?.amount;
    expect(line('INFO_PPH21_LEBIH_POTONG')).toBe(729_108);
    expect(line('POT_PPH21_TPP')).toBe(620_497);
  });

  it('should give §9’s A2 from the year’s slips, line 20 agreeing with the December slip', () => {
    const { rules, iuranPensiunDeductible } = annualRulesOf(nationalRulesFor(nationalRuleset, '2026-12'));
    const a2 = annualFigures({ year: 2026, nip: employee.nip, slips, rules, iuranPensiunDeductible });
    expect(a2.problems).toEqual([]);
    expect(a2.lines).toMatchObject({
      '1': 38_999_800,
      '5': 2_590_000,
      '7': 1_013_880,
      '8': 676,
      '9': 1_746_852,
      '10': 34_952_000,
      '11': 79_303_208,
      '12': 3_965_160,
      '13': 2_674_272,
      '15': 72_663_776,
      '18': 54_000_000,
      '19': 18_663_000,
      '20': 933_150,
      '23A': 0,
      '23B': 933_150,
    });
  });
});
