import { describe, expect, it } from 'vitest';
import type { SlipDeductions } from '../../../core/deductions/apply';
import { creditorReadiness, remittances } from '../../../core/deductions/daftar';
import { deductionEntryInput, deductionTypeSchema } from '../../../core/deductions/model';
import { checkEntry } from '../../../core/deductions/register';
import type { StoredSlip } from '../../../core/payroll/run-types';

const source = { regulation: 'uji', refs: [], confidence: 'DEMO' as const };
const koperasi = deductionTypeSchema.parse({
  code: 'KOPERASI',
  name: 'Angsuran koperasi',
  layer: 'POST_LIST',
  category: 'KOPERASI',
  creditor: { name: 'KPRI Uji' },
  appliesTo: 'GAJI',
  priority: 30,
  effectiveFrom: '2026-01',
  source,
});
const employee = {
  nip: '198503152010011002',
  nama: 'Uji',
  opd: 'DISDIK',
  tmtStart: '2010-01-01',
  tmtEnd: '2026-12-31',
};
const entry = (over: Record<string, unknown>) =>
  deductionEntryInput.parse({
    typeCode: 'KOPERASI',
    kind: 'INSTALMENT',
    instalment: { total: 1_200_000, tenor: 12 },
    startMonth: '2026-06',
    reference: { kind: 'SURAT_KUASA_POTONG_GAJI', number: 'SK-1' },
    ...over,
  });

describe('register checks (issue #15 "bad input and safety")', () => {
  it('refuses an instalment that would run past the employee’s tmtEnd, naming the tenor', () => {
    // 2026-06 + 12 − 1 = 2027-05 > 2026-12 (pensiun).
    const issues = checkEntry(entry({}), [koperasi], employee);
    expect(issues.map((i) => i.path)).toEqual(['body.entry.instalment.tenor']);
    expect(issues[0]?.message).toContain('2027-05');
    expect(checkEntry(entry({ instalment: { total: 1_200_000, tenor: 7 } }), [koperasi], employee)).toEqual(
      [],
    );
  });

  it('refuses an unknown creditor type and names the ones that exist', () => {
    const issues = checkEntry(entry({ typeCode: 'ARISAN' }), [koperasi], employee);
    expect(issues[0]).toMatchObject({ path: 'body.entry.typeCode' });
    expect(issues[0]?.message).toContain('KOPERASI');
  });

  it('refuses amount ≤ 0 and an end month before the start in the model itself', () => {
    const bad = deductionEntryInput.safeParse({
      typeCode: 'KOPERASI',
      kind: 'FIXED',
      amount: 0,
      startMonth: '2026-06',
      endMonth: '2026-05',
      reference: { kind: 'PERBUP', number: 'x' },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['amount', 'endMonth']);
  });
});

describe('daftar per kreditur and readiness', () => {
  const posting = (over: Record<string, unknown>) => ({
    entryId: 'e1',
    typeCode: 'KOPERASI',
    typeName: 'Angsuran koperasi',
    layer: 'POST_LIST' as const,
    category: 'KOPERASI' as const,
    priority: 30,
    creditor: { name: 'KPRI Uji' },
    list: 'GAJI' as const,
    fromGaji: 100_000,
    fromTpp: 0,
    scheduled: 100_000,
    arrearIn: 0,
    due: 100_000,
    taken: 100_000,
    arrearCarried: 0,
    ...over,
  });
  const slip = (nip: string, opd: string, deductions: Partial<SlipDeductions>) =>
    ({
      header: { nip, nama: `Pegawai ${nip}`, golongan: 'III/a', opd },
      deductions: { sipdBersih: 0, takeHome: 0, inList: [], postList: [], notes: [], ...deductions },
    }) as unknown as StoredSlip;
  const slips = [
    slip('1', 'DISDIK', { postList: [posting({})] }),
    slip('2', 'DINKES', { postList: [posting({ taken: 60_000, arrearCarried: 40_000 })] }),
  ];

  it('remits one total per creditor across OPDs, with the arrears it is told about', () => {
    expect(remittances(slips)).toEqual([
      expect.objectContaining({ typeCode: 'KOPERASI', employees: 2, jumlah: 160_000, tunggakan: 40_000 }),
    ]);
  });

  it('names a post-list creditor without an account as not ready for both creditor exports', () => {
    const issues = creditorReadiness(slips);
    expect(issues.map((i) => i.exportId)).toEqual(['potongan-kreditur', 'rekap-potongan-kreditur']);
    expect(issues[0]?.message).toContain('KPRI Uji');
    const withAccount = slips.map((s) => ({
      ...s,
      deductions: {
        ...s.deductions!,
        postList: s.deductions!.postList.map((p) => ({
          ...p,
          creditor: {
            name: 'KPRI Uji',
            bank: 'Bank BPD',
            accountNumber: '990123456',
            accountName: 'KPRI UJI',
          },
        })),
      },
    }));
    expect(creditorReadiness(withAccount)).toEqual([]);
  });
});
