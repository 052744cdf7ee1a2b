import { formatRupiah } from '../../../core/pay/format';
import type { LineGroup } from '../../../core/pay/types';
import type { RunSummary, StoredSlip } from '../../../core/payroll/run-types';
import { formatBulan } from './format';

/**
 * A RAPEL run on paper (rapel.md §2: the daftar kekurangan gaji, its own SPP/SPM-LS): its own titles for
 * the gaji and the TPP differences, and notes naming the months and causes corrected, the PPh method, the
 * list's own pembulatan and any kelebihan established instead of paid. The columns are the gaji list's
 * own (the differences keep their line codes), so the daftar reads like the daftar gaji it corrects.
 */
const TITLES: Readonly<Record<LineGroup, { title: string; sheet: string }>> = {
  GAJI: { title: 'DAFTAR KEKURANGAN GAJI (RAPEL) PEGAWAI', sheet: 'Daftar Kekurangan Gaji' },
  TPP: { title: 'DAFTAR KEKURANGAN TPP (RAPEL)', sheet: 'Kekurangan TPP' },
};

export function rapelListTitle(
  run: RunSummary,
  group: LineGroup,
): { title: string; sheet: string } | undefined {
  return run.kind === 'RAPEL' ? TITLES[group] : undefined;
}

export function rapelListNotes(slips: readonly StoredSlip[], run: RunSummary): string[] {
  if (run.kind !== 'RAPEL') return [];
  const sections = slips.flatMap((s) => (s.slip.meta.rapel ? [s.slip.meta.rapel] : []));
  if (sections.length === 0) return [];
  const months = [...new Set(sections.flatMap((r) => r.months.map((m) => m.month)))].sort();
  const causes = [...new Set(sections.flatMap((r) => r.months.map((m) => m.cause)))];
  const methods = new Set(sections.map((r) => r.arrearsTaxMethod));
  const kelebihan = sections.filter((r) => (r.kelebihan ?? 0) > 0);
  return [
    `Kekurangan gaji bulan ${months.map(formatBulan).join(', ')} dibayar pada ${formatBulan(run.month)} (${causes.join('; ')}).`,
    'Selisih per baris = dihitung ulang dengan data baru dan aturan yang berlaku pada bulan asal − yang telah dibayar; iuran (IWP 1%, Taspen 8%) dipotong, iuran pemberi kerja dicatat sebagai penghasilan dan potongan.',
    `Pembulatan atas bersih daftar ini sendiri; PPh 21 ${methods.has('PER_ORIGINAL_MONTH') ? 'selisih per bulan asal' : `pada masa ${formatBulan(run.month)} (TER atas bruto kumulatif)`}.`,
    ...(kelebihan.length > 0
      ? [
          `${kelebihan.length} pegawai kelebihan bayar (jumlah ${formatRupiah(kelebihan.reduce((s, r) => s + (r.kelebihan ?? 0), 0))}): tidak dibayar, dipotong angsuran pada gaji berikutnya.`,
        ]
      : []),
  ];
}
