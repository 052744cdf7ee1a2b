import { describe, expect, it } from 'vitest';
import { postingText, slipNets, takenOf } from '../../../web/src/components/slip/slip-deductions';
import type { DeductionPosting } from '../../../web/src/components/slip/types';

const posting = (
  p: Partial<DeductionPosting> & Pick<DeductionPosting, 'typeCode' | 'taken'>,
): DeductionPosting => ({
  entryId: p.typeCode,
  typeName: p.typeCode,
  layer: 'POST_LIST',
  category: 'LAINNYA',
  priority: 50,
  creditor: { name: p.typeCode },
  list: 'GAJI',
  arrearIn: 0,
  due: p.taken,
  arrearCarried: 0,
  ...p,
});

/** potongan-lain.md §7: SIPD bersih 3.772.800 (gaji) + 3.208.478 (TPP); Korpri, DW and infak after the list. */
describe('slip potongan lain (console)', () => {
  const postList = [
    posting({ typeCode: 'KORPRI', taken: 5_000 }),
    posting({ typeCode: 'DHARMA_WANITA', taken: 15_000 }),
    posting({ typeCode: 'INFAK', taken: 20_000 }),
  ];
  const view = {
    slip: { totals: { bersih: 6_981_278 } },
    deductions: { sipdBersih: 6_981_278, takeHome: 6_941_278, inList: [], postList, notes: [] },
  } as unknown as Parameters<typeof slipNets>[0];

  it('should show the SIPD bersih as Jumlah bersih and the transfer as Diterima', () => {
    expect(takenOf(postList)).toBe(40_000);
    expect(slipNets(view)).toEqual({ bersih: 6_981_278, diterima: 6_941_278 });
  });

  it('should show no Diterima when nothing is taken after the list, and the slip bersih when nothing applied', () => {
    const noPost = { ...view, deductions: { ...view.deductions!, postList: [], takeHome: 6_981_278 } };
    expect(slipNets(noPost)).toEqual({ bersih: 6_981_278 });
    expect(slipNets({ slip: view.slip })).toEqual({ bersih: 6_981_278 });
  });

  it('should say a shortfall is carried (§7 illustration: BPD instalment 3.800.000 on 3.772.800 available)', () => {
    const bpd = posting({
      typeCode: 'BPD',
      due: 3_800_000,
      taken: 3_772_800,
      arrearCarried: 27_200,
      instalmentNo: 4,
      tenor: 24,
      reference: { kind: 'SURAT_KUASA_POTONG_GAJI', number: '12/BPD/2026' },
    });
    expect(postingText(bpd)).toBe(
      'Dari gaji; angsuran ke-4 dari 24; Surat kuasa potong gaji 12/BPD/2026; kurang dipotong Rp27.200, dibawa ke bulan berikutnya',
    );
  });
});
