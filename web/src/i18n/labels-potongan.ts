import { formatRupiah } from '../format';

/**
 * Potongan lain (issue #15): the deductions for third parties on the slip (in the SIPD list and after
 * it, from the transfer), and the register page "Potongan" (entries per employee, creditor import).
 */
export const POTONGAN_SLIP_LABELS = {
  potonganLain: 'Potongan lain',
  potonganLainNote:
    'Dipotong dari transfer setelah daftar gaji (SIPD) dan disetor bendahara kepada kreditur; tidak mengubah jumlah bersih daftar.',
  totalPotonganLain: 'Jumlah potongan lain',
  diterima: 'Diterima',
  diterimaNote: 'Jumlah bersih dikurangi potongan lain: yang ditransfer ke rekening Anda.',
  creditor: (name: string) => `Kepada ${name}`,
  instalment: (no: number, tenor: number) => `angsuran ke-${no} dari ${tenor}`,
  accountRef: (ref: string) => `nomor rekening/pinjaman ${ref}`,
  reference: (kind: string, number: string) => `${REFERENCE_KIND_LABELS[kind] ?? kind} ${number}`,
  arrearIn: (amount: number) => `termasuk tunggakan bulan lalu ${formatRupiah(amount)}`,
  arrearCarried: (amount: number) => `kurang dipotong ${formatRupiah(amount)}, dibawa ke bulan berikutnya`,
  fromList: { GAJI: 'dari gaji', TPP: 'dari TPP', GAJI_TPP: 'dari gaji dan TPP' } as Record<string, string>,
} as const;

export const REFERENCE_KIND_LABELS: Record<string, string> = {
  SURAT_KUASA_POTONG_GAJI: 'Surat kuasa potong gaji',
  SIP_RUMAH_DINAS: 'SIP rumah dinas',
  PERBUP: 'Perbup',
  PERNYATAAN: 'Surat pernyataan',
  LAINNYA: 'Dokumen',
};
