import { describe, expect, it } from 'vitest';
import { PayRules } from '../../../core/pay/pay-rules';
import type { PaySlip } from '../../../core/pay/types';
import { lineAmounts } from '../../../core/payroll/corrections';
import {
  basisTaxFacts,
  composeRapel,
  employerAmountsOf,
  type RapelContext,
  type RapelMonth,
  type RapelSetting,
  rapelMonth,
} from '../../../core/payroll/rapel';
import { computeSlipOfKind } from '../../../core/payroll/run-kinds';
import type { PaidRecord } from '../../../core/payroll/run-types';
import { anEmployee, rulesetsFor } from '../pay/builders';
import { example2Employee } from '../pay/golden/worked-examples';

/**
 * rapel.md §6: KP III/a → III/b (MKG 2), TMT 1 March 2026, the SK arrives in April. March was paid on
 * III/a MKG 0 (worked-examples.md Example 2); April's gaji induk is made on III/b MKG 2 = 2.995.000 and
 * the kekurangan for March is paid in April on a separate list. Expected figures typed from rapel.md.
 */
const rules = new PayRules(rulesetsFor('bantul'));
const promoted = { ...example2Employee, golongan: 'III/b', mkgYears: 2 };
const gajiOf = (month: string, employee = example2Employee) =>
  computeSlipOfKind({ tenantId: 'bantul', month, employee }, rules, 'GAJI');

function paidRecord(slip: PaySlip, month: string): PaidRecord {
  const a = lineAmounts(slip);
  return {
    month,
    kind: 'GAJI',
    runId: `${month}-GAJI`,
    inputHash: 'old',
    rulesetVersion: rules.version,
    lineAmounts: a.amounts,
    labels: a.labels,
    taxFacts: slip.meta.taxFacts,
    employerAmounts: employerAmountsOf(slip),
  };
}

const setting = (arrearsTaxMethod: RapelSetting['arrearsTaxMethod']): RapelContext['setting'] => ({
  value: { payment: 'SEPARATE_LIST', arrearsTaxMethod, maxRecoveryPerMonth: 500_000 },
  citation: {
    parameterId: 'gaji.rapel',
    regulation: 'test',
    refs: [],
    confidence: 'DEMO',
    from: '2024-01-01',
  },
});

function contextFor(
  method: RapelSetting['arrearsTaxMethod'],
  masaSoFar: RapelContext['masaSoFar'],
): RapelContext {
  return {
    tenantId: 'bantul',
    payMonth: '2026-04',
    employee: promoted,
    rules,
    setting: setting(method),
    masaSoFar,
  };
}

const amount = (slip: PaySlip, code: string) =>
  slip.lines.filter((l) => l.code === code).reduce((s, l) => s + l.amount, 0);

describe('rapel.md §6 — KP III/a → III/b MKG 2, TMT 1 March 2026, paid in April (golden)', () => {
  const march = rapelMonth(paidRecord(gajiOf('2026-03'), '2026-03'), gajiOf('2026-03', promoted), 'KP');
  const april = gajiOf('2026-04', promoted).meta.taxFacts;
  const { slip, section } = composeRapel([march], contextFor('PAYMENT_MONTH', april));

  it('differences March per line: old as paid, new recomputed on the new base', () => {
    const row = (code: string) => march.rows.find((r) => r.code === code);
    expect(row('GAJI_POKOK')).toMatchObject({ old: 2_785_700, new: 2_995_000, diff: 209_300 });
    expect(row('TUNJ_BPJS_KESEHATAN')).toMatchObject({ old: 118_828, new: 127_200, diff: 8_372 });
    expect(row('TUNJ_JKK')).toMatchObject({ old: 6_686, new: 7_188, diff: 502 });
    expect(row('TUNJ_JKM')).toMatchObject({ old: 20_057, new: 21_564, diff: 1_507 });
    expect(row('POT_IWP_BPJS_1')).toMatchObject({ old: 29_707, new: 31_800, diff: 2_093 });
    expect(row('POT_IWP_TASPEN_8')).toMatchObject({ old: 222_856, new: 239_600, diff: 16_744 });
    // Tunjangan umum and beras unchanged: no row; pembulatan is never differenced.
    expect(row('TUNJ_UMUM')).toBeUndefined();
    expect(row('TUNJ_BERAS')).toBeUndefined();
    expect(row('PEMBULATAN')).toBeUndefined();
  });

  it('pays 209.300 / 8.372 / 502 / 1.507 less 2.093 / 16.744 and the pass-through pairs', () => {
    expect(amount(slip, 'GAJI_POKOK')).toBe(209_300);
    expect(amount(slip, 'TUNJ_BPJS_KESEHATAN')).toBe(8_372);
    expect(amount(slip, 'TUNJ_JKK')).toBe(502);
    expect(amount(slip, 'TUNJ_JKM')).toBe(1_507);
    expect(amount(slip, 'POT_IWP_BPJS_1')).toBe(2_093);
    expect(amount(slip, 'POT_IWP_TASPEN_8')).toBe(16_744);
    expect(amount(slip, 'POT_BPJS_KESEHATAN_PEMBERI_KERJA')).toBe(8_372);
    expect(amount(slip, 'POT_JKK')).toBe(502);
    expect(amount(slip, 'POT_JKM')).toBe(1_507);
    expect(amount(slip, 'TUNJ_UMUM')).toBe(0);
  });

  it('rounds the rapel list’s own net: 190.463 → pembulatan 37 → bersih 190.500', () => {
    expect(section.netBeforePembulatan).toBe(190_463);
    expect(section.pembulatan).toBe(37);
    expect(amount(slip, 'PEMBULATAN')).toBe(37);
    expect(slip.totals.penghasilan - amount(slip, 'TUNJ_PPH21')).toBe(219_681 + 37);
    expect(slip.totals.potongan - amount(slip, 'POT_PPH21')).toBe(29_218);
    expect(slip.totals.bersih).toBe(190_500);
    expect(section.bersih).toBe(190_500);
  });

  it('PPh (method 1): April bruto 3.408.452 + rapel 219.681 + 37 = 3.628.170 → TER A 0% → 0', () => {
    expect(april.brutoGaji).toBe(3_408_452);
    expect(slip.meta.taxFacts.brutoGaji).toBe(219_681 + 37);
    expect(april.brutoGaji + slip.meta.taxFacts.brutoGaji).toBe(3_628_170);
    expect(amount(slip, 'POT_PPH21')).toBe(0);
    expect(amount(slip, 'TUNJ_PPH21')).toBe(0);
    // Taspen 8% on back pay counts as iuran pensiun of the payment month.
    expect(slip.meta.taxFacts.iuranPensiun).toBe(16_744);
  });
});

describe('arrearsTaxMethod (rapel.md §5)', () => {
  const march = rapelMonth(paidRecord(gajiOf('2026-03'), '2026-03'), gajiOf('2026-03', promoted), 'KP');

  it('PAYMENT_MONTH: TER on the masa’s cumulative bruto minus what the masa already withheld; DTP nets out', () => {
    // April's other lists brought the masa to 5.300.000 bruto (TER A 0%); with the rapel's 219.718 the
    // masa is 5.519.718 → A 0,25% (pph21-ter-bulanan.json: 5.400.001–5.650.000) = 13.799 (truncated).
    const masa = { brutoGaji: 5_300_000, brutoTpp: 0, pphGaji: 0, pphTpp: 0 };
    const { slip, section } = composeRapel([march], contextFor('PAYMENT_MONTH', masa));
    expect(amount(slip, 'POT_PPH21')).toBe(13_799);
    expect(amount(slip, 'TUNJ_PPH21')).toBe(13_799);
    expect(section.pph).toBe(13_799);
    expect(slip.totals.bersih).toBe(190_500);
    expect(slip.meta.taxFacts).toMatchObject({ brutoGaji: 219_718, pphGaji: 13_799 });
  });

  it('PAYMENT_MONTH: PPh already withheld in the masa is not taken twice', () => {
    const masa = { brutoGaji: 5_300_000, brutoTpp: 0, pphGaji: 0, pphTpp: 0 };
    const withTpp = { brutoGaji: 3_408_452, brutoTpp: 1_891_548, pphGaji: 0, pphTpp: 0 };
    expect(composeRapel([march], contextFor('PAYMENT_MONTH', withTpp)).section.pph).toBe(
      composeRapel([march], contextFor('PAYMENT_MONTH', masa)).section.pph,
    );
    const taxed = { brutoGaji: 5_600_000, brutoTpp: 0, pphGaji: 14_000, pphTpp: 0 };
    // 5.819.718 → A 0,5% = 29.098 (truncated); 14.000 was withheld on the gaji list already.
    expect(composeRapel([march], contextFor('PAYMENT_MONTH', taxed)).section.pph).toBe(29_098 - 14_000);
  });

  it('PER_ORIGINAL_MONTH: each month’s PPh recomputed on its new bruto; the selisih is paid now', () => {
    const masa = { brutoGaji: 5_300_000, brutoTpp: 0, pphGaji: 0, pphTpp: 0 };
    // March's bruto stays in TER A 0% (3,4 million) on both bases: no selisih PPh.
    const { slip } = composeRapel([march], contextFor('PER_ORIGINAL_MONTH', masa));
    expect(amount(slip, 'POT_PPH21')).toBe(0);
    expect(slip.totals.bersih).toBe(190_500);
    // Months whose TER PPh rose: Σ(new − old) = (15.000 − 13.500) + (16.200 − 15.000).
    const taxedMonths: RapelMonth[] = [
      { ...march, month: '2026-02', pph: { gajiOld: 13_500, gajiNew: 15_000, tppOld: 0, tppNew: 0 } },
      { ...march, pph: { gajiOld: 15_000, gajiNew: 16_200, tppOld: 0, tppNew: 0 } },
    ];
    const both = composeRapel(taxedMonths, contextFor('PER_ORIGINAL_MONTH', masa));
    expect(amount(both.slip, 'POT_PPH21')).toBe(2_700);
    // PNS gaji is DTP: tunjangan PPh = potongan PPh, the net is the method's no matter.
    expect(amount(both.slip, 'TUNJ_PPH21')).toBe(2_700);
    expect(both.slip.totals.bersih).toBe(2 * 190_463 + both.section.pembulatan);
  });

  it('PER_ORIGINAL_MONTH moves the new bruto to the original month; PAYMENT_MONTH keeps it as paid', () => {
    const paid = paidRecord(gajiOf('2026-03'), '2026-03');
    const now = gajiOf('2026-03', promoted);
    expect(basisTaxFacts('PAYMENT_MONTH', paid, now)).toEqual(paid.taxFacts);
    expect(basisTaxFacts('PER_ORIGINAL_MONTH', paid, now)).toEqual({
      ...paid.taxFacts,
      brutoGaji: now.meta.taxFacts.brutoGaji,
      brutoTpp: now.meta.taxFacts.brutoTpp,
      iuranPensiun: now.meta.taxFacts.iuranPensiun,
    });
  });

  it('a PPPK whose PPh the PPPK bears: the PPh reduces the net and the rapel rounds after PPh', () => {
    const pppk = { ...anEmployee({ jenisAsn: 'PPPK', golongan: 'IX', mkgYears: 0 }) };
    const before = computeSlipOfKind({ tenantId: 'bantul', month: '2026-03', employee: pppk }, rules, 'GAJI');
    const after = computeSlipOfKind(
      { tenantId: 'bantul', month: '2026-03', employee: { ...pppk, golongan: 'X' } },
      rules,
      'GAJI',
    );
    const m = rapelMonth(paidRecord(before, '2026-03'), after, 'KP');
    const masa = { brutoGaji: 5_300_000, brutoTpp: 0, pphGaji: 0, pphTpp: 0 };
    const { slip, section } = composeRapel([m], { ...contextFor('PAYMENT_MONTH', masa), employee: pppk });
    expect(amount(slip, 'TUNJ_PPH21')).toBe(0);
    expect(section.pph).toBeGreaterThan(0);
    expect(slip.totals.bersih % 100).toBe(0);
    expect(slip.totals.bersih).toBe(section.netBeforePembulatan - section.pph + section.pembulatan);
  });
});

describe('a net overpayment is a kelebihan, not a payment', () => {
  it('pays nothing and establishes the net as kelebihan to recover', () => {
    // A demotion back-dated into a paid month (hukuman disiplin penurunan pangkat): the reverse of §6.
    const m = rapelMonth(paidRecord(gajiOf('2026-03', promoted), '2026-03'), gajiOf('2026-03'), 'KP');
    const { slip, section } = composeRapel(
      [m],
      contextFor('PAYMENT_MONTH', { brutoGaji: 0, brutoTpp: 0, pphGaji: 0, pphTpp: 0 }),
    );
    expect(section.kelebihan).toBe(190_463);
    expect(section.bersih).toBe(0);
    expect(slip.totals.bersih).toBe(0);
    expect(slip.lines.every((l) => l.kind === 'INFORMASI')).toBe(true);
    expect(slip.meta.taxFacts.brutoGaji).toBe(-219_681);
  });
});
