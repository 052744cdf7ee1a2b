import type { LineGroup } from '../../../core/pay/types';
import type { RunSummary, StoredSlip } from '../../../core/payroll/run-types';
import { formatBulan } from './format';

/**
 * What makes a THR or gaji 13 list recognisable on paper (gaji13-thr.md §7): its own title for the gaji
 * list and for the TPP share's list, and a note naming the regulation, the base month, the absence of
 * iuran and other deductions, and the lists the PPh was computed with. Regular runs keep their titles.
 */
const TITLES: Readonly<Record<string, Readonly<Record<LineGroup, { title: string; sheet: string }>>>> = {
  THR: {
    GAJI: { title: 'DAFTAR TUNJANGAN HARI RAYA (THR) PEGAWAI', sheet: 'Daftar THR' },
    TPP: { title: 'DAFTAR TPP PADA TUNJANGAN HARI RAYA (THR)', sheet: 'THR TPP' },
  },
  GAJI13: {
    GAJI: { title: 'DAFTAR GAJI KETIGA BELAS (GAJI KE-13) PEGAWAI', sheet: 'Daftar Gaji ke-13' },
    TPP: { title: 'DAFTAR TPP PADA GAJI KETIGA BELAS', sheet: 'Gaji ke-13 TPP' },
  },
};

export function specialListTitle(
  run: RunSummary,
  group: LineGroup,
): { title: string; sheet: string } | undefined {
  return TITLES[run.kind]?.[group];
}

export function specialListNotes(slips: readonly StoredSlip[], run: RunSummary): string[] {
  if (!TITLES[run.kind]) return [];
  const special = slips.find((s) => s.slip.meta.special)?.slip.meta.special;
  if (!special) return [];
  const masa = [...new Set(slips.flatMap((s) => s.slip.meta.special?.masaLists.map((l) => l.runId) ?? []))];
  return [
    `${run.kind === 'THR' ? 'THR' : 'Gaji ke-13'} ${special.year} menurut ${special.regulation}; bulan dasar ${formatBulan(special.baseMonth)}; bagian TPP ${special.tppPercent}% (${special.tppBasis === 'CEILING' ? 'pagu TPP kelas jabatan' : 'TPP dibayar pada bulan dasar'}).`,
    'Tanpa iuran dan potongan lain; PPh 21 ditanggung pemerintah (tunjangan PPh = potongan PPh).',
    `PPh 21 dihitung dengan TER atas bruto kumulatif masa ${formatBulan(run.month)}${masa.length > 0 ? ` bersama daftar ${masa.join(', ')}` : ''}.`,
  ];
}

/** The slip's second caption for a THR / gaji 13 slip: regulation, base month, no deductions. */
export function specialSlipCaption(slip: StoredSlip): string | undefined {
  const special = slip.slip.meta.special;
  if (!special) return undefined;
  return `${special.type === 'THR' ? 'THR' : 'Gaji ke-13'} ${special.year} (${special.regulation.split(' tentang ')[0]}), bulan dasar ${formatBulan(special.baseMonth)}; tanpa iuran dan potongan lain; PPh 21 ditanggung pemerintah`;
}
