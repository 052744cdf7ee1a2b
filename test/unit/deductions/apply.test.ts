import { describe, expect, it } from 'vitest';
import { type ApplyInput, applyDeductions, arrearsOf } from '../../../core/deductions/apply';
import type { DeductionEntry, DeductionType } from '../../../core/deductions/model';
import { deductionEntryInput, deductionTypeSchema, deductionTypesBody } from '../../../core/deductions/model';
import { deductionDifferences } from '../../../core/deductions/run';
import { instalmentAmount } from '../../../core/deductions/schedule';
import type { PaySlip } from '../../../core/pay/types';

/**
 * Expected figures are typed from ../shared/domain/potongan-lain.md §7 (a real SIPD row, January 2026):
 * SIPD bersih gaji 3.772.800 and TPP 3.208.478; post-list Korpri 5.000 + Dharma Wanita 15.000 + zakat
 * fitrah/infak 20.000 = 40.000 → transfer 3.732.800 / 3.208.478, take-home 6.941.278; and its shortfall
 * illustration (BPD 3.800.000 before the others; with a 75 % cap).
 */

const source = {
  regulation: 'potongan-lain.md §7 (contoh)',
  refs: ['S-SIPD-JABAR'],
  confidence: 'DEMO' as const,
};
const type = (
  over: Partial<DeductionType> & Pick<DeductionType, 'code' | 'name' | 'priority'>,
): DeductionType =>
  deductionTypeSchema.parse({
    layer: 'POST_LIST',
    category: 'LAINNYA',
    creditor: { name: `Kreditur ${over.code}` },
    appliesTo: 'GAJI',
    effectiveFrom: '2026-01',
    source,
    ...over,
  });
let n = 0;
const entry = (typeCode: string, over: Record<string, unknown>): DeductionEntry => ({
  ...deductionEntryInput.parse({
    typeCode,
    kind: 'FIXED',
    startMonth: '2026-01',
    reference: { kind: 'SURAT_KUASA_POTONG_GAJI', number: `SK-${typeCode}` },
    ...over,
  }),
  id: `e${++n}-${typeCode}`,
  createdAt: '2026-01-01T00:00:00Z',
  createdBy: 't',
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: 't',
});

const TYPES = [
  type({ code: 'BPD', name: 'Angsuran BPD', priority: 10, category: 'BANK' }),
  type({ code: 'KORPRI', name: 'Iuran Korpri', priority: 50, category: 'KORPRI' }),
  type({ code: 'DW', name: 'Iuran Dharma Wanita', priority: 51, category: 'DHARMA_WANITA' }),
  type({ code: 'INFAK', name: 'Zakat fitrah/infak', priority: 52, category: 'INFAK' }),
  type({
    code: 'ZAKAT',
    name: 'Zakat profesi',
    layer: 'IN_LIST',
    category: 'ZAKAT',
    priority: 5,
    percent: 2.5,
    base: 'GAPOK',
  }),
];
const EXAMPLE = [
  entry('KORPRI', { amount: 5_000 }),
  entry('DW', { amount: 15_000 }),
  entry('INFAK', { amount: 20_000 }),
];
// Only the bersih of each list matters to potongan lain; kotor from §7 for completeness.
const base = (over: Partial<ApplyInput> = {}): ApplyInput => ({
  month: '2026-01',
  special: false,
  lists: { GAJI: { kotor: 4_259_813, bersih: 3_772_800 }, TPP: { kotor: 3_450_121, bersih: 3_208_478 } },
  gajiPokok: 2_964_000,
  entries: EXAMPLE,
  types: TYPES,
  policy: null,
  arrears: new Map(),
  ...over,
});
const policy = (over: Record<string, unknown>) => ({
  carryArrears: true,
  effectiveFrom: '2026-01',
  source,
  ...over,
});

describe('potongan lain: potongan-lain.md §7 worked example', () => {
  it('post-list 40.000 from the gaji: transfer 3.732.800 / 3.208.478, take-home 6.941.278', () => {
    const out = applyDeductions(base())!;
    expect(out.sipdBersih).toBe(3_772_800 + 3_208_478);
    expect(out.gaji).toEqual({ sipdBersih: 3_772_800, takeHome: 3_732_800 });
    expect(out.tpp).toEqual({ sipdBersih: 3_208_478, takeHome: 3_208_478 });
    expect(out.takeHome).toBe(6_941_278);
    expect(out.postList.map((p) => [p.typeCode, p.taken, p.arrearCarried])).toEqual([
      ['KORPRI', 5_000, 0],
      ['DW', 15_000, 0],
      ['INFAK', 20_000, 0],
    ]);
    expect(out.notes).toEqual([]);
  });

  it('shortfall: BPD 3.800.000 takes 3.772.800 and carries 27.200; Korpri/DW/infak carry 40.000', () => {
    const out = applyDeductions(base({ entries: [...EXAMPLE, entry('BPD', { amount: 3_800_000 })] }))!;
    const bpd = out.postList.find((p) => p.typeCode === 'BPD')!;
    expect([bpd.taken, bpd.arrearCarried]).toEqual([3_772_800, 27_200]);
    const others = out.postList.filter((p) => p.typeCode !== 'BPD');
    expect(others.reduce((s, p) => s + p.taken, 0)).toBe(0);
    expect(others.reduce((s, p) => s + p.arrearCarried, 0)).toBe(40_000);
    expect(out.gaji?.takeHome).toBe(0);
    expect(out.takeHome).toBe(3_208_478);
    expect(bpd.note).toContain('Rp 27.200');
    expect(bpd.note).toContain('dibawa ke bulan berikutnya');
  });

  it('with maxPostListSharePercent 75 %: BPD takes 2.829.600 and carries 970.400', () => {
    const out = applyDeductions(
      base({
        entries: [...EXAMPLE, entry('BPD', { amount: 3_800_000 })],
        policy: policy({ maxPostListSharePercent: 75 }),
      }),
    )!;
    const bpd = out.postList.find((p) => p.typeCode === 'BPD')!;
    expect([bpd.taken, bpd.arrearCarried]).toEqual([2_829_600, 970_400]);
    expect(out.gaji?.takeHome).toBe(3_772_800 - 2_829_600);
  });

  it('the arrear comes back next month on top of the month’s own amount', () => {
    const jan = applyDeductions(base({ entries: [...EXAMPLE, entry('BPD', { amount: 3_800_000 })] }))!;
    const carried = arrearsOf(jan.postList);
    const feb = applyDeductions(
      base({
        month: '2026-02',
        entries: [...EXAMPLE],
        arrears: carried,
      }),
    )!;
    // Korpri/DW/infak: February's 40.000 plus January's 40.000.
    expect(feb.postList.reduce((s, p) => s + p.taken, 0)).toBe(80_000);
    expect(feb.postList.find((p) => p.typeCode === 'KORPRI')).toMatchObject({ arrearIn: 5_000, due: 10_000 });
  });

  it('minTakeHome keeps the floor on the whole slip', () => {
    const out = applyDeductions(
      base({
        entries: [entry('BPD', { amount: 3_800_000 })],
        policy: policy({ minTakeHome: 5_000_000 }),
      }),
    )!;
    // 3.772.800 + 3.208.478 − 5.000.000 = 1.981.278 may go to the BPD.
    expect(out.postList[0]?.taken).toBe(1_981_278);
    expect(out.takeHome).toBe(5_000_000);
  });

  it('carryArrears false: the shortfall is reported, not carried', () => {
    const out = applyDeductions(
      base({ entries: [entry('BPD', { amount: 3_800_000 })], policy: policy({ carryArrears: false }) }),
    )!;
    expect(out.postList[0]).toMatchObject({ taken: 3_772_800, arrearCarried: 0 });
    expect(out.notes[0]).toContain('tidak dibawa');
  });
});

describe('in-list zakat and special lists', () => {
  it('zakat 2,5 % of gaji pokok is inside the SIPD list: the SIPD bersih falls, post-list follows', () => {
    const out = applyDeductions(base({ entries: [...EXAMPLE, entry('ZAKAT', { kind: 'PERCENT' })] }))!;
    // 2,5 % × 2.964.000 = 74.100 (exact).
    expect(out.inList).toHaveLength(1);
    expect(out.inList[0]).toMatchObject({ typeCode: 'ZAKAT', taken: 74_100, fromGaji: 74_100 });
    expect(out.gaji).toEqual({ sipdBersih: 3_772_800 - 74_100, takeHome: 3_772_800 - 74_100 - 40_000 });
  });

  it('a nisab above the base: nothing due, a note says why', () => {
    const types = TYPES.map((t) => (t.code === 'ZAKAT' ? { ...t, nisabMonthly: 6_800_000 } : t));
    const out = applyDeductions(base({ types, entries: [entry('ZAKAT', { kind: 'PERCENT' })] }))!;
    expect(out.inList).toEqual([]);
    expect(out.notes[0]).toContain('nisab');
  });

  it('THR / gaji 13: no deduction unless the type opts in (post-list only)', () => {
    const special = base({ special: true, lists: { GAJI: { kotor: 3_000_000, bersih: 3_000_000 } } });
    expect(applyDeductions(special)).toBeUndefined();
    const types = TYPES.map((t) => (t.code === 'KORPRI' ? { ...t, appliesToSpecial: true } : t));
    const out = applyDeductions({ ...special, types })!;
    expect(out.postList.map((p) => [p.typeCode, p.taken])).toEqual([['KORPRI', 5_000]]);
  });

  it('instalments add up to the total exactly; the last one takes the rest', () => {
    const amounts = Array.from({ length: 12 }, (_, i) => instalmentAmount(1_000_000, 12, i + 1));
    expect(amounts[0]).toBe(83_333);
    expect(amounts[11]).toBe(1_000_000 - 83_333 * 11);
    expect(amounts.reduce((s, a) => s + a, 0)).toBe(1_000_000);
  });

  it('an instalment runs start … start + tenor − 1 and names angsuran ke-/tenor', () => {
    const e = entry('BPD', {
      kind: 'INSTALMENT',
      amount: undefined,
      instalment: { total: 1_200_000, tenor: 3 },
    });
    const at = (month: string) => applyDeductions(base({ month, entries: [e] }))?.postList[0];
    expect(at('2025-12')).toBeUndefined();
    expect(at('2026-03')).toMatchObject({ instalmentNo: 3, tenor: 3, taken: 400_000 });
    expect(at('2026-04')).toBeUndefined();
  });

  it('a dated rate change: each month uses the version of the type in force, periods may not overlap', () => {
    const zakat = TYPES.find((t) => t.code === 'ZAKAT')!;
    const versions = [
      { ...zakat, effectiveTo: '2026-06' },
      { ...zakat, percent: 2, effectiveFrom: '2026-07' },
    ];
    expect(deductionTypesBody.safeParse({ types: versions, policy: null }).success).toBe(true);
    const e = entry('ZAKAT', { kind: 'PERCENT' });
    const at = (month: string) =>
      applyDeductions(base({ month, types: versions, entries: [e] }))?.inList[0]?.taken;
    expect(at('2026-06')).toBe(74_100); // 2,5 % × 2.964.000
    expect(at('2026-07')).toBe(59_280); // 2 % × 2.964.000
    const overlap = deductionTypesBody.safeParse({ types: [zakat, { ...zakat, percent: 2 }], policy: null });
    expect(overlap.error?.issues[0]?.path).toEqual(['types', 1, 'effectiveFrom']);
  });

  it('verify finds a stored take-home that does not follow from the slip and its postings', () => {
    const d = applyDeductions(base({ entries: [...EXAMPLE, entry('BPD', { amount: 3_800_000 })] }))!;
    const group = (bersih: number) => ({
      penghasilan: 0,
      potongan: 0,
      bersih,
      iuranPemberiKerja: 0,
      employerCost: 0,
    });
    const slip = { totals: { gaji: group(3_772_800), tpp: group(3_208_478) } } as unknown as PaySlip;
    expect(deductionDifferences({ slip, deductions: d })).toEqual([]);
    const tampered = { ...d, takeHome: d.takeHome + 1 };
    expect(deductionDifferences({ slip, deductions: tampered }).map((x) => x.field)).toEqual([
      'potongan-lain.takeHome',
    ]);
  });
});
