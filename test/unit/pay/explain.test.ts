import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import { explainLine, explainSlip, hasTemplate, lineExplanation } from '../../../core/pay/explain';
import { formatRupiah } from '../../../core/pay/format';
import type { PayInput, PaySlip } from '../../../core/pay/types';
import type { demoTenantRulesets } from '../../../core/rulesets/tenant-data';
import { aPayInputArb } from './arbitraries';
import { aChild, aPayInput, aTenantRuleset, rulesetsFor } from './builders';

const run = (input: PayInput): PaySlip =>
  computeMonthlyPay(input, rulesetsFor(input.tenantId as keyof typeof demoTenantRulesets));

const textOf = (slip: PaySlip, code: string) => {
  const line = slip.lines.find((l) => l.code === code);
  if (!line) throw new Error(`no ${code} line`);
  return explainLine(line);
};

describe('explainLine', () => {
  const family = slipFor({
    employee: {
      golongan: 'III/c',
      mkgYears: 8,
      family: { spouse: { isAsn: false, receivesAllowanceHere: true }, children: [aChild(), aChild()] },
    },
  });

  function slipFor(overrides: Parameters<typeof aPayInput>[0]) {
    return computeMonthlyPay(aPayInput(overrides), rulesetsFor('bukitintan'));
  }

  it('should print each gaji line from its basis with id-ID numbers', () => {
    expect(textOf(family, 'TUNJ_ANAK')).toBe('Tunjangan anak: 2 × 2% × Rp 3.426.000 = Rp 137.040');
    expect(textOf(family, 'TUNJ_SUAMI_ISTRI')).toBe('Tunjangan suami/istri: 10% × Rp 3.426.000 = Rp 342.600');
    expect(textOf(family, 'POT_IWP_TASPEN_8')).toBe(
      'Iuran Taspen: 8% × (Rp 3.426.000 + Rp 479.640) = Rp 312.451 (dibulatkan ke bawah; rincian informatif: pensiun 4,75% Rp 185.517, THT 3,25% Rp 126.933)',
    );
    expect(textOf(family, 'PEMBULATAN')).toBe(
      'Pembulatan bersih sebelum PPh: Rp 4.026.963 → Rp 4.027.000 (+ Rp 37)',
    );
  });

  it('should print the TPP and its PPh with the factors and the TER bracket used', () => {
    expect(textOf(family, 'TPP_BK')).toBe(
      'TPP Beban Kerja 2026-02: pagu Rp 2.500.000 × [60% × 100% + 40%] = Rp 2.500.000',
    );
    expect(textOf(family, 'POT_PPH21_TPP')).toBe(
      'PPh 21 atas TPP: TER A 1,25% × Rp 7.176.872 = Rp 89.710 − PPh gaji Rp 0 = Rp 89.710',
    );
  });

  it('should print the flat TPP tax, THT PPPK and Tapera of a tenant that uses them', () => {
    const tenant = aTenantRuleset({
      'tpp.pph': { mode: 'FLAT_BY_GOLONGAN', percentByGolongan: { I: 0, II: 0, III: 5, IV: 15 } },
      'iuran.tapera': { enabled: true },
      'iuran.pppkThtPercent': 3.25,
    });
    const slip = computeMonthlyPay(
      aPayInput({ employee: { jenisAsn: 'PPPK', golongan: 'IX' } }),
      rulesetsFor(tenant),
    );
    expect(textOf(slip, 'POT_PPH21_TPP')).toBe(
      'PPh atas TPP tarif tetap golongan III: 5% × (Rp 2.500.000 − Rp 25.000) = Rp 123.750',
    );
    expect(textOf(slip, 'POT_THT_PPPK')).toBe(
      'Iuran THT PPPK: 3,25% × Rp 3.203.600 = Rp 104.117 (dibulatkan ke bawah)',
    );
    expect(textOf(slip, 'TUNJ_TAPERA')).toBe(
      'Simpanan Tapera pemberi kerja: 0,5% × Rp 3.203.600 = Rp 16.018',
    );
  });

  it('should print a stored slip (JSON, no texts) exactly as the computed one', () => {
    const stored = JSON.parse(JSON.stringify(family)) as PaySlip;
    expect(stored.lines.map(explainLine)).toEqual(family.lines.map(explainLine));
    expect(stored.lines.some((l) => 'explanation' in l)).toBe(false);
  });

  it('should have a template for every line and print every line with its amount (property)', () => {
    fc.assert(
      fc.property(aPayInputArb, (input) => {
        for (const line of run(input).lines) {
          const text = explainLine(line);
          expect(hasTemplate(line.ruleId)).toBe(true);
          expect(text).not.toMatch(/NaN|undefined|null|\[object/);
          expect(text).toContain(formatRupiah(line.amount));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('explainSlip', () => {
  it('should add the explanation to every line and keep one a line already carries', () => {
    const slip = computeMonthlyPay(aPayInput(), rulesetsFor('bukitintan'));
    const explained = explainSlip(slip);
    expect(explained.lines.map((l) => l.explanation)).toEqual(slip.lines.map(explainLine));
    const legacy = { ...slip.lines[0]!, explanation: 'teks lama' };
    expect(lineExplanation(legacy)).toBe('teks lama');
  });
});
